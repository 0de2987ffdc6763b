import Foundation
import TenderTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Issue 7 acceptance: the example tender with hostile extras added to its bids folder — a file with a GBK name,
/// a dangling link, a dot-file, a FIFO, a folder named `x.xml`, and a spoofed bid using a rival's registration id
/// with a zero-width space — keeps the seven good bids ranked exactly as before and lists every added file with
/// its reason, through the built binary, within a time limit.
@Suite struct ExtraFilesAcceptanceTests {
    /// The GBK bytes of 投标.xml: a bid named on a Chinese Windows machine.
    static let gbkName: [UInt8] = [0xCD, 0xB6, 0xB1, 0xEA] + Array(".xml".utf8)

    @Test func exampleTenderWithHostileExtrasRanksTheSevenGoodBidsAsBefore() throws {
        let copy = try ExampleTenderCopy()
        let before = try CLI.run(["score", "rubric.yaml", "bids", "--lang", "en", "--out", "before"], in: copy.folder)
        #expect(before.status == 0, "\(before.stderr)")

        let bids = copy.folder.appendingPathComponent("bids")
        let manager = FileManager.default
        try FileKindAttackTests.createFile(named: Self.gbkName, in: bids, contents: Array("<bid/>".utf8))
        try manager.createSymbolicLink(atPath: bids.path + "/10-dangling.xml", withDestinationPath: "gone.xml")
        try "<bid/>".write(toFile: bids.path + "/.~lock.01-anlan.xml", atomically: true, encoding: .utf8)
        try FileKindAttackTests.makeFIFO(bids.path + "/11-pipe.xml")
        try manager.createDirectory(atPath: bids.path + "/x.xml", withIntermediateDirectories: false)
        // A rival's bid resubmitted under another name with 台州橘乡's registration id, a zero-width space inside.
        try copy.edit(
            "bids/04-qinghe.xml",
            "<name>台州青禾环境服务有限公司</name>",
            "<name>台州青禾物业有限公司</name>",
            to: "bids/12-spoof.xml"
        )
        try copy.edit("bids/12-spoof.xml", "91331004MA2HB7N44T", "91331003MA2D9\u{200B}FX61W")

        let after = try CLI.run(["score", "rubric.yaml", "bids", "--lang", "en", "--out", "after"], in: copy.folder)
        #expect(!after.timedOut, "the run stalled")
        #expect(after.status == 4)
        let added = [
            "bids/10-dangling.xml: error: not read: symbolic link to a file that does not exist",
            "bids/11-pipe.xml: error: not read: a FIFO (named pipe), not a regular file; only regular files are read",
            "bids/12-spoof.xml:3: error: registration id '91331003MA2D9FX61W' is also claimed by bids/05-juxiang.xml "
                + "(after removing U+200B); this bid is held for the committee, which decides whether it speaks for "
                + "that bidder",
            "bids/x.xml: error: not read: a folder, not a regular file; only regular files are read",
        ]
        let stderr = copy.stderrLines(after)
        for line in added { #expect(stderr.contains(line), "missing: \(line)\nstderr:\n\(after.stderr)") }
        // The GBK-named file is read as a bid and refused for what it is; its name is shown byte by byte.
        #expect(stderr.contains { $0.hasPrefix("bids/\\xCD\\xB6\\xB1\\xEA.xml") })

        // Every result of the original nine files is exactly as before (same status, ranks, points and tie-break
        // decisions); the only flags added are the spoof held for the committee (which makes the ranking
        // provisional) and the collusion signals its copied contact details raise.
        let original = try results(copy.folder.appendingPathComponent("before/result.json"), withoutFlags: true)
        let now = try results(copy.folder.appendingPathComponent("after/result.json"), withoutFlags: true)
        for (file, result) in original {
            #expect(now[file] == result, "\(file) changed")
        }
        let flagsBefore = try flags(copy.folder.appendingPathComponent("before/result.json"))
        let flagsAfter = try flags(copy.folder.appendingPathComponent("after/result.json"))
        let addedFlags = flagsAfter.filter { !flagsBefore.contains($0) }
        #expect(flagsBefore.allSatisfy(flagsAfter.contains))
        #expect(!addedFlags.isEmpty)
        #expect(addedFlags.first == #"{"files":["bids/12-spoof.xml"],"type":"bids-held-for-committee"}"#)
        for flag in addedFlags.dropFirst() {
            #expect(flag.contains("\"type\":\"possible-collusion\"") && flag.contains("12-spoof.xml"), "\(flag)")
        }
        let beforeMarkdown = try copy.text("before/report.md")
        let afterMarkdown = try copy.text("after/report.md")
        #expect(rankingRows(afterMarkdown) == rankingRows(beforeMarkdown))
        #expect(rankingRows(afterMarkdown).count == 7)

        // Every added entry is listed with its reason.
        let inventory = try inputFiles(copy.folder.appendingPathComponent("after/result.json"))
        #expect(inventory["bids/.~lock.01-anlan.xml"] == "hidden")
        #expect(inventory["bids/10-dangling.xml"] == "dangling-symbolic-link")
        #expect(inventory["bids/11-pipe.xml"] == "not-a-regular-file")
        #expect(inventory["bids/x.xml"] == "not-a-regular-file")
        #expect(inventory["bids/12-spoof.xml"] == "bid")
        #expect(inventory["bids/\\xCD\\xB6\\xB1\\xEA.xml"] == "bid")
        #expect(now["bids/12-spoof.xml"]?.contains("\"status\":\"not-evaluated\"") == true)
        #expect(now["bids/\\xCD\\xB6\\xB1\\xEA.xml"]?.contains("\"status\":\"not-evaluated\"") == true)
        #expect(afterMarkdown.contains("| bids/.\\~lock.01-anlan.xml | not read | hidden file"))
    }

    /// The tender's flags in `result.json`, each as canonical JSON text.
    private func flags(_ url: URL) throws -> [String] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let flags = try #require(json["flags"] as? [Any])
        return try flags.map {
            String(
                decoding: try JSONSerialization.data(
                    withJSONObject: $0,
                    options: [.sortedKeys, .withoutEscapingSlashes]
                ),
                as: UTF8.self
            )
        }
    }

    /// Each result in `result.json` as canonical JSON text, keyed by file.
    private func results(_ url: URL, withoutFlags: Bool = false) throws -> [String: String] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let results = try #require(json["results"] as? [[String: Any]])
        var byFile: [String: String] = [:]
        for var result in results {
            if withoutFlags { result["flags"] = nil }
            let data = try JSONSerialization.data(
                withJSONObject: result,
                options: [.sortedKeys, .withoutEscapingSlashes]
            )
            byFile[try #require(result["file"] as? String)] = String(decoding: data, as: UTF8.self)
        }
        return byFile
    }

    /// What `result.json` says of each entry of the bids folder: `bid`, `score-sheet`, or the reason it was not read.
    private func inputFiles(_ url: URL) throws -> [String: String] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let entries = try #require(json["inputFiles"] as? [[String: Any]])
        var uses: [String: String] = [:]
        for entry in entries {
            let path = try #require(entry["path"] as? String)
            if let reason = entry["reason"] as? [String: Any] {
                uses[path] = reason["kind"] as? String
            } else {
                uses[path] = entry["use"] as? String
            }
        }
        return uses
    }

    /// The rows of the ranking table: `| 1 | name | total | …`.
    /// The ranking table's rows (the recommended candidates below it are not ranking rows).
    private func rankingRows(_ markdown: String) -> [String] {
        let ranking = markdown.components(separatedBy: "### Recommended candidates").first ?? markdown
        return ranking.split(separator: "\n").map(String.init).filter { line in
            line.range(of: #"^\| [0-9]+ \| "#, options: .regularExpression) != nil
        }
    }
}
