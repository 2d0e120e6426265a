import Foundation
import Glibc

/// Saving an index to one file, and opening it again.
///
/// ```
/// "HZIX" · version: u32 · fingerprint length: u32 · fingerprint (UTF-8) · pad to 8
/// segment count: u64
/// per segment: byte count: u64 · deletion words: u64 · deletion bitset: [u64] · segment bytes · pad to 8
/// CRC-32 of everything before: u32 · "XIZH"
/// ```
/// Saving writes a temporary file beside the target, syncs it to disk and renames
/// it over the target, so a crash leaves the old file or the new one, never half
/// of one. Opening checks the magic, the version, the checksum, the schema's
/// fingerprint and every segment's structure before anything is used.
enum IndexFile {
    static let magic = Array("HZIX".utf8)
    static let trailerMagic = Array("XIZH".utf8)
    static let version: UInt32 = 1

    static func encode(_ snapshot: IndexSnapshot) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(snapshot.byteCount + 1024)
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        func pad() { while bytes.count % 8 != 0 { bytes.append(0) } }
        bytes.append(contentsOf: magic)
        append(version)
        let fingerprint = Array(snapshot.schema.fingerprint.utf8)
        append(UInt32(fingerprint.count))
        bytes.append(contentsOf: fingerprint)
        pad()
        append(UInt64(snapshot.segments.count))
        for (segment, deletions) in zip(snapshot.segments, snapshot.deletions) {
            append(UInt64(segment.bytes.count))
            append(UInt64(deletions.words.count))
            for word in deletions.words { append(word) }
            bytes.append(contentsOf: segment.bytes)
            pad()
        }
        let checksum = bytes.withUnsafeBytes { CRC32.checksum($0) }
        append(checksum)
        bytes.append(contentsOf: trailerMagic)
        return bytes
    }

    static func decode(_ bytes: [UInt8], schema: IndexSchema, path: String) throws -> IndexSnapshot {
        func damaged(_ what: String) -> IndexError { IndexError(.damaged, "\(path) is damaged: \(what)") }
        guard bytes.count >= 24, Array(bytes[0..<4]) == magic else {
            throw IndexError(.notAnIndex, "\(path) is not a HezaMatch index file")
        }
        guard Array(bytes[(bytes.count - 4)...]) == trailerMagic else { throw damaged("it is truncated (no trailer)") }
        let stored = bytes.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt32.self)) }
        let computed = bytes.withUnsafeBytes { CRC32.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<(bytes.count - 8)])) }
        var offset = 4
        func read<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
            guard offset + MemoryLayout<T>.size <= bytes.count - 8 else { throw damaged("it ends early") }
            let value = bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
            offset += MemoryLayout<T>.size
            return value
        }
        let version = try read(UInt32.self)
        guard version == IndexFile.version else {
            throw IndexError(.unsupportedVersion, "\(path) has index format version \(version); this build reads version \(IndexFile.version)")
        }
        guard stored == computed else { throw damaged("checksum mismatch (stored \(stored), computed \(computed))") }
        let fingerprintLength = Int(try read(UInt32.self))
        guard offset + fingerprintLength <= bytes.count - 8 else { throw damaged("bad schema record") }
        let fingerprint = String(decoding: bytes[offset..<(offset + fingerprintLength)], as: UTF8.self)
        offset += fingerprintLength
        guard fingerprint == schema.fingerprint else {
            throw IndexError(.schemaMismatch, "\(path) was written with schema [\(fingerprint)], not [\(schema.fingerprint)]")
        }
        offset = (offset + 7) & ~7
        let segmentCount = try read(UInt64.self)
        guard segmentCount < 1 << 20 else { throw damaged("implausible segment count") }
        var snapshot = IndexSnapshot(schema: schema)
        for _ in 0..<segmentCount {
            let size = try read(UInt64.self)
            let wordCount = try read(UInt64.self)
            guard wordCount <= UInt64(bytes.count) / 8 else { throw damaged("implausible deletion bitset") }
            var words: [UInt64] = []
            words.reserveCapacity(Int(wordCount))
            for _ in 0..<wordCount { words.append(try read(UInt64.self)) }
            guard size <= UInt64(bytes.count - 8 - offset) else { throw damaged("a segment runs past the end") }
            let segment: Segment
            do {
                let range = offset..<(offset + Int(size))
                segment = try bytes.withUnsafeBytes { try Segment(copying: UnsafeRawBufferPointer(rebasing: $0[range])) }
            } catch let error as IndexError {
                throw IndexError(error.code == .notAnIndex ? .damaged : error.code, "\(path): \(error.message)")
            }
            guard segment.fieldCount == schema.textFields.count, segment.keywordFieldCount == schema.keywordFields.count,
                  segment.numericFieldCount == schema.numericFields.count else { throw damaged("a segment disagrees with the schema") }
            guard words.count == (segment.documentCount + 63) / 64 else { throw damaged("a deletion bitset has the wrong size") }
            offset = (offset + Int(size) + 7) & ~7
            snapshot.segments.append(segment)
            snapshot.deletions.append(DeletionSet(words: words))
        }
        guard offset == bytes.count - 8 else { throw damaged("unexpected bytes after the last segment") }
        snapshot.refreshStatistics()
        return snapshot
    }
}

extension SearchIndex {
    /// Writes the index to `path` atomically (temporary file, sync, rename).
    ///
    /// - Throws: ``IndexError`` `.io` naming the path when writing fails; the file
    ///   at `path`, if any, is then unchanged.
    public func save(to path: String) throws {
        let bytes = IndexFile.encode(snapshot)
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw IndexError(.io, "cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let result = write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot write \(temporary): \(String(cString: strerror(errno)))"
                    return
                }
                written += result
            }
        }
        if failure == nil && fsync(descriptor) != 0 { failure = "cannot sync \(temporary): \(String(cString: strerror(errno)))" }
        close(descriptor)
        if failure == nil && rename(temporary, path) != 0 { failure = "cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))" }
        if let failure {
            unlink(temporary)
            throw IndexError(.io, failure)
        }
        let directory = (path as NSString).deletingLastPathComponent
        let directoryDescriptor = Glibc.open(directory.isEmpty ? "." : directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Opens the index saved at `path`, which must have been written with `schema`'s fields.
    ///
    /// - Throws: ``IndexError``: `.io` (cannot read), `.notAnIndex`, `.unsupportedVersion`,
    ///   `.damaged` (checksum or structure), `.schemaMismatch`. Never a crash.
    public static func open(path: String, schema: IndexSchema, maximumSegments: Int = 8) throws -> SearchIndex {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IndexError(.io, "cannot read \(path)")
        }
        let snapshot = try IndexFile.decode([UInt8](data), schema: schema, path: path)
        return SearchIndex(snapshot: snapshot, maximumSegments: maximumSegments)
    }
}
