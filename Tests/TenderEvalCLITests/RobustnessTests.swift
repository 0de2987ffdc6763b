import Foundation
import TenderTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite(.serialized) struct RobustnessTests {
    /// Issue 4: killing `score` while it works leaves the previous `--out` folder byte-identical (or, when the
    /// run had already finished, holding the complete new reports) — never a mixture or a half-written file.
    @Test func killingAScoreRunNeverDamagesThePreviousReports() throws {
        let folder = try CLI.temporaryFolder()
        let synthetic = folder.appendingPathComponent("synthetic")
        let generated = try CLI.runProgram(
            CLI.bench.path,
            ["files", "--bids", "400", "--criteria", "20", "--seed", "7", "--out", synthetic.path]
        )
        #expect(generated.status == 0, "\(generated.stderr)")
        let out = folder.appendingPathComponent("out")
        let arguments = ["score", synthetic.path + "/rubric.yaml", synthetic.path + "/bids", "--out", out.path]
        let first = try CLI.run(arguments + ["--lang", "zh"])
        #expect(first.status == 0, "\(first.stderr)")
        let before = try CLI.files(in: out)
        #expect(before.count == 5)

        // The complete reports a finished second run writes, to recognise them.
        let reference = folder.appendingPathComponent("reference")
        _ = try CLI.run([
            "score", synthetic.path + "/rubric.yaml", synthetic.path + "/bids", "--out", reference.path, "--lang", "en",
        ])
        let after = try CLI.files(in: reference)

        // Kill each run at a different moment: early (reading and scoring) and, above all, while it writes —
        // the moment its staging folder beside --out appears, which is when a half-written report could
        // otherwise replace a good one.
        var killedWhileWriting = 0
        var killedEarly = 0
        for attempt in 0..<12 where attempt < 2 || killedWhileWriting < 2 {
            let process = Process()
            process.executableURL = CLI.binary
            process.arguments = arguments + ["--lang", "en", "--force"]
            process.currentDirectoryURL = CLI.root
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let staging = folder.appendingPathComponent(".out.tender-eval-staging-\(process.processIdentifier)").path
            if attempt < 2 {
                Thread.sleep(forTimeInterval: 0.05 * Double(attempt + 1))
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    killedEarly += 1
                }
            } else {
                while process.isRunning && !FileManager.default.fileExists(atPath: staging) {
                    usleep(200)
                }
                // Let the writing get under way before the kill, a little later on each attempt.
                usleep(UInt32(1000 * ((attempt - 2) % 4) * 3))
                if process.isRunning && FileManager.default.fileExists(atPath: staging) {
                    kill(process.processIdentifier, SIGKILL)
                    killedWhileWriting += 1
                }
            }
            process.waitUntilExit()
            let now = try CLI.files(in: out)
            #expect(now == before || now == after, "reports damaged after kill \(attempt)")
            if now == after {
                // A finished run replaced the reports; put the old ones back for the next round.
                try FileManager.default.removeItem(at: out)
                #expect(try CLI.run(arguments + ["--lang", "zh"]).status == 0)
            }
        }
        #expect(killedEarly >= 1)
        #expect(killedWhileWriting >= 1, "no kill landed while the reports were being written")
        // The next run cleans up what the killed runs left beside the output folder.
        #expect(try CLI.run(arguments + ["--lang", "zh", "--force"]).status == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.contains("tender-eval-staging")
        }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    /// Issue 4 acceptance: the example tender plus three hostile files still ranks the good bids and lists the
    /// hostile ones with their reasons; nothing from /etc/passwd or the entity files leaks into any output.
    @Test(.enabled(if: SharedData.available("corpus/hostile"), "needs ../shared/corpus/hostile beside the clone"))
    func exampleTenderPlusHostileFilesRanksTheGoodBids() throws {
        guard let hostile = SharedData.folder("corpus/hostile") else { return }
        let folder = try CLI.temporaryFolder()
        let bids = folder.appendingPathComponent("bids")
        let example = CLI.root.appendingPathComponent("bids/huangyan-logistics-2020")
        try FileManager.default.copyItem(at: example, to: bids)
        let attacks = [
            "defusedxml_xmlbomb.xml", "libxml2_lol_eg.xml", "selfwritten_invalid-utf8_overlong.xml",
        ]
        for name in attacks {
            try FileManager.default.copyItem(
                at: hostile.appendingPathComponent(name),
                to: bids.appendingPathComponent(name)
            )
        }
        for name in ["g0.ent", "g1.ent", "g2.ent", "g3.ent"] {
            try FileManager.default.copyItem(
                at: hostile.appendingPathComponent(name),
                to: bids.appendingPathComponent(name)
            )
        }
        let out = folder.appendingPathComponent("out")
        let result = try CLI.run([
            "score", CLI.root.appendingPathComponent("rubrics/huangyan-logistics-2020.yaml").path, bids.path,
            "--out", out.path, "--lang", "en",
        ])
        #expect(result.status == 1)
        let report = String(decoding: try Data(contentsOf: out.appendingPathComponent("report.md")), as: UTF8.self)
        #expect(report.contains("| 1 | 台州橘乡物业服务有限公司 |"))
        #expect(report.contains("| 7 | 台州青禾环境服务有限公司 |"))
        let csv = String(decoding: try Data(contentsOf: out.appendingPathComponent("scores.csv")), as: UTF8.self)
        for name in attacks {
            #expect(
                csv.components(separatedBy: "\r\n").contains { $0.contains(name) && $0.contains("not evaluated") },
                "\(name) is not listed as not evaluated"
            )
            #expect(result.stderr.contains(bids.appendingPathComponent(name).path + ":"), "\(name) has no diagnostic")
        }
        #expect(report.contains("entities are not allowed in bids"))
        let passwd =
            (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8))?.components(separatedBy: "\n").first
            ?? "root:x:0:0"
        let entityText = try String(contentsOf: hostile.appendingPathComponent("g3.ent"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        for (name, bytes) in try CLI.files(in: out) {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains(passwd), "\(name) contains /etc/passwd")
            if entityText.count > 8 { #expect(!text.contains(entityText), "\(name) contains entity file text") }
        }
    }

    /// A bidder-supplied name cannot inject markup into the HTML report or formulas into the CSV.
    @Test func bidderSuppliedTextCannotInjectMarkupOrFormulas() throws {
        let out = try scoreHostileNames()
        let html = String(decoding: try Data(contentsOf: out.appendingPathComponent("report.html")), as: UTF8.self)
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let csv = String(decoding: try Data(contentsOf: out.appendingPathComponent("scores.csv")), as: UTF8.self)
        #expect(!csv.contains(",=HYPERLINK"))
        #expect(csv.contains("'=HYPERLINK"))
    }

    /// The page as a browser builds it: no script element, and the hostile name present as text.
    @Test(.enabled(if: Browser.path != nil, "needs headless Chromium (apt-get install chromium)"))
    func browserShowsHostileNameAsText() throws {
        let page = try scoreHostileNames().appendingPathComponent("report.html")
        let browser = try #require(Browser.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.absoluteString]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(dom.contains("<body"), "Chromium produced no DOM")
        #expect(!dom.contains("<script"))
        #expect(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    /// Scores three bids whose bidder names are markup, a formula and plain text with quotes; returns `--out`.
    private func scoreHostileNames() throws -> URL {
        let folder = try CLI.temporaryFolder()
        let bids = folder.appendingPathComponent("bids")
        try FileManager.default.createDirectory(at: bids, withIntermediateDirectories: true)
        let names = ["<script>alert(1)</script>", "=HYPERLINK(\"http://x\",\"y\")", "Plain & \"Honest\" Ltd"]
        for (index, name) in names.enumerated() {
            let escaped = name.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            let xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bid xmlns="urn:tender-eval:bid:1" tender="RR-1">
                  <bidder><name>\(escaped)</name></bidder>
                  <price currency="CNY"><total>\(100 + index)</total></price>
                </bid>
                """
            try Data(xml.utf8).write(to: bids.appendingPathComponent("bid\(index).xml"))
        }
        let out = folder.appendingPathComponent("out")
        let result = try CLI.run([
            "score", CLI.fixtures.appendingPathComponent("rank-reversal/rubric.yaml").path, bids.path, "--out",
            out.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        return out
    }
}

/// Where headless Chromium is installed, if it is.
enum Browser {
    static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first(where: { FileManager.default.isExecutableFile(atPath: $0) })
}
