import ArgumentParser
import TenderCore
import TenderFiles
import TenderPipeline
import TenderRubric

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
        let loaded: LoadedRubric
        do {
            let bytes = try InputFiles.read(rubric, limit: 4 * 1024 * 1024).get()
            loaded = try RubricLoader.load(bytes: bytes, file: rubric)
        } catch {
            Console.report(error.diagnostics)
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        Console.report(loaded.warnings + RubricLint.dateNotes(for: loaded.rubric))
        print(PlainText.summary(of: loaded.rubric))
    }
}
