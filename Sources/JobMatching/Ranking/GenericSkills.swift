import Synchronization
import VietnameseText

/// Skills that many trades ask for and that make no one a fit for a trade: safety at work,
/// languages, office software, fire safety, discipline. A match on them is shown to the
/// counsellor ("cùng kỹ năng chung"), with a small weight, but never as "Đúng nghề".
///
/// Reviewed by hand on 2026-12-02 against the skills of the bundled Corpus: a skill is here
/// when postings of three or more unrelated trades ask for it.
struct GenericSkills: Sendable {
    static let phrases = [
        "an toàn lao động", "bảo hộ lao động", "phòng cháy chữa cháy", "PCCC", "sơ cứu",
        "tiếng Anh", "English", "tiếng Hàn", "TOPIK", "tiếng Nhật", "JLPT", "tiếng Trung", "HSK", "ngoại ngữ",
        "tin học văn phòng", "Excel", "Word", "Microsoft Office", "vi tính",
        "kỷ luật tốt", "làm việc nhóm", "teamwork", "giao tiếp", "communication", "chịu được áp lực",
        "sức khỏe tốt", "trung thực", "chăm chỉ", "cẩn thận", "5S", "kaizen", "ISO 9001", "phòng sạch",
    ]

    private let folded: [String]

    /// The table, folded once for the process.
    static let shared = GenericSkills()

    init() {
        let analyzer = VietnameseAnalyzer()
        folded = Self.phrases.map { analyzer.foldedText($0) }
    }

    /// Whether a folded skill is generic: it is, or begins with, one of the phrases
    /// (`tieng anh b1`, `topik 4`, `iso 9001:2015`).
    func contains(folded skill: String) -> Bool {
        folded.contains { skill == $0 || skill.hasPrefix($0 + " ") || skill.hasPrefix($0 + ":") }
    }

    /// Words of a level, not of a trade (`kỹ thuật viên`, `technician`, `kỹ sư`, `engineer`): their
    /// synonym groups help a search, but two people who share only them share no trade.
    static let levelWords = ["kỹ thuật viên", "technician", "kỹ sư", "engineer"]

    /// The synonym groups of ``levelWords``, worked out once a synonym table.
    static func levelGroups(_ synonyms: SynonymTable) -> Set<Int> {
        if let known = levelGroupsByTable.withLock({ $0[synonyms.fingerprint] }) { return known }
        let analyzer = VietnameseAnalyzer()
        let groups = Set(levelWords.flatMap { word in
            synonyms.groups(in: analyzer.foldedText(word)).filter { $0.phrase == analyzer.foldedText(word) }.map(\.group)
        })
        levelGroupsByTable.withLock { $0[synonyms.fingerprint] = groups }
        return groups
    }

    private static let levelGroupsByTable = Mutex<[String: Set<Int>]>([:])
}
