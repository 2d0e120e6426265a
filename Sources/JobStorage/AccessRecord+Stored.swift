import JobRecords

extension AccessRecord {
    /// The profile ids as both stores keep them: a JSON array of strings, written by the project's JSON writer.
    public var storedProfileIDs: String {
        JSONValue.array(profileIDs.map { .string($0) }).text
    }

    /// The profile ids of a stored array (``storedProfileIDs``); none when the text is not an array of strings.
    public static func profileIDs(stored text: String) -> [String] {
        guard case .array(let values)? = try? JSONParser.parse(Array(text.utf8)) else { return [] }
        return values.compactMap { value in
            if case .string(let id) = value { return id }
            return nil
        }
    }
}
