import Foundation
import JobMatching
import JobRecords
import JobStorage
import MatchRendering
import SearchIndex
import VietnameseText

extension JobBoard {
    /// The Authority's labour report for `from`…`to` (both days included), of one zone or all (``LabourReport``).
    ///
    /// | part | from |
    /// |---|---|
    /// | demand | every posting open at some time in the period (posted by its end or undated, not closed before its start), read from the postings' index; the same employer, occupation and zone posted within 30 days counts once, the larger openings kept |
    /// | supply | every profile, counted by the profiles' index's columns (category, education, occupation, home) |
    /// | tension | per occupation and zone, the openings against the candidates of the occupation eligible (education, age) for one of its postings: one count query per distinct rule |
    /// | fills | the referrals made in the period (``ReferralLedger``), hires against openings |
    /// | training gaps | the job fair's gaps for each occupation's three largest postings open at the period's end, among each one's first 100 candidates (``JobMatcher/trainingGaps(postings:asOf:profiles:candidatesPerPosting:)``) |
    ///
    /// No personal data: counts only.
    public func labourReport(from: CalendarDate, to: CalendarDate, zone: String? = nil) throws -> LabourReport {
        let days = Instant.daysFromCivil(to.year, to.month, to.day) - Instant.daysFromCivil(from.year, from.month, from.day) + 1
        let period = LabourReport.Period(from: from, to: to, previousFrom: from.adding(days: -days), previousTo: from.adding(days: -1), zone: zone)
        let occupations = reference.occupations
        func occupationName(_ code: String) -> String { occupations.occupations[code]?.vietnamese ?? "chưa phân loại" }
        let unclassified = "-"

        // Every posting once, from the index's stored fields.
        var all: [(posting: JobPosting, occupation: String)] = []
        try postings.index().snapshot.forEachStoredFields { _, stored in
            let posting = try StoredRecord.posting(stored)
            if let zone, !Self.sameEmployer(posting.zone ?? "", zone) { return }
            all.append((posting, occupations.occupations(of: posting).first?.code ?? unclassified))
        }
        func isOpen(_ posting: JobPosting, _ first: CalendarDate, _ last: CalendarDate) -> Bool {
            (posting.posted.map { $0 <= last } ?? true) && (posting.deadline.map { $0 >= first } ?? true)
        }
        let (kept, duplicates) = Self.countedOnce(all.filter { isOpen($0.posting, from, to) }, occupationName: occupationName)
        let (previous, _) = Self.countedOnce(all.filter { isOpen($0.posting, period.previousFrom, period.previousTo) }, occupationName: occupationName)

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

        // Supply: the profiles' columns, every profile.
        let people = try profiles.index()
        var everyone = SearchQuery("", mode: .any, limit: 0)
        everyone.facets = ["category", "education", "occupation", "district"]
        let counted = try people.search(everyone)
        func facet(_ name: String, _ label: (String) -> String) -> [LabourReport.Count] {
            (counted.facets[name] ?? []).map { LabourReport.Count(key: $0.value, name: label($0.value), candidates: $0.count) }
        }
        var supply = LabourReport.Supply()
        supply.candidates = counted.totalHits ?? people.documentCount
        supply.byCategory = facet("category") { CandidateCategory(rawValue: $0)?.vietnameseName ?? $0 }
        supply.byEducation = facet("education") { EducationLevel(rawValue: $0)?.vietnameseName ?? $0 }
        supply.byOccupation = facet("occupation", occupationName)
        supply.byHome = facet("district") { $0 }

        // Tension: who fits, one query per occupation and distinct rule (education, ages), ids united per occupation and zone.
        var fitting: [String: Set<String>] = [:]  // "occupation|rule" → candidate ids
        func fits(_ posting: Kept) throws -> Set<String> {
            let rules = JobMatcher.profileFilters(for: posting.posting, asOf: to)
            let key = "\(posting.occupation)|\(rules)"
            if let known = fitting[key] { return known }
            var query = SearchQuery("", mode: .any, filters: [.keyword("occupation", anyOf: [posting.occupation])] + rules,
                                    limit: max(1, people.documentCount))
            query.loadsStoredFields = false
            let ids = posting.occupation == unclassified ? [] : Set(try people.search(query).hits.map(\.id))
            fitting[key] = ids
            return ids
        }
        var byOccupation: [String: (openings: Int, candidates: Set<String>)] = [:]
        var byZone: [String: (openings: Int, candidates: Set<String>)] = [:]
        for posting in kept where posting.occupation != unclassified {
            let ids = try fits(posting)
            byOccupation[posting.occupation, default: (0, [])].openings += posting.openings
            byOccupation[posting.occupation]!.candidates.formUnion(ids)
            let zoneName = posting.posting.zone ?? "(không khu)"
            byZone[zoneName, default: (0, [])].openings += posting.openings
            byZone[zoneName]!.candidates.formUnion(ids)
        }
        var tension = LabourReport.Tension()
        tension.byOccupation = byOccupation.map { .init(key: $0.key, name: occupationName($0.key), openings: $0.value.openings, candidates: $0.value.candidates.count) }
            .sorted { Self.shorter($0, $1) }
        tension.byZone = byZone.map { .init(key: $0.key, name: $0.key, openings: $0.value.openings, candidates: $0.value.candidates.count) }
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
        let ledger = try referralLedger.current()
        let firstInstant = Double(Instant.daysFromCivil(from.year, from.month, from.day)) * 86_400 - HaiPhong.offset
        let lastInstant = Double(Instant.daysFromCivil(to.year, to.month, to.day) + 1) * 86_400 - HaiPhong.offset
        var fills = LabourReport.Fills()
        var fillsByOccupation: [String: (referrals: Int, interviews: Int, hires: Int)] = [:]
        var fillsByZone: [String: (referrals: Int, interviews: Int, hires: Int)] = [:]
        var daysToHire: [Double] = []
        for referral in ledger.byID.values where referral.referredAt >= firstInstant && referral.referredAt < lastInstant {
            if let zone, !Self.sameEmployer(referral.zone ?? "", zone) { continue }
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
        let openingsByOccupation = Dictionary(demand.byOccupation.map { ($0.key, $0.openings ?? 0) }, uniquingKeysWith: +)
        let openingsByZone = Dictionary(demand.byZone.map { ($0.key, $0.openings ?? 0) }, uniquingKeysWith: +)
        fills.byOccupation = fillsByOccupation.map { .init(key: $0.key, name: occupationName($0.key), openings: openingsByOccupation[$0.key] ?? 0,
                                                           referrals: $0.value.referrals, interviews: $0.value.interviews, hires: $0.value.hires) }
            .sorted { ($0.referrals, $1.name) > ($1.referrals, $0.name) }
        fills.byZone = fillsByZone.map { .init(key: $0.key, name: $0.key, openings: openingsByZone[$0.key] ?? 0,
                                               referrals: $0.value.referrals, interviews: $0.value.interviews, hires: $0.value.hires) }
            .sorted { ($0.referrals, $1.name) > ($1.referrals, $0.name) }

        // Training gaps: the fair's, over the postings open at the period's end.
        var gaps: [LabourReport.TrainingGap] = []
        // Each occupation's largest postings open at the period's end stand for it (a search each: every posting of a
        // season would be 100,000 searches).
        var largest: [String: [JobPosting]] = [:]
        for entry in kept where entry.posting.deadline.map({ $0 >= to }) ?? true {
            largest[entry.occupation, default: []].append(entry.posting)
        }
        let openAtEnd = largest.keys.sorted().flatMap { code in
            largest[code]!.sorted { ($0.openings ?? 1, $1.id) > ($1.openings ?? 1, $0.id) }.prefix(Self.reportGapPostings)
        }
        if !openAtEnd.isEmpty {
            gaps = try matcher.trainingGaps(postings: openAtEnd, asOf: to, profiles: people, candidatesPerPosting: Self.reportGapCandidates).prefix(10).map { gap in
                LabourReport.TrainingGap(course: gap.course.name, lacking: gap.lacking, candidates: gap.candidates.count, postings: gap.postings.count,
                                         sentence: gap.sentence, support: gap.course.support)
            }
        }
        return LabourReport(period: period, demand: demand, supply: supply, tension: tension, fills: fills, trainingGaps: gaps,
                            duplicates: duplicates)
    }

    /// How many of each open posting's candidates (the shortlist's search) the report weighs for training gaps: the
    /// fair weighs every one, which is too much for every posting of a season.
    public static let reportGapCandidates = 100

    /// How many postings stand for each occupation in the training gaps: its largest (most openings) open at the period's end.
    public static let reportGapPostings = 3

    /// A posting as the report counts it.
    struct Kept {
        var posting: JobPosting
        var occupation: String
        var openings: Int
    }

    /// The postings with duplicates counted once: the same employer (folded), occupation and zone, posted within 30 days
    /// of the one kept (the earliest of a run); the larger openings kept.
    static func countedOnce(_ postings: [(posting: JobPosting, occupation: String)], occupationName: (String) -> String)
        -> (kept: [Kept], duplicates: [LabourReport.Duplicate]) {
        let analyzer = VietnameseAnalyzer()
        var groups: [String: [(posting: JobPosting, occupation: String)]] = [:]
        for entry in postings {
            groups["\(analyzer.foldedText(entry.posting.employer))|\(entry.occupation)|\(entry.posting.zone ?? "")", default: []].append(entry)
        }
        var kept: [Kept] = []
        var duplicates: [LabourReport.Duplicate] = []
        func close(_ run: (kept: Kept, merged: [String])) {
            kept.append(run.kept)
            if !run.merged.isEmpty {
                duplicates.append(.init(kept: run.kept.posting.id, merged: run.merged, employer: run.kept.posting.employer,
                                        occupation: occupationName(run.kept.occupation), zone: run.kept.posting.zone ?? ""))
            }
        }
        for (_, group) in groups {
            let sorted = group.sorted { ($0.posting.posted ?? CalendarDate(year: 1, month: 1, day: 1), $0.posting.id)
                < ($1.posting.posted ?? CalendarDate(year: 1, month: 1, day: 1), $1.posting.id) }
            var current: (kept: Kept, merged: [String])?
            for entry in sorted {
                let openings = entry.posting.openings ?? 1
                if var run = current, entry.occupation != "-",
                   let first = run.kept.posting.posted, let next = entry.posting.posted, next <= first.adding(days: 30) {
                    run.kept.openings = max(run.kept.openings, openings)
                    run.merged.append(entry.posting.id)
                    current = run
                    continue
                }
                if let run = current { close(run) }
                current = (Kept(posting: entry.posting, occupation: entry.occupation, openings: openings), [])
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
