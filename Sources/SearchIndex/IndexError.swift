/// An error of the index engine: a stable code for programs, a message for people.
public struct IndexError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of error; stable across versions.
    public var code: Code
    /// A sentence for people, naming the file or field concerned.
    public var message: String

    public enum Code: String, Sendable {
        /// The file is not a HezaMatch index (wrong magic).
        case notAnIndex = "not_an_index"
        /// The file is an index of a format version this build cannot read.
        case unsupportedVersion = "unsupported_version"
        /// The file's checksum or structure is wrong: damaged or truncated.
        case damaged
        /// Reading or writing the file failed.
        case io
        /// A document or query names a field the schema does not have.
        case unknownField = "unknown_field"
        /// The index was saved with another schema than the one it is opened with.
        case schemaMismatch = "schema_mismatch"
    }

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
