import ArgumentParser
import TenderCore
import TenderPipeline

struct Sheets: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write one blank score sheet per committee member.",
        discussion: """
            Reads the rubric, the committee file (committee.yaml in the bids folder, or --committee) and the \
            bids, then writes into --out, for each member, sheet-NN-<member id>.xlsx (protected; only the \
            score, reason and conflict-declaration cells open, each score cell limited to the allowed values), \
            sheet-NN-<member id>.csv (UTF-8 with BOM, for Excel) and sheet-NN-<member id>.html (printable on \
            A4), plus manifest.json. A sheet holds only the \
            judgement criteria of the member's groups, with guidance, maximum and allowed scores, the bidders' \
            names and registration ids (never prices, never other members' scores), an empty score and reason \
            cell per bidder and criterion, and a conflict-of-interest declaration per bidder. A filled .xlsx or \
            CSV is read back by `score` like any score sheet.

            Examples:
              tender-eval sheets rubrics/huangyan-logistics-2020.yaml bids/huangyan-logistics-2020/ --out sheets/
              tender-eval sheets rubric.yaml bids/ --committee committee.yaml --lang en --out sheets/ --force
            """
    )

    @Argument(help: "The rubric YAML file.")
    var rubric: String

    @Argument(help: "Bid XML files or folders of them.")
    var bids: [String] = []

    @Option(
        name: .customLong("bids-from"),
        help: "A file listing bid files or folders, one per line. Repeatable."
    )
    var bidsFrom: [String] = []

    @Option(help: "The committee file; without it, committee.yaml in a bids folder.")
    var committee: String?

    @Option(help: "Folder to write the sheets into.")
    var out: String

    @ArgumentParser.Flag(help: "Replace the sheets already in --out.")
    var force = false

    @Option(help: "Sheet language: zh or en.")
    var lang: LanguageOption = .zh

    @OptionGroup var limitOptions: LimitOptions

    func validate() throws {
        if bids.isEmpty && bidsFrom.isEmpty {
            throw ValidationError("name at least one bid file or folder, or a list of them with --bids-from")
        }
    }

    func run() throws {
        do {
            let run = try SheetsPipeline.run(
                SheetsPipeline.Request(
                    rubricPath: rubric,
                    bidPaths: bids,
                    bidListPaths: bidsFrom,
                    committeePath: committee,
                    limits: limitOptions.limits,
                    language: lang.language
                )
            )
            Console.report(run.diagnostics)
            Console.report(try ScorePipeline.publish(run.files, to: out, replace: force))
            print("\(run.sheets.count) member sheets written to \(VisibleText.escaped(out))")
            if run.diagnostics.contains(where: { $0.severity == .error }) {
                throw ExitCode(ExitStatus.badInput.rawValue)
            }
        } catch let error as DiagnosticError {
            Console.report(error.diagnostics)
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
    }
}
