import CSearchKernels
import SearchIndex
import VietnameseText
import Foundation

/// The saved vocabulary, beside the postings' index (`STORE.postings.hzaids`), so that a start answers at once.
///
/// ```
/// "HZAIDS" · version u8 · sequence u64 · postings varint · fingerprint string
/// forms: count, then (folded syllable, count, then (form, count)…)… · bigrams · employers · job words · titles
///   (each a count, then (string, count)…)
/// CRC-32C of everything before it, u32
/// string: varint length + UTF-8 · counts: varint
/// ```
/// Written to a temporary file, fsynced and renamed, like the index; a file that does not check out is
/// rebuilt from the index, never half-read.
extension PostingVocabulary {
    static let magic = Array("HZAIDS".utf8)
    /// Bumped when the layout changes.
    static let fileVersion: UInt8 = 1

    struct FileError: Error, CustomStringConvertible {
        var description: String
    }

    /// The bytes of the file, for `fingerprint` (what the index's documents depend on).
    func encoded(fingerprint: String) -> [UInt8] {
        var writer = Writer()
        writer.bytes += Self.magic
        writer.bytes.append(Self.fileVersion)
        withUnsafeBytes(of: UInt64(bitPattern: sequence).littleEndian) { writer.bytes += $0 }
        writer.varint(UInt64(postings))
        writer.string(fingerprint)
        let counts = accents.counts
        writer.varint(UInt64(counts.forms.count))
        for (folded, forms) in counts.forms.sorted(by: { $0.key < $1.key }) {
            writer.string(folded)
            writer.counts(forms)
        }
        for table in [counts.bigrams, employers, jobWords, titles] { writer.counts(table) }
        let checksum = writer.bytes.withUnsafeBytes { hz_crc32c(0, $0.baseAddress, $0.count) }
        withUnsafeBytes(of: checksum.littleEndian) { writer.bytes += $0 }
        return writer.bytes
    }

    /// The vocabulary in `bytes`, when they are a whole file of this layout made for `fingerprint`.
    init(decoding bytes: [UInt8], fingerprint: String) throws {
        guard bytes.count >= Self.magic.count + 1 + 8 + 4, bytes.starts(with: Self.magic) else { throw FileError(description: "not a vocabulary file") }
        let stored = bytes[(bytes.count - 4)...].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let computed = bytes.withUnsafeBytes { hz_crc32c(0, $0.baseAddress, $0.count - 4) }
        guard stored == computed else { throw FileError(description: "checksum mismatch") }
        var reader = Reader(bytes: bytes, end: bytes.count - 4)
        reader.index = Self.magic.count
        guard try reader.byte() == Self.fileVersion else { throw FileError(description: "another layout") }
        var sequence: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) { sequence |= UInt64(try reader.byte()) << UInt64(shift) }
        self.init()
        self.sequence = Int64(bitPattern: sequence)
        postings = Int(try reader.varint())
        guard try reader.string() == fingerprint else {
            throw FileError(description: "made at change \(self.sequence) of another history, or with other reference tables")
        }
        var forms: [String: [String: Int]] = [:]
        let formCount = try reader.varint()
        forms.reserveCapacity(Int(min(formCount, 1 << 20)))
        for _ in 0..<formCount { forms[try reader.string()] = try reader.counts() }
        let bigrams = try reader.counts()
        accents = AccentRestorer(forms: forms, bigrams: bigrams)
        employers = try reader.counts()
        jobWords = try reader.counts()
        titles = try reader.counts()
        guard reader.index == reader.end else { throw FileError(description: "bytes after the last table") }
    }

    /// The file at `path`, or `nil` when there is none; throws when it does not check out.
    static func read(path: String, fingerprint: String) throws -> PostingVocabulary? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try PostingVocabulary(decoding: [UInt8](data), fingerprint: fingerprint)
    }

    /// Writes the file at `path`: a temporary file beside it, fsynced, then renamed over it.
    func write(path: String, fingerprint: String) throws {
        let temporary = path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        let bytes = encoded(fingerprint: fingerprint)
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw FileError(description: "cannot write \(temporary)")
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        try handle.synchronize()
        try handle.close()
        guard rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw FileError(description: "cannot rename \(temporary) to \(path)")
        }
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func varint(_ value: UInt64) { Varint.append(value, to: &bytes) }

        mutating func string(_ text: String) {
            varint(UInt64(text.utf8.count))
            bytes += text.utf8
        }

        mutating func counts(_ table: [String: Int]) {
            varint(UInt64(table.count))
            for (key, count) in table.sorted(by: { $0.key < $1.key }) {
                string(key)
                varint(UInt64(max(0, count)))
            }
        }
    }

    private struct Reader {
        let bytes: [UInt8]
        let end: Int
        var index = 0

        mutating func byte() throws -> UInt8 {
            guard index < end else { throw FileError(description: "truncated") }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func varint() throws -> UInt64 {
            let start = index
            guard let value = Varint.read(bytes, at: &index, end: end) else {
                throw FileError(description: end - start > 9 ? "a number too long" : "truncated")
            }
            return value
        }

        mutating func string() throws -> String {
            let length = Int(try varint())
            guard length <= end - index else { throw FileError(description: "truncated") }
            defer { index += length }
            return String(decoding: bytes[index..<(index + length)], as: UTF8.self)
        }

        mutating func counts() throws -> [String: Int] {
            let count = try varint()
            guard count <= UInt64(end - index) else { throw FileError(description: "truncated") }
            var table: [String: Int] = [:]
            table.reserveCapacity(Int(count))
            for _ in 0..<count { table[try string()] = Int(try varint()) }
            return table
        }
    }
}
