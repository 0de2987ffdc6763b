import Foundation
import Testing

/// A copy of the example tender (rubric, the nine bids and the committee's scores) in a temporary folder, for
/// tests that attack it by editing a bid or the rubric. Runs use relative paths from the folder, so
/// diagnostics and reports name `bids/01-anlan.xml`. The committee's scores come as one CSV,
/// `bids/committee-scores.csv` (the same scores and reasons the example's five `.xlsx` member sheets hold, see
/// `Fixtures/huangyan-committee-scores.csv`), so that a test can edit a score as a line of text.
struct ExampleTenderCopy {
    let folder: URL

    init() throws {
        folder = try CLI.temporaryFolder()
        let bids = folder.appendingPathComponent("bids")
        try FileManager.default.createDirectory(at: bids, withIntermediateDirectories: true)
        let source = CLI.root.appendingPathComponent("bids/huangyan-logistics-2020")
        for name in try FileManager.default.contentsOfDirectory(atPath: source.path)
        where name.hasSuffix(".xml") {
            try FileManager.default.copyItem(
                at: source.appendingPathComponent(name),
                to: bids.appendingPathComponent(name)
            )
        }
        try FileManager.default.copyItem(
            at: CLI.fixtures.appendingPathComponent("huangyan-committee-scores.csv"),
            to: bids.appendingPathComponent("committee-scores.csv")
        )
        try FileManager.default.copyItem(
            at: CLI.root.appendingPathComponent("rubrics/huangyan-logistics-2020.yaml"),
            to: folder.appendingPathComponent("rubric.yaml")
        )
    }

    /// Replaces the first occurrence of each `old` in a UTF-8 file of the copy (`bids/01-anlan.xml`,
    /// `rubric.yaml`); an `old` that is not there fails the test, so an edit can never silently do nothing.
    func edit(_ path: String, _ replacements: [(old: String, new: String)]) throws {
        let url = folder.appendingPathComponent(path)
        var text = try String(contentsOf: url, encoding: .utf8)
        for (old, new) in replacements {
            let range = try #require(text.range(of: old), "\(path) has no '\(old)'")
            text.replaceSubrange(range, with: new)
        }
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func text(_ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// Replaces `old` (which must occur) by `new` in `path`, or writes the result to `to`.
    func edit(_ path: String, _ old: String, _ new: String, to: String? = nil) throws {
        let original = try text(path)
        #expect(original.contains(old), "\(path) does not contain \(old)")
        try original.replacingOccurrences(of: old, with: new)
            .write(to: folder.appendingPathComponent(to ?? path), atomically: true, encoding: .utf8)
    }

    func stderrLines(_ result: CLI.Result) -> [String] {
        result.stderr.split(separator: "\n").map(String.init)
    }

    func score(_ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["score", "rubric.yaml", "bids", "--lang", "en"] + extra, in: folder, timeLimit: 60)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The lines of one `## ` section of a Markdown report, without its heading.
    static func section(_ title: String, in markdown: String) -> [String] {
        let lines = markdown.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "## " + title) else { return [] }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("## ") } ?? rest.endIndex
        return Array(rest[..<end])
    }

    /// The list items of one section.
    static func items(_ title: String, in markdown: String) -> [String] {
        section(title, in: markdown).filter { $0.hasPrefix("- ") }
    }
}
