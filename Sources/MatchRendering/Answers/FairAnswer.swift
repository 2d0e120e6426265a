import JobRecords
import JobMatching

/// A job fair's plan as people and programs read it: the booths with the candidates
/// sent to each (best first, with the time to come and why), the eligible candidates
/// left without a booth, the training gaps and the figures.
///
/// Encoded as the data contract says: `{"booths": [{"booth", "posting", "openings",
/// "candidates": [{"id", "score", "explanation", "time", …}]}], "unplaced": […],
/// "gaps": […], "summary": {…}}`. Names and phones are present only in answers made for
/// the organisers' and employers' documents (``JobBoard`` records who read them).
public struct FairAnswer: Codable, Sendable, Hashable {
    /// A candidate at a booth.
    public struct Candidate: Codable, Sendable, Hashable {
        public var id: String
        public var score: Double
        public var explanation: String
        public var reasons: [String]
        /// When to come to the booth (`08:30`).
        public var time: String
        /// What to learn to fit better (``TrainingSuggestion/sentence``).
        public var training: [String]
        public var category: CandidateCategory
        public var education: EducationLevel
        public var district: String?
        /// Personal data: only in the organisers' and employers' documents.
        public var name: String?
        public var phone: String?
    }

    /// One booth: a posting and its candidates.
    public struct Booth: Codable, Sendable, Hashable {
        public var booth: Int
        public var posting: String
        public var employer: String
        public var title: String
        public var zone: String?
        public var deadline: CalendarDate?
        public var openings: Int
        /// Candidates the booth may receive (about `oversubscribe` × openings).
        public var capacity: Int
        /// Candidates eligible who share the posting's trade.
        public var eligible: Int
        /// The mean score of an independent shortlist of the same size.
        public var independentMean: Double?
        public var candidates: [Candidate]

        private enum CodingKeys: String, CodingKey {
            case booth, posting, employer, title, zone, deadline, openings, capacity, eligible, independentMean = "independent_mean", candidates
        }
    }

    /// A training gap summed over the fair.
    public struct Gap: Codable, Sendable, Hashable {
        public var course: String
        public var length: String
        /// Whether Resolution 03/2024/NQ-HĐND may support it (illustrative: its list of trades is not in the sources).
        public var resolutionSupport: Bool
        public var lacking: [String]
        public var candidates: Int
        public var employers: [String]
        public var postings: [String]
        /// `86 ứng viên thiếu chứng chỉ xe nâng cho 4 doanh nghiệp: …`.
        public var sentence: String

        private enum CodingKeys: String, CodingKey {
            case course, length, resolutionSupport = "resolution_support", lacking, candidates, employers, postings, sentence
        }
    }

    public var asOf: CalendarDate
    public var perCandidate: Int
    public var oversubscribe: Double
    public var booths: [Booth]
    public var unplaced: [String]
    public var gaps: [Gap]
    public var summary: FairPlan.Summary

    private enum CodingKeys: String, CodingKey {
        case asOf = "as_of", perCandidate = "per_candidate", oversubscribe, booths, unplaced, gaps, summary
    }

    /// The answer for a plan; `home` gives where a candidate lives as shown (``JobMatching/PlaceDirectory/homeName(of:)``),
    /// `contacts` the name and phone of the candidates that have them (empty: none shown).
    public init(_ plan: FairPlan, home: (CandidateProfile) -> String? = { $0.district },
                contacts: [String: (name: String, phone: String?)] = [:]) {
        asOf = plan.asOf
        perCandidate = plan.perCandidate
        oversubscribe = plan.oversubscribe
        booths = plan.booths.map { booth in
            Booth(booth: booth.number, posting: booth.posting.id, employer: booth.posting.employer, title: booth.posting.title,
                  zone: booth.posting.zone, deadline: booth.posting.deadline, openings: booth.posting.openings ?? 1, capacity: booth.capacity, eligible: booth.eligible,
                  independentMean: booth.independentMean,
                  candidates: booth.candidates.map { ranked in
                      Candidate(id: ranked.profile.id, score: ranked.score, explanation: ranked.explanation, reasons: ranked.reasons,
                                time: booth.times[ranked.profile.id] ?? "", training: ranked.training.map(\.sentence),
                                category: ranked.profile.category, education: ranked.profile.educationLevel,
                                district: home(ranked.profile), name: contacts[ranked.profile.id]?.name,
                                phone: contacts[ranked.profile.id]?.phone)
                  })
        }
        unplaced = plan.unplaced
        gaps = plan.gaps.map { gap in
            Gap(course: gap.course.name, length: gap.course.length, resolutionSupport: gap.course.supported, lacking: gap.lacking,
                candidates: gap.candidates.count, employers: gap.employers, postings: gap.postings, sentence: gap.sentence)
        }
        summary = plan.summary
    }

    /// Each candidate's visits in the order of the morning: booth, posting and time.
    public var visits: [String: [(booth: Booth, candidate: Candidate)]] {
        var visits: [String: [(booth: Booth, candidate: Candidate)]] = [:]
        for booth in booths {
            for candidate in booth.candidates { visits[candidate.id, default: []].append((booth, candidate)) }
        }
        return visits.mapValues { $0.sorted { $0.candidate.time != $1.candidate.time ? $0.candidate.time < $1.candidate.time : $0.booth.booth < $1.booth.booth } }
    }
}
