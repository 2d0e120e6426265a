import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import SearchIndex
import VietnameseText

/// The Authority's labour report.
struct LabourReports: BoardService {
    let core: BoardCore

    /// The Authority's labour report for `from`…`to` (both days included), of one zone or all (``LabourReport``).
    ///
    /// | part | from |
    /// |---|---|
    /// | demand | every posting open at some time in the period (posted by its end or undated, not closed before its start), read from the postings' index; the same employer, occupation and zone posted within 30 days counts once, the larger openings kept |
    /// | supply | every profile, counted from the profiles' index columns (category, education, occupation, home) in one pass |
    /// | tension | per occupation and zone, the openings against the candidates of the occupation eligible (``JobMatcher/Eligibility``: education, age) for one of its postings, in the same pass |
    /// | fills | the referrals made in the period (``ReferralLedger``), hires against openings |
    /// | training gaps | the job fair's gaps for each occupation's largest posting open at the period's end, among each one's first 100 candidates (``JobMatcher/trainingGaps(postings:asOf:profiles:candidatesPerPosting:)``) |
    ///
    /// No personal data: counts only.
    public func labourReport(from: CalendarDate, to: CalendarDate, zone: String? = nil) throws -> LabourReport {
        let days = Instant.daysFromCivil(to.year, to.month, to.day) - Instant.daysFromCivil(from.year, from.month, from.day) + 1
        let period = LabourReport.Period(from: from, to: to, previousFrom: from.adding(days: -days), previousTo: from.adding(days: -1), zone: zone)
        // The referrals are read from the store (all of them, the first time) while the postings and profiles are counted.
        let referralLedger = self.referralLedger
        let ledgerWork = BackgroundWork { try referralLedger.current() }
        let occupations = reference.occupations
        func occupationName(_ code: String) -> String { occupations.occupations[code]?.vietnamese ?? "chưa phân loại" }
        let unclassified = "-"

        // Every posting once, from the index's stored fields.
        // A zone as written, compared folded (accents, case, spaces), each distinct spelling once.
        var inZone: [String: Bool] = [:]
        func isInZone(_ name: String?) -> Bool {
            guard let zone else { return true }
            if let known = inZone[name ?? ""] { return known }
            let answer = Referrals.sameEmployer(name ?? "", zone)
            inZone[name ?? ""] = answer
            return answer
        }
        var all: [Classified] = []
        try postings.index().snapshot.forEachStoredFields { _, stored in
            let posting = try StoredRecord.posting(stored)
            if !isInZone(posting.zone) { return }
            all.append(Classified(posting: posting, occupation: occupations.occupations(of: posting).first?.code ?? unclassified, group: 0))
        }
        func isOpen(_ posting: JobPosting, _ first: CalendarDate, _ last: CalendarDate) -> Bool {
            (posting.posted.map { $0 <= last } ?? true) && (posting.deadline.map { $0 >= first } ?? true)
        }
        Self.group(&all)
        let (kept, duplicates) = Self.countedOnce(all, all.indices.filter { isOpen(all[$0].posting, from, to) }, occupationName: occupationName)
        let (previous, _) = Self.countedOnce(all, all.indices.filter { isOpen(all[$0].posting, period.previousFrom, period.previousTo) },
                                             occupationName: occupationName)
        // Training gaps: the fair's, for each occupation's largest posting open at the period's end (a ranked search each:
        // every posting of a season would be 100,000 searches), worked out on another thread while the rest is counted.
        var largest: [String: [JobPosting]] = [:]
        for entry in kept where entry.posting.deadline.map({ $0 >= to }) ?? true {
            largest[entry.occupation, default: []].append(entry.posting)
        }
        let representatives = largest.keys.sorted().flatMap { code in
            largest[code]!.sorted { ($0.openings ?? 1, $1.id) > ($1.openings ?? 1, $0.id) }.prefix(Self.reportGapPostings)
        }
        let gapProfiles = try profiles.index()
        let matcher = self.matcher
        let gapsWork = BackgroundWork { () throws -> [LabourReport.TrainingGap] in
            guard !representatives.isEmpty else { return [] }
            return try matcher.trainingGaps(postings: representatives, asOf: to, profiles: gapProfiles, candidatesPerPosting: Self.reportGapCandidates)
                .prefix(10).map { gap in
                    LabourReport.TrainingGap(course: gap.course.name, lacking: gap.lacking, candidates: gap.candidates.count, postings: gap.postings.count,
                                             sentence: gap.sentence, support: gap.course.support)
                }
        }

        var demand = LabourReport.Demand()
        demand.postings = kept.count
        demand.openings = kept.reduce(0) { $0 + $1.openings }
        demand.previousPostings = previous.count
        demand.previousOpenings = previous.reduce(0) { $0 + $1.openings }
        demand.newPostings = kept.filter { $0.posting.posted.map { $0 >= from && $0 <= to } ?? false }.count
        demand.closedPostings = kept.filter { $0.posting.deadline.map { $0 >= from && $0 <= to } ?? false }.count
        func tally(_ key: (Kept) -> [String], name: (String) -> String) -> [LabourReport.Count] {
            var counts: [String: (postings: Int, openings: Int)] = [:]
            for posting in kept {
                for value in key(posting) {
                    counts[value, default: (0, 0)].postings += 1
                    counts[value]!.openings += posting.openings
                }
            }
            return counts.map { LabourReport.Count(key: $0.key, name: name($0.key), postings: $0.value.postings, openings: $0.value.openings) }
                .sorted { ($0.openings ?? 0, $1.name) > ($1.openings ?? 0, $0.name) }
        }
        demand.byOccupation = tally({ [$0.occupation] }, name: occupationName)
        demand.byZone = tally({ [$0.posting.zone ?? "(không khu)"] }, name: { $0 })
        demand.byEducation = tally({ [($0.posting.educationMin ?? .none).rawValue] }, name: { EducationLevel(rawValue: $0)?.vietnameseName ?? $0 })
        demand.byAudience = tally({ $0.posting.audiences.map { $0.map(\.rawValue) } ?? ["all"] },
                                  name: { CandidateCategory(rawValue: $0)?.vietnameseName ?? "mọi đối tượng" })
        var salaries: [String: [(low: Int, high: Int)]] = [:]
        for posting in kept {
            guard let low = posting.posting.salaryMin ?? posting.posting.salaryMax else { continue }
            salaries[posting.occupation, default: []].append((low, posting.posting.salaryMax ?? low))
        }
        demand.salaries = salaries.map { code, ranges in
            let middles = ranges.map { ($0.low + $0.high) / 2 }.sorted()
            return LabourReport.SalaryRange(key: code, name: occupationName(code), postings: ranges.count, lowest: ranges.map(\.low).min()!,
                                            median: middles[middles.count / 2], highest: ranges.map(\.high).max()!)
        }.sorted { ($0.postings, $1.name) > ($1.postings, $0.name) }

        // Supply and who fits, in one pass over the profiles' columns (no stored record decoded).
        // The rules of each occupation's postings, each with the zones of the postings that have it.
        var rules: [String: [JobMatcher.Eligibility: Set<String>]] = [:]
        var openingsByOccupation: [String: Int] = [:]
        var openingsByZone: [String: Int] = [:]
        for posting in kept where posting.occupation != unclassified {
            let zoneName = posting.posting.zone ?? "(không khu)"
            rules[posting.occupation, default: [:]][JobMatcher.Eligibility(posting: posting.posting, asOf: to), default: []].insert(zoneName)
            openingsByOccupation[posting.occupation, default: 0] += posting.openings
            openingsByZone[zoneName, default: 0] += posting.openings
        }
        var zoneNumbers: [String: Int] = [:]
        for zone in openingsByZone.keys.sorted() { zoneNumbers[zone] = zoneNumbers.count }
        let ruleLists = rules.mapValues { $0.map { (rule: $0.key, zones: $0.value.map { zoneNumbers[$0]! }) } }
        var categories: [String: Int] = [:], educations: [String: Int] = [:], occupationsHeld: [String: Int] = [:], homes: [String: Int] = [:]
        var fitsOccupation: [String: Int] = [:]
        var fitsZone = [Int](repeating: 0, count: zoneNumbers.count)
        var candidates = 0
        let people = try profiles.index()
        try people.snapshot.forEachSegmentColumns(keywords: [ProfileKeyword.category, .education, .occupation, .district].map(\.rawValue),
                                                   numbers: [ProfileNumber.birthYear.rawValue]) { columns in
            // Counts by key number, named once the segment is done.
            var counts = columns.keys.map { [Int](repeating: 0, count: $0.count) }
            var fitting = [Int](repeating: 0, count: columns.keys[2].count)
            let levels = columns.keys[1].map { EducationLevel(rawValue: $0) ?? .none }
            let occupationRules = columns.keys[2].map { ruleLists[$0] ?? [] }
            var seen = [Int](repeating: -1, count: zoneNumbers.count)  // the last document that counted a zone
            for doc in 0..<columns.documentCount where columns.isLive(doc) {
                candidates += 1
                for field in [0, 3] { for key in columns.keywords(field, of: doc) { counts[field][Int(key)] += 1 } }
                let educationKey = columns.keywords(1, of: doc).first
                if let educationKey { counts[1][Int(educationKey)] += 1 }
                let education = educationKey.map { levels[Int($0)] } ?? .none
                let birthYear = columns.number(0, of: doc).map { Int($0) }
                for key in columns.keywords(2, of: doc) {
                    counts[2][Int(key)] += 1
                    var fits = false
                    for entry in occupationRules[Int(key)] where entry.rule.admits(education: education, birthYear: birthYear) {
                        fits = true
                        for zone in entry.zones where seen[zone] != doc {
                            seen[zone] = doc
                            fitsZone[zone] += 1
                        }
                    }
                    if fits { fitting[Int(key)] += 1 }
                }
                if educationKey == nil { educations[EducationLevel.none.rawValue, default: 0] += 1 }
            }
            for (key, count) in counts[0].enumerated() where count > 0 { categories[columns.keys[0][key], default: 0] += count }
            for (key, count) in counts[1].enumerated() where count > 0 { educations[columns.keys[1][key], default: 0] += count }
            for (key, count) in counts[2].enumerated() where count > 0 { occupationsHeld[columns.keys[2][key], default: 0] += count }
            for (key, count) in counts[3].enumerated() where count > 0 { homes[columns.keys[3][key], default: 0] += count }
            for (key, count) in fitting.enumerated() where count > 0 { fitsOccupation[columns.keys[2][key], default: 0] += count }
        }
        func counted(_ counts: [String: Int], _ label: (String) -> String) -> [LabourReport.Count] {
            counts.map { LabourReport.Count(key: $0.key, name: label($0.key), candidates: $0.value) }
                .sorted { ($0.candidates ?? 0, $1.name) > ($1.candidates ?? 0, $0.name) }
        }
        var supply = LabourReport.Supply()
        supply.candidates = candidates
        supply.byCategory = counted(categories) { CandidateCategory(rawValue: $0)?.vietnameseName ?? $0 }
        supply.byEducation = counted(educations) { EducationLevel(rawValue: $0)?.vietnameseName ?? $0 }
        supply.byOccupation = counted(occupationsHeld, occupationName)
        supply.byHome = counted(homes) { $0 }

        var tension = LabourReport.Tension()
        tension.byOccupation = openingsByOccupation.map { .init(key: $0.key, name: occupationName($0.key), openings: $0.value, candidates: fitsOccupation[$0.key] ?? 0) }
            .sorted { Self.shorter($0, $1) }
        tension.byZone = openingsByZone.map { .init(key: $0.key, name: $0.key, openings: $0.value, candidates: fitsZone[zoneNumbers[$0.key]!]) }
            .sorted { Self.shorter($0, $1) }
        func sentence(_ line: LabourReport.Tension.Line) -> String {
            "\(line.name) (\(VietnameseNumber.text(line.openings)) chỉ tiêu, \(VietnameseNumber.text(line.candidates)) ứng viên phù hợp)"
        }
        let short = tension.byOccupation.filter { $0.openings >= 5 && $0.openings > $0.candidates }.prefix(5)
        if !short.isEmpty { tension.shortest = ["Thiếu lao động nhất: " + short.map(sentence).joined(separator: "; ")] }
        let shortZones = tension.byZone.filter { $0.openings > $0.candidates }.prefix(3)
        if !shortZones.isEmpty { tension.shortest.append("Khu thiếu lao động nhất: " + shortZones.map(sentence).joined(separator: "; ")) }
        let surplus = tension.byOccupation.reversed().filter { $0.candidates > $0.openings }.prefix(5)
        if !surplus.isEmpty { tension.surplus = ["Nhiều ứng viên hơn chỉ tiêu: " + surplus.map(sentence).joined(separator: "; ")] }

        // Fills: the referrals made in the period.
        let ledger = try ledgerWork.wait()
        let firstInstant = HaiPhongClock.start(of: from)
        let lastInstant = HaiPhongClock.start(of: to.adding(days: 1))
        var fills = LabourReport.Fills()
        var fillsByOccupation: [String: (referrals: Int, interviews: Int, hires: Int)] = [:]
        var fillsByZone: [String: (referrals: Int, interviews: Int, hires: Int)] = [:]
        var daysToHire: [Double] = []
        for referral in ledger.byID.values where referral.referredAt >= firstInstant && referral.referredAt < lastInstant {
            if !isInZone(referral.zone) { continue }
            let interviewed = referral.history.contains { $0.status == .interview } ? 1 : 0
            let hired = referral.status == .hired ? 1 : 0
            fills.referrals += 1
            fills.interviews += interviewed
            fills.hires += hired
            if referral.source == .generated { fills.generated += 1 }
            if let at = referral.hiredAt { daysToHire.append((at - referral.referredAt) / 86_400) }
            for (key, table) in [(referral.occupation ?? unclassified, 0), (referral.zone ?? "(không khu)", 1)] {
                var line = (table == 0 ? fillsByOccupation[key] : fillsByZone[key]) ?? (0, 0, 0)
                line.referrals += 1
                line.interviews += interviewed
                line.hires += hired
                if table == 0 { fillsByOccupation[key] = line } else { fillsByZone[key] = line }
            }
        }
        fills.medianDaysToHire = OutcomeReport.Tally.median(daysToHire)
        let demandByOccupation = Dictionary(demand.byOccupation.map { ($0.key, $0.openings ?? 0) }, uniquingKeysWith: +)
        let demandByZone = Dictionary(demand.byZone.map { ($0.key, $0.openings ?? 0) }, uniquingKeysWith: +)
        fills.byOccupation = fillsByOccupation.map { .init(key: $0.key, name: occupationName($0.key), openings: demandByOccupation[$0.key] ?? 0,
                                                           referrals: $0.value.referrals, interviews: $0.value.interviews, hires: $0.value.hires) }
            .sorted { ($0.referrals, $1.name) > ($1.referrals, $0.name) }
        fills.byZone = fillsByZone.map { .init(key: $0.key, name: $0.key, openings: demandByZone[$0.key] ?? 0,
                                               referrals: $0.value.referrals, interviews: $0.value.interviews, hires: $0.value.hires) }
            .sorted { ($0.referrals, $1.name) > ($1.referrals, $0.name) }

        let gaps = try gapsWork.wait()
        return LabourReport(period: period, demand: demand, supply: supply, tension: tension, fills: fills, trainingGaps: gaps,
                            duplicates: duplicates)
    }

    /// How many of each open posting's candidates (the shortlist's search) the report weighs for training gaps: the
    /// fair weighs every one, which is too much for every posting of a season.
    public static let reportGapCandidates = 100

    /// How many postings stand for each occupation in the training gaps: its largest (most openings) open at the period's end.
    public static let reportGapPostings = 1

    /// A posting and its occupation (the taxonomy's first), as read from the index.
    struct Classified {
        var posting: JobPosting
        var occupation: String
        /// The same number for the same employer (folded), occupation and zone (``group(_:)``).
        var group: Int
    }

    /// Numbers the postings' groups of duplicates once for both periods: the same employer (folded), occupation and zone.
    static func group(_ postings: inout [Classified]) {
        struct Group: Hashable {
            var employer: String
            var occupation: String
            var zone: String  // no zone and an empty one alike
        }
        let analyzer = VietnameseAnalyzer()
        var numbers: [Group: Int] = [:]
        var folded: [String: String] = [:]  // an employer posts many times: folded once
        for index in postings.indices {
            let name = postings[index].posting.employer
            let employer = folded[name] ?? {
                let text = analyzer.foldedText(name)
                folded[name] = text
                return text
            }()
            let group = Group(employer: employer, occupation: postings[index].occupation, zone: postings[index].posting.zone ?? "")
            postings[index].group = numbers[group] ?? {
                numbers[group] = numbers.count
                return numbers.count - 1
            }()
        }
    }

    /// A posting as the report counts it.
    struct Kept {
        var posting: JobPosting
        var occupation: String
        var openings: Int
    }

    /// The postings at `chosen` (indices into `postings`) with duplicates counted once: the same employer (folded),
    /// occupation and zone, posted within 30 days of the one kept (the earliest of a run); the larger openings kept.
    /// Indices are grouped and sorted, not the postings (a posting is a record of many strings: copying 100,000 of
    /// them took most of this function's time).
    static func countedOnce(_ postings: [Classified], _ chosen: [Int], occupationName: (String) -> String)
        -> (kept: [Kept], duplicates: [LabourReport.Duplicate]) {
        var groups: [Int: [Int]] = [:]
        for index in chosen { groups[postings[index].group, default: []].append(index) }
        var kept: [Kept] = []
        var duplicates: [LabourReport.Duplicate] = []
        func close(_ run: (kept: Kept, merged: [String])) {
            kept.append(run.kept)
            if !run.merged.isEmpty {
                duplicates.append(.init(kept: run.kept.posting.id, merged: run.merged, employer: run.kept.posting.employer,
                                        occupation: occupationName(run.kept.occupation), zone: run.kept.posting.zone ?? ""))
            }
        }
        let undated = CalendarDate(year: 1, month: 1, day: 1)
        for (_, group) in groups {
            let sorted = group.count < 2 ? group : group.map { (postings[$0].posting.posted ?? undated, postings[$0].posting.id, $0) }
                .sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
            var current: (kept: Kept, merged: [String])?
            var last: CalendarDate?  // the kept posting's date, past which 30 days end the run
            for index in sorted {
                let openings = postings[index].posting.openings ?? 1
                if current != nil, postings[index].occupation != "-",
                   let first = last, let next = postings[index].posting.posted, next <= first.adding(days: 30) {
                    current!.kept.openings = max(current!.kept.openings, openings)
                    current!.merged.append(postings[index].posting.id)
                    continue
                }
                if let run = current { close(run) }
                current = (Kept(posting: postings[index].posting, occupation: postings[index].occupation, openings: openings), [])
                last = postings[index].posting.posted
            }
            if let run = current { close(run) }
        }
        return (kept.sorted { $0.posting.id < $1.posting.id }, duplicates.sorted { $0.kept < $1.kept })
    }

    /// The shorter of workers first: more openings per candidate, then more openings.
    static func shorter(_ a: LabourReport.Tension.Line, _ b: LabourReport.Tension.Line) -> Bool {
        let ra = a.candidates == 0 ? Double(a.openings) * 1_000 : Double(a.openings) / Double(a.candidates)
        let rb = b.candidates == 0 ? Double(b.openings) * 1_000 : Double(b.openings) / Double(b.candidates)
        return ra != rb ? ra > rb : a.openings != b.openings ? a.openings > b.openings : a.key < b.key
    }
}

/// Work started on another thread at once, its result waited for later.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private var result: Result<Value, any Error>?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () throws -> Value) {
        DispatchQueue.global(qos: .userInitiated).async {
            self.result = Result { try work() }
            self.done.signal()
        }
    }

    /// The result, once the work is done (the semaphore orders the write before this read).
    func wait() throws -> Value {
        done.wait()
        return try result!.get()
    }
}
