import ArgumentParser
import TenderCore
import TenderModel

@main
struct TenderEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tender-eval",
        abstract: "Evaluate public tenders: rubric → XML bids → scores → ranking reports.",
        discussion: """
            Exit status: 0 success; 1 bad input (a rubric, bid or score sheet could not be used — reports are \
            still written for the good bids); 2 the tender failed (too few valid bids); 64 usage error.

            Diagnostics go to standard error as file:line:column: severity: message.
            """,
        version: ToolVersion.current,
        subcommands: [
            Score.self, Check.self, Sheets.self, Inspect.self, Explain.self, Decisions.self, Perf.self, History.self,
        ]
    )
}
