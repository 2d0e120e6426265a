extension KeyedDecodingContainer {
    /// A whole number, or `nil` when the key is absent or null.
    ///
    /// Foundation's decoder reports `2.5` for an `Int` as "not valid JSON" with no
    /// field; this says which field and why, so a bad line can be fixed.
    func decodeWholeNumberIfPresent(forKey key: Key) throws -> Int? {
        let decoded: Double?
        do {
            decoded = try decodeIfPresent(Double.self, forKey: key)
        } catch DecodingError.typeMismatch(_, let context) {
            throw DecodingError.typeMismatch(Int.self, context)
        }
        guard let value = decoded else { return nil }
        guard value == value.rounded(), abs(value) < 9_007_199_254_740_992 else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "expected a whole number, got \(value)")
        }
        return Int(value)
    }
}
