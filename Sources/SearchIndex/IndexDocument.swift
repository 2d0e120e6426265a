/// One document to index: an id, and values for the schema's fields.
///
/// Fields the schema does not name are refused by ``SearchIndex/add(_:)``; fields
/// the document leaves out are empty (text), have no value (keyword), or are
/// missing (numeric: they never pass a range filter).
public struct IndexDocument: Hashable, Sendable {
    /// Unique in the index: adding a document with an id already there replaces it.
    public var id: String
    public var text: [String: String]
    /// Several values a field allowed (a posting inviting several audiences).
    public var keywords: [String: [String]]
    public var numbers: [String: Int64]
    /// Bytes kept with the document and handed back with its hits
    /// (``SearchQuery/loadsStoredFields``) or by ``IndexSnapshot/storedFields(of:)``:
    /// what a result needs to be shown without another lookup. The index does not
    /// read them; each is checked against a CRC-32C when read back.
    public var stored: [UInt8]

    public init(id: String, text: [String: String] = [:], keywords: [String: [String]] = [:], numbers: [String: Int64] = [:],
                stored: [UInt8] = []) {
        self.id = id
        self.text = text
        self.keywords = keywords
        self.numbers = numbers
        self.stored = stored
    }
}
