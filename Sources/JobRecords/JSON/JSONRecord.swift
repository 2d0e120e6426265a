/// A record of the data contract (docs/data-contract.md) that a line of JSON Lines holds: a posting or a profile.
public protocol JSONRecord: Sendable {
    /// Reads the record's fields; the first field that cannot be read is thrown.
    init(fields: JSONFields) throws(JSONFields.Problem)
    /// The record's id (the data contract (docs/data-contract.md): unique in its file and store).
    var id: String { get }
    /// Problems beyond the JSON types (the data contract (docs/data-contract.md)'s meaning): empty when the record is sound.
    func validationProblems() -> [JSONFields.Problem]
}

extension JSONRecord {
    /// The record in `bytes` (one JSON object), or the problems that keep it out.
    ///
    /// - Complexity: O(*n*) in the length of `bytes`.
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<Self, RecordProblems> {
        let fields: JSONFields
        switch JSONFields.object(bytes) {
        case .success(let object): fields = object
        case .failure(let problems): return .failure(problems)
        }
        do {
            let record = try Self(fields: fields)
            let problems = record.validationProblems()
            return problems.isEmpty ? .success(record) : .failure(RecordProblems(problems))
        } catch {
            return .failure(RecordProblems([error]))
        }
    }

    /// The record in `text` (one JSON object).
    public static func read(_ text: String) -> Result<Self, RecordProblems> {
        var text = text
        return text.withUTF8 { read($0) }
    }
}

extension JSONFields {
    /// The fields of the JSON object `bytes` hold, or the problem that keeps them out (not UTF-8, not JSON, not an object).
    public static func object(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<JSONFields, RecordProblems> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch .invalidUTF8 {
            return .failure(RecordProblems([.init(field: nil, message: "is not valid UTF-8")]))
        } catch {
            return .failure(RecordProblems([.init(field: nil, message: "is not valid JSON")]))
        }
        guard case .object(let members) = value else {
            return .failure(RecordProblems([.init(field: nil, message: "is not a JSON object")]))
        }
        return .success(JSONFields(members))
    }
}

/// The problems of one record: one a field, as many as were found.
public struct RecordProblems: Error, Sendable, Hashable {
    public var problems: [JSONFields.Problem]

    public init(_ problems: [JSONFields.Problem]) {
        self.problems = problems
    }
}
