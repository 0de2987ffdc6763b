import Foundation
import TenderTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 7, items 1 to 3: every entry of a bids folder is accounted for, only regular files are read (a FIFO can
/// never stall a run), and no file name can forge a diagnostic line. Each attack is generated at test time (FIFOs,
/// links and odd names cannot be committed) and run through the built binary with a time limit.
@Suite struct FileKindAttackTests {
    static let rubric = CLI.root.appendingPathComponent("rubrics/huangyan-logistics-2020.yaml").path
    static let example = CLI.root.appendingPathComponent("bids/huangyan-logistics-2020")
    /// A FIFO that is opened for reading blocks until a writer comes; a run must refuse it well within this.
    static let timeLimit: TimeInterval = 60

    /// A copy of the example's bids and the committee's scores (as one CSV, `committee-scores.csv`) in a new
    /// folder named `bids`.
    static func exampleCopy() throws -> URL {
        let bids = try CLI.temporaryFolder().appendingPathComponent("bids")
        try FileManager.default.createDirectory(at: bids, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: example.path) where name.hasSuffix(".xml") {
            try FileManager.default.copyItem(
                at: example.appendingPathComponent(name),
                to: bids.appendingPathComponent(name)
            )
        }
        try FileManager.default.copyItem(
            at: CLI.fixtures.appendingPathComponent("huangyan-committee-scores.csv"),
            to: bids.appendingPathComponent("committee-scores.csv")
        )
        return bids
    }

    /// Creates a file whose name is the raw `name` bytes (which need not be UTF-8) inside `folder`.
    static func createFile(named name: [UInt8], in folder: URL, contents: [UInt8]) throws {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name + [0]
        let descriptor = path.map { CChar(bitPattern: $0) }.withUnsafeBufferPointer {
            open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        }
        guard descriptor >= 0 else { throw POSIXError(.EIO) }
        defer { close(descriptor) }
        _ = contents.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
    }

    static func makeFIFO(_ path: String) throws {
        guard mkfifo(path, 0o644) == 0 else { throw POSIXError(.EIO) }
    }

    static func lines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    }

    static func json(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("result.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// The GBK bytes of 说明.txt: what a Chinese Windows archive leaves on a Linux disk.
    static let gbkName: [UInt8] = [0xCB, 0xB5, 0xC3, 0xF7] + Array(".txt".utf8)

    @Test func extraFilesKeepTheRankingAndAreEachListedWithTheirReason() throws {
        let bids = try Self.exampleCopy()
        let parent = bids.deletingLastPathComponent()
        let baseline = try CLI.run(
            ["score", Self.rubric, "bids", "--lang", "en", "--out", "before"],
            in: parent,
            timeLimit: Self.timeLimit
        )
        #expect(baseline.status == 0, "\(baseline.stderr)")

        let manager = FileManager.default
        try Self.createFile(named: Self.gbkName, in: bids, contents: Array("notes".utf8))
        try manager.createSymbolicLink(atPath: bids.path + "/missing.xml", withDestinationPath: "nowhere.xml")
        try manager.createSymbolicLink(atPath: bids.path + "/loop.xml", withDestinationPath: "loop.xml")
        try "x".write(toFile: bids.path + "/.hidden.xml", atomically: true, encoding: .utf8)
        try Self.makeFIFO(bids.path + "/pipe.xml")
        try manager.createDirectory(atPath: bids.path + "/x.xml", withIntermediateDirectories: false)
        try manager.createDirectory(atPath: bids.path + "/attachments", withIntermediateDirectories: false)
        try "# notes".write(toFile: bids.path + "/README.md", atomically: true, encoding: .utf8)
        try "x".write(toFile: bids.path + "/bid\u{202E}lmx.txt", atomically: true, encoding: .utf8)
        try manager.createSymbolicLink(atPath: bids.path + "/folder-link.xml", withDestinationPath: "attachments")
        try manager.linkItem(atPath: bids.path + "/01-anlan.xml", toPath: bids.path + "/99-hardlink.xml")

        let result = try CLI.run(
            ["score", Self.rubric, "bids", "--lang", "en", "--out", "after"],
            in: parent,
            timeLimit: Self.timeLimit
        )
        #expect(!result.timedOut, "a FIFO in the bids folder stalled the run")
        #expect(result.status == 1)
        let added = [
            "bids/folder-link.xml: error: not read: symbolic link to a folder, not to a regular file; only regular "
                + "files are read",
            "bids/loop.xml: error: not read: symbolic link loop",
            "bids/missing.xml: error: not read: symbolic link to a file that does not exist",
            "bids/pipe.xml: error: not read: a FIFO (named pipe), not a regular file; only regular files are read",
            "bids/x.xml: error: not read: a folder, not a regular file; only regular files are read",
        ]
        #expect(Self.lines(result.stderr).sorted() == (Self.lines(baseline.stderr) + added).sorted())

        // The seven good bids (and the two that are not) come out exactly as before.
        let before = try Self.json(parent.appendingPathComponent("before"))
        let after = try Self.json(parent.appendingPathComponent("after"))
        let beforeResults = try JSONSerialization.data(withJSONObject: before["results"]!, options: .sortedKeys)
        let afterResults = try JSONSerialization.data(withJSONObject: after["results"]!, options: .sortedKeys)
        #expect(beforeResults == afterResults)

        let entries = try #require(after["inputFiles"] as? [[String: Any]])
        let uses = Dictionary(uniqueKeysWithValues: entries.map { ($0["path"] as! String, $0["use"] as! String) })
        let reasons = Dictionary(
            uniqueKeysWithValues: entries.compactMap { entry -> (String, String)? in
                guard let reason = entry["reason"] as? [String: Any] else { return nil }
                return (entry["path"] as! String, reason["kind"] as! String)
            }
        )
        #expect(
            reasons == [
                "bids/.hidden.xml": "hidden",
                "bids/99-hardlink.xml": "same-file",
                "bids/README.md": "not-a-bid-or-score-sheet",
                "bids/\\xCB\\xB5\\xC3\\xF7.txt": "not-a-bid-or-score-sheet",
                "bids/attachments": "not-a-regular-file",
                "bids/bid\\u{202E}lmx.txt": "not-a-bid-or-score-sheet",
                "bids/folder-link.xml": "symbolic-link-to-not-a-regular-file",
                "bids/loop.xml": "symbolic-link-loop",
                "bids/missing.xml": "dangling-symbolic-link",
                "bids/pipe.xml": "not-a-regular-file",
                "bids/x.xml": "not-a-regular-file",
            ]
        )
        #expect(uses.filter { $0.value == "bid" }.count == 9)
        #expect(uses["bids/committee-scores.csv"] == "score-sheet")
        #expect(entries.count == 9 + 1 + 11)

        let markdown = try String(contentsOf: parent.appendingPathComponent("after/report.md"), encoding: .utf8)
        #expect(markdown.contains("## Files in the bid folders"))
        #expect(markdown.contains("9 bid files read, 1 score sheet read, 11 entries not read."))
        #expect(
            markdown.contains(
                "| bids/\\\\xCB\\\\xB5\\\\xC3\\\\xF7.txt | not read | not a bid (\\*.xml) or a score sheet"
            )
        )
        #expect(markdown.contains("| bids/99-hardlink.xml | not read | same file as bids/01-anlan.xml, read once |"))
        #expect(!markdown.contains("\u{202E}"))
        let html = try String(contentsOf: parent.appendingPathComponent("after/report.html"), encoding: .utf8)
        #expect(html.contains("bids/bid\\u{202E}lmx.txt"))
        #expect(!html.contains("\u{202E}"))
    }

    @Test func aFIFOGivenAsRubricScoreSheetOrBidIsRefusedAtOnce() throws {
        let folder = try CLI.temporaryFolder()
        let fifo = folder.appendingPathComponent("pipe.xml").path
        try Self.makeFIFO(fifo)
        let bids = Self.example.path
        let cases: [([String], String)] = [
            (
                ["score", fifo, bids],
                "\(fifo): error: a FIFO (named pipe), not a regular file; only regular files are read"
            ),
            (
                ["score", Self.rubric, bids, "--scores", fifo],
                "\(fifo): error: a FIFO (named pipe), not a regular file; only regular files are read"
            ),
            (
                ["score", Self.rubric, fifo],
                "\(fifo): error: a FIFO (named pipe), not a regular file; only regular files are read"
            ),
            (["check", fifo], "\(fifo): error: a FIFO (named pipe), not a regular file; only regular files are read"),
            (
                ["inspect", fifo],
                "\(fifo): error: a FIFO (named pipe), not a regular file; only regular files are read"
            ),
        ]
        for (arguments, expected) in cases {
            let result = try CLI.run(arguments, timeLimit: Self.timeLimit)
            #expect(!result.timedOut, "\(arguments) hung on a FIFO")
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr == expected + "\n", "\(arguments)")
        }
        let link = folder.appendingPathComponent("rubric.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fifo)
        let linked = try CLI.run(["score", link, bids], timeLimit: Self.timeLimit)
        #expect(!linked.timedOut)
        #expect(linked.status == 1)
        #expect(
            linked.stderr == "\(link): error: symbolic link to a FIFO (named pipe), not to a regular file; only "
                + "regular files are read\n"
        )
    }

    @Test func aFileNameCannotForgeADiagnosticLine() throws {
        let bids = try Self.exampleCopy()
        let forged = "evil\nx.xml:1:1: error: forged\u{1B}[2K\u{202E}.xml"
        try "not a bid".write(toFile: bids.path + "/" + forged, atomically: true, encoding: .utf8)
        let result = try CLI.run(
            ["score", Self.rubric, "bids", "--lang", "en"],
            in: bids.deletingLastPathComponent(),
            timeLimit: Self.timeLimit
        )
        #expect(result.status == 4)
        let lines = Self.lines(result.stderr)
        #expect(!lines.contains { $0.hasPrefix("x.xml") })
        #expect(!result.stderr.contains("\u{1B}"))
        #expect(!result.stderr.contains("\u{202E}"))
        #expect(
            lines.contains(
                "bids/evil\\nx.xml:1:1: error: forged\\u{1B}[2K\\u{202E}.xml:1:1: error: bid file is empty or does "
                    + "not start with an XML element"
            )
        )
        #expect(!result.stdout.contains("\u{9B}") && !result.stdout.contains("\u{202E}"))
        #expect(result.stdout.contains("evil\\\\nx.xml:1:1: error: forged\\\\u{1B}\\[2K\\\\u{202E}.xml"))
    }

    @Test func aBidWithAGBKNameIsEvaluatedAndShownEscaped() throws {
        let bids = try Self.exampleCopy()
        // 投标.xml in GBK
        let name: [UInt8] = [0xCD, 0xB6, 0xB1, 0xEA] + Array(".xml".utf8)
        let bytes = try Data(contentsOf: bids.appendingPathComponent("01-anlan.xml"))
        try FileManager.default.removeItem(at: bids.appendingPathComponent("01-anlan.xml"))
        try Self.createFile(named: name, in: bids, contents: [UInt8](bytes))
        let result = try CLI.run(
            ["score", Self.rubric, "bids", "--lang", "en", "--out", "out"],
            in: bids.deletingLastPathComponent(),
            timeLimit: Self.timeLimit
        )
        #expect(result.status == 0)
        #expect(
            Self.lines(result.stderr).contains(
                "bids/\\xCD\\xB6\\xB1\\xEA.xml: warning: file name is not valid UTF-8; it is shown with \\xHH escapes"
            )
        )
        let json = try Self.json(bids.deletingLastPathComponent().appendingPathComponent("out"))
        let results = try #require(json["results"] as? [[String: Any]])
        let renamed = try #require(results.first { $0["file"] as? String == "bids/\\xCD\\xB6\\xB1\\xEA.xml" })
        #expect(renamed["status"] as? String == "valid")
    }

    @Test func anEmptyFolderOrOneWithoutBidsIsAnInputError() throws {
        let folder = try CLI.temporaryFolder()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("empty"),
            withIntermediateDirectories: false
        )
        let empty = try CLI.run(["score", Self.rubric, "empty"], in: folder, timeLimit: Self.timeLimit)
        #expect(empty.status == 1)
        #expect(empty.stderr == "empty: error: no bid in this folder: the folder is empty\n")
        #expect(empty.stdout.isEmpty)

        let notes = folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: notes, withIntermediateDirectories: false)
        try "x".write(to: notes.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try "x".write(to: notes.appendingPathComponent(".bid.xml"), atomically: true, encoding: .utf8)
        let none = try CLI.run(["score", Self.rubric, "notes/"], in: folder, timeLimit: Self.timeLimit)
        #expect(none.status == 1)
        #expect(none.stderr == "notes/: error: no bid in this folder: none of its 2 entries is a regular *.xml file\n")
    }

    /// Root reads any folder whatever its permissions, so as root the run is made as `nobody` through setpriv.
    static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(
        .enabled(
            if: getuid() != 0 || setpriv != nil,
            "root reads any folder whatever its permissions, and setpriv (util-linux) is missing to run as nobody"
        )
    )
    func anUnreadableFolderIsAnInputError() throws {
        let folder = try CLI.temporaryFolder()
        let locked = folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
        chmod(locked.path, 0)
        defer { chmod(locked.path, 0o755) }
        let rubric = Self.rubric
        let result =
            getuid() == 0
            ? try CLI.runProgram(
                try #require(Self.setpriv),
                ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path, "score", rubric, "locked"],
                in: folder,
                timeLimit: Self.timeLimit
            )
            : try CLI.run(["score", rubric, "locked"], in: folder, timeLimit: Self.timeLimit)
        #expect(result.status == 1)
        #expect(result.stderr == "locked: error: cannot read folder: Permission denied\n")
    }

    @Test func theSameBidGivenTwiceIsOneFile() throws {
        let bids = try Self.exampleCopy()
        let parent = bids.deletingLastPathComponent()
        let absolute = bids.appendingPathComponent("02-hongyu.xml").path
        let result = try CLI.run(
            ["score", Self.rubric, "bids", "bids/02-hongyu.xml", absolute, "./bids/02-hongyu.xml", "--out", "out"],
            in: parent,
            timeLimit: Self.timeLimit
        )
        #expect(result.status == 0, "\(result.stderr)")
        let json = try Self.json(parent.appendingPathComponent("out"))
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.count == 9)
        let entries = try #require(json["inputFiles"] as? [[String: Any]])
        let same = entries.filter { ($0["reason"] as? [String: Any])?["kind"] as? String == "same-file" }
        // Sorted by bytes, `./bids/…` comes first and is the one read; the other spellings are listed.
        #expect(same.map { $0["path"] as! String }.sorted() == [absolute, "bids/02-hongyu.xml"])
        #expect(
            same.allSatisfy {
                ($0["reason"] as? [String: Any])?["sameFileAs"] as? String == "./bids/02-hongyu.xml"
            }
        )
    }

    /// Every escape is unambiguous: a name holding the two characters `\n` is shown as `\\n`, a name holding a
    /// line break as `\n`, so two different files never look alike (and neither can forge a line).
    @Test func aLiteralBackslashNeverLooksLikeAnEscape() throws {
        let bids = try Self.exampleCopy()
        let manager = FileManager.default
        try manager.createSymbolicLink(atPath: bids.path + "/lit\\nback.xml", withDestinationPath: "gone-1.xml")
        try manager.createSymbolicLink(atPath: bids.path + "/real\nback.xml", withDestinationPath: "gone-2.xml")
        let parent = bids.deletingLastPathComponent()
        let result = try CLI.run(
            ["score", Self.rubric, "bids", "--lang", "en", "--out", "out"],
            in: parent,
            timeLimit: Self.timeLimit
        )
        #expect(result.status == 1)
        let lines = Self.lines(result.stderr)
        #expect(lines.contains("bids/lit\\\\nback.xml: error: not read: symbolic link to a file that does not exist"))
        #expect(lines.contains("bids/real\\nback.xml: error: not read: symbolic link to a file that does not exist"))
        let markdown = try String(contentsOf: parent.appendingPathComponent("out/report.md"), encoding: .utf8)
        // Markdown writes each backslash of the shown name as `\\`.
        #expect(markdown.contains("| bids/lit\\\\\\\\nback.xml | not read |"))
        #expect(markdown.contains("| bids/real\\\\nback.xml | not read |"))
    }

    /// `inspect` prints what a bid says with every value escaped: a bidder name holding a line break, a C1
    /// control sequence introducer and a bidi override cannot forge a line of output, recolour the terminal or
    /// reorder the text.
    @Test func inspectShowsBidTextEscaped() throws {
        let bids = try Self.exampleCopy()
        let bid = bids.appendingPathComponent("01-anlan.xml")
        let text = try String(contentsOf: bid, encoding: .utf8)
        let start = try #require(text.range(of: "<name>")).upperBound
        try (text[..<start] + "A&#10;bids/x.xml:1:1: error: forged&#x9B;31m&#x202E;" + text[start...])
            .write(to: bid, atomically: true, encoding: .utf8)
        let result = try CLI.run(["inspect", bid.path], timeLimit: Self.timeLimit)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("\u{9B}") && !result.stdout.contains("\u{202E}"))
        #expect(!Self.lines(result.stdout).contains { $0.hasPrefix("bids/x.xml:1:1: error: forged") })
        #expect(result.stdout.contains("bidder: A\\nbids/x.xml:1:1: error: forged\\u{9B}31m\\u{202E}"))
    }
}
