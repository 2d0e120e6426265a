import ArgumentParser
import Foundation
import HezaMatchCore
import HezaMatchServer

/// Where alerts are delivered from and to: shared by `serve` and `alerts send`.
struct AlertDeliveryOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The public address of the Heza Works page, for the links in messages.", valueName: "url"))
    var publicURL: String?
    @Option(name: .customLong("webhook-allow"), help: ArgumentHelp("A host webhooks may be sent to (the operator's gateway); repeat or separate with commas.", valueName: "host"))
    var webhookHosts: [String] = []
    @Option(help: ArgumentHelp("The SMTP server that sends alert e-mails.", valueName: "host:port")) var smtp: String?
    @Option(help: ArgumentHelp("The sender of alert e-mails.", valueName: "address")) var mailFrom = "vieclam@heza.gov.vn"
    @Option(help: ArgumentHelp("Hours with no message, Hải Phòng time (FROM-UNTIL), or 'none'.", valueName: "hours")) var quietHours = "21-7"

    var quiet: QuietHours? { quietHours == "none" ? nil : QuietHours(quietHours) }

    var policy: WebhookPolicy {
        WebhookPolicy(allowedHosts: webhookHosts.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
    }

    /// The webhooks' signing secret: HEZAMATCH_WEBHOOK_SECRET (never an option: it would show in `ps`).
    var secret: String { ProcessInfo.processInfo.environment["HEZAMATCH_WEBHOOK_SECRET"] ?? "" }

    func validate() throws {
        if quietHours != "none" && QuietHours(quietHours) == nil { throw ValidationError("--quiet-hours must be FROM-UNTIL (21-7) or none") }
        if let smtp, SMTPSender(address: smtp, from: mailFrom) == nil { throw ValidationError("--smtp must be HOST or HOST:PORT, not '\(smtp)'") }
        if let publicURL, !(publicURL.hasPrefix("http://") || publicURL.hasPrefix("https://")) {
            throw ValidationError("--public-url must start with http:// or https://")
        }
    }

    func senders() -> AlertSenders {
        AlertSenders(webhook: WebhookSender(secret: secret, policy: policy), email: smtp.flatMap { SMTPSender(address: $0, from: mailFrom) })
    }
}
