import JobRecords
import JobMatching

/// The answer to a job seeker's search: a page of postings, how many match in all,
/// and the facets to narrow it.
///
/// ```json
/// {"total": 57, "total_is_exact": true, "page": 1, "per_page": 10, "results": [...],
///  "facets": {"zone": [{"value": "KCN Tràng Duệ", "count": 12}], "education": [...], "audience": [...]}}
/// ```
public struct SearchAnswer: Codable, Sendable, Hashable {
    /// Matching open postings; when `totalIsExact` is false, at least this many (shown `10000+`).
    public var total: Int
    public var totalIsExact: Bool
    public var page: Int
    public var perPage: Int
    public var results: [PostingResult]
    /// `zone`, `education`, `audience`: each value's count among all matches, most frequent first.
    public var facets: [String: [FacetValue]]
    /// The places, levels and categories understood in the text and used as filters
    /// (`{"field": "zone", "value": "KCN Tràng Duệ", "words": "trang due"}`); empty when none.
    /// Sent again with `understand=false`, the text is searched as typed.
    public var understood: [QueryUnderstanding.Understood]?
    /// For a text typed without accents, its likely reading (`kỹ sư điện tử`), which was
    /// searched so that postings written that way rank first; absent otherwise.
    public var didYouMean: String?

    public init(total: Int, totalIsExact: Bool, page: Int, perPage: Int, results: [PostingResult], facets: [String: [FacetValue]]) {
        self.total = total
        self.totalIsExact = totalIsExact
        self.page = page
        self.perPage = perPage
        self.results = results
        self.facets = facets
    }

    /// The total as people read it: `57`, or `10000+` when capped.
    public var totalText: String { totalIsExact ? String(total) : "\(total)+" }

    /// "Did you mean", as a line to show: `Có phải bạn tìm: kỹ sư điện tử`; nil when nothing.
    public var didYouMeanText: String? { didYouMean.map { "Có phải bạn tìm: \($0)" } }

    /// What was understood, as a line to show: `Đã hiểu: khu KCN Tràng Duệ (xếp trước); dành cho bộ đội xuất ngũ`
    /// ("xếp trước": ranked first, not filtered on); nil when nothing.
    public var understoodText: String? {
        guard let understood, !understood.isEmpty else { return nil }
        return "Đã hiểu: " + understood.map { item in
            let said: String
            switch item.field {
            case "text": said = item.value
            case "zone": said = "khu \(item.value)"
            case "employer": said = "doanh nghiệp \(item.value)"
            case "district": said = "nơi \(item.value)"
            case "near": said = "gần \(item.value)"
            case "education": said = "trình độ \(EducationLevel(rawValue: item.value)?.vietnameseName ?? item.value)"
            default: said = "dành cho \(CandidateCategory(rawValue: item.value)?.vietnameseName ?? item.value)"
            }
            let ranked = item.field == "near" ? " (xếp theo khoảng cách)" : " (xếp trước)"
            return (item.preferred == true ? said + ranked : said) + (item.note.map { " [\($0)]" } ?? "")
        }.joined(separator: "; ")
    }

    private enum CodingKeys: String, CodingKey {
        case total, totalIsExact = "total_is_exact", page, perPage = "per_page", results, facets, understood
        case didYouMean = "did_you_mean"
    }
}
