import Foundation
import JobRecords
import JobStorage

/// One message ready to go: the alert (with its contact) and the outbox's message, with what each sender needs.
public struct AlertNotification: Sendable {
    public var alert: JobAlert
    public var message: OutboxMessage
    /// Where the reader unsubscribes in one click.
    public var unsubscribeURL: String
    /// Where a public alert is confirmed (the confirmation message only).
    public var confirmURL: String?

    public init(alert: JobAlert, message: OutboxMessage, unsubscribeURL: String, confirmURL: String? = nil) {
        self.alert = alert
        self.message = message
        self.unsubscribeURL = unsubscribeURL
        self.confirmURL = confirmURL
    }

    /// A webhook's body: `{"alert", "notification", "postings": […]}` (the postings as queued).
    public var webhookBody: String {
        var body = "{\"alert\":"
        JSONText.appendQuoted(alert.id, to: &body)
        body += ",\"notification\":"
        JSONText.appendQuoted(message.id, to: &body)
        body += ",\"postings\":" + postingsJSON + ",\"unsubscribe\":"
        JSONText.appendQuoted(unsubscribeURL, to: &body)
        return body + "}"
    }

    /// The payload's postings array as JSON text.
    var postingsJSON: String {
        guard case .object(let members)? = try? JSONParser.parse(Array(message.payload.utf8)), let postings = members["postings"] else {
            return "[]"
        }
        return postings.text
    }

    /// The postings, read back (for the e-mail's text).
    public var postings: [PostingSummary] {
        guard case .object(let members)? = try? JSONParser.parse(Array(message.payload.utf8)),
              case .array(let items)? = members["postings"] else { return [] }
        return items.compactMap { item in
            guard case .object(let fields) = item else { return nil }
            func text(_ key: String) -> String? { if case .string(let value)? = fields[key] { value } else { nil } }
            return PostingSummary(id: text("id") ?? "", title: text("title") ?? "", employer: text("employer") ?? "", zone: text("zone"),
                                  deadline: text("deadline"), score: { if case .number(let value)? = fields["score"] { value } else { nil } }(),
                                  explanation: text("explanation") ?? "", url: text("url") ?? "")
        }
    }

    /// The e-mail's subject, in Vietnamese.
    public var subject: String {
        switch message.kind {
        case .confirmation: return "Xác nhận nhận thông báo việc làm — Heza Works"
        case .postings:
            let postings = self.postings  // read from the payload once
            return postings.count == 1 ? "Việc làm mới: \(postings[0].title)" : "\(postings.count) việc làm mới phù hợp với bạn — Heza Works"
        }
    }

    /// The e-mail's text, in Vietnamese, with the unsubscribe link at the end.
    public var text: String {
        var lines: [String] = ["Chào bạn,", ""]
        switch message.kind {
        case .confirmation:
            lines.append("Ai đó (có lẽ là bạn) đã đăng ký nhận thông báo việc làm của Heza Works tới địa chỉ này.")
            lines.append("Mở liên kết sau để xác nhận; nếu không, bạn sẽ không nhận được thư nào nữa:")
            lines.append("")
            lines.append(confirmURL ?? "")
        case .postings:
            lines.append("Có việc làm mới phù hợp với thông báo bạn đã đăng ký:")
            for posting in postings {
                lines.append("")
                lines.append("• \(posting.title) — \(posting.employer)")
                var details: [String] = []
                if let zone = posting.zone { details.append(zone) }
                if let deadline = posting.deadline, let date = CalendarDate(deadline) { details.append("hạn nộp \(date.vietnamese)") }
                if !details.isEmpty { lines.append("  " + details.joined(separator: " · ")) }
                if !posting.explanation.isEmpty { lines.append("  " + posting.explanation) }
                lines.append("  " + posting.url)
            }
        }
        lines += ["", "—", "Heza Works, Ban Quản lý Khu kinh tế Hải Phòng.",
                  "Không muốn nhận thư này nữa? Hủy ngay (một lần bấm): \(unsubscribeURL)"]
        return lines.joined(separator: "\n")
    }
}

/// A posting as an alert's message shows it.
public struct PostingSummary: Sendable, Hashable, Encodable {
    public var id: String
    public var title: String
    public var employer: String
    public var zone: String?
    public var deadline: String?
    /// The candidate's points (a profile alert); absent for a saved search (every word was found).
    public var score: Double?
    public var explanation: String
    public var url: String
}

/// Sends a notification (a webhook, an e-mail); throws when it was not accepted, to be tried again.
public protocol AlertSender: Sendable {
    func send(_ notification: AlertNotification) async throws
}
