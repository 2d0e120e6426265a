import Foundation
import JobRecords

/// The ranking judged by what employers did, not by people who know the rules: each answered referral is a
/// grade (hired 3, interview 2, contacted 1, refused or no answer 0: ``JobRecords/Referral/Status/grade``),
/// and each posting's referred candidates, in the order of the rank each had when referred, are scored as the
/// judged sets are (nDCG@10 against the best order of the same candidates).
///
/// Only what was referred is judged (a candidate nobody referred has no outcome), so this says whether the
/// ranking put those who were hired above those who were refused; the hire rate by rank band says whether
/// the top of the list is hired more often than its tail.
public struct OutcomeEvaluation: Sendable, Hashable, Encodable {
    public struct Band: Sendable, Hashable, Encodable {
        /// `1-5`, `6-10`, `11-20`, `21-50`, `51+`, `unranked`.
        public var ranks: String
        public var graded: Int
        public var hires: Int
        public var interviews: Int
        public var hireRate: Double

        private enum CodingKeys: String, CodingKey {
            case ranks, graded, hires, interviews
            case hireRate = "hire_rate"
        }
    }

    /// Postings with at least two graded referrals (what nDCG can order).
    public var postings: Int
    /// Referrals with a grade: answered, or closed without an answer (0).
    public var graded: Int
    public var ndcgAt10: Double
    /// The mean nDCG@10 of random orders of the same candidates (what a ranking that knows nothing gets).
    public var randomNdcgAt10: Double
    public var bands: [Band]
    /// Graded referrals that were generated for a demonstration, not real.
    public var generated: Int

    private enum CodingKeys: String, CodingKey {
        case postings, graded, bands, generated
        case ndcgAt10 = "ndcg_at_10", randomNdcgAt10 = "random_ndcg_at_10"
    }

    /// - Complexity: O(*n* log *n*) in the referrals.
    public init(_ referrals: some Sequence<Referral>) {
        var byPosting: [String: [(rank: Int, grade: Int)]] = [:]
        var bandCounts: [String: (graded: Int, hires: Int, interviews: Int)] = [:]
        var graded = 0, generated = 0
        for referral in referrals {
            guard let grade = referral.status.grade else { continue }
            graded += 1
            if referral.source == .generated { generated += 1 }
            byPosting[referral.posting, default: []].append((referral.rank ?? Int.max, grade))
            let band = Self.band(referral.rank)
            var counts = bandCounts[band, default: (0, 0, 0)]
            counts.graded += 1
            if referral.status == .hired { counts.hires += 1 }
            if referral.history.contains(where: { $0.status == .interview }) { counts.interviews += 1 }
            bandCounts[band] = counts
        }
        var sum = 0.0, randomSum = 0.0, judged = 0
        var generator = SplitMix64(seed: 20261206)
        for (_, graded) in byPosting where graded.count >= 2 {
            let ordered = graded.sorted { $0.rank < $1.rank }.map(\.grade)
            let ideal = Self.dcg(ordered.sorted(by: >))
            guard ideal > 0 else { continue }
            judged += 1
            sum += Self.dcg(ordered) / ideal
            var random = 0.0
            for _ in 0..<20 { random += Self.dcg(ordered.shuffled(using: &generator)) / ideal }
            randomSum += random / 20
        }
        postings = judged
        self.graded = graded
        self.generated = generated
        ndcgAt10 = judged == 0 ? 0 : ((sum / Double(judged)) * 1000).rounded() / 1000
        randomNdcgAt10 = judged == 0 ? 0 : ((randomSum / Double(judged)) * 1000).rounded() / 1000
        bands = ["1-5", "6-10", "11-20", "21-50", "51+", "unranked"].compactMap { name in
            guard let counts = bandCounts[name] else { return nil }
            return Band(ranks: name, graded: counts.graded, hires: counts.hires, interviews: counts.interviews,
                        hireRate: ((Double(counts.hires) / Double(counts.graded)) * 1000).rounded() / 1000)
        }
    }

    static func band(_ rank: Int?) -> String {
        guard let rank else { return "unranked" }
        switch rank {
        case ...5: return "1-5"
        case ...10: return "6-10"
        case ...20: return "11-20"
        case ...50: return "21-50"
        default: return "51+"
        }
    }

    /// DCG@10 with gains 2^grade − 1, as the judged sets.
    static func dcg(_ grades: [Int]) -> Double {
        var total = 0.0
        for (position, grade) in grades.prefix(10).enumerated() {
            total += (pow(2, Double(grade)) - 1) / log2(Double(position) + 2)
        }
        return total
    }
}
