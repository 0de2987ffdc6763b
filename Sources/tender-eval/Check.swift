import ArgumentParser
import TenderCore
import TenderPipeline

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a rubric and summarise it.",
        discussion: """
            Reports every problem with file:line:column, and policy warnings (e.g. cn-87 price weight floors, \
            banned scoring factors). With --committee, also checks the committee file against the rubric's groups \
            and policy profile (cn-87: at least 5 members, 7 from a budget of 10,000,000; an odd number; experts at \
            least two thirds; no purchaser representative in the chair). Exit status 0 when the rubric (and the \
            committee) can be used, 1 otherwise.

            Examples:
              tender-eval check rubrics/huangyan-logistics-2020.yaml
              tender-eval check rubrics/huangyan-logistics-2020.yaml \\
                  --committee bids/huangyan-logistics-2020/committee.yaml
            """
    )

    @Argument(help: "The rubric YAML file.")
    var rubric: String

    @Option(help: "A committee file (committee.yaml) to check against the rubric and its policy profile.")
    var committee: String?

    @Option(
        help: "A decisions file (decisions.yaml) to check against the rubric and the committee, with its hash chain."
    )
    var decisions: String?

    func run() throws {
        let report: RubricCheck.Report
        do {
            report = try RubricCheck.run(path: rubric, committeePath: committee, decisionsPath: decisions)
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        Console.report(report.diagnostics)
        print(report.summary)
    }
}
