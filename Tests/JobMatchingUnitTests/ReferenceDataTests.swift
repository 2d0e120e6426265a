import Testing
@testable import JobRecords
import JobStorage
@testable import JobMatching
import MatchRendering
import HezaMatchCore

@Suite struct ReferenceDataTests {
    @Test func distancesAreTrueToTheMap() throws {
        let places = reference.places
        #expect(places.distance(from: "Thủy Nguyên", to: "KCN VSIP Hải Phòng")! < 10)
        #expect(places.distance(from: "An Dương", to: "KCN Tràng Duệ")! < 10)
        #expect(places.distance(from: "Yên Bái", to: "KCN Tràng Duệ")! > 150)
        #expect(places.distance(from: "Kiến An", to: "KCN Cảng cửa ngõ quốc tế Hải Phòng")! > 20)
    }

    @Test func namesMatchHoweverTheyAreTyped() throws {
        let places = reference.places
        for typed in ["Thuỷ Nguyên", "thuy nguyen", "huyện Thủy Nguyên", "THỦY NGUYÊN"] {
            #expect(places.read(typed)?.name == "thành phố Thủy Nguyên (cũ)", "\(typed)")  // a city since January 2025
        }
        #expect(places.zone(named: "KCN Trang Due")?.name == "KCN Tràng Duệ")
        #expect(places.read("Sao Hỏa") == nil)
    }

    /// Places are shown by today's names (and the old one where it helps), whatever the candidate typed.
    @Test func placesAreShownByTheirCanonicalNames() {
        let cases: [(typed: String?, shown: String?)] = [
            ("Kien Thuy", "huyện Kiến Thụy (cũ)"), ("huyện Kiến Thuỵ", "huyện Kiến Thụy (cũ)"), ("KIẾN THỤY", "huyện Kiến Thụy (cũ)"),
            ("Do Son", "quận Đồ Sơn (cũ)"),                 // the district, not the zone of the same name
            ("KCN Do Son", "KCN Đồ Sơn"), ("yen bai", "Lào Cai (trước: tỉnh Yên Bái)"),
            ("xa kien thuy", "Xã Kiến Thụy (trước: huyện Kiến Thụy)"),
            (" Nơi khác ", "Nơi khác"),           // unknown: as typed, trimmed
            (nil, nil),
        ]
        for (typed, shown) in cases {
            #expect(reference.places.canonicalName(typed) == shown, "\(typed ?? "nil")")
        }
    }

    @Test func synonymsOfTheIssue() throws {
        let synonyms = reference.synonyms
        func same(_ a: String, _ b: String) -> Bool {
            let groupsA = Set(synonyms.groups(in: VietnameseAnalyzerFold.fold(a)).map(\.group))
            let groupsB = Set(synonyms.groups(in: VietnameseAnalyzerFold.fold(b)).map(\.group))
            return !groupsA.isDisjoint(with: groupsB)
        }
        #expect(same("tài xế", "lái xe"))
        #expect(same("thợ hàn", "hàn điện") && same("hàn điện", "welder"))
        #expect(same("kỹ thuật viên", "technician"))
        #expect(same("công nhân sản xuất", "production operator"))
        #expect(same("kiểm tra chất lượng", "QC"))
        #expect(same("xe nâng", "forklift"))
        #expect(!same("kế toán", "welder"))
        #expect(synonyms.expand("Tài xế xe tải").hasPrefix("Tài xế xe tải hzsyn"))
        // The longest phrase wins: "lái xe nâng" is forklift work, not driving.
        #expect(synonyms.groups(in: "lai xe nang").map(\.phrase) == ["lai xe nang"])
    }
}

import VietnameseText
enum VietnameseAnalyzerFold {
    static func fold(_ text: String) -> String { VietnameseAnalyzer().foldedText(text) }
}
