import Mustache

/// A page template that cannot be read: its file, line and column, and what the parser found there.
/// The server stops at start with this message rather than serve without its pages.
public struct TemplateError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var problem: String

    public var description: String { "page template \(file), line \(line), column \(column): \(problem)" }

    /// Compiles one template, naming `file` when it is broken.
    public static func compile(_ text: String, file: String) throws -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: text)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(file: file, line: error.context.lineNumber, column: error.context.columnNumber, problem: "\(error.error)")
        }
    }
}
