import Glibc

/// A file mapped read-only into memory, unmapped when the last segment that reads
/// it goes away.
///
/// Index files are never written in place (a save writes a new file and renames it
/// over the old one), so a mapping always sees the bytes it was opened with, even
/// after the file was replaced.
final class MappedFile: @unchecked Sendable {
    let base: UnsafeRawPointer
    let count: Int
    let path: String

    /// Maps the whole file at `path`.
    ///
    /// - Throws: ``IndexError`` `.io` naming the path when it cannot be opened or mapped.
    init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw IndexError(.io, "cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw IndexError(.io, "cannot read \(path): \(String(cString: strerror(errno)))") }
        let size = Int(status.st_size)
        guard size > 0 else { throw IndexError(.notAnIndex, "\(path) is empty") }
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else {
            throw IndexError(.io, "cannot map \(path): \(String(cString: strerror(errno)))")
        }
        base = UnsafeRawPointer(address)
        count = size
        self.path = path
    }

    deinit { munmap(UnsafeMutableRawPointer(mutating: base), count) }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}
