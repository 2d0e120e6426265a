import CFuzzDriver
import Glibc
import VietnameseText

/// Any bytes, as an old encoding's bytes and as text, through every decoder, the detector and
/// the repair of misread text: no crash, and what each promises holds.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLegacyText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    for encoding in LegacyEncoding.byteEncodings {
        // Decoded text written back and read again is the same text (it is NFC, and every
        // character it holds came from the charset).
        if let text = encoding.decode(bytes), let again = encoding.encode(text) {
            precondition(encoding.decode(again) == text, "\(encoding): decode(encode(text)) differs")
        }
    }
    if let found = LegacyEncoding.detect(bytes) {
        precondition(found.encoding.decode(bytes) == found.text, "detect's text is not its encoding's reading")
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if let repaired = LegacyEncoding.repairMisreading(text) {
        precondition(repaired.text != text, "a repair that changes nothing")
    }
    _ = LegacyEncoding.decodeVIQR(text)
    _ = LegacyEncoding.vietnameseScore(text)
    return 0
}

/// The entry point SwiftPM gives this executable: libFuzzer's driver, with the function above.
@_cdecl("FuzzLegacyText_main")
public func fuzzLegacyTextMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    hz_fuzz_main(argc, argv) { data, size in fuzzLegacyText(data, size) }
}
