import ArgumentParser
import Foundation
import JobMatching
import JobRecords
import VietnameseText

/// Reverse matching at scale: a million saved searches and a million profile alerts, and the time to decide the
/// recipients of each new posting (``JobMatcher/recipients(of:asOf:alerts:)``: the posting's facts, the alert
/// index's look-up, each distinct criteria checked once); and, apart, what a profile alert's message costs when it is
/// sent (the candidate's signals, ``JobMatcher/alertFit(posting:profile:asOf:)``).
///
/// Saved searches are what job seekers save, drawn from the bundled Corpus: a posting's title, a skill or a synonym
/// phrase (a quarter of those of three words or more without their last), with a zone (30%), an education (10%) or
/// a place and a radius (10%). Profile alerts are the Corpus's profiles, each copied with another id, birth year and education. The
/// postings routed are the Corpus's postings, open, with new ids. The profiles are held in memory (the server
/// reads each from its memory-mapped index).
struct AlertsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts",
        abstract: "Reverse matching: recipients of new postings among a million saved searches and a million profile alerts."
    )

    @Option(help: "The Corpus folder (reference tables, postings, profiles).") var corpus = "Corpus"
    @Option(help: "Saved searches.") var searches = 1_000_000
    @Option(help: "Profile alerts.") var profiles = 1_000_000
    @Option(help: "Postings to route (the Corpus's, in turn, with new ids).") var postings = 3_000
    @Option(help: "Random seed.") var seed: UInt64 = 2026

    func run() throws {
        let clock = ContinuousClock()
        let reference = try ReferenceData.load(directory: corpus)
        let matcher = JobMatcher(reference: reference)
        let corpusPostings = try JSONLinesLoader.load(JobPosting.self, from: Array(try Data(contentsOf: URL(fileURLWithPath: corpus + "/postings.jsonl"))),
                                                      file: "postings.jsonl").map(\.value)
        let templates = try JSONLinesLoader.load(CandidateProfile.self, from: Array(try Data(contentsOf: URL(fileURLWithPath: corpus + "/profiles.jsonl"))),
                                                 file: "profiles.jsonl").map(\.value)
        var random = SplitMix64(seed: seed)

        // What people type: a title's, a skill's or a synonym phrase's words.
        var phrases: [[String]] = []
        for posting in corpusPostings {
            phrases.append(posting.title.split(separator: " ").map(String.init))
            for skill in posting.skills ?? [] { phrases.append(skill.split(separator: " ").map(String.init)) }
        }
        for group in reference.synonyms.groups { for phrase in group { phrases.append(phrase.split(separator: " ").map(String.init)) } }
        let zones = Array(Set(corpusPostings.compactMap(\.zone))).sorted()
        let educations: [EducationLevel] = [.upperSecondary, .intermediateVocational, .college, .university]

        var index = AlertIndex()
        var compiled: [SavedSearch: SavedSearchCriteria] = [:]
        let started = clock.now
        for number in 0..<searches {
            // A trade's name, whole (a title, a skill, a synonym phrase), as people save it; now and then a word less.
            var words = phrases[Int(random.next() % UInt64(phrases.count))]
            if words.count > 2 && random.next() % 4 == 0 { words.removeLast() }
            var saved = SavedSearch(query: words.joined(separator: " "))
            let draw = random.next() % 100
            if draw < 30 { saved.zone = zones[Int(random.next() % UInt64(zones.count))] }
            else if draw < 40 { saved.education = educations[Int(random.next() % UInt64(educations.count))] }
            else if draw < 50 { saved.near = zones[Int(random.next() % UInt64(zones.count))]; saved.withinKilometres = Double(5 + random.next() % 26) }
            let criteria: SavedSearchCriteria
            if let known = compiled[saved] { criteria = known } else {
                criteria = try matcher.criteria(for: saved, postings: nil)
                compiled[saved] = criteria
            }
            index.insert(id: "S\(number)", criteria: criteria)
        }
        let searchesBuilt = clock.now - started
        var profileCriteria: [SavedSearchCriteria?] = templates.map { matcher.criteria(for: $0) }
        var people: [CandidateProfile] = []
        people.reserveCapacity(profiles)
        var withoutTrade = 0
        for number in 0..<profiles {
            let template = Int(random.next() % UInt64(templates.count))
            var profile = templates[template]
            profile.id = "C\(number)"
            profile.birthYear = 1970 + Int(random.next() % 37)
            if random.next() % 4 == 0 { profile.education = educations[Int(random.next() % UInt64(educations.count))] }
            people.append(profile)
            guard let criteria = profileCriteria[template] else { withoutTrade += 1; continue }
            index.insert(id: "P\(number)", criteria: criteria, candidate: profile.id)
        }
        profileCriteria.removeAll()
        let built = clock.now - started
        print("alerts: \(searches) saved searches (\(compiled.count) distinct) and \(profiles - withoutTrade) profile alerts "
              + "(\(withoutTrade) profiles name no trade) indexed in \(Self.seconds(built)) s (searches \(Self.seconds(searchesBuilt)) s); "
              + "peak memory \(IndexBenchmark.peakResidentKilobytes() / 1024) MB")

        let asOf = CalendarDate(year: 2026, month: 12, day: 6)
        var latencies: [Double] = []
        var recipients = 0, searchRecipients = 0, candidates = 0
        var fitTime = Duration.zero, fitsWeighed = 0, fitsKept = 0
        var routed = Duration.zero
        for number in 0..<postings {
            var posting = corpusPostings[number % corpusPostings.count]
            posting.id = "N\(number)"
            posting.deadline = CalendarDate(year: 2099, month: 12, day: 31)
            let before = clock.now
            let found = matcher.recipients(of: posting, asOf: asOf, alerts: index)
            let took = clock.now - before
            routed += took
            latencies.append(Self.milliseconds(took))
            for members in found {
                recipients += members.count
                if members.first?.candidate == nil { searchRecipients += members.count }
            }
            candidates += index.candidateCount(for: PostingFacts(posting: posting, reference: reference))
            // The work each profile message adds when it is sent: the candidate's signals (a sample of 20 a posting).
            let weighStart = clock.now
            for recipient in found.joined().lazy.filter({ $0.candidate != nil }).prefix(20) {
                fitsWeighed += 1
                if matcher.alertFit(posting: posting, profile: people[Int(recipient.candidate!.dropFirst())!], asOf: asOf) != nil { fitsKept += 1 }
            }
            fitTime += clock.now - weighStart
        }
        latencies.sort()
        func percentile(_ p: Double) -> String { String(format: "%.2f", latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]) }
        print("decide the recipients of \(postings) postings: p50 \(percentile(0.5)) ms, p95 \(percentile(0.95)) ms, p99 \(percentile(0.99)) ms, "
              + "max \(String(format: "%.2f", latencies.last ?? 0)) ms; \(String(format: "%.0f", Double(postings) / (Self.milliseconds(routed) / 1_000))) postings/s on one core")
        print("per posting: \(candidates / postings) alert criteria checked, \(recipients / postings) recipients "
              + "(\(searchRecipients / postings) saved searches, \((recipients - searchRecipients) / postings) profiles); "
              + "peak memory \(IndexBenchmark.peakResidentKilobytes() / 1024) MB")
        if fitsWeighed > 0 {
            print("a profile message's signals, weighed when it is sent: \(String(format: "%.1f", Self.milliseconds(fitTime) * 1_000 / Double(fitsWeighed))) µs each; "
                  + "\(fitsKept) of \(fitsWeighed) sampled kept (the others not of the trade by the shortlist's rules, or lacking a licence the posting requires)")
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1_000 + Double(duration.components.attoseconds) / 1e15
    }

    static func seconds(_ duration: Duration) -> String { String(format: "%.1f", milliseconds(duration) / 1_000) }
}
