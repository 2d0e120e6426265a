import Foundation

/// One read of personal data, as the access record keeps it (Decree 13/2023/NĐ-CP asks
/// that processing be controlled and recorded): when, by whom (a token's label, never
/// the token; `cli:USER` for the command line), what (ids, never names), and how many
/// people's data.
public struct AccessRecord: Sendable, Hashable, Codable {
    /// When, in UTC.
    public var at: Date
    /// Who: a token's label, or `cli:USER`.
    public var actor: String
    /// What was done: `shortlist`, `shortlist.csv`, `shortlist.html`, `matches`, `erase`, …
    public var action: String
    /// The record asked about: a posting's id (shortlist) or a profile's (matches, erase).
    public var subject: String
    /// The profiles whose data was read, by id.
    public var profileIDs: [String]

    public init(at: Date = Date(), actor: String, action: String, subject: String, profileIDs: [String]) {
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.profileIDs = profileIDs
    }

    /// How many people's data was read.
    public var people: Int { profileIDs.count }

    private enum CodingKeys: String, CodingKey {
        case at, actor, action, subject, profileIDs = "profile_ids", people
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ISO8601DateFormatter().string(from: at), forKey: .at)
        try container.encode(actor, forKey: .actor)
        try container.encode(action, forKey: .action)
        try container.encode(subject, forKey: .subject)
        try container.encode(profileIDs, forKey: .profileIDs)
        try container.encode(people, forKey: .people)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        at = ISO8601DateFormatter().date(from: try container.decode(String.self, forKey: .at)) ?? Date(timeIntervalSince1970: 0)
        actor = try container.decode(String.self, forKey: .actor)
        action = try container.decode(String.self, forKey: .action)
        subject = try container.decode(String.self, forKey: .subject)
        profileIDs = try container.decode([String].self, forKey: .profileIDs)
    }
}
