import Testing
import VietnameseText
@testable import JobMatching

/// Licences read from text, and compared by what each class allows.
@Suite struct LicenceTests {
    private func named(_ text: String) -> [Licence] { Licence.named(inFolded: VietnameseAnalyzer().foldedText(text)) }

    /// What each text names: accents or none, any case, old and new class names.
    @Test func licencesAreReadFromText() {
        let cases: [(text: String, expected: [Licence])] = [
            ("bằng lái C", [Licence(.driving, "C")]),
            ("BANG LAI C", [Licence(.driving, "C")]),
            ("Bằng C", [Licence(.driving, "C")]),
            ("GPLX hạng B2", [Licence(.driving, "B2")]),
            ("có bằng lái xe hạng FC", [Licence(.driving, "FC")]),
            ("giấy phép lái xe D", [Licence(.driving, "D")]),
            ("lái xe hạng C1 trở lên", [Licence(.driving, "C1")]),
            ("driving licence CE", [Licence(.driving, "CE")]),
            ("bằng FC", [Licence(.driving, "FC")]),
            ("bằng đại học", []),                                 // a degree, not a class
            ("tiếng Anh bằng B", []),                             // the old language certificates were graded too
            ("hạng C", []),                                       // no licence word
            ("lái xe", []),
            ("chứng chỉ xe nâng", [Licence(.forklift)]),
            ("Chung chi van hanh xe nang", [Licence(.forklift)]),
            ("forklift certificate", [Licence(.forklift)]),
            ("lái xe nâng", []),                                  // a trade, not a certificate
            ("chứng chỉ cẩu trục", [Licence(.crane)]),
            ("chứng chỉ vận hành cần cẩu", [Licence(.crane)]),
            ("chứng chỉ hàn 3G", [Licence(.welding, "3G")]),
            ("thợ hàn 6G", [Licence(.welding, "6G")]),
            ("6G", [Licence(.welding, "6G")]),
            ("mạng 4G ổn định", []),                              // a phone network
            ("an toàn điện bậc 3", [Licence(.electricalSafety, "3")]),
            ("bậc 4/5 an toàn điện", [Licence(.electricalSafety, "4")]),
            ("an toàn lao động", []),
            ("bằng lái C, chứng chỉ hàn 6G", [Licence(.driving, "C"), Licence(.welding, "6G")]),
        ]
        for (text, expected) in cases {
            #expect(named(text) == expected, "\(text)")
        }
    }

    /// Whether holding the row's class satisfies the column's requirement.
    @Test func aClassCoversTheClassesItAllows() {
        let classes = ["B2", "C", "D", "E", "FC", "B", "C1", "CE"]
        let table: [String: String] = [   // row holds; a 1 where it satisfies the column, in `classes` order
            "B2": "10000100",
            "C":  "11000110",
            "D":  "11100110",
            "E":  "11110110",
            "FC": "11001111",
            "B":  "10000100",
            "C1": "10000110",
            "CE": "11001111",
        ]
        for (held, row) in table {
            for (column, required) in classes.enumerated() {
                let expected = Array(row)[column] == "1"
                #expect(Licence(.driving, held).satisfies(Licence(.driving, required)) == expected, "\(held) for \(required)")
            }
        }
        #expect(Licence(.welding, "6G").satisfies(Licence(.welding, "3G")))
        #expect(!Licence(.welding, "3G").satisfies(Licence(.welding, "6G")))
        #expect(Licence(.welding, "3G").satisfies(Licence(.welding, "1G")))
        #expect(!Licence(.welding, "2G").satisfies(Licence(.welding, "3G")))
        #expect(Licence(.electricalSafety, "4").satisfies(Licence(.electricalSafety, "3")))
        #expect(!Licence(.electricalSafety, "2").satisfies(Licence(.electricalSafety, "3")))
        #expect(!Licence(.driving, "C").satisfies(Licence(.forklift)))
        #expect(Licence(.forklift).satisfies(Licence(.forklift)))
    }
}
