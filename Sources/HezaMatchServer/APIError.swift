import HTTPTypes

/// An error the API answers with: a status, a stable code, a message, and for bad
/// input the list of problems (file, line, field), as JSON.
struct APIError: Error {
    var status: HTTPResponse.Status
    var code: String
    var message: String
    var details: [String] = []

    static let unauthorized = APIError(status: .unauthorized, code: "unauthorized", message: "a valid 'Authorization: Bearer …' token is required")

    static func badRequest(_ message: String, details: [String] = []) -> APIError {
        APIError(status: .badRequest, code: "bad_request", message: message, details: details)
    }

    static func notFound(_ message: String) -> APIError { APIError(status: .notFound, code: "not_found", message: message) }
}
