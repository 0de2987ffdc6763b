import Foundation
import TenderCore
import TenderIntake
import TenderTestSupport
import Testing

/// What leaves the evaluation room (`score --public`): the winning-candidate notice, one debrief letter per
/// bidder, and `scores.xlsx`; none of it may name a committee member, and a letter shows no other bidder's price
/// beyond the first candidate's, which the notice publishes.
@Suite struct PublicOutputTests {
    static let rubric = ExampleTenderTests.rubric
    static let bids = ExampleTenderTests.bids

    /// Every member id and name in the example's committee file.
    static func memberWords() throws -> [String] {
        let text = try String(
            contentsOf: CLI.root.appendingPathComponent("\(bids)/committee.yaml"),
            encoding: .utf8
        )
        var words: [String] = []
        for line in text.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            for key in ["- id:", "id:", "name:"] where trimmed.hasPrefix(key) {
                words.append(trimmed.dropFirst(key.count).trimmingCharacters(in: .whitespaces))
                break
            }
        }
        return words
    }

    /// Every file of a folder and its subfolders, by path relative to it.
    static func tree(_ folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        let manager = FileManager.default
        for name in try manager.subpathsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            let url = folder.appendingPathComponent(name)
            guard manager.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            files[name] = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        }
        return files
    }

    /// `scores.csv` as rows of fields (the example's names and ids hold no comma), header first.
    static func csvRows(_ text: String) -> [[String]] {
        text.replacingOccurrences(of: "\u{FEFF}", with: "").components(separatedBy: "\r\n").filter { !$0.isEmpty }
            .map { $0.components(separatedBy: ",") }
    }

    /// `8936400.00` as the reports show it: `8,936,400.00`.
    static func grouped(_ plain: String) -> String {
        let parts = plain.split(separator: ".", maxSplits: 1)
        var digits = Array(parts[0])
        var result = ""
        while digits.count > 3 {
            result = "," + String(digits.suffix(3)) + result
            digits.removeLast(3)
        }
        return String(digits) + result + (parts.count > 1 ? "." + parts[1] : "")
    }

    static func runExample(_ out: URL, _ extra: [String] = []) throws -> CLI.Result {
        try CLI.run(["score", rubric, bids + "/", "--out", out.path, "--public"] + extra)
    }

    @Test(arguments: ["zh", "en"])
    func theNoticeNamesNoMemberAndListsTheFirstThreeCandidatesInOrder(language: String) throws {
        let out = try CLI.temporaryFolder().appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let result = try Self.runExample(out, ["--lang", language])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let files = try Self.tree(out)
        let published = files.filter { $0.key.hasPrefix("public/") || $0.key.hasPrefix("letters/") }
        #expect(Set(files.keys).isSuperset(of: ["public/notice.md", "public/notice.html"]))
        let members = try Self.memberWords()
        #expect(members.count == 10)
        for (name, text) in published {
            for word in members {
                #expect(!text.contains(word), "\(name) contains the member word \(word)")
            }
        }
        let resultText = try #require(files["result.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(resultText.utf8)) as? [String: Any])
        let results = try #require(json["results"] as? [[String: Any]])
        let ranked = results.compactMap { result -> (rank: Int, name: String, total: String)? in
            guard let rank = result["rank"] as? Int, let name = result["bidderName"] as? String else { return nil }
            return (rank, name, result["total"] as? String ?? "\(result["total"] ?? "")")
        }
        .sorted { $0.rank < $1.rank }
        #expect(ranked.map(\.rank) == Array(1...7))
        for document in ["public/notice.md", "public/notice.html"] {
            let notice = try #require(files[document])
            let positions = ranked.prefix(3).map { notice.range(of: $0.name)?.lowerBound }
            #expect(positions.allSatisfy { $0 != nil }, "\(document) misses a candidate")
            let found = positions.compactMap { $0 }
            #expect(found == found.sorted(), "\(document) lists the candidates out of order")
            for bidder in ranked.dropFirst(3) {
                #expect(!notice.contains(bidder.name), "\(document) lists \(bidder.name)")
            }
        }
        let notice = try #require(files["public/notice.md"])
        #expect(notice.contains("| 1 | \(ranked[0].name) | 81.51 | 8,936,400.00 | 8,936,400.00 |"))
        #expect(notice.contains(language == "zh" ? "公示期" : "Publicity period"))
        #expect(notice.contains(language == "zh" ? "联系人" : "Contact"))
    }

    @Test func everyBidderGetsALetterWithItsScoresTheReasonsAndOnlyPublicPrices() throws {
        let out = try CLI.temporaryFolder().appendingPathComponent("out")
        defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
        let result = try Self.runExample(out)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let files = try Self.tree(out)
        let letters = files.filter { $0.key.hasPrefix("letters/") }
        #expect(letters.count == 18)
        #expect(letters.keys.filter { $0.hasSuffix(".md") }.count == 9)
        let rows = Self.csvRows(try #require(files["scores.csv"]))
        let header = rows[0]
        let quoted = try #require(header.firstIndex(of: "投标报价"))
        let evaluated = try #require(header.firstIndex(of: "评标价"))
        let capability = try #require(header.firstIndex(of: "服务能力 (capability)"))
        let bidders = rows.dropFirst()
        let winner = try #require(bidders.first { $0[0] == "1" })
        func letter(of bidder: [String]) throws -> String {
            let found = letters.filter { $0.key.hasSuffix(".md") && $0.value.contains("**致：\(bidder[1])**") }
            try #require(found.count == 1, "one letter for \(bidder[1])")
            return found.first!.value
        }
        for bidder in bidders {
            let text = try letter(of: bidder)
            let publicPrices = Set([bidder[quoted], bidder[evaluated], winner[quoted], winner[evaluated]])
            for other in bidders where other[1] != bidder[1] {
                for price in [other[quoted], other[evaluated]] where !price.isEmpty && !publicPrices.contains(price) {
                    #expect(!text.contains(Self.grouped(price)), "\(bidder[1])'s letter shows \(other[1])'s price")
                }
            }
        }
        let third = try #require(bidders.first { $0[0] == "3" })
        let thirdLetter = try letter(of: third)
        #expect(thirdLetter.contains("排第 3 名（共 7 家有效投标）"))
        #expect(thirdLetter.contains("| 服务能力 | 35 | \(third[capability]) | \(winner[capability]) |"))
        #expect(thirdLetter.contains("| 总分 |  | \(third[5]) | \(winner[5]) |"))
        #expect(thirdLetter.contains("服务方案 (8.50 / 10): 评委意见："))
        #expect(thirdLetter.contains("突发事件到场响应时间 (3.00 / 5): 投标文件事实: 20"))
        #expect(thirdLetter.contains("第一中标候选人投标报价：\(Self.grouped(winner[quoted]))"))
        let jinqiao = try #require(bidders.first { $0[1] == "台州金桥物业管理有限公司" })
        let invalid = try letter(of: jinqiao)
        #expect(invalid.contains("## 无效投标的原因\n\n- 未通过：缺少保密承诺书 (bids/huangyan-logistics-2020/03-jinqiao.xml)"))
        #expect(!invalid.contains("## 评分明细"))
    }

    /// The example with one bidder's name and registration id made hostile (path separators, dot-dot, a bidi
    /// override, a visible NUL symbol) and another's credit code all digits.
    static func hostileCopy() throws -> ExampleTenderCopy {
        let copy = try ExampleTenderCopy()
        for name in ["committee.yaml", "decisions.yaml"] {
            try FileManager.default.copyItem(
                at: CLI.root.appendingPathComponent("\(bids)/\(name)"),
                to: copy.folder.appendingPathComponent("bids/\(name)")
            )
        }
        let hostile = "../../evil/\u{202E}gpj.exe\u{2400}%00金桥"
        for path in ["bids/03-jinqiao.xml", "bids/committee-scores.csv"] {
            try copy.edit(path, "台州金桥物业管理有限公司", hostile)
        }
        try copy.edit("bids/03-jinqiao.xml", "91331002MA29L6B85G", "../../../tmp/x\u{202E}/evil")
        try copy.edit("bids/05-juxiang.xml", "91331003MA2D9FX61W", "913310031234567890")
        return copy
    }

    @Test func hostileBidderNamesAndIdsCannotLeaveTheLettersFolder() throws {
        let copy = try Self.hostileCopy()
        defer { copy.remove() }
        let result = try CLI.run(["score", "rubric.yaml", "bids", "--out", "out", "--public"], in: copy.folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let manager = FileManager.default
        #expect(try manager.contentsOfDirectory(atPath: copy.folder.path).sorted() == ["bids", "out", "rubric.yaml"])
        #expect(
            try manager.contentsOfDirectory(atPath: copy.folder.appendingPathComponent("out").path).sorted() == [
                "letters", "manifest.json", "public", "report.html", "report.md", "result.json", "scores.csv",
                "scores.xlsx",
            ]
        )
        let letters = try manager.contentsOfDirectory(atPath: copy.folder.appendingPathComponent("out/letters").path)
        #expect(letters.count == 18)
        for name in letters {
            let scalars = name.unicodeScalars
            #expect(
                scalars.allSatisfy {
                    $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".contains(Character($0)))
                },
                "unsafe letter name \(name)"
            )
            #expect(!name.contains(".."))
        }
        #expect(letters.contains("08-tmpxevil.md"))
        let hostileLetter = try copy.text("out/letters/08-tmpxevil.md")
        #expect(!hostileLetter.contains("\u{202E}"), "the bidi override is shown escaped, never raw")
        #expect(hostileLetter.contains("**致：../../evil/\\\\u{202E}gpj.exe\u{2400}%00金桥**"))
        let html = try copy.text("out/letters/08-tmpxevil.html")
        #expect(!html.contains("\u{202E}"))
    }

    @Test func scoresXLSXKeepsIdsAsTextAndPricesAsNumbers() throws {
        let copy = try Self.hostileCopy()
        defer { copy.remove() }
        let result = try CLI.run(["score", "rubric.yaml", "bids", "--out", "out"], in: copy.folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let path = copy.folder.appendingPathComponent("out/scores.xlsx")
        let bytes = [UInt8](try Data(contentsOf: path))
        let workbook = try XLSXReader.read(bytes, file: "scores.xlsx")
        #expect(workbook.sheets.map(\.name) == ["排名", "评审因素", "评委评分", "决定"])
        let ranking = try #require(workbook.sheet(named: "排名"))
        func value(_ reference: String) throws -> SpreadsheetValue {
            ranking.value(at: try #require(CellReference(reference)))
        }
        #expect(try value("B2") == .text("台州橘乡物业服务有限公司"))
        #expect(try value("C2") == .text("913310031234567890"))
        #expect(try value("F2") == .number(try SpreadsheetNumber(parsing: "81.51")))
        #expect(try value("G2") == .number(try SpreadsheetNumber(parsing: "8936400")))
        #expect(try value("H2") == .number(try SpreadsheetNumber(parsing: "8936400")))
        let scores = try #require(workbook.sheet(named: "评委评分"))
        #expect(scores.value(at: try #require(CellReference("F2"))) == .number(try SpreadsheetNumber(parsing: "8")))
        let decisions = try #require(workbook.sheet(named: "决定"))
        #expect(decisions.value(at: try #require(CellReference("C2"))) == .text("recusal"))
        // The same inputs give the same bytes.
        let again = try CLI.run(["score", "rubric.yaml", "bids", "--out", "again"], in: copy.folder)
        #expect(again.status == 0)
        #expect(try Data(contentsOf: copy.folder.appendingPathComponent("again/scores.xlsx")) == Data(bytes))
    }

    @Test(.enabled(if: OpenpyxlProbe.available, "needs python3 with openpyxl (scripts/setup.sh --tests installs it)"))
    func openpyxlReadsTheCreditCodeAsTextAndPricesAsNumbers() throws {
        let copy = try Self.hostileCopy()
        defer { copy.remove() }
        let result = try CLI.run(["score", "rubric.yaml", "bids", "--out", "out"], in: copy.folder)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let script = """
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            for ref in ["C2", "F2", "G2", "H2"]:
                print(ref, ws[ref].data_type, repr(ws[ref].value))
            """
        let output = try OpenpyxlProbe.run(["-c", script, copy.folder.appendingPathComponent("out/scores.xlsx").path])
        #expect(output.status == 0, "\(output.output)")
        #expect(
            output.output
                == "C2 s '913310031234567890'\nF2 n 81.51\nG2 n 8936400\nH2 n 8936400\n"
        )
    }

    @Test func forceReplacesTheLettersButNoForgedManifestMakesOtherFilesOurs() throws {
        let parent = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        #expect(try Self.runExample(out).status == 0)
        let again = try Self.runExample(out, ["--force"])
        #expect(again.status == 0, "stderr: \(again.stderr)")
        // A plain run replaces a public one (its letters and notice included).
        let plain = try CLI.run(["score", Self.rubric, Self.bids + "/", "--out", out.path, "--force"])
        #expect(plain.status == 0, "stderr: \(plain.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("letters").path))
        #expect(try Self.runExample(out, ["--force"]).status == 0)

        // A file of the user's in the letters folder, with a manifest forged to list it (with its true hash) and
        // files outside the folder.
        let victim = parent.appendingPathComponent("victim.txt")
        try Data("mine".utf8).write(to: victim)
        let manifestURL = out.appendingPathComponent("manifest.json")
        var manifest = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: manifestURL)) as? [String: Any]
        )
        var outputs = try #require(manifest["outputs"] as? [[String: Any]])
        let letter = try #require(outputs.first { ($0["path"] as? String ?? "").hasPrefix("letters/") })
        let letterPath = try #require(letter["path"] as? String)
        let thesis = out.appendingPathComponent("letters/thesis.docx")
        try FileManager.default.copyItem(at: out.appendingPathComponent(letterPath), to: thesis)
        for path in ["letters/thesis.docx", "../victim.txt", "letters/../../victim.txt", "/etc/passwd"] {
            outputs.append(["path": path, "sha256": letter["sha256"] ?? ""])
        }
        manifest["outputs"] = outputs
        try JSONSerialization.data(withJSONObject: manifest).write(to: manifestURL)
        let refused = try Self.runExample(out, ["--force"])
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "\(out.path): error: output folder holds files that are not reports of this tool: "
                + "letters/thesis.docx; nothing was deleted or replaced; choose another folder or move them away\n"
        )
        #expect(FileManager.default.fileExists(atPath: thesis.path))

        // Without the user's file the forged entries name nothing in the folder: the run replaces the reports and
        // the files outside stay.
        try FileManager.default.removeItem(at: thesis)
        let replaced = try Self.runExample(out, ["--force"])
        #expect(replaced.status == 0, "stderr: \(replaced.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "mine")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted() == ["out", "victim.txt"])

        // A letter edited by hand is someone else's now.
        let edited = out.appendingPathComponent(letterPath)
        try Data("edited".utf8).write(to: edited)
        let kept = try Self.runExample(out, ["--force"])
        #expect(kept.status == 1)
        #expect(kept.stderr.contains("\(letterPath) (changed since this tool wrote it)"))
        #expect(try String(contentsOf: edited, encoding: .utf8) == "edited")
    }

    @Test func aPreliminaryRunHasNothingToPublish() throws {
        let copy = try ExampleTenderCopy()
        defer { copy.remove() }
        try PreliminaryRunTests.addCommittee(copy)
        try PreliminaryRunTests.withholdScores(copy)
        let result = try copy.score(["--out", "out", "--public"])
        #expect(result.status == 3)
        #expect(
            result.stderr
                == "error: --public: nothing to publish: the evaluation is preliminary (exit status 3); the "
                + "winning-candidate notice and the debrief letters are written only for a final evaluation\n"
        )
        let written = try FileManager.default.contentsOfDirectory(
            atPath: copy.folder.appendingPathComponent("out").path
        )
        #expect(
            written.sorted() == [
                "manifest.json", "report.html", "report.md", "result.json", "scores.csv", "scores.xlsx",
            ]
        )
    }

    @Test func publicNeedsAnOutputFolder() throws {
        let result = try CLI.run(["score", Self.rubric, Self.bids + "/", "--public"])
        #expect(result.status == 64)
        #expect(result.stderr.hasPrefix("Error: --public writes files: give --out\n"))
    }
}

/// Python's openpyxl, a second reader of `scores.xlsx` (installed by `scripts/setup.sh --tests`); under CI it must
/// be there.
enum OpenpyxlProbe {
    static let available: Bool = {
        if ProcessInfo.processInfo.environment["CI"] == "true" { return true }
        return (try? run(["-c", "import openpyxl"]).status) == 0
    }()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try CLI.runProgram("/usr/bin/env", ["python3"] + arguments)
        return (result.status, result.stdout + result.stderr)
    }
}
