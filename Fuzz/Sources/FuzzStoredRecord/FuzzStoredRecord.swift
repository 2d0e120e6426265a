import CFuzzDriver
import JobMatching

/// Any bytes as a stored posting or profile: a record or a DecodingError, never a crash; a
/// decoded record encodes back to the same bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStoredRecord(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Compared as bytes: a number decoded from arbitrary bits may be a NaN, which equals nothing.
    if let posting = try? StoredRecord.posting(bytes) {
        let encoded = StoredRecord.encode(posting)
        precondition((try? StoredRecord.posting(encoded)).map(StoredRecord.encode) == encoded, "a posting does not survive its own encoding")
    }
    if let profile = try? StoredRecord.profile(bytes) {
        let encoded = StoredRecord.encode(profile)
        precondition((try? StoredRecord.profile(encoded)).map(StoredRecord.encode) == encoded, "a profile does not survive its own encoding")
    }
    return 0
}

/// The entry point SwiftPM gives this executable: libFuzzer's driver, with the function above.
@_cdecl("FuzzStoredRecord_main")
public func fuzzStoredRecordMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    hz_fuzz_main(argc, argv) { data, size in fuzzStoredRecord(data, size) }
}
