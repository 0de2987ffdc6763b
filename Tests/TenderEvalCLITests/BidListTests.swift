import Foundation
import TenderTestSupport
import Testing

/// Thousands of bids are named through `--bids-from` (one path per line), not as thousands of arguments; a
/// finished run with `--out` ends with a one-line summary.
@Suite struct BidListTests {
    static let rubric = "rubrics/huangyan-logistics-2020.yaml"
    static let example = "bids/huangyan-logistics-2020"

    @Test func aListOfPathsScoresLikeTheSamePathsAsArguments() throws {
        let folder = try CLI.temporaryFolder()
        let files = try FileManager.default.contentsOfDirectory(
            atPath: CLI.root.appendingPathComponent(Self.example).path
        )
        .filter { $0.hasSuffix(".xml") }.sorted()
        // CRLF line ends, a comment, an empty line, and one file named twice (directly and through its folder).
        let list = ["# the example's bids", ""] + files.map { "\(Self.example)/\($0)" } + [Self.example]
        let listFile = folder.appendingPathComponent("bids.txt")
        try Data(list.joined(separator: "\r\n").utf8).write(to: listFile)

        let fromList = try CLI.run([
            "score", Self.rubric, "--bids-from", listFile.path, "--out", folder.appendingPathComponent("a").path,
            "--lang", "en",
        ])
        let fromArguments = try CLI.run([
            "score", Self.rubric, Self.example, "--out", folder.appendingPathComponent("b").path, "--lang", "en",
        ])
        #expect(fromList.status == 0, "\(fromList.stderr)")
        #expect(fromArguments.status == 0, "\(fromArguments.stderr)")
        let a = try CLI.files(in: folder.appendingPathComponent("a"))
        let b = try CLI.files(in: folder.appendingPathComponent("b"))
        // The bid files are the same; only the spelling of the folder-less paths in the inputs may differ.
        #expect(a["scores.csv"] == b["scores.csv"])
        #expect(
            fromArguments.stdout
                == "ranked 7 valid of 9 bids (2 disqualified, 0 not evaluated); first: 台州橘乡物业服务有限公司 with "
                + "81.51 points; 2 flags for the committee; reports written to \(folder.appendingPathComponent("b").path)\n"
        )
    }

    @Test func aListNamingWhatDoesNotExistIsALocatedError() throws {
        let folder = try CLI.temporaryFolder()
        let listFile = folder.appendingPathComponent("bids.txt")
        try Data("\(Self.example)/01-anlan.xml\nmissing.xml\n\n".utf8).write(to: listFile)
        let result = try CLI.run(["score", Self.rubric, "--bids-from", listFile.path])
        #expect(result.status == 1)
        #expect(result.stderr == "\(listFile.path):2:1: error: no such file or folder: 'missing.xml'\n")
        #expect(result.stdout.isEmpty)

        try Data("# nothing\n\n".utf8).write(to: listFile)
        let empty = try CLI.run(["score", Self.rubric, "--bids-from", listFile.path])
        #expect(empty.status == 1)
        #expect(empty.stderr == "\(listFile.path): error: the list names no bid file or folder\n")
    }

    @Test func aListThatIsAFIFOIsRefusedAtOnce() throws {
        let folder = try CLI.temporaryFolder()
        let fifo = folder.appendingPathComponent("bids.txt").path
        try FileKindAttackTests.makeFIFO(fifo)
        let result = try CLI.run(["score", Self.rubric, "--bids-from", fifo], timeLimit: 60)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(fifo): error: "))
    }

    @Test func withoutBidsOrAListItIsAUsageError() throws {
        let result = try CLI.run(["score", Self.rubric])
        #expect(result.status == 64)
        #expect(result.stderr.contains("name at least one bid file or folder, or a list of them with --bids-from"))
    }

    /// `result.json` is compact unless `--pretty` asks for indentation; both hold the same data.
    @Test func prettyResultJSONHoldsTheSameData() throws {
        let folder = try CLI.temporaryFolder()
        let compact = folder.appendingPathComponent("compact")
        let pretty = folder.appendingPathComponent("pretty")
        #expect(try CLI.run(["score", Self.rubric, Self.example, "--out", compact.path]).status == 0)
        #expect(try CLI.run(["score", Self.rubric, Self.example, "--out", pretty.path, "--pretty"]).status == 0)
        let compactText = try String(contentsOf: compact.appendingPathComponent("result.json"), encoding: .utf8)
        let prettyText = try String(contentsOf: pretty.appendingPathComponent("result.json"), encoding: .utf8)
        #expect(compactText.split(separator: "\n").count == 1)
        #expect(prettyText.contains("\n  \"outcome\": {"))
        let a = try JSONSerialization.jsonObject(with: Data(compactText.utf8)) as? NSDictionary
        let b = try JSONSerialization.jsonObject(with: Data(prettyText.utf8)) as? NSDictionary
        #expect(a != nil && a == b)
    }

    /// On a terminal a long run shows its progress on standard error; redirected, it shows none.
    @Test(
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"),
            "needs script(1) from util-linux to give the run a terminal"
        )
    )
    func progressShowsOnATerminalOnly() throws {
        let folder = try CLI.temporaryFolder()
        let command = [
            CLI.binary.path, "score", Self.rubric, Self.example, "--out", folder.appendingPathComponent("t").path,
        ]
        .map { "'\($0)'" }.joined(separator: " ")
        let onTerminal = try CLI.runProgram("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(onTerminal.status == 0, "\(onTerminal.stdout)")
        #expect(onTerminal.stdout.contains("\r\u{1B}[Kreading bids: 9 of 9"))
        #expect(onTerminal.stdout.contains("\r\u{1B}[Kwriting the reports …\r\u{1B}[Kranked 7 valid of 9 bids"))

        let redirected = try CLI.run([
            "score", Self.rubric, Self.example, "--out", folder.appendingPathComponent("r").path,
        ])
        #expect(redirected.status == 0)
        #expect(redirected.stderr.isEmpty)
    }
}
