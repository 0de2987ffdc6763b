import ArgumentParser
import TenderPipeline

/// What a tender is made of on the command line, shared by every command that evaluates one (`score`,
/// `explain`): the rubric, the bids (as paths or lists of paths), the score sheets, the language and the limits.
struct TenderInputOptions: ParsableArguments {
    @Argument(help: "The rubric YAML file.")
    var rubric: String

    @Argument(help: "Bid XML files or folders of them.")
    var bids: [String] = []

    @Option(
        name: .customLong("bids-from"),
        help: "A file listing bid files or folders, one per line (for thousands of bids). Repeatable."
    )
    var bidsFrom: [String] = []

    @Option(
        name: .long,
        help:
            "A committee score sheet: CSV (member,bidder,criterion,score[,reason]) or a filled .xlsx member sheet. Repeatable."
    )
    var scores: [String] = []

    @Option(
        help: ArgumentHelp(
            "The committee file (members, roles, chair, the groups each scores).",
            discussion: "Without it, a committee.yaml in a bids folder is used when there is one."
        )
    )
    var committee: String?

    @Option(
        help: ArgumentHelp(
            "The decisions file (corrections, recusals, clarifications, … applied in order as rounds).",
            discussion: "Without it, a decisions.yaml in a bids folder is used when there is one."
        )
    )
    var decisions: String?

    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "The performance history a history criterion reads (default: tender-eval.sqlite here).",
            discussion: "Opened only when the rubric has a criterion with `history:`; never written."
        )
    )
    var database: String?

    @Option(help: "Report language: zh or en.")
    var lang: LanguageOption = .zh

    @OptionGroup var limitOptions: LimitOptions

    func validate() throws {
        if bids.isEmpty && bidsFrom.isEmpty {
            throw ValidationError("name at least one bid file or folder, or a list of them with --bids-from")
        }
    }

    func request(prettyJSON: Bool = false) -> ScoreRequest {
        var request = ScoreRequest(
            rubricPath: rubric,
            bidPaths: bids,
            bidListPaths: bidsFrom,
            sheetPaths: scores.isEmpty ? nil : scores,
            limits: limitOptions.limits,
            language: lang.language,
            prettyJSON: prettyJSON
        )
        request.committeePath = committee
        request.decisionsPath = decisions
        request.historyDatabasePath = database
        return request
    }
}
