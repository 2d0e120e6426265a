import Foundation

/// Reads JSON Lines files of postings or profiles, all or nothing.
///
/// Blank lines are skipped. A line that is not valid UTF-8, not JSON, not an
/// object, lacks a required field, has a field of the wrong type, an unknown
/// level or category, or a value out of range is a ``LoadFailure/Problem`` naming
/// the file, the line and the field. Two lines with one id: the later one wins
/// (re-loading a posting updates it). Unknown fields are ignored here and kept,
/// with the whole line, in the store.
///
/// Each line is decoded once, by ``JSONParser``, as it streams past: a file is never
/// held whole in memory by ``forEachRecord(_:in:file:progress:body:)``.
public enum JSONLinesLoader {
    /// A decoded record, with its line as read.
    public struct Record<Value: Sendable>: Sendable {
        public var line: Int
        public var value: Value
        /// The line's text (the store keeps it, unknown fields included).
        public var json: String

        public init(line: Int, value: Value, json: String) {
            self.line = line
            self.value = value
            self.json = json
        }
    }

    /// Decodes every line of `bytes`, or throws a ``LoadFailure`` listing the bad ones.
    ///
    /// - Complexity: O(*n*) in the size of the file.
    public static func load<Value: JSONRecord>(_ type: Value.Type, from bytes: [UInt8], file: String,
                                               transform: LineTransform? = nil) throws -> [Record<Value>] {
        var records: [Record<Value>] = []
        try forEachRecord(type, in: LineReader(bytes: bytes), file: file, transform: transform) { records.append($0) }
        return records
    }

    /// Calls `body` with each record of `lines`, in order, while no bad line has been
    /// seen; after the first bad line it reads on only to list the others, and then
    /// throws a ``LoadFailure``. A caller that stores records as they come (in one
    /// transaction) rolls back when this throws: nothing is stored.
    ///
    /// - Returns: the number of records.
    /// - Complexity: O(*n*) in the size of the input; memory O(longest line).
    @discardableResult
    public static func forEachRecord<Value: JSONRecord>(_ type: Value.Type, in lines: LineReader, file: String,
                                                        progress: ((_ bytesRead: Int, _ total: Int?) -> Void)? = nil,
                                                        transform: LineTransform? = nil,
                                                        body: (Record<Value>) throws -> Void) throws -> Int {
        var problems: [LoadFailure.Problem] = []
        var count = 0
        var records = 0
        var lineNumber = 0
        while try lines.withNextLine({ line in
            lineNumber += 1
            if let progress, lineNumber % 20_000 == 0 { progress(lines.bytesRead, lines.totalBytes) }
            var slice = line
            if lineNumber == 1, slice.starts(with: [0xEF, 0xBB, 0xBF]) {  // a byte-order mark from Excel or Notepad
                slice = UnsafeBufferPointer(rebasing: slice[3...])
            }
            if slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
            // A line in an old encoding, or with text once misread, becomes UTF-8 first.
            var transformed: [UInt8]? = nil
            if let transform {
                do {
                    transformed = try transform(slice, lineNumber)
                } catch let refusal as LineRefusal {
                    count += 1
                    if problems.count < LoadFailure.listedLimit {
                        problems.append(.init(file: file, line: lineNumber, field: refusal.field, message: refusal.message))
                    }
                    return
                }
            }
            func read(_ slice: UnsafeBufferPointer<UInt8>) throws {
                switch Value.read(slice) {
                case .success(let value):
                    records += 1
                    guard count == 0 else { return }
                    try body(Record(line: lineNumber, value: value, json: String(decoding: slice, as: UTF8.self)))
                case .failure(let failure):
                    for problem in failure.problems {
                        count += 1
                        if problems.count < LoadFailure.listedLimit {
                            problems.append(.init(file: file, line: lineNumber, field: problem.field, message: problem.message))
                        }
                    }
                }
            }
            if let transformed {
                try transformed.withUnsafeBufferPointer { try read($0) }
            } else {
                try read(slice)
            }
        }) != nil {}
        if let progress { progress(lines.bytesRead, lines.totalBytes) }
        if count > 0 { throw LoadFailure(problems: problems, count: count) }
        return records
    }
}

/// Turns one line of a JSON Lines input into UTF-8 before it is read (``JSONLinesLoader``):
/// returns the new bytes, or `nil` to read the line as it is; throws ``LineRefusal`` to
/// refuse it. Called with the line's bytes and its number (from 1).
public typealias LineTransform = (_ line: UnsafeBufferPointer<UInt8>, _ number: Int) throws -> [UInt8]?

/// A line a ``LineTransform`` refuses, with the field at fault.
public struct LineRefusal: Error, Sendable {
    public var field: String?
    public var message: String

    public init(field: String?, message: String) {
        self.field = field
        self.message = message
    }
}
