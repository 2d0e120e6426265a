import Testing
@testable import JobRecords
@testable import JobMatching

/// The binary records the index stores with each document.
@Suite struct StoredRecordTests {
    @Test func postingsComeBackWhole() throws {
        let full = posting(#"{"id":"P1","employer":"LG Display","zone":"KCN Tràng Duệ","district":"An Dương","title":"Kỹ sư điện tử","description":"Mô tả","requirements":"Yêu cầu","skills":["PCB","SMT",""],"education_min":"university","audiences":["graduate","other"],"openings":5,"age_min":22,"age_max":35,"salary_min":0,"salary_max":25000000,"housing":false,"posted":"2026-11-01","deadline":"2026-12-31"}"#)
        let minimal = JobPosting(id: "", employer: "A", title: "😀")
        for record in [full, minimal] {
            #expect(try StoredRecord.posting(StoredRecord.encode(record)) == record)
        }
    }

    @Test func profilesComeBackWithoutNameAndPhone() throws {
        let full = profile(#"{"id":"C1","name":"Trần Văn Hùng","phone":"0900000001","category":"discharged_soldier","education":"intermediate_vocational","major":"Hàn","school":"CĐ Nghề","skills":["hàn điện"],"experience_years":2.5,"summary":"…","desired_titles":["Thợ hàn"],"birth_year":1998,"district":"Thủy Nguyên","desired_salary":12000000,"needs_housing":true}"#)
        let bytes = StoredRecord.encode(full)
        #expect(!String(decoding: bytes, as: UTF8.self).contains("Trần Văn Hùng"))
        #expect(!String(decoding: bytes, as: UTF8.self).contains("0900000001"))
        var expected = full
        expected.name = ""
        expected.phone = nil
        #expect(try StoredRecord.profile(bytes) == expected)
    }

    /// Every truncation and many byte flips: an error or a record, never a crash.
    @Test func damagedBytesAreAnErrorNeverACrash() {
        let bytes = StoredRecord.encode(posting(#"{"id":"P1","employer":"LG","title":"Kỹ sư","skills":["a","b"],"audiences":["graduate"],"deadline":"2026-12-31","openings":3}"#))
        for length in 0..<bytes.count {
            #expect(throws: StoredRecord.DecodingError.self) { _ = try StoredRecord.posting(Array(bytes[..<length])) }
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var damaged = bytes
            damaged[Int.random(in: 0..<damaged.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            _ = try? StoredRecord.posting(damaged)
            _ = try? StoredRecord.profile(damaged)
        }
        #expect(throws: StoredRecord.DecodingError.self) { _ = try StoredRecord.posting(bytes + [0]) }
    }
}
