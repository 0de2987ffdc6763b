import ArgumentParser
import TenderCore
import TenderPipeline

struct Decisions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with a tender's decisions file (decisions.yaml).",
        subcommands: [Seal.self]
    )

    struct Seal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Fill in the 'previous' hash of every decision appended since the last seal.",
            discussion: """
                Append new decisions at the end of the file without a 'previous' key, then run seal: each new \
                entry gets the SHA-256 of the canonical form of the entry before it (the first entry: 64 zeros). \
                Entries already sealed are checked and never changed: an edited, removed or reordered entry is an \
                error, and nothing is written. Exit status 0 when the file is sealed, 1 otherwise.

                Example:
                  tender-eval decisions seal bids/huangyan-logistics-2020/decisions.yaml
                """
        )

        @Argument(help: "The decisions file.")
        var file: String

        func run() throws {
            do {
                let sealed = try DecisionsSeal.run(path: file)
                print(
                    sealed == 0
                        ? "\(file): every decision was already sealed; nothing changed"
                        : "\(file): sealed \(sealed) decision\(sealed == 1 ? "" : "s")"
                )
            } catch {
                Console.report(error.diagnostics)
                throw ExitCode(ExitStatus.badInput.rawValue)
            }
        }
    }
}
