import Foundation

/// Lines of a file, a pipe or a byte array, read in large chunks: the line
/// separator is `\n`, and a `\r` before it is dropped.
///
/// Each line is lent to the caller until the next call; the reader never holds
/// more than a chunk and the longest line.
public final class LineReader {
    private var buffer: [UInt8]
    private var start = 0
    private var end = 0
    private let descriptor: Int32?
    private let closesDescriptor: Bool
    private var finished: Bool
    /// Bytes handed out so far (for progress).
    public private(set) var bytesRead = 0
    /// The size of the input, when known.
    public let totalBytes: Int?

    private static let chunk = 1 << 20

    /// Lines of `bytes`.
    public init(bytes: [UInt8]) {
        buffer = bytes
        end = bytes.count
        descriptor = nil
        closesDescriptor = false
        finished = true
        totalBytes = bytes.count
    }

    /// Lines of the file at `path`, or of standard input for `-`.
    ///
    /// - Throws: ``LoadFailure`` naming the file when it cannot be opened.
    public init(path: String) throws {
        if path == "-" {
            descriptor = 0
            closesDescriptor = false
            totalBytes = nil
        } else {
            let opened = open(path, O_RDONLY)
            guard opened >= 0 else {
                throw LoadFailure(problems: [.init(file: path, line: 0, field: nil, message: "cannot be read: \(String(cString: strerror(errno)))")], count: 1)
            }
            descriptor = opened
            closesDescriptor = true
            var status = stat()
            totalBytes = fstat(opened, &status) == 0 && status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : nil
        }
        buffer = [UInt8](repeating: 0, count: LineReader.chunk)
        finished = false
    }

    deinit {
        if closesDescriptor, let descriptor { close(descriptor) }
    }

    /// Calls `body` with the next line, without its separator, and returns what it
    /// returns; `nil` at the end of the input. The bytes are valid only inside `body`.
    public func withNextLine<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) throws -> Result? {
        while true {
            if let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                var lineEnd = newline
                if lineEnd > start && buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let from = start
                bytesRead += newline + 1 - start
                start = newline + 1
                return try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[from..<lineEnd])) }
            }
            if finished {
                guard start < end else { return nil }
                var lineEnd = end
                if buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let from = start
                bytesRead += end - start
                start = end
                return try buffer.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[from..<lineEnd])) }
            }
            try refill()
        }
    }

    private func refill() throws {
        guard let descriptor else {
            finished = true
            return
        }
        // Keep the partial line, then read after it (growing the buffer for long lines).
        if start > 0 {
            buffer.withUnsafeMutableBufferPointer { raw in
                _ = memmove(raw.baseAddress!, raw.baseAddress! + start, end - start)
            }
            end -= start
            start = 0
        }
        if buffer.count - end < LineReader.chunk / 2 { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
        let count = buffer.withUnsafeMutableBufferPointer { raw -> Int in
            var result: Int
            repeat { result = read(descriptor, raw.baseAddress! + end, raw.count - end) } while result < 0 && errno == EINTR
            return result
        }
        if count < 0 { throw LoadFailure(problems: [.init(file: "input", line: 0, field: nil, message: "cannot be read: \(String(cString: strerror(errno)))")], count: 1) }
        if count == 0 { finished = true }
        end += count
    }
}
