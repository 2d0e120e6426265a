import Foundation
@testable import JobRecords
import JobStorage
@testable import JobMatching
import MatchRendering
import HezaMatchCore

/// The project's Corpus/ folder (reference tables and the bundled data).
let corpusDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Corpus").path

let reference: ReferenceData = try! ReferenceData.load(directory: corpusDirectory)

func loadLines<T: JSONRecord>(_ type: T.Type, _ lines: [String], file: String = "test.jsonl") throws -> [T] {
    try JSONLinesLoader.load(type, from: Array(lines.joined(separator: "\n").utf8), file: file).map(\.value)
}

func temporaryStorePath() -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory.appendingPathComponent("store.sqlite").path
}

func posting(_ json: String) -> JobPosting { try! JobPosting.read(json).get() }
func profile(_ json: String) -> CandidateProfile { try! CandidateProfile.read(json).get() }
