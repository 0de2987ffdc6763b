import Foundation
import TenderTestSupport
import Testing

/// The reviewer's attacks on the merged issue-7 work, through the built binary: a file that is not a rubric or a
/// score sheet is never echoed to stderr, a forged manifest cannot make `--force` delete a foreign file, an
/// oversized rubric is not told to use `--max-file-size`, and a subfolder of bids is never skipped quietly.
@Suite struct ReviewFindingAttackTests {
    static let rubric = CLI.root.appendingPathComponent("rubrics/huangyan-logistics-2020.yaml").path
    static let bids = CLI.root.appendingPathComponent("bids/huangyan-logistics-2020").path
    static let timeLimit: TimeInterval = 60

    /// A made-up password file: many `name:hash:…` lines, each ending in `:::` so that YAML reads it as a key.
    static func fakeShadow(in folder: URL) throws -> (path: String, lines: [String]) {
        let lines = (1...40).map {
            "officer\($0):$6$saltsalt$\(String(repeating: "Q", count: 30))\($0):20228:0:99999:7:::"
        }
        let path = folder.appendingPathComponent("shadow").path
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return (path, lines)
    }

    @Test(arguments: ["check", "score", "inspect"])
    func aRubricLinkedToASecretsFileIsNotEchoed(command: String) throws {
        let folder = try CLI.temporaryFolder()
        let shadow = try Self.fakeShadow(in: folder)
        let link = folder.appendingPathComponent("r.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: shadow.path)
        let arguments: [String] =
            switch command {
            case "check": ["check", link]
            case "score": ["score", link, Self.bids]
            default: ["inspect", "--rubric", link, Self.bids + "/01-anlan.xml"]
            }
        let result = try CLI.run(arguments, timeLimit: Self.timeLimit)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "\(link):1:1: error: file is not a tender-eval rubric: none of its 40 top-level keys is a rubric "
                + "key (tender, namespaces, price-policy, committee, gates, groups); nothing else in it was read\n"
        )
        for line in shadow.lines {
            #expect(!result.stderr.contains(line))
            #expect(!result.stdout.contains(line))
        }
    }

    @Test func aRubricWithManyProblemsListsFiftyAndCountsTheRest() throws {
        let folder = try CLI.temporaryFolder()
        let path = folder.appendingPathComponent("r.yaml").path
        let text = "tender: x\n" + (1...80).map { "stray\($0): value" }.joined(separator: "\n") + "\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["check", path], timeLimit: Self.timeLimit)
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 51)
        // 80 stray keys, 'tender' that is not a mapping, and the missing 'groups'.
        #expect(lines.last == "\(path): error: … and 32 more problems in this file (only the first 50 are listed)")
    }

    @Test func aLongScoreSheetHeaderIsQuotedAsAShortExcerpt() throws {
        let folder = try CLI.temporaryFolder()
        let sheet = folder.appendingPathComponent("scores.csv").path
        let secret = String(repeating: "S", count: 3000)
        try (secret + "\nm,b,c,1\n").write(toFile: sheet, atomically: true, encoding: .utf8)
        let result = try CLI.run(
            ["score", Self.rubric, Self.bids, "--scores", sheet, "--out", folder.appendingPathComponent("o").path],
            timeLimit: Self.timeLimit
        )
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "\(sheet):1:1: error: file is not a score sheet: its header is '\(String(repeating: "S", count: 40))…', "
                + "expected 'member,bidder,criterion,score' (or '评委,投标人,评审因素,得分')\n"
        )
        #expect(!result.stderr.contains(String(repeating: "S", count: 41)))
    }

    @Test func aForgedManifestCannotGetAForeignFileDeleted() throws {
        let folder = try CLI.temporaryFolder()
        let out = folder.appendingPathComponent("o")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let thesis = Array("x\n".utf8)
        try Data(thesis).write(to: out.appendingPathComponent("thesis.docx"))
        // The manifest's hash is right: only the name gives the forgery away.
        let summed = try CLI.runProgram("/usr/bin/sha256sum", [out.appendingPathComponent("thesis.docx").path])
        try #require(summed.status == 0)
        let digest = String(summed.stdout.prefix(64))
        let manifest = "{\"tool\":\"tender-eval\",\"outputs\":[{\"path\":\"thesis.docx\",\"sha256\":\"\(digest)\"}]}"
        try manifest.write(to: out.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let result = try CLI.run(
            ["score", Self.rubric, Self.bids, "--out", out.path, "--force"],
            timeLimit: Self.timeLimit
        )
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "\(out.path): error: output folder holds files that are not reports of this tool: thesis.docx; "
                + "nothing was deleted or replaced; choose another folder or move them away\n"
        )
        #expect(try Array(Data(contentsOf: out.appendingPathComponent("thesis.docx"))) == thesis)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["manifest.json", "thesis.docx"]
        )
    }

    @Test func anOversizedRubricIsNotToldToUseMaxFileSize() throws {
        let folder = try CLI.temporaryFolder()
        let path = folder.appendingPathComponent("big.yaml").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(count: 4 * 1024 * 1024 + 1)))
        let result = try CLI.run(["check", path], timeLimit: Self.timeLimit)
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "\(path): error: file is 4194305 bytes, larger than the limit of 4194304 bytes for a rubric "
                + "(4 MiB, fixed); it was not read: a rubric is a few kilobytes of YAML, so this is probably not the "
                + "rubric file\n"
        )
    }

    @Test func anOversizedScoreSheetGetsItsOwnMessage() throws {
        let folder = try CLI.temporaryFolder()
        let path = folder.appendingPathComponent("scores.csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(count: 16 * 1024 * 1024 + 1)))
        let result = try CLI.run(
            ["score", Self.rubric, Self.bids, "--scores", path, "--out", folder.appendingPathComponent("o").path],
            timeLimit: Self.timeLimit
        )
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "\(path): error: file is 16777217 bytes, larger than the limit of 16777216 bytes for a score sheet "
                + "(16 MiB, fixed); it was not read: split the committee's scores over several sheets\n"
        )
    }

    @Test func aSubfolderOfBidsIsWarnedAboutNotSkippedQuietly() throws {
        let folder = try CLI.temporaryFolder()
        let bids = folder.appendingPathComponent("bids")
        try FileManager.default.copyItem(atPath: Self.bids, toPath: bids.path)
        let lot = bids.appendingPathComponent("lot2")
        try FileManager.default.createDirectory(at: lot, withIntermediateDirectories: true)
        for name in ["01-anlan.xml", "02-hongyu.xml", "03-jinqiao.xml"] {
            try FileManager.default.copyItem(
                at: bids.appendingPathComponent(name),
                to: lot.appendingPathComponent(name)
            )
        }
        try FileManager.default.createDirectory(
            at: bids.appendingPathComponent("attachments"),
            withIntermediateDirectories: true
        )
        let result = try CLI.run(["score", Self.rubric, "bids", "--out", "o"], in: folder, timeLimit: Self.timeLimit)
        let warning =
            "folder 'bids/lot2' holds 3 bid-like files (*.xml) that are not read: subfolders are never read; name "
            + "the folder on the command line if they belong to this tender"
        #expect(result.status == 0)
        #expect(result.stderr == "bids/lot2: warning: \(warning)\n")
        let report = try String(contentsOf: folder.appendingPathComponent("o/report.md"), encoding: .utf8)
        #expect(report.contains("- bids/lot2: warning: \(warning.replacingOccurrences(of: "*", with: "\\*"))"))
        #expect(report.contains("| bids/lot2 | 未读取 | 文件夹，内含 3 个疑似投标文件（\\*.xml），未读取"))
        #expect(!report.contains("attachments: warning"))
    }
}
