import ArgumentParser

/// `hezamatch`: the command-line face of HezaMatch.
@main
struct HezaMatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hezamatch",
        abstract: "Match job postings and candidates of Hai Phong's industrial zones.",
        subcommands: [IndexCommand.self, SearchCommand.self, MatchCommand.self, ShortlistCommand.self, FairCommand.self, EvaluateCommand.self, DeleteCommand.self,
                      StatusCommand.self, AuditCommand.self, ServeCommand.self, AnalyzeCommand.self, PlaceCommand.self, AlertsCommand.self,
                      ReferCommand.self, ReferralsCommand.self, OutcomesCommand.self, ReportCommand.self]
    )
}
