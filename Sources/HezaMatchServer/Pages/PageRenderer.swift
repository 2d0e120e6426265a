import Foundation
import HTTPTypes
import Hummingbird
import MatchRendering
import Mustache

/// Renders the web pages: Mustache templates (`Pages/Templates`, every value escaped
/// unless a template asks for HTML it was given ready, as highlights), inside one layout,
/// with the security headers every page carries.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let assets: [String: (bytes: [UInt8], type: String)]

    /// Loads the templates and the assets (the stylesheet, the suggestion script) from the module's resources.
    ///
    /// - Throws: ``TemplateError`` naming the template, line and column of a broken one.
    static func load() throws -> PageRenderer {
        guard let templates = Bundle.module.url(forResource: "Templates", withExtension: nil),
              let assetFolder = Bundle.module.url(forResource: "Assets", withExtension: nil) else {
            throw APIError(status: .internalServerError, code: "internal", message: "the page templates are missing")
        }
        var compiled: [String: MustacheTemplate] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: templates.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: templates.appendingPathComponent(name), encoding: .utf8)
            compiled[String(name.dropLast(".mustache".count))] = try TemplateError.compile(text, file: name)
        }
        var assets: [String: ([UInt8], String)] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: assetFolder.path) {
            let type = name.hasSuffix(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8"
            assets[name] = ([UInt8](try Data(contentsOf: assetFolder.appendingPathComponent(name))), type)
        }
        return PageRenderer(library: MustacheLibrary(templates: compiled), assets: assets)
    }

    /// The Content-Security-Policy of every page: nothing but this site's own stylesheet,
    /// script and forms; no inline script or style, no framing.
    static let contentSecurityPolicy = "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; "
        + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    /// A page: `template` rendered with `context` inside the layout.
    ///
    /// - Parameter session: the signed-in counsellor (the layout shows the console's menu and sign-out form).
    func page(_ template: String, title: String, context: [String: Any], session: ConsoleSession? = nil,
              status: HTTPResponse.Status = .ok, suggest: Bool = false) -> Response {
        let content = library.render(context, withTemplate: template) ?? ""
        var layout: [String: Any] = ["title": title, "content": content, "suggest": suggest,
                                     "home": session == nil ? "/" : session!.caller.isEmployer ? "/employer" : "/console",
                                     "tagline": session == nil ? "Việc làm trong các khu công nghiệp, khu kinh tế Hải Phòng"
                                        : session!.caller.isEmployer ? "Trả lời giới thiệu ứng viên" : "Công cụ cho cán bộ tư vấn việc làm"]
        if let session {
            layout[session.caller.isEmployer ? "employerSignedIn" : "signedIn"] = true
            layout["csrf"] = session.csrf
            layout["label"] = session.caller.label
        }
        let html = library.render(layout, withTemplate: "layout") ?? content
        var headers = Self.headers(personal: session != nil)
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: html)))
    }

    /// Security headers; pages with personal data are never cached nor sent as a referrer.
    static func headers(personal: Bool) -> HTTPFields {
        var headers: HTTPFields = [.contentSecurityPolicy: contentSecurityPolicy, .xContentTypeOptions: "nosniff",
                                   HTTPField.Name("Referrer-Policy")!: personal ? "no-referrer" : "same-origin",
                                   HTTPField.Name("X-Frame-Options")!: "DENY"]
        if personal { headers[.cacheControl] = "no-store" }
        return headers
    }

    /// A redirection after a form (303 See Other).
    static func redirect(to location: String, headers extra: HTTPFields = [:]) -> Response {
        var headers = extra
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }
}
