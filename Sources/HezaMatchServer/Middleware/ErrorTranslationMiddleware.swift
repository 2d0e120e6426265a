import HezaMatchCore
import Hummingbird
import JobMatching
import JobRecords
import SearchIndex

/// Turns the library's errors into API errors: bad lines into 400 with every line's
/// file, line and field; unknown ids into 404; a closed posting into 409; anything
/// unexpected into a 500 that says nothing about the inside.
struct ErrorTranslationMiddleware: RouterMiddleware {
    typealias Context = APIRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPResponseError {
            throw error
        } catch let failure as LoadFailure {
            throw APIError.badRequest("the input was refused; nothing was stored", details: failure.problems.map(\.description)
                + (failure.count > failure.problems.count ? ["… and \(failure.count - failure.problems.count) more"] : []))
        } catch let error as MatchError {
            switch error.code {
            case .unknownPosting, .unknownProfile: throw APIError(status: .notFound, code: error.code.rawValue, message: error.message)
            case .postingClosed: throw APIError(status: .conflict, code: error.code.rawValue, message: error.message)
            case .tooDeep, .invalidFair, .unknownPlace, .invalidParameter: throw APIError(status: .badRequest, code: error.code.rawValue, message: error.message)
            }
        } catch let error as ReferralError {
            switch error.code {
            case .unknownReferral: throw APIError(status: .notFound, code: error.code.rawValue, message: error.message)
            case .alreadyReferred, .moveNotAllowed: throw APIError(status: .conflict, code: error.code.rawValue, message: error.message)
            case .notThisParty: throw APIError(status: .forbidden, code: error.code.rawValue, message: error.message)
            }
        } catch let error as IndexError where error.code == .unknownField {
            throw APIError.badRequest(error.message)
        } catch {
            throw APIError(status: .internalServerError, code: "internal", message: "internal error")
        }
    }
}
