import Mustache

/// How every template escapes a value: ``HTML/escape(_:)``, scalar by scalar.
///
/// Mustache's own HTML escaping looks characters up as Swift `Character`s, which are grapheme clusters: a quote
/// followed by a combining mark (`"` U+0301) is one character that is not `"`, so it went out unescaped, and a query
/// such as `"́ autofocus x="` ended a `value="{{zone}}"` attribute on the report's form. Scalars have no clusters.
public struct HTMLScalarEscaping: MustacheContentType {
    /// The content type's name in the pragma.
    public static let name = "HEZAMATCH_HTML"

    /// The pragma that ``TemplateError/compile(_:file:)`` puts before every template.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    public func escapeText(_ text: String) -> String { HTML.escape(text) }

    /// Makes the content type known to Mustache (once a process; again is harmless).
    static func register() {
        _ = registration
    }

    private static let registration: Void = MustacheContentTypes.register(HTMLScalarEscaping(), named: name)
}
