import JobRecords
import VietnameseText

/// The level of a job, read from its title, and the level a candidate's education prepares for:
/// compared as a soft signal, so that a university engineer is not shortlisted first for a
/// production-operator job, nor a school leaver for an engineer's.
///
/// | level | titles (folded, first words) | education |
/// |---|---|---|
/// | 1 worker (operator) | `cong nhan`, `operator`, `lao dong`, `bao ve`, `boc xep`, `lai xe`, `tai xe` | none, THCS, THPT |
/// | 2 skilled, technician | `tho`, `ky thuat vien`, `technician`, `electrician`, `machinist`, `welder` | sơ cấp, trung cấp |
/// | 3 engineer, professional | `ky su`, `engineer`, `ke toan`, `accountant`, `thong dich`, `phien dich`, `interpreter` | cao đẳng, đại học and above |
/// | 4 manager | `truong`, `quan ly`, `manager`, `supervisor`, `giam sat` | — |
///
/// A title such as `Nhân viên kho` (staff) says no level: no signal.
enum JobLevel: Int, Comparable, Sendable {
    case worker = 1, skilled, professional, manager

    static func < (a: JobLevel, b: JobLevel) -> Bool { a.rawValue < b.rawValue }

    private static let starts: [(words: [Substring], level: JobLevel)] = [
        (["truong"], .manager), (["quan", "ly"], .manager), (["manager"], .manager), (["supervisor"], .manager), (["giam", "sat"], .manager),
        (["ky", "su"], .professional), (["ke", "toan"], .professional), (["thong", "dich"], .professional), (["phien", "dich"], .professional),
        (["ky", "thuat", "vien"], .skilled), (["tho"], .skilled),
        (["cong", "nhan"], .worker), (["lao", "dong"], .worker), (["bao", "ve"], .worker), (["boc", "xep"], .worker),
        (["lai", "xe"], .worker), (["tai", "xe"], .worker),
    ]
    private static let englishWords: [(word: Substring, level: JobLevel)] = [
        ("manager", .manager), ("supervisor", .manager), ("engineer", .professional), ("accountant", .professional),
        ("interpreter", .professional), ("technician", .skilled), ("electrician", .skilled), ("machinist", .skilled),
        ("welder", .skilled), ("operator", .worker), ("worker", .worker), ("driver", .worker),
    ]

    /// The level a job title says, if it says one.
    init?(title: String) {
        let words = VietnameseAnalyzer().foldedText(title).split(separator: " ")
        if let match = Self.starts.first(where: { words.starts(with: $0.words) }) {
            self = match.level
        } else if let match = Self.englishWords.first(where: { entry in words.contains(entry.word) }) {
            self = match.level
        } else {
            return nil
        }
    }

    /// The level a candidate's education prepares for.
    init(education: EducationLevel) {
        switch education {
        case .none, .lowerSecondary, .upperSecondary: self = .worker
        case .elementaryVocational, .intermediateVocational: self = .skilled
        case .college, .university, .postgraduate: self = .professional
        }
    }

    var vietnameseName: String {
        switch self {
        case .worker: return "công nhân"
        case .skilled: return "thợ, kỹ thuật viên"
        case .professional: return "kỹ sư, chuyên viên"
        case .manager: return "quản lý"
        }
    }
}
