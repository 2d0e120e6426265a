/// Why a file was refused: every bad line (the first 20 are listed) with its
/// file, line and field. When loading fails, nothing is stored.
public struct LoadFailure: Error, Sendable, CustomStringConvertible {
    /// One bad line.
    public struct Problem: Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int
        /// The field at fault (`skills[2]`), or `nil` when the whole line is.
        public var field: String?
        public var message: String

        public init(file: String, line: Int, field: String?, message: String) {
            self.file = file
            self.line = line
            self.field = field
            self.message = message
        }

        public var description: String {
            "\(file):\(line): " + (field.map { "field '\($0)': " } ?? "") + message
        }
    }

    /// Bad lines listed (at most ``listedLimit``).
    public var problems: [Problem]
    /// All bad lines, listed or not.
    public var count: Int
    public static let listedLimit = 20

    public init(problems: [Problem], count: Int) {
        self.problems = problems
        self.count = count
    }

    public var description: String {
        var lines = problems.map(\.description)
        if count > problems.count { lines.append("… and \(count - problems.count) more bad lines (\(count) in all)") }
        lines.append("nothing was stored: fix the lines above and load the file again")
        return lines.joined(separator: "\n")
    }
}
