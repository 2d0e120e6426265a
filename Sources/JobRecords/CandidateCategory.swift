/// Candidate categories of the data contract (docs/data-contract.md).
public enum CandidateCategory: String, CaseIterable, Sendable, Codable {
    case graduate
    case dischargedSoldier = "discharged_soldier"
    case vocationalStudent = "vocational_student"
    case other

    /// How a counsellor says it.
    public var vietnameseName: String {
        switch self {
        case .graduate: return "sinh viên tốt nghiệp"
        case .dischargedSoldier: return "bộ đội xuất ngũ"
        case .vocationalStudent: return "học viên trường nghề"
        case .other: return "lao động khác"
        }
    }
}

extension CandidateCategory: SchemaEnumeration {
    public static var kindName: String { "category" }
}
