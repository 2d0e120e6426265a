/// How many results have one value of a facet (a zone, an education level, an audience).
public struct FacetValue: Codable, Sendable, Hashable {
    /// The value as written in the postings (`KCN Tràng Duệ`), or the schema's code (`upper_secondary`).
    public var value: String
    public var count: Int

    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}
