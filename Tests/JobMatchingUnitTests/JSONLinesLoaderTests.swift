import Testing
@testable import JobRecords
import JobStorage
@testable import JobMatching
import MatchRendering
import HezaMatchCore

@Suite struct JSONLinesLoaderTests {
    @Test func readsEveryFieldOfTheSchema() throws {
        let postings = try loadLines(JobPosting.self, [
            #"{"id":"P1","employer":"LG Display","zone":"KCN Tràng Duệ","district":"An Dương","title":"Kỹ sư điện tử","description":"…","requirements":"…","skills":["PCB","SMT"],"education_min":"university","audiences":["graduate"],"openings":5,"age_min":22,"age_max":35,"salary_min":15000000,"salary_max":25000000,"housing":true,"posted":"2026-11-01","deadline":"2026-12-31","extra":{"kept":"in the store"}}"#,
            "",
            #"{"id":"P2","employer":"USI","title":"QC Inspector"}"#,
        ])
        #expect(postings.count == 2)
        #expect(postings[0].educationMin == .university)
        #expect(postings[0].deadline == CalendarDate("2026-12-31"))
        #expect(postings[0].skills == ["PCB", "SMT"])
        #expect(postings[1].educationMin == nil)
    }

    @Test func everyBadLineIsNamedWithFileLineAndField() throws {
        let lines = [
            #"{"id":"P1","employer":"A","title":"ok"}"#,
            #"not json"#,
            #"{"id":"P3","title":"no employer"}"#,
            #"{"id":"P4","employer":"A","title":"t","openings":"12"}"#,
            #"{"id":"P5","employer":"A","title":"t","education_min":"phd"}"#,
            #"{"id":"P6","employer":"A","title":"t","deadline":"2026-02-30"}"#,
            #"{"id":"P7","employer":"A","title":"t","skills":["a",3]}"#,
            #"{"id":"P8","employer":"A","title":"t","age_min":40,"age_max":20}"#,
            #"[1,2,3]"#,
            #"{"id":"P10","employer":"A","title":"t","openings":2.5}"#,
        ]
        do {
            _ = try loadLines(JobPosting.self, lines, file: "postings.jsonl")
            Issue.record("bad lines were accepted")
        } catch let failure as LoadFailure {
            #expect(failure.count == 9)
            let byLine = Dictionary(failure.problems.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
            #expect(byLine[2]?.field == nil && byLine[2]?.message == "is not valid JSON")
            #expect(byLine[3]?.field == "employer" && byLine[3]?.message == "is required but missing")
            #expect(byLine[4]?.field == "openings" && byLine[4]?.message == "expected a whole number")
            #expect(byLine[5]?.field == "education_min" && byLine[5]!.message.contains("unknown education level 'phd'"))
            #expect(byLine[6]?.field == "deadline")
            #expect(byLine[7]?.field == "skills[1]")
            #expect(byLine[8]?.field == "age_min")
            #expect(byLine[9]?.message == "is not a JSON object")
            #expect(byLine[10]?.field == "openings")
            #expect(failure.problems.allSatisfy { $0.file == "postings.jsonl" })
            #expect(failure.description.contains("postings.jsonl:4: field 'openings': expected a whole number"))
        }
    }

    @Test func invalidUTF8IsNamed() throws {
        var bytes = Array(#"{"id":"C1","name":"A","category":"other"}"#.utf8) + [0x0A]
        bytes += Array(#"{"id":"C2","name":""#.utf8) + [0xC3, 0x28] + Array(#"","category":"other"}"#.utf8)
        #expect { _ = try JSONLinesLoader.load(CandidateProfile.self, from: bytes, file: "profiles.jsonl") } throws: { error in
            let failure = error as? LoadFailure
            return failure?.problems.first?.line == 2 && failure?.problems.first?.message == "is not valid UTF-8"
        }
    }

    @Test func atMostTwentyAreListedButAllAreCounted() throws {
        let lines = (1...35).map { _ in #"{"id":"C","category":"other"}"# }
        #expect { _ = try loadLines(CandidateProfile.self, lines) } throws: { error in
            let failure = error as? LoadFailure
            return failure?.problems.count == 20 && failure?.count == 35 && failure!.description.contains("and 15 more bad lines")
        }
    }

    @Test func unknownCategoryAndByteOrderMark() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array(#"{"id":"C1","name":"A","category":"soldier"}"#.utf8)
        #expect { _ = try JSONLinesLoader.load(CandidateProfile.self, from: bytes, file: "p.jsonl") } throws: { error in
            (error as? LoadFailure)?.problems.first?.field == "category"
        }
    }
}
