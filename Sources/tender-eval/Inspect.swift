import ArgumentParser
import TenderBidImport
import TenderCore
import TenderFiles
import TenderPipeline
import TenderRubric
import TenderScoring

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
        var failed = false
        let loaded: Rubric?
        let importer: BidImporter
        do {
            if let rubric {
                let bytes = try InputFiles.read(rubric, limit: 4 * 1024 * 1024).get()
                let result = try RubricLoader.load(bytes: bytes, file: rubric)
                Console.report(result.warnings)
                loaded = result.rubric
            } else {
                loaded = nil
            }
            importer = try BidImporter(
                queries: loaded?.factQueries ?? [],
                namespaces: loaded?.namespaces ?? [],
                limits: limitOptions.limits
            )
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        for path in bids {
            let bytes: [UInt8]
            switch InputFiles.read(path, limit: limitOptions.maxFileSize) {
            case .success(let read): bytes = read
            case .failure(let error):
                Console.report(error.diagnostics)
                failed = true
                continue
            }
            if schema {
                let problems = importer.validateSchema(bytes: bytes, file: path)
                Console.report(problems)
                if problems.contains(where: { $0.severity == .error }) {
                    failed = true
                } else {
                    print("\(path): valid")
                }
                continue
            }
            switch importer.importBid(bytes: bytes, file: path) {
            case .imported(let bid, let warnings):
                Console.report(warnings)
                let preview = loaded.map { BidPreview(bid: bid, rubric: $0) }
                print(PlainText.describe(bid, preview: preview, rubric: loaded))
            case .rejected(_, let diagnostics):
                Console.report(diagnostics)
                failed = true
            }
        }
        if failed { throw ExitCode(ExitStatus.badInput.rawValue) }
    }
}
