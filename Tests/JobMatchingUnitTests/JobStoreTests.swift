import Testing
@testable import JobRecords
import JobStorage
@testable import JobMatching
import MatchRendering
import HezaMatchCore

@Suite struct JobStoreTests {
    @Test func upsertReplacesAndCountsGenerations() throws {
        let store = try JobStore(path: temporaryStorePath())
        let first = try JSONLinesLoader.load(JobPosting.self, from: Array(#"{"id":"P1","employer":"A","title":"Thợ hàn","extra":1}"#.utf8), file: "a")
        #expect(try store.upsert(postings: first).postings == 1)
        let generation = try store.generation()
        let second = try JSONLinesLoader.load(JobPosting.self, from: Array(#"{"id":"P1","employer":"A","title":"Thợ tiện"}"#.utf8), file: "b")
        #expect(try store.upsert(postings: second).postings == 1)
        #expect(try store.posting(id: "P1")?.title == "Thợ tiện")
        #expect(try store.generation() == generation + 1)
        #expect(try store.posting(id: "nope") == nil)
    }

    @Test func reopeningKeepsTheData() throws {
        let path = temporaryStorePath()
        do {
            let store = try JobStore(path: path)
            let records = try JSONLinesLoader.load(CandidateProfile.self, from: Array(#"{"id":"C1","name":"Nguyễn Văn An","category":"discharged_soldier"}"#.utf8), file: "p")
            _ = try store.upsert(profiles: records)
        }
        let reopened = try JobStore(path: path)
        #expect(try reopened.profile(id: "C1")?.category == .dischargedSoldier)
        #expect(try reopened.counts().profiles == 1)
    }
}
