import ArgumentParser
import TenderCore
import TenderPipeline

struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print one bid's full explanation.",
        discussion: """
            Evaluates the tender exactly as `score` does and prints, as Markdown, the full explanation of one \
            bid: its gates with their evidence, every criterion's fact, rule and points, every member's score, \
            the price formula with the numbers, and the total as a sum. The bid is named by its bidder's name \
            or registration id (compared as identities always are: Unicode-normalised, invisible characters \
            and surrounding space removed, ids case-insensitive) or by its file.

            Examples:
              tender-eval explain rubrics/huangyan-logistics-2020.yaml bids/huangyan-logistics-2020/ \\
                  --bidder 台州橘乡物业服务有限公司
              tender-eval explain rubric.yaml --bids-from bids.txt --bidder 91331003MA2D9FX61W --lang en
            """
    )

    @OptionGroup var input: TenderInputOptions

    @Option(help: "The bidder's name or registration id, or the bid's file.")
    var bidder: String

    func run() throws {
        do {
            let run = try Explanation.run(input.request(), bidder: bidder)
            Console.report(run.diagnostics)
            print(run.markdown, terminator: "")
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
    }
}
