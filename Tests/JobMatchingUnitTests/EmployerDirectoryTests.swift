import Testing
@testable import JobMatching

/// Employers named in a search's words, and trade words never taken for one.
@Suite struct EmployerDirectoryTests {
    let directory = EmployerDirectory(
        employers: ["Công ty TNHH LG Display Việt Nam Hải Phòng", "Công ty TNHH LG Innotek Việt Nam Hải Phòng", "Công ty TNHH Pegatron Việt Nam",
                    "Công ty CP Kho vận Đình Vũ", "Công ty TNHH Điện tử Xuân Cầu", "Công ty TNHH USI Việt Nam", "Công ty TNHH Cơ khí Nam Cầu Kiền"],
        jobWords: ["cong", "nhan", "kho", "dien", "tu", "co", "khi", "nhan", "vien", "lap", "rap"], synonyms: reference.synonyms)

    /// typed → the employers named (none: nil) and the words left to search.
    @Test func truthTable() {
        let cases: [(typed: String, names: [String], left: String)] = [
            ("cong nhan lg display", ["Công ty TNHH LG Display Việt Nam Hải Phòng"], "cong nhan"),
            ("LG", ["Công ty TNHH LG Display Việt Nam Hải Phòng", "Công ty TNHH LG Innotek Việt Nam Hải Phòng"], ""),
            ("PEGATRON tuyển dụng", ["Công ty TNHH Pegatron Việt Nam"], "tuyển dụng"),
            ("kho vận đình vũ", ["Công ty CP Kho vận Đình Vũ"], ""),
            ("usi", ["Công ty TNHH USI Việt Nam"], ""),
            ("nhan vien kho", [], "nhan vien kho"),        // the trade, not Kho vận Đình Vũ
            ("lap rap dien tu", [], "lap rap dien tu"),    // the trade, not Điện tử Xuân Cầu
            ("co khi", [], "co khi"),
            ("dien tu xuan cau", ["Công ty TNHH Điện tử Xuân Cầu"], ""),
        ]
        for item in cases {
            let (left, names, understood) = directory.understand(item.typed)
            #expect(names == item.names, "\(item.typed)")
            #expect(left == item.left, "\(item.typed)")
            #expect((understood != nil) == !item.names.isEmpty, "\(item.typed)")
        }
        #expect(directory.understand("lg").understood?.value == "LG")
        #expect(directory.understand("lg display").understood?.value == "Công ty TNHH LG Display Việt Nam Hải Phòng")
    }
}
