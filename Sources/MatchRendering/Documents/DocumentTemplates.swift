import Foundation
import Mustache

/// The printed documents' Mustache templates (`Templates/`: the shortlist, the job fair's booklet, the labour report),
/// read and compiled once a process.
///
/// A broken template is a ``TemplateError`` naming its file, line and column: the server calls ``check()`` when it
/// starts, so it stops there rather than at the first print.
public enum DocumentTemplates {
    private static let library: Result<MustacheLibrary, any Error> = Result {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "MatchRendering's Templates"])
        }
        var compiled: [String: MustacheTemplate] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            compiled[String(name.dropLast(".mustache".count))] = try TemplateError.compile(text, file: name)
        }
        return MustacheLibrary(templates: compiled)
    }

    /// Throws what loading the templates threw: a ``TemplateError`` for a broken one.
    public static func check() throws {
        _ = try library.get()
    }

    /// `template` rendered with `context` (every value escaped for HTML unless the template asks for it as is).
    static func render(_ context: Any, template: String) throws -> String {
        guard let text = try library.get().render(context, withTemplate: template) else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Templates/\(template).mustache"])
        }
        return text
    }
}
