import CFuzzDriver
import JobRecords

/// Any bytes as a JSON Lines file of postings and of profiles: accepted or refused with named
/// problems, never a crash; an accepted record reads back the same from its own line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONLines(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    check(JobPosting.self, bytes)
    check(CandidateProfile.self, bytes)
    _ = try? JSONParser.parse(bytes)
    return 0
}

private func check<Record: JSONRecord & Equatable>(_ type: Record.Type, _ bytes: [UInt8]) {
    do {
        for record in try JSONLinesLoader.load(type, from: bytes, file: "fuzz.jsonl") {
            precondition((try? Record.read(record.json).get()) == record.value, "a stored line does not read back the same")
        }
    } catch let failure as LoadFailure {
        precondition(failure.count > 0 && !failure.problems.isEmpty && failure.problems.count <= LoadFailure.listedLimit, "a refusal names no line")
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
}

/// The entry point SwiftPM gives this executable: libFuzzer's driver, with the function above.
@_cdecl("FuzzJSONLines_main")
public func fuzzJSONLinesMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    hz_fuzz_main(argc, argv) { data, size in fuzzJSONLines(data, size) }
}
