import ArgumentParser

@main
struct TenderEval: ParsableCommand {
    func run() throws {}
}
