import ArgumentParser
import Foundation
import TenderCore
import TenderPipeline

struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score a tender and write its reports.",
        discussion: """
            Reads the rubric, every *.xml bid in the given folders (or the given bid files), and the committee's \
            score sheets (every *.csv and *.xlsx in the bid folders unless --scores is given), then writes \
            report.md, report.html, scores.csv, result.json, scores.xlsx and manifest.json into --out; with \
            --public, for a final evaluation, also the winning-candidate notice (public/) and one debrief letter \
            per bidder (letters/). Without --out the Markdown \
            report goes to standard output.

            A bid that cannot be read does not stop the others: the report lists it as not evaluated with \
            the reason, and the evaluation cannot conclude until it is fixed (exit status 4).

            Examples:
              tender-eval score rubrics/huangyan-logistics-2020.yaml bids/huangyan-logistics-2020/ --out out/
              tender-eval score rubrics/huangyan-logistics-2020.yaml bids/huangyan-logistics-2020/ --out out/ \\
                  --public --force
              tender-eval score rubric.yaml bids/ --scores sheets/expert1.csv --scores sheets/expert2.csv \\
                  --lang en --out out/ --force
              find /tenders/2026-017 -name '*.xml' > bids.txt
              tender-eval score rubric.yaml --bids-from bids.txt --out out/
            """
    )

    @OptionGroup var input: TenderInputOptions

    @Option(help: "Folder to write the reports into.")
    var out: String?

    @Flag(help: "Replace the reports already in --out.")
    var force = false

    @Flag(help: "Indent result.json for reading (it is compact otherwise).")
    var pretty = false

    @Flag(
        name: .customLong("public"),
        help:
            "Also write the winning-candidate notice (public/) and one debrief letter per bidder (letters/); needs --out and a final evaluation."
    )
    var publicDocuments = false

    func validate() throws {
        if publicDocuments && out == nil { throw ValidationError("--public writes files: give --out") }
    }

    func run() throws {
        let request = input.request(prettyJSON: pretty)
        let run: ScoreRun
        let terminal = TerminalProgress()
        do {
            run = try ScorePipeline.run(request, progress: terminal.show)
            terminal.finish()
        } catch {
            terminal.finish()
            Console.report(error.diagnostics)
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        Console.report(run.diagnostics)
        if publicDocuments, let refusal = run.publicRefusal { Console.report([refusal]) }
        if let out {
            if let rewritten = ScorePipeline.rewrittenDecisions(run, out: out) {
                Console.report([rewritten])
                throw ExitCode(ExitStatus.badInput.rawValue)
            }
            do {
                Console.report(
                    try ScorePipeline.publish(
                        run,
                        to: out,
                        replace: force,
                        publicDocuments: publicDocuments,
                        progress: terminal.show
                    )
                )
                terminal.finish()
                // Standard output holds nothing else when the reports go to --out.
                print(run.summary(reportsIn: out))
            } catch {
                terminal.finish()
                Console.report(error.diagnostics)
                throw ExitCode(ExitStatus.badInput.rawValue)
            }
        } else {
            run.writeMarkdown { FileHandle.standardOutput.write(Data($0)) }
        }
        if run.exitStatus != .success {
            throw ExitCode(run.exitStatus.rawValue)
        }
    }
}
