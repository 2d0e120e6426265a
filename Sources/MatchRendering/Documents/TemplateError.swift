import Mustache

/// A template that cannot be read: its file, line and column, and what the parser found there.
/// The server stops at start with this message rather than serve without its pages or print without its documents.
public struct TemplateError: Error, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var problem: String

    public var description: String { "template \(file), line \(line), column \(column): \(problem)" }

    /// Compiles one template of a page or document, naming `file` when it is broken. Every value it shows is escaped by
    /// ``HTML/escape(_:)`` (``HTMLScalarEscaping``), not by Mustache's own escaping.
    public static func compile(_ text: String, file: String) throws -> MustacheTemplate {
        HTMLScalarEscaping.register()
        do {
            // The pragma on the first line, before the template's own text: its lines and columns are unchanged.
            return try MustacheTemplate(string: HTMLScalarEscaping.pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            let column = error.context.lineNumber == 1 ? error.context.columnNumber - HTMLScalarEscaping.pragma.count : error.context.columnNumber
            throw TemplateError(file: file, line: error.context.lineNumber, column: column, problem: "\(error.error)")
        }
    }
}
