import Hummingbird
import JobRecords

/// Writes every JSON answer with the project's one JSON writer (``JSONValueEncoder``):
/// compact, keys sorted by their bytes, the same fields as the CLI's `--json`.
public struct SortedJSONResponseEncoder: ResponseEncoder {
    public init() {}

    public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response {
        Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: try JSONValueEncoder.text(value))))
    }
}
