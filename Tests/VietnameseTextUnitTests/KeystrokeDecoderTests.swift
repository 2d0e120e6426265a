import Testing
@testable import VietnameseText

/// Words typed as Telex, VNI or VIQR keystrokes: one truth table per method, and what must stay as typed.
@Suite struct KeystrokeDecoderTests {
    private func check(_ cases: [(String, String?)]) {
        for (typed, expected) in cases {
            #expect(KeystrokeDecoder.decode(typed[...]) == expected, "\(typed)")
        }
    }

    @Test func telex() {
        check([
            ("kyx", "kỹ"), ("suw", "sư"), ("ddieenj", "điện"), ("tuwr", "tử"), ("Kyx", "Kỹ"),
            ("dduwowcj", "được"), ("duocwdj", "được"), ("nguwowif", "người"), ("vieetj", "việt"), ("vietej", "việt"),
            ("hanf", "hàn"), ("thows", "thớ"), ("thowj", "thợ"), ("banf", "bàn"), ("bans", "bán"), ("hangf", "hàng"),
            ("cows", "cớ"), ("khis", "khí"), ("nhaan", "nhân"), ("coong", "công"), ("nghieepj", "nghiệp"),
            ("laiss", "lái"), ("xef", "xè"), ("naang", "nâng"), ("mwa", "mưa"), ("muwa", "mưa"), ("nawm", "năm"),
            ("quys", "quý"), ("gias", "giá"), ("giuwax", "giữa"), ("truwowngf", "trường"), ("hoaf", "hòa"), ("thuyr", "thủy"),
            ("tets", "tét"), ("tetf", nil),                                     // a stop final takes only sắc or nặng
            ("bansz", "ban"), ("banz", nil), ("quiz", nil),                    // z clears a tone typed before it; alone it is a letter
        ])
    }

    @Test func vni() {
        check([
            ("ky4", "kỹ"), ("su7", "sư"), ("d9ie65n", "điện"), ("die65n9", "điện"), ("tu73", "tử"), ("ha2n", "hàn"),
            ("tho75", "thợ"), ("d9u7o7c5", "được"), ("nguo72i", "người"), ("co6ng", "công"), ("na8m", "năm"), ("vie65t", "việt"),
        ])
    }

    @Test func viqr() {
        check([
            ("ky~", "kỹ"), ("su+", "sư"), ("ddie^.n", "điện"), ("tu+?", "tử"), ("ha`n", "hàn"), ("tho+.", "thợ"),
            ("d-u+o+.c", "được"), ("ngu+o+`i", "người"), ("co^ng", "công"), ("na(m", "năm"), ("ba'n", "bán"),
        ])
    }

    /// Codes, English words and plain syllables stay as typed.
    @Test func whatStaysAsTyped() {
        check([
            ("shift", nil), ("welder", nil), ("ISO", nil), ("CNC", nil), ("QC", nil), ("6G", nil), ("B2", nil), ("PLC", nil),
            ("SMT", nil), ("forklift", nil), ("excel", nil), ("driver", nil), ("operator", nil), ("engineer", nil),
            ("ky", nil), ("su", nil), ("dien", nil), ("kỹ", nil), ("3G", nil), ("HR", nil), ("IT", nil), ("9001", nil),
        ])
    }

    @Test func aQueryKeepsTheWordsItKnows() {
        let known: Set<String> = ["test", "tho"]
        let (text, changed) = KeystrokeDecoder.decodeQuery("kyx suw ddieenj tuwr", keep: known.contains)
        #expect(text == "kỹ sư điện tử" && changed)
        #expect(KeystrokeDecoder.decodeQuery("test tho hanf", keep: known.contains).text == "test tho hàn")
        #expect(KeystrokeDecoder.decodeQuery("ky su dien tu", keep: known.contains).changed == false)
    }

    /// Marks typed after the rest of the syllable, in the orders Unikey and gonhanh accept (issue 29): 409 of 409
    /// syllables of a HEZA report typed with every mark after the word (`hezamatch-bench keystrokes`, Benchmarks/README.md).
    @Test func marksTypedAfterTheSyllable() {
        check([
            ("truaw", "trưa"), ("huaws", "hứa"), ("ruawr", "rửa"), ("thuaw", "thưa"), ("muaw", "mưa"),
            ("quawn", "quăn"), ("hoawcj", "hoặc"), ("xoawn", "xoăn"),
            // The doubled vowel after the final or part of it, the stroke after the vowel (issue 29's examples).
            ("chana", "chân"), ("tonog", "tông"), ("dodno", "đôn"), ("khongo", "không"), ("congo", "công"), ("kenhe", "kênh"),
            ("chanas", "chấn"), ("vietej", "việt"), ("bietes", "biết"),
            // `uu` + w: ưu.
            ("buuw", "bưu"), ("cuuws", "cứu"), ("cuuwj", "cựu"),
            // `ươu` with the horn typed after the last u; `uơ` closing a syllable; `q` before `uy` + a final
            // (gonhanh's pairs, Benchmarks/README.md).
            ("ruouwj", "rượu"), ("ruojuw", "rượu"), ("huouw", "hươu"), ("buousw", "bướu"), ("ruowuj", "rượu"), ("ruwojuw", "rượu"), ("huwouw", "hươu"),
            ("thuorw", "thuở"), ("huow", "huơ"), ("quow", "quơ"), ("quowf", "quờ"), ("thuowr", "thuở"),
            ("quyfnh", "quỳnh"), ("quynhf", "quỳnh"), ("quyts", "quýt"), ("quytj", "quỵt"),
            ("quys", "quý"), ("quaan", "quân"), ("quoocs", "quốc"), ("nguoiwf", "người"), ("dduwowcj", "được"),
        ])
        // A syllable closed by c, ch, p or t needs sắc or nặng: `keep`, `deep`, `boot` are no syllables (`kêp`, `dêp`).
        for word in ["keep", "deep", "boot", "coop", "beet", "cheep", "data", "tata", "wow", "swow", "burrow", "qux", "qus", "quts"] {
            #expect(KeystrokeDecoder.decode(Substring(word)) == nil, "\(word)")
        }
    }

    /// Caps Lock: a query whose unknown words in capitals all spell syllables as keys was typed with Caps Lock
    /// on; one acronym that spells nothing keeps every word in capitals as typed.
    @Test func queriesTypedWithCapsLock() {
        let index: Set<String> = ["kcn", "xe", "misa", "qc", "iso"]
        let cases: [(String, String)] = [
            ("KCN DDINHF VUX", "KCN đình vũ"),
            ("LAIS XE NAANG", "lái XE nâng"),
            ("CO6NG NHA6N", "công nhân"),
            ("KY4 SU7 D9IE65N TU73", "kỹ sư điện tử"),
            ("THOWJ HANF", "thợ hàn"),
            ("MISA ke toans", "MISA ke toán"),
            ("HSK VUX", "HSK VUX"),                    // HSK spells nothing: short capitals stay acronyms
            ("QC ISO", "QC ISO"),                      // words of the index
            ("CNC", "CNC"),
        ]
        for (typed, expected) in cases {
            #expect(KeystrokeDecoder.decodeQuery(typed, keep: index.contains).text == expected, "\(typed)")
        }
    }
}
