import Hummingbird
import JobRecords

/// An error the API answers with: a status, a stable code, a message, and for bad
/// input the list of problems (file, line, field), as JSON:
/// `{"error": {"code": "bad_request", "message": "…", "details": ["request body:3: field 'title': …"]}}`.
public struct APIError: HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var code: String
    public var message: String
    public var details: [String] = []
    /// Headers the answer carries besides its content type (`Allow` for a 405).
    public var headers: HTTPFields = [:]

    public init(status: HTTPResponse.Status, code: String, message: String, details: [String] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
    }

    static let unauthorized = APIError(status: .unauthorized, code: "unauthorized", message: "a valid 'Authorization: Bearer …' token is required")

    static let forbidden = APIError(status: .forbidden, code: "forbidden", message: "this token does not open this resource")

    static func badRequest(_ message: String, details: [String] = []) -> APIError {
        APIError(status: .badRequest, code: "bad_request", message: message, details: details)
    }

    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, code: "not_found", message: message) }

    private struct Body: Encodable {
        struct Detail: Encodable {
            var code: String
            var message: String
            var details: [String]?
        }
        var error: Detail
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(error: .init(code: code, message: message, details: details.isEmpty ? nil : details))
        var headers = self.headers
        headers[.contentType] = "application/json; charset=utf-8"
        if status == .unauthorized { headers[.wwwAuthenticate] = "Bearer realm=\"hezamatch\"" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: try JSONValueEncoder.text(body))))
    }
}
