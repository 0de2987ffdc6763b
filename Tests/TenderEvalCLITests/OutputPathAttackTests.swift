import Foundation
import TenderTestSupport
import Testing

/// Issue 7, item 8: every spelling of `--out` works (none crashes, as `--out .` once did with SIGILL), and
/// `--force` replaces only the reports this tool wrote: anything else in the folder stops the run untouched.
@Suite struct OutputPathAttackTests {
    static let rubric = CLI.root.appendingPathComponent("rubrics/huangyan-logistics-2020.yaml").path
    static let bids = CLI.root.appendingPathComponent("bids/huangyan-logistics-2020").path
    static let timeLimit: TimeInterval = 60
    static let reports = ["manifest.json", "report.html", "report.md", "result.json", "scores.csv", "scores.xlsx"]

    static func score(_ out: String, in folder: URL, force: Bool = false) throws -> CLI.Result {
        try CLI.run(
            ["score", rubric, bids, "--out", out] + (force ? ["--force"] : []),
            in: folder,
            timeLimit: timeLimit
        )
    }

    static func names(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    static let replacedNote =
        "note: the output folder was replaced by a new one; a shell whose working folder is inside it must enter "
        + "it again (cd \"$PWD\") to see the new reports\n"

    @Test func theWorkingFolderAsOutput() throws {
        let folder = try CLI.temporaryFolder()
        let dot = try Self.score(".", in: folder)
        #expect(dot.status == 0)
        #expect(dot.stderr == ".: " + Self.replacedNote)
        #expect(try Self.names(in: folder) == Self.reports)

        // The test process still names the folder by its path, so it sees the new one.
        let again = try Self.score("./", in: folder)
        #expect(again.status == 1)
        #expect(again.stderr == "./: error: output folder already holds reports; pass --force to replace them\n")
        let forced = try Self.score("./", in: folder, force: true)
        #expect(forced.status == 0)
        #expect(forced.stderr == "./: " + Self.replacedNote)
        #expect(try Self.names(in: folder) == Self.reports)
        // Only this folder's staging counts: other test runs share the temporary parent.
        let own = "." + folder.lastPathComponent + "."
        #expect(
            try Self.names(in: folder.deletingLastPathComponent()).filter {
                $0.hasPrefix(own) && $0.contains("staging")
            }
            .isEmpty
        )
    }

    @Test func dotAndDotDotSpellings() throws {
        let folder = try CLI.temporaryFolder()
        let created = try Self.score("new/.", in: folder)
        #expect(created.status == 0, "\(created.stderr)")
        #expect(created.stderr.isEmpty)
        #expect(try Self.names(in: folder.appendingPathComponent("new")) == Self.reports)
        let replaced = try Self.score("new/../new/./", in: folder, force: true)
        #expect(replaced.status == 0)
        #expect(try Self.names(in: folder) == ["new"])

        // `..` from inside the report folder names a folder holding it: not reports, so nothing is touched.
        let inside = folder.appendingPathComponent("new")
        let parent = try Self.score("..", in: inside, force: true)
        #expect(parent.status == 1)
        #expect(
            parent.stderr == "..: error: output folder holds files that are not reports of this tool: new (not a "
                + "regular file); nothing was deleted or replaced; choose another folder or move them away\n"
        )
        #expect(try Self.names(in: inside) == Self.reports)

        let fromInside = try Self.score("../new", in: inside, force: true)
        #expect(fromInside.status == 0)
        #expect(fromInside.stderr == "../new: " + Self.replacedNote)
    }

    @Test func forceNeverReplacesForeignContent() throws {
        let folder = try CLI.temporaryFolder()
        let out = folder.appendingPathComponent("out")
        #expect(try Self.score("out", in: folder).status == 0)

        // A report edited after the run is no longer the tool's.
        let edited = out.appendingPathComponent("report.md")
        try "signed by the committee".write(to: edited, atomically: false, encoding: .utf8)
        let changed = try Self.score("out", in: folder, force: true)
        #expect(changed.status == 1)
        #expect(
            changed.stderr == "out: error: output folder holds files that are not reports of this tool: report.md "
                + "(changed since this tool wrote it); nothing was deleted or replaced; choose another folder or "
                + "move them away\n"
        )
        #expect(try String(contentsOf: edited, encoding: .utf8) == "signed by the committee")
        try FileManager.default.removeItem(at: edited)

        try "minutes".write(to: out.appendingPathComponent("minutes.docx"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("signatures"),
            withIntermediateDirectories: false
        )
        let foreign = try Self.score("out", in: folder, force: true)
        #expect(foreign.status == 1)
        #expect(
            foreign.stderr == "out: error: output folder holds files that are not reports of this tool: "
                + "minutes.docx, signatures (not a regular file); nothing was deleted or replaced; choose another "
                + "folder or move them away\n"
        )
        #expect(
            try Self.names(in: out) == [
                "manifest.json", "minutes.docx", "report.html", "result.json", "scores.csv", "scores.xlsx",
                "signatures",
            ]
        )

        // A folder that never held reports of this tool, even with a file named like one, is not replaced.
        let other = folder.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: false)
        try "mine".write(to: other.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        let named = try Self.score("other", in: folder, force: true)
        #expect(named.status == 1)
        #expect(
            named.stderr == "other: error: output folder holds files that are not reports of this tool: report.md; "
                + "nothing was deleted or replaced; choose another folder or move them away\n"
        )
    }

    @Test func theBidsFolderIsNeverAnOutputFolder() throws {
        let folder = try CLI.temporaryFolder()
        let bids = folder.appendingPathComponent("bids")
        try FileManager.default.copyItem(atPath: Self.bids, toPath: bids.path)
        let result = try CLI.run(
            ["score", Self.rubric, "bids", "--out", "bids", "--force"],
            in: folder,
            timeLimit: Self.timeLimit
        )
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("bids: error: output folder holds files that are not reports of this tool: "))
        // The example's nine bids, its five member sheets, committee file, decisions file and README: nothing added.
        #expect(try Self.names(in: bids).count == 17)
    }

    @Test func stagingLeftByAKilledRunIsRemovedOnTheNextRun() throws {
        let folder = try CLI.temporaryFolder()
        let abandoned = folder.appendingPathComponent(".out.tender-eval-staging-99999999")
        try FileManager.default.createDirectory(at: abandoned, withIntermediateDirectories: false)
        try "half".write(to: abandoned.appendingPathComponent("report.md"), atomically: true, encoding: .utf8)
        #expect(try Self.score("out", in: folder).status == 0)
        #expect(try Self.names(in: folder) == ["out"])
    }
}
