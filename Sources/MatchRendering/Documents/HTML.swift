/// HTML escaping for every value a page or printout shows.
public enum HTML {
    /// `text` with `& < > " '` escaped, safe in element content and in quoted attributes.
    ///
    /// - Complexity: O(*n*).
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
