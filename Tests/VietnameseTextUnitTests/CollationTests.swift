import Testing
import VietnameseText

/// Vietnamese alphabetical order, for the lists people read.
@Suite struct CollationTests {
    @Test func lettersInTheirVietnameseOrder() {
        // a ă â, d đ, o ô ơ, u ư: each its own letter, in this order; tones after the letters.
        let cases: [(input: [String], sorted: [String])] = [
            (["Đồ Sơn", "Dương Kinh", "An Dương", "Ân Thi", "Yên Bái"], ["An Dương", "Ân Thi", "Dương Kinh", "Đồ Sơn", "Yên Bái"]),
            (["ơ", "ô", "o"], ["o", "ô", "ơ"]),
            (["ư", "u"], ["u", "ư"]),
            (["â", "ă", "a"], ["a", "ă", "â"]),
            (["KCN Đình Vũ", "KCN Tràng Duệ", "KCN An Dương", "KCN Deep C"], ["KCN An Dương", "KCN Deep C", "KCN Đình Vũ", "KCN Tràng Duệ"]),
        ]
        for item in cases { #expect(VietnameseCollation.sorted(item.input) == item.sorted, "\(item.input)") }
    }

    @Test func peopleByGivenName() {
        let names = ["Trần Văn Bình", "Lê Thị An", "Nguyễn Đức Anh", "Phạm Ánh", "Đỗ Văn An"]
        #expect(names.sorted(by: VietnameseCollation.namePrecedes) == ["Đỗ Văn An", "Lê Thị An", "Nguyễn Đức Anh", "Phạm Ánh", "Trần Văn Bình"])
    }
}
