/// Education levels of the data contract (docs/data-contract.md), ordered lowest first.
public enum EducationLevel: String, CaseIterable, Comparable, Sendable, Codable {
    case none
    case lowerSecondary = "lower_secondary"
    case upperSecondary = "upper_secondary"
    case elementaryVocational = "elementary_vocational"
    case intermediateVocational = "intermediate_vocational"
    case college
    case university
    case postgraduate

    public static func < (lhs: EducationLevel, rhs: EducationLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// How a counsellor says it: `THPT`, `trung cấp`, `đại học`.
    public var vietnameseName: String {
        switch self {
        case .none: return "chưa có bằng"
        case .lowerSecondary: return "THCS"
        case .upperSecondary: return "THPT"
        case .elementaryVocational: return "sơ cấp"
        case .intermediateVocational: return "trung cấp"
        case .college: return "cao đẳng"
        case .university: return "đại học"
        case .postgraduate: return "sau đại học"
        }
    }

    /// Every level at or below this one.
    public var andBelow: [EducationLevel] { Self.allCases.filter { $0 <= self } }
    /// Every level at or above this one.
    public var andAbove: [EducationLevel] { Self.allCases.filter { $0 >= self } }
}

extension EducationLevel: SchemaEnumeration {
    public static var kindName: String { "education level" }
}
