import Foundation
import Hummingbird
import HezaMatchCore
import JobMatching
import JobRecords
import MatchRendering

extension HezaMatchAPI {
    /// `/` (the job search a job seeker sees, also on a phone) and `/jobs/{id}`: postings only,
    /// never personal data; every value escaped. `/assets/…`: the stylesheet and the script.
    func addPublicPages(to routes: RouterGroup<APIRequestContext>, pages: PageRenderer) {
        routes.get("/") { request, _ -> Response in
            let parameters = request.query
            let q = String((parameters.get("q") ?? "").prefix(500))
            let page = Int(parameters.get("page") ?? "") .map { min(max($0, 1), 100) } ?? 1
            var search = JobMatcher.Search(text: q, asOf: CalendarDate.today)
            search.zone = request.text("zone")
            search.education = request.text("education").flatMap(EducationLevel.init(rawValue:))
            search.audience = request.text("audience").flatMap(CandidateCategory.init(rawValue:))
            search.offset = (page - 1) * 10
            search.limit = 10
            search.understands = parameters.get("understand") != "false"
            // A job seeker's home and how far they will go: typed in the form, kept in every link.
            let near = request.text("near").map { String($0.prefix(200)) }
            let withinKm = near == nil ? nil : request.text("within_km").flatMap(Int.init).flatMap { Self.radii.contains($0) ? $0 : nil }
            search.near = near
            search.withinKilometres = withinKm.map(Double.init)
            let filters = [("zone", search.zone), ("education", search.education?.rawValue), ("audience", search.audience?.rawValue)]
                .compactMap { name, value in value.map { (name, $0) } }
            var context: [String: Any] = ["q": q, "near": near ?? "", "filters": filters.map { ["name": $0.0, "value": $0.1] },
                                          "radii": Self.radii.map { ["km": $0, "selected": $0 == withinKm] }]
            let searched = !q.isEmpty || !filters.isEmpty || near != nil
            var answer: SearchAnswer?
            if searched {
                do {
                    answer = try board.search(search)
                } catch let error as MatchError where error.code == .unknownPlace {
                    context["placeProblem"] = "Chưa hiểu nơi “\(near ?? "")”: hãy gõ tên phường, xã, quận, huyện hoặc tỉnh (ví dụ: phường Thành Đông, xã An Hưng)."
                }
            }
            if let answer {
                func link(_ changes: [String: String?], page: Int = 1) -> String {
                    var items: [(String, String)] = []
                    if !q.isEmpty { items.append(("q", q)) }
                    if let near { items.append(("near", near)) }
                    if let withinKm { items.append(("within_km", String(withinKm))) }
                    for (name, value) in filters where changes[name] == nil { items.append((name, value)) }
                    for (name, value) in changes { if let value = value ?? nil { items.append((name, value)) } }
                    if page > 1 { items.append(("page", String(page))) }
                    return "/?" + items.map { "\($0.0)=\(Self.queryEscape($0.1))" }.joined(separator: "&")
                }
                let facetTitles = [("zone", "Khu công nghiệp, khu kinh tế"), ("education", "Trình độ tối thiểu"), ("audience", "Dành cho")]
                context["facets"] = facetTitles.map { name, title -> [String: Any] in
                    let current = filters.first { $0.0 == name }?.1
                    return ["title": title, "values": (answer.facets[name] ?? []).prefix(15).map { value -> [String: Any] in
                        let selected = current.map { Self.sameEmployer($0, value.value) } ?? false
                        return ["label": Self.facetLabel(name, value.value), "count": value.count, "selected": selected,
                                "link": link([name: selected ? nil : value.value])]
                    }]
                }
                if !filters.isEmpty { context["clear"] = link(Dictionary(uniqueKeysWithValues: filters.map { ($0.0, nil) })) }
                context["searched"] = true
                if let didYouMean = answer.didYouMean {
                    // The likely accents, and a link to search them as written.
                    context["didYouMean"] = didYouMean
                    context["didYouMeanLink"] = "/?q=" + Self.queryEscape(didYouMean)
                }
                if let understood = answer.understoodText {
                    // What was understood, and a link to search the words as typed.
                    context["understood"] = understood
                    context["literal"] = link([:]) + "&understand=false"
                }
                context["totalText"] = answer.totalText
                // "Tell me when a job like this appears": the same search, saved with an e-mail address.
                if alerts != nil {
                    var fields = filters.map { ["name": $0.0, "value": $0.1] }
                    if !q.isEmpty { fields.append(["name": "q", "value": q]) }
                    if let near { fields.append(["name": "near", "value": near]) }
                    if let withinKm { fields.append(["name": "within_km", "value": String(withinKm)]) }
                    context["alertFields"] = fields
                    context["alertForm"] = true
                }
                context["page"] = page
                if page > 1 { context["previous"] = link([:], page: page - 1) }
                if page * 10 < answer.total && page < 100 { context["next"] = link([:], page: page + 1) }
                context["results"] = answer.results.map { result -> [String: Any] in
                    var row: [String: Any] = ["idPath": Self.pathEscape(result.id), "employer": result.posting.employer,
                                              "titleHTML": result.highlights?.title ?? HTML.escape(result.posting.title)]
                    if let zone = result.posting.zone { row["zone"] = zone }
                    if let kilometres = result.distanceKilometres { row["distance"] = "cách \(Int(kilometres.rounded())) km" }
                    if let salary = Self.salary(result.posting) { row["salary"] = salary }
                    if let deadline = result.posting.deadline { row["deadline"] = deadline.vietnamese }
                    if result.posting.housing == true { row["housing"] = true }
                    if let skills = result.highlights?.skills, !skills.isEmpty { row["skillsHTML"] = skills }
                    return row
                }
            }
            return pages.page("search", title: q.isEmpty ? "Tìm việc" : "Tìm “\(q)”", context: context, suggest: true)
        }
        routes.post("/alerts") { request, _ -> Response in
            let keeper = try alertKeeper()
            let form = try await FormData.read(request, limit: 8_192)
            var saved = SavedSearch(query: String((form["q"] ?? "").prefix(200)))
            saved.zone = form["zone"].flatMap { $0.isEmpty ? nil : $0 }
            saved.education = form["education"].flatMap(EducationLevel.init(rawValue:))
            saved.audience = form["audience"].flatMap(CandidateCategory.init(rawValue:))
            saved.near = form["near"].flatMap { $0.isEmpty ? nil : String($0.prefix(200)) }
            saved.withinKilometres = saved.near == nil ? nil : form["within_km"].flatMap(Double.init)
            let address = (form["email"] ?? "").trimmingCharacters(in: .whitespaces)
            let asked = JobAlert.Request(subject: .search(saved), delivery: .email(address), mode: form["mode"] == "daily" ? .daily : .instant)
            let back = "/?q=" + Self.queryEscape(saved.query)
            if !asked.validationProblems().isEmpty {
                return pages.page("message", title: "Chưa đăng ký được", context: ["heading": "Chưa đăng ký được",
                                  "message": "Hãy kiểm tra lại địa chỉ thư điện tử, và tìm kiếm có từ khóa hoặc bộ lọc.", "back": back], status: .badRequest)
            }
            do {
                _ = try await keeper.add(asked, createdBy: "public page", confirmed: false)
            } catch let error as MatchError where error.code == .unknownPlace || error.code == .invalidParameter {
                return pages.page("message", title: "Chưa đăng ký được", context: ["heading": "Chưa đăng ký được",
                                  "message": "Chưa hiểu nơi bạn chọn: hãy tìm lại với tên phường, xã, quận, huyện hoặc tỉnh.", "back": back], status: .badRequest)
            }
            return pages.page("message", title: "Kiểm tra hộp thư", context: ["heading": "Kiểm tra hộp thư của bạn",
                              "message": "Chúng tôi vừa gửi một liên kết tới \(address). Mở liên kết đó để bắt đầu nhận thông báo việc làm; nếu không, sẽ không có thư nào khác.",
                              "back": back])
        }
        routes.get("/jobs/:id") { _, context -> Response in
            let id = context.parameters.get("id") ?? ""
            guard let posting = try board.posting(id: id) else {
                return pages.page("message", title: "Không tìm thấy", context: ["heading": "Không tìm thấy tin \(id)",
                                  "message": "Tin tuyển dụng này không có, hoặc đã bị gỡ.", "back": "/"], status: .notFound)
            }
            var page: [String: Any] = ["id": posting.id, "title": posting.title, "employer": posting.employer]
            if let zone = posting.zone { page["zone"] = zone }
            if let district = posting.district { page["district"] = board.placeName(district) ?? district }
            if let address = posting.address { page["address"] = address }
            if let salary = Self.salary(posting) { page["salary"] = salary }
            if let openings = posting.openings { page["openings"] = openings }
            if let level = posting.educationMin, level > .none { page["education"] = level.vietnameseName }
            if posting.ageMin != nil || posting.ageMax != nil { page["ages"] = "\(posting.ageMin.map(String.init) ?? "…")–\(posting.ageMax.map(String.init) ?? "…")" }
            if posting.housing == true { page["housing"] = true }
            if let deadline = posting.deadline { page["deadline"] = deadline.vietnamese }
            if let skills = posting.skills, !skills.isEmpty { page["skills"] = skills.joined(separator: ", ") }
            if let requirements = posting.requirements { page["requirements"] = requirements }
            if let description = posting.description { page["description"] = description }
            return pages.page("job", title: posting.title, context: page)
        }
        routes.get("/assets/:name") { _, context -> Response in
            guard let name = context.parameters.get("name"), let asset = pages.assets[name] else { throw APIError.notFound("no such file") }
            return Response(status: .ok, headers: [.contentType: asset.type, .cacheControl: "public, max-age=3600", .xContentTypeOptions: "nosniff"],
                            body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
        }
    }

    /// `8–12 triệu`, `đến 12 triệu`, or nil.
    /// The distances a job seeker may choose on the search page, in kilometres.
    static let radii = [5, 10, 15, 25, 50]

    static func salary(_ posting: JobPosting) -> String? {
        func millions(_ vnd: Int) -> String {
            let value = Double(vnd) / 1_000_000
            return value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
        }
        switch (posting.salaryMin, posting.salaryMax) {
        case let (low?, high?): return low == high ? "\(millions(low)) triệu" : "\(millions(low))–\(millions(high)) triệu"
        case let (low?, nil): return "từ \(millions(low)) triệu"
        case let (nil, high?): return "đến \(millions(high)) triệu"
        default: return nil
        }
    }

    /// A facet value as people read it: a zone as written; a level or category in Vietnamese.
    static func facetLabel(_ facet: String, _ value: String) -> String {
        switch facet {
        case "education": return EducationLevel(rawValue: value)?.vietnameseName ?? value
        case "audience": return value == "all" ? "mọi người" : CandidateCategory(rawValue: value)?.vietnameseName ?? value
        default: return value
        }
    }

    static func queryEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    static func pathEscape(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
