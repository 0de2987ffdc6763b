import Foundation
import TenderTestSupport
import Testing

/// The example's report.html printed to PDF by headless Chromium, as an officer would print it on A4, and read
/// back with poppler's pdfinfo and pdftotext (word boxes): the page is A4 portrait, nothing runs into the side
/// margins, every ranking row sits on one line, no bidder name is split across lines in a table, and the
/// signature block lists every member.
@Suite(.serialized) struct PrintTests {
    /// The side margins of `@page` (15 mm) in PDF points, less a point of rounding.
    static let sideMargin = 15 / 25.4 * 72 - 1

    static let members = [
        ("评委1", "陈立群"), ("评委2", "王海燕"), ("评委3", "林志远"), ("评委4", "周建明"), ("评委5", "黄晓梅"),
    ]
    static let ranked = [
        "台州橘乡物业服务有限公司", "浙江永宁城市服务有限公司", "台州市安澜物业服务有限公司", "台州瀛海物业服务有限公司",
        "台州市黄岩九峰后勤服务有限公司", "台州市黄岩澄江保洁服务有限公司", "台州青禾环境服务有限公司",
    ]
    static let disqualified = ["台州金桥物业管理有限公司", "浙江鸿宇后勤管理集团有限公司"]

    @Test(
        .enabled(
            if: PrintTools.available,
            "needs chromium, fonts-noto-cjk and poppler-utils (scripts/setup.sh --tests)"
        ),
        arguments: ["zh", "en"]
    )
    func exampleReportPrintsOnA4WithinThePage(language: String) throws {
        let tools = try #require(PrintTools.found, "chromium, pdftotext or pdfinfo missing under CI=true")
        let out = try CLI.temporaryFolder().appendingPathComponent("out")
        let result = try CLI.run([
            "score", ExampleTenderTests.rubric, ExampleTenderTests.bids, "--out", out.path, "--lang", language,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let pdf = try tools.print(out.appendingPathComponent("report.html"))

        let info = try tools.run(tools.pdfinfo, [pdf.path])
        let size = try #require(info.components(separatedBy: "\n").first { $0.hasPrefix("Page size:") })
        let numbers = size.split(separator: " ").compactMap { Double($0) }
        #expect(numbers.count == 2 && abs(numbers[0] - 595) < 2 && abs(numbers[1] - 842) < 2, "\(size)")

        let pages = PDFWords.parse(try tools.run(tools.pdftotext, ["-bbox", pdf.path, "-"]))
        #expect(pages.count >= 10, "\(pages.count) pages")
        for (number, page) in pages.enumerated() {
            let outside = page.words.filter {
                $0.xMin < Self.sideMargin || $0.xMax > page.width - Self.sideMargin
            }
            #expect(
                outside.isEmpty,
                "page \(number + 1): text in the side margin or off the page: \(outside.prefix(5))"
            )
        }
        let names = Self.ranked + Self.disqualified
        for (number, page) in pages.enumerated() {
            let broken = page.brokenNames(names)
            #expect(broken.isEmpty, "page \(number + 1): names split across lines: \(broken)")
        }

        let text = try tools.run(tools.pdftotext, ["-layout", pdf.path, "-"]).components(separatedBy: "\u{0C}")
        let zh = language == "zh"
        let candidates = zh ? "推荐中标候选人" : "Recommended candidates"
        let summary = try #require(text.first { $0.contains(candidates) }, "no summary page")
        for (rank, name) in Self.ranked.enumerated() {
            let row = summary.components(separatedBy: "\n").first {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix("\(rank + 1) \(name) ")
            }
            #expect(row != nil, "ranking row \(rank + 1) (\(name)) is not on one line of the summary page")
            // Rank, name, total, five group scores and the evaluated price: the whole row on one line.
            #expect(row.map { $0.split(separator: " ").count >= 8 } == true, "\(row ?? "")")
        }

        let heading = zh ? "评标委员会成员签字" : "Signatures of the evaluation committee"
        let signatures = try #require(text.first { $0.contains(heading) }, "no signature page")
        let lines = signatures.components(separatedBy: "\n")
        for (seat, name) in Self.members {
            let line = lines.first { $0.contains(seat) && $0.contains(name) }
            #expect(line != nil, "\(seat) \(name) has no signature line")
            let opinion = seat == "评委3" ? (zh ? "不同意" : "dissent") : (zh ? "同意" : "agree")
            #expect(line?.contains(opinion) == true, "\(line ?? "")")
        }
        #expect(lines.contains { $0.contains(zh ? "监督人员" : "Supervising officer") })
    }

    /// The check above finds a name split character by character: a name squeezed into a narrow column without
    /// the report's `td.name` rule is found, and the same column with the report's stylesheet is not.
    @Test(
        .enabled(
            if: PrintTools.available,
            "needs chromium, fonts-noto-cjk and poppler-utils (scripts/setup.sh --tests)"
        )
    )
    func brokenNameCheckFindsANameSplitPerCharacter() throws {
        let tools = try #require(PrintTools.found, "chromium, pdftotext or pdfinfo missing under CI=true")
        let out = try CLI.temporaryFolder().appendingPathComponent("out")
        let result = try CLI.run(["score", ExampleTenderTests.rubric, ExampleTenderTests.bids, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        let style = try #require(
            report.range(of: "<style>").flatMap { start in
                report.range(of: "</style>").map { String(report[start.lowerBound..<$0.upperBound]) }
            }
        )
        let name = Self.ranked[4]
        func printed(cellClass: String) throws -> [PDFWords.Page] {
            let page = out.appendingPathComponent("narrow-\(cellClass.isEmpty ? "plain" : cellClass).html")
            let html = """
                <!DOCTYPE html><html lang="zh"><head><meta charset="utf-8">\(style)</head><body><main>
                <table style="width: 1mm"><thead><tr><th>名</th><th class="num">总分</th></tr></thead>
                <tbody><tr><td class="\(cellClass)">\(name)</td><td class="num">72.38</td></tr></tbody></table>
                </main></body></html>
                """
            try Data(html.utf8).write(to: page)
            return PDFWords.parse(try tools.run(tools.pdftotext, ["-bbox", try tools.print(page).path, "-"]))
        }
        let plain = try printed(cellClass: "")
        // One character per line: every piece below the first is a single character.
        let pieces = plain.flatMap(\.words).filter { name.contains($0.text) && $0.text != name }
        #expect(pieces.count == name.count, "a squeezed plain cell splits the name per character: \(pieces)")
        #expect(plain.contains { !$0.brokenNames([name]).isEmpty }, "the check finds the split name")
        let kept = try printed(cellClass: "name")
        #expect(kept.allSatisfy { $0.brokenNames([name]).isEmpty }, "td.name must keep the name whole")
        #expect(kept.contains { page in page.words.contains { $0.text == name } }, "the name is printed whole")
    }
}

/// Chromium, pdftotext and pdfinfo, when all are installed with a CJK font.
struct PrintTools {
    let chromium: String
    let pdftotext: String
    let pdfinfo: String

    static let found: PrintTools? = {
        guard let chromium = Browser.path,
            let pdftotext = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first(where: executable),
            let pdfinfo = ["/usr/bin/pdfinfo", "/usr/local/bin/pdfinfo"].first(where: executable),
            FileManager.default.fileExists(atPath: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
        else { return nil }
        return PrintTools(chromium: chromium, pdftotext: pdftotext, pdfinfo: pdfinfo)
    }()

    /// Whether the print tests run: when the tools are there, and always under CI, where their absence fails.
    static var available: Bool {
        found != nil || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    private static func executable(_ path: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: path)
    }

    /// Prints `page` to a PDF beside it, without the browser's header and footer.
    func print(_ page: URL) throws -> URL {
        let pdf = page.deletingPathExtension().appendingPathExtension("pdf")
        _ = try run(
            chromium,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                "--print-to-pdf-no-header", "--print-to-pdf=\(pdf.path)", page.absoluteString,
            ]
        )
        #expect(FileManager.default.fileExists(atPath: pdf.path), "Chromium wrote no PDF for \(page.lastPathComponent)")
        return pdf
    }

    func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// The words of a PDF with their boxes, as `pdftotext -bbox` writes them.
enum PDFWords {
    struct Word: CustomStringConvertible {
        var text: String
        var xMin: Double
        var yMin: Double
        var xMax: Double
        var description: String { "\(text)@\(Int(xMin)),\(Int(yMin))" }
    }

    struct Page {
        var width: Double
        var words: [Word]

        /// Names of `names` split across lines in one column: a piece of a name with, straight below it, the
        /// piece that continues it (a name in a table cell, which the report never splits; prose wraps only at
        /// the right margin, so its continuation starts elsewhere).
        func brokenNames(_ names: [String]) -> [String] {
            var found: [String] = []
            for word in words {
                for name in names where word.text != name && name.contains(word.text) {
                    let below = words.first { next in
                        abs(next.xMin - word.xMin) < 1.5 && next.yMin > word.yMin && next.yMin - word.yMin < 30
                            && next.text != name && name.contains(word.text + next.text)
                    }
                    if let below { found.append("\(name): \(word) / \(below)") }
                }
            }
            return found
        }
    }

    static func parse(_ xhtml: String) -> [Page] {
        var pages: [Page] = []
        for line in xhtml.components(separatedBy: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<page ") {
                pages.append(Page(width: attribute("width", in: trimmed) ?? 0, words: []))
            } else if trimmed.hasPrefix("<word "), !pages.isEmpty,
                let start = trimmed.firstIndex(of: ">"), let end = trimmed.range(of: "</word>")
            {
                let text = String(trimmed[trimmed.index(after: start)..<end.lowerBound])
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                pages[pages.count - 1].words.append(
                    Word(
                        text: text,
                        xMin: attribute("xMin", in: trimmed) ?? 0,
                        yMin: attribute("yMin", in: trimmed) ?? 0,
                        xMax: attribute("xMax", in: trimmed) ?? 0
                    )
                )
            }
        }
        return pages
    }

    private static func attribute(_ name: String, in tag: String) -> Double? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return Double(rest[..<end])
    }
}
