import JobRecords

/// What became of referrals: the year's figures an employment service reports (referred, contacted,
/// interviewed, hired), refusals by reason, and how long employers took, grouped as asked.
///
/// Counted from each referral's history: *contacted* is a referral the employer answered with a contact, an
/// interview or a hire; *interviews* one whose history has an interview; *waiting* one still `referred` or
/// `contacted`. Days are counted from the referral to the employer's first answer, and to the hire.
public struct OutcomeReport: Sendable, Hashable, Encodable {
    /// How rows are grouped.
    public enum Grouping: String, Sendable, Hashable, CaseIterable, Codable, SchemaEnumeration {
        case category, zone, occupation, counsellor, employer

        public static var kindName: String { "grouping" }
    }

    public struct Row: Sendable, Hashable, Encodable {
        public var key: String
        public var referrals = 0
        public var contacted = 0
        public var interviews = 0
        public var hires = 0
        public var refusals = 0
        public var noAnswer = 0
        public var waiting = 0
        public var refusalsByReason: [String: Int] = [:]
        public var medianDaysToAnswer: Double?
        public var medianDaysToHire: Double?

        /// Hires per referral.
        public var hireRate: Double { referrals == 0 ? 0 : Double(hires) / Double(referrals) }

        private enum CodingKeys: String, CodingKey {
            case key, referrals, contacted, interviews, hires, refusals, waiting
            case noAnswer = "no_answer", refusalsByReason = "refusals_by_reason", medianDaysToAnswer = "median_days_to_answer"
            case medianDaysToHire = "median_days_to_hire", hireRate = "hire_rate"
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(referrals, forKey: .referrals)
            try container.encode(contacted, forKey: .contacted)
            try container.encode(interviews, forKey: .interviews)
            try container.encode(hires, forKey: .hires)
            try container.encode(refusals, forKey: .refusals)
            try container.encode(noAnswer, forKey: .noAnswer)
            try container.encode(waiting, forKey: .waiting)
            try container.encode(refusalsByReason, forKey: .refusalsByReason)
            try container.encodeIfPresent(medianDaysToAnswer, forKey: .medianDaysToAnswer)
            try container.encodeIfPresent(medianDaysToHire, forKey: .medianDaysToHire)
            try container.encode((hireRate * 1000).rounded() / 1000, forKey: .hireRate)
        }
    }

    public var from: CalendarDate?
    public var to: CalendarDate?
    public var groupedBy: Grouping?
    public var total: Row
    public var rows: [Row]
    /// How many of the referrals counted were generated for a demonstration (`source: generated`), not real.
    public var generated: Int

    private enum CodingKeys: String, CodingKey {
        case from, to, total, rows, generated
        case groupedBy = "grouped_by"
    }

    /// Counts `referrals` made in the period (Hải Phòng days, both ends included), grouped by `grouping`;
    /// `name` turns a key into what a reader reads (an occupation's code into its title).
    ///
    /// - Complexity: O(*n* log *n*) in the referrals (the medians sort).
    public init(_ referrals: some Sequence<Referral>, from: CalendarDate?, to: CalendarDate?, groupedBy grouping: Grouping?,
                name: (Grouping, String) -> String = { $1 }) {
        self.from = from
        self.to = to
        self.groupedBy = grouping
        let first = from.map(HaiPhongClock.start(of:)) ?? -.infinity
        let last = to.map { HaiPhongClock.start(of: $0.adding(days: 1)) } ?? .infinity
        var total = Tally(key: "")
        var groups: [String: Tally] = [:]
        var generated = 0
        for referral in referrals where referral.referredAt >= first && referral.referredAt < last {
            if referral.source == .generated { generated += 1 }
            total.add(referral)
            if let grouping {
                let key: String
                switch grouping {
                case .category: key = referral.category?.rawValue ?? "unknown"
                case .zone: key = referral.zone ?? "(không khu)"
                case .occupation: key = referral.occupation ?? "(chưa phân loại)"
                case .counsellor: key = referral.referredBy
                case .employer: key = referral.employer
                }
                groups[key, default: Tally(key: key)].add(referral)
            }
        }
        self.total = total.row(named: "total")
        self.rows = groups.values.map { $0.row(named: name(grouping!, $0.key)) }
            .sorted { ($0.referrals, $1.key) > ($1.referrals, $0.key) }
        self.generated = generated
    }

    /// Sums of one group, and the days to take medians of.
    struct Tally {
        var key: String
        var row = Row(key: "")
        var daysToAnswer: [Double] = []
        var daysToHire: [Double] = []

        init(key: String) { self.key = key }

        mutating func add(_ referral: Referral) {
            row.referrals += 1
            let statuses = referral.history.map(\.status)
            if statuses.contains(where: { $0 == .contacted || $0 == .interview || $0 == .hired }) { row.contacted += 1 }
            if statuses.contains(.interview) { row.interviews += 1 }
            switch referral.status {
            case .hired: row.hires += 1
            case .refused:
                row.refusals += 1
                row.refusalsByReason[referral.refusal?.rawValue ?? "other", default: 0] += 1
            case .noAnswer: row.noAnswer += 1
            case .referred, .contacted: row.waiting += 1
            case .interview: break
            }
            if let answer = referral.firstAnswer { daysToAnswer.append((answer.at - referral.referredAt) / 86_400) }
            if let hired = referral.hiredAt { daysToHire.append((hired - referral.referredAt) / 86_400) }
        }

        func row(named name: String) -> Row {
            var row = row
            row.key = name
            row.medianDaysToAnswer = Self.median(daysToAnswer)
            row.medianDaysToHire = Self.median(daysToHire)
            return row
        }

        static func median(_ values: [Double]) -> Double? {
            guard !values.isEmpty else { return nil }
            let sorted = values.sorted()
            let middle = sorted.count / 2
            let value = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
            return (value * 10).rounded() / 10
        }
    }
}
