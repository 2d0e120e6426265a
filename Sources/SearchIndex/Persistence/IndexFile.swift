import CSearchKernels
import Dispatch
import Foundation
import Glibc
import Synchronization

/// Saving an index to one file, and opening it again without reading it into memory.
///
/// ```
/// "HZIX" · version: u32 · header length: u64
/// header: schema fingerprint (u32 length, UTF-8) · user data (u32 count; per entry u32
///         length + UTF-8 key, u32 length + UTF-8 value) · segment count: u32 ·
///         per segment: file offset: u64 · byte count: u64 · checksum: u32 ·
///         deletion words: u32 · deletion bitset: [u64]
/// CRC-32C of everything before: u32 · pad to 8
/// segments, each at its offset (8-aligned) · "XIZH"
/// ```
/// A segment's checksum is the CRC-32C of its bytes but its stored fields, which
/// carry a CRC-32C per document, checked when read (so opening a file does not read
/// every stored record). All integers are little-endian.
///
/// Saving writes a temporary file beside the target (`NAME.tmp-PID`), syncs it to disk
/// and renames it over the target, so a crash leaves the old file or the new one,
/// never half of one; a file is never written in place, so a mapping of the old file
/// stays valid. Opening maps the file and checks the magic, the version, the
/// header's checksum, the schema's fingerprint, every segment's checksum and
/// structure before anything is used.
enum IndexFile {
    static let magic = Array("HZIX".utf8)
    static let trailerMagic = Array("XIZH".utf8)
    static let version: UInt32 = 2
    /// Set to a number of seconds, pauses a save after the temporary file is written
    /// and before the rename: fault injection for the crash tests, nothing else.
    static let pauseBeforeRenameVariable = "HEZAMATCH_TEST_PAUSE_BEFORE_RENAME"

    /// The header and where each segment goes.
    static func header(_ snapshot: IndexSnapshot) -> (bytes: [UInt8], offsets: [Int], end: Int) {
        var bytes: [UInt8] = []
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        func appendString(_ text: String) {
            append(UInt32(text.utf8.count))
            bytes.append(contentsOf: text.utf8)
        }
        bytes.append(contentsOf: magic)
        append(version)
        append(UInt64(0))  // header length, set below
        appendString(snapshot.schema.fingerprint)
        append(UInt32(snapshot.userData.count))
        for key in snapshot.userData.keys.sorted() {
            appendString(key)
            appendString(snapshot.userData[key]!)
        }
        append(UInt32(snapshot.segments.count))
        var tableEntries: [Int] = []
        for (segment, deletions) in zip(snapshot.segments, snapshot.deletions) {
            tableEntries.append(bytes.count)
            append(UInt64(0))  // file offset, set below
            append(UInt64(segment.bytes.count))
            append(segment.checksum)
            append(UInt32(deletions.words.count))
            for word in deletions.words { append(word) }
        }
        let headerEnd = bytes.count + 4
        var offsets: [Int] = []
        var offset = (headerEnd + 7) & ~7
        for segment in snapshot.segments {
            offsets.append(offset)
            offset = (offset + segment.bytes.count + 7) & ~7
        }
        for (entry, segmentOffset) in zip(tableEntries, offsets) { store(UInt64(segmentOffset), into: &bytes, at: entry) }
        store(UInt64(bytes.count - 16), into: &bytes, at: 8)
        let checksum = bytes.withUnsafeBytes { hz_crc32c(0, $0.baseAddress, $0.count) }
        append(checksum)
        while bytes.count % 8 != 0 { bytes.append(0) }
        return (bytes, offsets, offset)
    }

    private static func store(_ value: UInt64, into bytes: inout [UInt8], at offset: Int) {
        withUnsafeBytes(of: value.littleEndian) { raw in
            for index in 0..<8 { bytes[offset + index] = raw[index] }
        }
    }

    /// Reads a file's snapshot from its mapping.
    ///
    /// - Complexity: O(*n*) in the size of the file but its stored fields (checksums
    ///   and structure checks), the segments checked in parallel.
    static func decode(_ file: MappedFile, schema: IndexSchema) throws -> IndexSnapshot {
        let path = file.path
        let bytes = file.bytes
        func damaged(_ what: String) -> IndexError { IndexError(.damaged, "\(path) is damaged: \(what)") }
        guard bytes.count >= 16, (0..<4).allSatisfy({ bytes[$0] == magic[$0] }) else {
            throw IndexError(.notAnIndex, "\(path) is not a HezaMatch index file")
        }
        var offset = 4
        func read<T: FixedWidthInteger>(_ type: T.Type, limit: Int) throws -> T {
            guard offset + MemoryLayout<T>.size <= limit else { throw damaged("its header ends early") }
            let value = T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
            offset += MemoryLayout<T>.size
            return value
        }
        let version = try read(UInt32.self, limit: bytes.count)
        guard version == IndexFile.version else {
            throw IndexError(.unsupportedVersion, "\(path) has index format version \(version); this build reads version \(IndexFile.version)")
        }
        let headerLength = try read(UInt64.self, limit: bytes.count)
        guard bytes.count >= 20, headerLength <= UInt64(bytes.count - 20) else { throw damaged("it is truncated (header)") }
        let headerEnd = 16 + Int(headerLength)
        let storedChecksum = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: headerEnd, as: UInt32.self))
        guard storedChecksum == hz_crc32c(0, bytes.baseAddress, headerEnd) else { throw damaged("header checksum mismatch") }
        func readString() throws -> String {
            let length = Int(try read(UInt32.self, limit: headerEnd))
            guard offset + length <= headerEnd else { throw damaged("bad string in the header") }
            defer { offset += length }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
        }
        let fingerprint = try readString()
        guard fingerprint == schema.fingerprint else {
            throw IndexError(.schemaMismatch, "\(path) was written with schema [\(fingerprint)], not [\(schema.fingerprint)]")
        }
        var userData: [String: String] = [:]
        let userDataCount = try read(UInt32.self, limit: headerEnd)
        for _ in 0..<userDataCount {
            let key = try readString()
            userData[key] = try readString()
        }
        let segmentCount = Int(try read(UInt32.self, limit: headerEnd))
        var entries: [(offset: Int, size: Int, checksum: UInt32, deletions: DeletionSet)] = []
        for _ in 0..<segmentCount {
            let segmentOffset = try read(UInt64.self, limit: headerEnd)
            let size = try read(UInt64.self, limit: headerEnd)
            let checksum = try read(UInt32.self, limit: headerEnd)
            let wordCount = Int(try read(UInt32.self, limit: headerEnd))
            guard offset + wordCount * 8 <= headerEnd else { throw damaged("a deletion bitset runs past the header") }
            var words: [UInt64] = []
            words.reserveCapacity(wordCount)
            for _ in 0..<wordCount { words.append(try read(UInt64.self, limit: headerEnd)) }
            guard segmentOffset % 8 == 0, segmentOffset >= UInt64(headerEnd), size <= UInt64(bytes.count),
                  segmentOffset <= UInt64(bytes.count) - size else {
                throw damaged("it is truncated (a segment runs past the end)")
            }
            entries.append((Int(segmentOffset), Int(size), checksum, DeletionSet(words: words)))
        }
        guard offset == headerEnd else { throw damaged("unexpected bytes in the header") }
        let end = entries.last.map { ($0.offset + $0.size + 7) & ~7 } ?? ((headerEnd + 4 + 7) & ~7)
        guard end + 4 == bytes.count, (0..<4).allSatisfy({ bytes[end + $0] == trailerMagic[$0] }) else {
            throw damaged("it is truncated or has bytes after its last segment")
        }

        // Segments: checksum and structure, in parallel.
        let segmentEntries = entries
        let results = Mutex<[Int: Result<Segment, IndexError>]>([:])
        DispatchQueue.concurrentPerform(iterations: segmentEntries.count) { index in
            let entry = segmentEntries[index]
            let result: Result<Segment, IndexError>
            do {
                let segment = try Segment(mapped: file, offset: entry.offset, count: entry.size)
                result = segment.checksum == entry.checksum ? .success(segment)
                    : .failure(IndexError(.damaged, "\(path) is damaged: segment \(index + 1) checksum mismatch"))
            } catch let error as IndexError {
                result = .failure(IndexError(error.code == .notAnIndex ? .damaged : error.code, "\(path): \(error.message)"))
            } catch {
                result = .failure(IndexError(.damaged, "\(path) is damaged: \(error)"))
            }
            results.withLock { $0[index] = result }
        }
        let opened = results.withLock { $0 }
        var snapshot = IndexSnapshot(schema: schema)
        for (index, entry) in entries.enumerated() {
            let segment = try opened[index]!.get()
            guard segment.fieldCount == schema.textFields.count, segment.keywordFieldCount == schema.keywordFields.count,
                  segment.numericFieldCount == schema.numericFields.count else { throw damaged("a segment disagrees with the schema") }
            guard entry.deletions.words.count == (segment.documentCount + 63) / 64 else { throw damaged("a deletion bitset has the wrong size") }
            snapshot.segments.append(segment)
            snapshot.deletions.append(entry.deletions)
        }
        snapshot.userData = userData
        snapshot.refreshStatistics()
        return snapshot
    }

    /// Writes `snapshot` to `path` atomically (temporary file, sync, rename, sync of the folder).
    static func write(_ snapshot: IndexSnapshot, to path: String) throws {
        let (header, offsets, end) = header(snapshot)
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = Glibc.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw IndexError(.io, "cannot create \(temporary): \(String(cString: strerror(errno)))") }
        var failure: String?
        func put(_ raw: UnsafeRawBufferPointer) {
            guard failure == nil else { return }
            var written = 0
            while written < raw.count {
                let result = Glibc.write(descriptor, raw.baseAddress! + written, raw.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = "cannot write \(temporary): \(String(cString: strerror(errno)))"
                    return
                }
                written += result
            }
        }
        header.withUnsafeBytes { put($0) }
        var position = header.count
        let zeros = [UInt8](repeating: 0, count: 8)
        for (segment, offset) in zip(snapshot.segments, offsets) {
            precondition(position == offset)
            put(segment.bytes)
            position += segment.bytes.count
            let padding = (8 - position % 8) % 8
            zeros.withUnsafeBytes { put(UnsafeRawBufferPointer(rebasing: $0[0..<padding])) }
            position += padding
        }
        precondition(position == end)
        trailerMagic.withUnsafeBytes { put($0) }
        if failure == nil && fsync(descriptor) != 0 { failure = "cannot sync \(temporary): \(String(cString: strerror(errno)))" }
        close(descriptor)
        if failure == nil, let pause = ProcessInfo.processInfo.environment[pauseBeforeRenameVariable].flatMap(Double.init) {
            Thread.sleep(forTimeInterval: pause)
        }
        if failure == nil && rename(temporary, path) != 0 { failure = "cannot rename \(temporary) to \(path): \(String(cString: strerror(errno)))" }
        if let failure {
            unlink(temporary)
            throw IndexError(.io, failure)
        }
        let directory = (path as NSString).deletingLastPathComponent
        let directoryDescriptor = Glibc.open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    /// Removes `NAME.tmp-PID` files left beside `path` by processes that no longer
    /// run (a crash during a save). Returns the names removed.
    @discardableResult
    static func removeAbandonedTemporaries(beside path: String) -> [String] {
        let directory = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        var removed: [String] = []
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)) else { continue }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH {
                unlink((directory as NSString).appendingPathComponent(name))
                removed.append(name)
            }
        }
        return removed
    }
}

extension SearchIndex {
    /// Writes the index as it is now (its snapshot, with its ``IndexSnapshot/userData``)
    /// to `path` atomically.
    ///
    /// - Throws: ``IndexError`` `.io` naming the path when writing fails; the file
    ///   at `path`, if any, is then unchanged.
    /// - Complexity: O(*n*) in the size of the index, written from memory or from the
    ///   file it was opened from; no copy is made.
    public func save(to path: String) throws {
        try IndexFile.write(snapshot, to: path)
    }

    /// Opens the index saved at `path`, which must have been written with `schema`'s
    /// fields. The file is memory-mapped: its pages are read when used, and shared
    /// with other processes that open it.
    ///
    /// - Throws: ``IndexError``: `.io` (cannot read), `.notAnIndex`, `.unsupportedVersion`,
    ///   `.damaged` (checksum or structure), `.schemaMismatch`. Never a crash.
    public static func open(path: String, schema: IndexSchema, maximumSegments: Int = 8) throws -> SearchIndex {
        let snapshot = try IndexFile.decode(try MappedFile(path: path), schema: schema)
        return SearchIndex(snapshot: snapshot, maximumSegments: maximumSegments)
    }

    /// Removes temporary files that a crashed save left beside `path`; returns their names.
    @discardableResult
    public static func removeAbandonedTemporaries(beside path: String) -> [String] {
        IndexFile.removeAbandonedTemporaries(beside: path)
    }
}
