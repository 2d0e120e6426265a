import Hummingbird
import JobRecords

/// An alert as a counsellor sees it (`GET /v1/alerts/{id}`): everything but its secrets.
struct AlertAnswer: ResponseEncodable {
    var id: String
    var status: String
    var mode: String
    var digestHour: Int?
    var query: SavedSearch?
    var profile: String?
    var deliver: [String: String]
    var createdBy: String
    var createdAt: String

    init(_ alert: JobAlert) {
        id = alert.id
        status = alert.status.rawValue
        mode = alert.mode.rawValue
        digestHour = alert.mode == .daily ? alert.digestHour : nil
        switch alert.subject {
        case .search(let search): query = search
        case .profile(let candidate): profile = candidate
        }
        switch alert.delivery {
        case .webhook(let url): deliver = ["webhook": url]
        case .email(let address): deliver = ["email": address]
        }
        createdBy = alert.createdBy
        createdAt = alert.createdAt
    }

    enum CodingKeys: String, CodingKey {
        case id, status, mode, query, profile, deliver
        case digestHour = "digest_hour", createdBy = "created_by", createdAt = "created_at"
    }
}

/// A list of alerts (`GET /v1/alerts`).
struct AlertList: ResponseEncodable {
    var alerts: [AlertAnswer]
}

/// What creating an alert answers: its id and whether it waits for the e-mail's confirmation.
struct AlertCreated: ResponseEncodable {
    var id: String
    var status: String
}
