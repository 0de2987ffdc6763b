import ArgumentParser

struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a deterministic synthetic tender (rubric, bids, score sheet) for demos and benchmarks."
    )

    func run() throws {
        throw ValidationError("synth is not wired yet")
    }
}
