import ArgumentParser
import Foundation
import TenderPipeline
import TenderSynth

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic synthetic tender for demos and benchmarks.",
        discussion: """
            Writes OUT/rubric.yaml, OUT/bids/*.xml (native bids, valid against the bid schema) and \
            OUT/bids/committee-scores.csv. The same --bids, --criteria and --seed always give the same bytes.

            Example:
              tender-eval synth --bids 10000 --criteria 50 --seed 42 --out /tmp/synthetic
              tender-eval score /tmp/synthetic/rubric.yaml /tmp/synthetic/bids --out /tmp/synthetic/out
            """
    )

    @Option(help: "Number of bids.")
    var bids = 10

    @Option(help: "Number of criteria, price included (at least 2).")
    var criteria = 10

    @Option(help: "Seed of the generator.")
    var seed: UInt64 = 1

    @Option(help: "Folder to write into; must not exist or be empty.")
    var out: String

    func validate() throws {
        guard bids >= 1 else { throw ValidationError("--bids must be at least 1") }
        guard criteria >= 2 else { throw ValidationError("--criteria must be at least 2") }
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: out)) ?? []
        guard existing.isEmpty else { throw ValidationError("\(out) is not empty; choose a new folder") }
    }

    func run() throws {
        let tender = SyntheticTender.generate(bids: bids, criteria: criteria, seed: seed)
        let folder = URL(fileURLWithPath: out)
        let bidFolder = folder.appendingPathComponent("bids")
        do {
            try FileManager.default.createDirectory(at: bidFolder, withIntermediateDirectories: true)
            try Data(tender.rubricYAML.utf8).write(to: folder.appendingPathComponent("rubric.yaml"))
            try Data(tender.scoreSheetCSV.utf8).write(to: bidFolder.appendingPathComponent("committee-scores.csv"))
            for bid in tender.bids {
                try Data(bid.xml.utf8).write(to: bidFolder.appendingPathComponent(bid.fileName))
            }
        } catch {
            Console.printError("\(out): error: cannot write the synthetic tender: \(error.localizedDescription)")
            throw ExitCode(ExitStatus.badInput.rawValue)
        }
        print("wrote \(tender.bids.count) bids, rubric.yaml and committee-scores.csv to \(out)")
    }
}
