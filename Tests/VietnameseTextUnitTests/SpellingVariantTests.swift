import Testing
import VietnameseText

/// Rule 5: i and y spellings of one word fold together.
@Suite struct SpellingVariantTests {
    @Test func kiSuKySu() {
        #expect(folded("kĩ sư") == ["ky", "su"])
        #expect(folded("kỹ sư") == ["ky", "su"])
        #expect(folded("KI SU") == ["ky", "su"])
        #expect(canonical("kĩ sư") == canonical("kỹ sư"))
    }

    @Test func quanLiQuanLy() {
        #expect(canonical("quản lí") == canonical("quản lý"))
        #expect(folded("quản lí") == ["quan", "ly"])
        #expect(canonical("lí lịch") == ["lý", "lịch"])
        #expect(canonical("lý lịch") == ["lý", "lịch"])
        #expect(canonical("quí") == ["quý"])
        #expect(canonical("sĩ quan") == ["sỹ", "quan"])
        #expect(canonical("Mĩ") == ["mỹ"])
    }

    @Test func iStaysWhereYIsNotASpelling() {
        #expect(canonical("thi chi nghi phi tri gì bi vi xin tin") ==
                ["thi", "chi", "nghi", "phi", "tri", "gì", "bi", "vi", "xin", "tin"])
        #expect(canonical("y tá") == ["y", "tá"])
    }

    /// The pairs Cốc Cốc's i/y table lists after `b n v x`: one word, spelled `i`.
    @Test func viVyNiNyXiXyBiBy() {
        let pairs: [(String, String, [String])] = [
            ("Vy", "vi", ["vi"]), ("Ny", "ni", ["ni"]), ("xy lanh", "xi lanh", ["xi", "lanh"]), ("by", "bi", ["bi"]),
            ("VY", "VI", ["vi"]), ("vỹ", "vĩ", ["vi"]),
        ]
        for (a, b, key) in pairs {
            #expect(folded(a) == folded(b), "\(a) / \(b)")
            #expect(folded(a) == key, "\(a)")
        }
        // Two rhymes, not two spellings: they stay apart.
        #expect(folded("may") != folded("mai"))
        #expect(folded("tay") != folded("tai"))
        #expect(folded("vay") == ["vay"] && folded("nay") == ["nay"])
    }
}
