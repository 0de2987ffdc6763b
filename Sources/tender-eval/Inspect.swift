import ArgumentParser
import TenderCore
import TenderPipeline

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what a bid yields, or validate it against the bid schema.",
        discussion: """
            Without options, prints what the importer reads from the bid: bidder, price, commitments, \
            violations and attachments. With --rubric, also every gate verdict and the fact and points of \
            every objective criterion. With --schema, only validates a native bid against \
            schemas/tender-bid-1.xsd (built into the tool).

            Examples:
              tender-eval inspect bids/huangyan-logistics-2020/01-anjie.xml
              tender-eval inspect --rubric rubrics/huangyan-logistics-2020.yaml bids/huangyan-logistics-2020/01-anjie.xml
              tender-eval inspect --schema bids/huangyan-logistics-2020/*.xml
            """
    )

    @Argument(help: "Bid XML files.")
    var bids: [String]

    @Option(help: "A rubric whose gates and objective criteria are applied to each bid.")
    var rubric: String?

    @ArgumentParser.Flag(help: "Only validate against the native bid schema.")
    var schema = false

    @OptionGroup var limitOptions: LimitOptions

    func validate() throws {
        if bids.isEmpty { throw ValidationError("name at least one bid file") }
        if schema && rubric != nil { throw ValidationError("--schema and --rubric cannot be combined") }
    }

    func run() throws {
        let run: BidInspection.Run
        do {
            run = try BidInspection.run(
                bids: bids,
                rubricPath: rubric,
                schemaOnly: schema,
                limits: limitOptions.limits
            )
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        for output in run.outputs {
            switch output {
            case .diagnostics(let diagnostics): Console.report(diagnostics)
            case .text(let text): print(text)
            }
        }
        if run.failed { throw ExitCode(ExitStatus.badInput.rawValue) }
    }
}
