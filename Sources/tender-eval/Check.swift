import ArgumentParser
import TenderCore
import TenderPipeline

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate a rubric and summarise it.",
        discussion: """
            Reports every problem with file:line:column, and policy warnings (e.g. cn-87 price weight floors, \
            banned scoring factors). Exit status 0 when the rubric can be used, 1 otherwise.

            Example:
              tender-eval check rubrics/huangyan-logistics-2020.yaml
            """
    )

    @Argument(help: "The rubric YAML file.")
    var rubric: String

    func run() throws {
        let report: RubricCheck.Report
        do {
            report = try RubricCheck.run(path: rubric)
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        Console.report(report.diagnostics)
        print(report.summary)
    }
}
