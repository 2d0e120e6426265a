import Hummingbird
import JobRecords
import MatchRendering

// The library's answers are the API's answers: one set of result types for the CLI's
// `--json` and the server, written by ``SortedJSONResponseEncoder``.
extension SearchAnswer: ResponseEncodable {}
extension MatchAnswer: ResponseEncodable {}
extension ShortlistAnswer: ResponseEncodable {}
extension FairAnswer: ResponseEncodable {}
extension JobPosting: ResponseEncodable {}
