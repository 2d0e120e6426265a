/// `{"text":"Kỹ","canonical":"kỹ","folded":"ky","position":0,"start":0,"end":4}`:
/// the shape `hezamatch analyze --json` prints, with ``Token/utf8Range`` as
/// `start` and `end`.
extension Token: Codable {
    private enum CodingKeys: String, CodingKey {
        case text, canonical, folded, position, start, end
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let start = try container.decode(Int.self, forKey: .start)
        let end = try container.decode(Int.self, forKey: .end)
        guard start <= end else {
            throw DecodingError.dataCorruptedError(forKey: .end, in: container, debugDescription: "end is before start")
        }
        self.init(
            text: try container.decode(String.self, forKey: .text),
            canonical: try container.decode(String.self, forKey: .canonical),
            folded: try container.decode(String.self, forKey: .folded),
            position: try container.decode(Int.self, forKey: .position),
            utf8Range: start..<end
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(canonical, forKey: .canonical)
        try container.encode(folded, forKey: .folded)
        try container.encode(position, forKey: .position)
        try container.encode(utf8Range.lowerBound, forKey: .start)
        try container.encode(utf8Range.upperBound, forKey: .end)
    }
}
