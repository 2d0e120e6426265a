import JobRecords
import VietnameseText

/// How the text of an import is encoded (`hezamatch index --encoding`, `POST /v1/import?encoding=`).
public enum ImportEncoding: String, CaseIterable, Sendable {
    /// UTF-8 where it is; a line that is not is read in the old encoding that makes it
    /// Vietnamese; a string value once misread as Windows-1252 is repaired.
    case auto
    /// UTF-8 only, as written.
    case utf8
    case tcvn3, vni, viscii, cp1258, viqr

    var legacy: LegacyEncoding? { LegacyEncoding(rawValue: rawValue) }
}

/// Brings each line of an import to UTF-8, value by value (keys are ASCII names): the line
/// transform of ``JSONLinesLoader`` for one file, and what it decided.
///
/// - `auto`: a line that is not UTF-8 is read in the encoding (TCVN3, VNI, VISCII,
///   Windows-1258) in which its non-UTF-8 values make the most Vietnamese words, or that of
///   the lines before when none does better; a value that is UTF-8 but was once misread
///   (`Xin chaøo`) is repaired (``VietnameseText/LegacyEncoding/repairMisreading(_:)``).
/// - a named encoding: every value is read in it (VIQR: its words with marks are decoded).
/// - `utf8`: nothing is changed.
///
/// A value that cannot be read (a byte the encoding leaves undefined, or bytes that are
/// neither UTF-8 nor any of the encodings) refuses its line, naming the field.
public final class ImportTranscoder {
    public let encoding: ImportEncoding
    /// Lines read in an old encoding, by encoding.
    public private(set) var linesDecoded: [LegacyEncoding: Int] = [:]
    /// Values repaired from a misreading, by the encoding they were in.
    public private(set) var valuesRepaired: [LegacyEncoding: Int] = [:]
    /// The first place of each decision: line and field.
    public private(set) var firstSeen: [LegacyEncoding: (line: Int, field: String)] = [:]
    private var lastDetected: LegacyEncoding?

    public init(_ encoding: ImportEncoding) {
        self.encoding = encoding
    }

    /// What was decided, in a sentence a person reads (`TCVN3 (ABC): 12 lines, from line 3 (title)`), or `nil` when nothing changed.
    public var summary: String? {
        var parts: [String] = []
        for encoding in LegacyEncoding.allCases {
            if let lines = linesDecoded[encoding], let first = firstSeen[encoding] {
                parts.append("\(lines) line\(lines == 1 ? "" : "s") read as \(encoding.displayName), from line \(first.line) ('\(first.field)')")
            }
            if let values = valuesRepaired[encoding], let first = firstSeen[encoding] {
                parts.append("\(values) value\(values == 1 ? "" : "s") repaired from \(encoding.displayName) misread as Windows-1252, from line \(first.line) ('\(first.field)')")
            }
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    /// The transform for ``JSONLinesLoader``.
    public var transform: LineTransform? {
        guard encoding != .utf8 else { return nil }
        return { [self] line, number in try self.transcode(line, number: number) }
    }

    /// One line: new bytes, or `nil` when it is left as it is.
    func transcode(_ line: UnsafeBufferPointer<UInt8>, number: Int) throws -> [UInt8]? {
        guard line.contains(where: { $0 >= 0x80 }) || encoding == .viqr else { return nil }
        let values = Self.stringValues(line)
        guard !values.isEmpty else { return nil }
        var replacements: [(range: Range<Int>, bytes: [UInt8])] = []
        func record(_ encoding: LegacyEncoding, field: String, line: Bool) {
            if firstSeen[encoding] == nil { firstSeen[encoding] = (number, field) }
            if line { linesDecoded[encoding, default: 0] += 1 } else { valuesRepaired[encoding, default: 0] += 1 }
        }
        switch encoding {
        case .utf8:
            return nil
        case .auto:
            // Values that are not UTF-8: one encoding for the line, chosen on all of them.
            let lineIsUTF8 = String(validating: line, as: UTF8.self) != nil
            let broken = lineIsUTF8 ? [] : values.filter { String(validating: line[$0.range], as: UTF8.self) == nil }
            if !broken.isEmpty {
                var joined: [UInt8] = []
                for value in broken { joined += line[value.range]; joined.append(0x20) }
                guard let chosen = LegacyEncoding.detect(joined)?.encoding ?? lastDetected else {
                    throw LineRefusal(field: broken[0].field, message: "is neither UTF-8 nor Vietnamese in TCVN3, VNI, VISCII or Windows-1258: give the file's --encoding")
                }
                lastDetected = chosen
                for value in broken {
                    guard let text = chosen.decode(line[value.range]) else {
                        throw LineRefusal(field: value.field, message: "has a byte that \(chosen.displayName) does not define")
                    }
                    replacements.append((value.range, Array(text.utf8)))
                }
                record(chosen, field: broken[0].field, line: true)
            }
            for value in values where !broken.contains(where: { $0.range == value.range }) {
                guard Self.mayBeMisread(line[value.range]),
                      let text = String(validating: line[value.range], as: UTF8.self),
                      let repaired = repair(text) else { continue }
                replacements.append((value.range, Array(repaired.text.utf8)))
                record(repaired.encoding, field: value.field, line: false)
            }
        default:
            let legacy = encoding.legacy!
            var changed = false
            for value in values where legacy == .viqr || line[value.range].contains(where: { $0 >= 0x80 }) {
                guard let text = legacy.decode(line[value.range]) else {
                    throw LineRefusal(field: value.field, message: "has a byte that \(legacy.displayName) does not define")
                }
                let bytes = Array(text.utf8)
                if !bytes.elementsEqual(line[value.range]) {
                    replacements.append((value.range, bytes))
                    changed = true
                }
            }
            if changed { record(legacy, field: values[0].field, line: true) }
        }
        guard !replacements.isEmpty else { return nil }
        replacements.sort { $0.range.lowerBound < $1.range.lowerBound }
        var output: [UInt8] = []
        output.reserveCapacity(line.count + line.count / 2)
        var position = 0
        for replacement in replacements {
            output += line[position..<replacement.range.lowerBound]
            output += replacement.bytes
            position = replacement.range.upperBound
        }
        output += line[position...]
        return output
    }

    /// Values already judged (names of districts, skills and titles repeat through a file).
    private var judged: [String: (text: String, encoding: LegacyEncoding)?] = [:]

    private func repair(_ text: String) -> (text: String, encoding: LegacyEncoding)? {
        if let known = judged[text] { return known }
        let result = LegacyEncoding.repairMisreading(text)
        if judged.count < 50_000 { judged[text] = result }
        return result
    }

    /// Whether UTF-8 bytes may be text once misread as Windows-1252: some non-ASCII, and only
    /// characters of Latin-1 and Windows-1252. A Vietnamese letter beyond them (`ư ơ đ ạ ế`, lead
    /// bytes 0xC4, 0xC6, 0xE1…) rules it out at once: real Vietnamese text is passed over at the
    /// cost of a byte scan.
    static func mayBeMisread(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var sawNonASCII = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case 0x00..<0x80:
                index += 1
                continue
            case 0xC2, 0xC3:  // U+0080…U+00FF
                sawNonASCII = true
                index += 2
                continue
            case 0xC5, 0xC6, 0xCB:  // Œ œ Š š Ÿ Ž ž ƒ ˆ ˜ are in Windows-1252; ũ ơ ư are not
                guard index + 1 < bytes.endIndex else { return false }
                let next = bytes[index + 1]
                let special: Bool
                switch byte {
                case 0xC5: special = [0x92, 0x93, 0xA0, 0xA1, 0xB8, 0xBD, 0xBE].contains(next)
                case 0xC6: special = next == 0x92
                default: special = next == 0x86 || next == 0x9C
                }
                guard special else { return false }
                sawNonASCII = true
                index += 2
            case 0xE2:  // – — ‘ ’ “ ” „ † ‡ • … ‰ ‹ › € ™
                sawNonASCII = true
                index += 3
            default:
                return false
            }
        }
        return sawNonASCII
    }

    /// The string values of a JSON line (not its keys): the byte range of each one's contents, and the key it belongs
    /// to (`skills` for each skill), read by the JSON parser's grammar without reading the strings
    /// (``JobRecords/JSONParser/stringSpans(_:)``); none when the line is not JSON (the loader then says where).
    static func stringValues(_ line: UnsafeBufferPointer<UInt8>) -> [(range: Range<Int>, field: String)] {
        (JSONParser.stringSpans(line) ?? []).map { ($0.range, $0.key) }
    }
}
