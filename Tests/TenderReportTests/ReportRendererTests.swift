import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderReport

@Suite struct GoldenReportTests {
    @Test func markdownEnglish() {
        expectGolden(ReportRenderer.markdown(Sample.evaluation(), context: Sample.context(.en)), named: "report.en.md")
    }

    @Test func markdownChinese() {
        expectGolden(ReportRenderer.markdown(Sample.evaluation(), context: Sample.context(.zh)), named: "report.zh.md")
    }

    @Test func html() {
        expectGolden(ReportRenderer.html(Sample.evaluation(), context: Sample.context(.zh)), named: "report.html")
    }

    @Test func csv() {
        expectGolden(ReportRenderer.csv(Sample.evaluation(), context: Sample.context(.zh)), named: "scores.csv")
    }

    @Test func json() {
        expectGolden(ReportRenderer.json(Sample.evaluation(), context: Sample.context(.en)), named: "result.json")
    }

    @Test func manifest() {
        let manifest = ManifestRenderer.render(
            toolVersion: "0.1.0",
            inputs: Sample.inputs.map { ($0.path, $0.sha256) },
            outputs: [
                ("out/scores.csv", String(repeating: "c", count: 64)),
                ("out/report.md", String(repeating: "d", count: 64)),
                ("out/result.json", String(repeating: "e", count: 64)),
                ("out/report.html", String(repeating: "f", count: 64)),
            ]
        )
        expectGolden(manifest, named: "manifest.json")
    }
}

@Suite struct MarkdownContentTests {
    let english = ReportRenderer.markdown(Sample.evaluation(), context: Sample.context(.en))
    let chinese = ReportRenderer.markdown(Sample.evaluation(), context: Sample.context(.zh))

    @Test func priceLineShowsTheDeductionAndTheFormulaWithTheActualNumbers() {
        #expect(english.contains("small enterprise deduction: 2,530,000.00 × (1 − 10 %) = 2,277,000.00"))
        #expect(
            english.contains(
                "P_min / P_i × 30 = 1,800,000.00 / 2,277,000.00 × 30 = 23.7154… | 23.7154… → 23.72 |"
            )
        )
        #expect(english.contains("micro enterprise deduction: 2,000,000.00 × (1 − 10 %) = 1,800,000.00"))
        #expect(english.contains("P_min / P_i × 30 = 1,800,000.00 / 1,800,000.00 × 30 = 30 | 30.00 |"))
    }

    @Test func criterionLinesShowTheRule() {
        #expect(
            english.contains(
                "| 95.5 (bids/jiemei.xml:45) | clamp 95.5 to [80, 100]: 0 + (95.5 − 80) / (100 − 80) × (6 − 0) = 4.65 | 4.65 |"
            )
        )
        #expect(english.contains("clamp 78 to [80, 100] = 80: 0 + (80 − 80) / (100 − 80) × (6 − 0) = 0 | 0.00 |"))
        #expect(english.contains("| 28 (bids/anda.xml:41) | [16, 31) → 6 | 6.00 |"))
        #expect(english.contains("| 35 (bids/jiemei.xml:41) | [31, ∞) → 10 | 10.00 |"))
        #expect(english.contains("| 20 (bids/anda.xml:52) | 20 × 0.5 = 10, cap 8 → 8 | 8.00 |"))
        #expect(english.contains("| 12 (bids/jiemei.xml:52) | 12 × 0.5 = 6, cap 8 | 6.00 |"))
        #expect(english.contains("| “AA” (bids/jiemei.xml:62) | “AA” → 4 (table) | 4.00 |"))
        #expect(english.contains("| yes (bids/jiemei.xml:60) | yes → 4 | 4.00 |"))
        #expect(english.contains("(93.2 − 82) / (100 − 82) × (6 − 0) = 3.7333… | 3.7333… → 3.73 |"))
    }

    @Test func judgementLineShowsEveryMemberAndTheMean() {
        #expect(
            english.contains(
                "| 刘洋 8, 张伟 7.5, 李娜 8, 王强 9, 陈静 8.5 | mean: (8 + 7.5 + 8 + 9 + 8.5) / 5 = 8.2 | 8.20 |"
            )
        )
    }

    @Test func everyTotalLineAddsUpToTheBiddersTotal() throws {
        let lines = english.split(separator: "\n").filter { $0.hasPrefix("**Total = ") }
        let evaluation = Sample.evaluation()
        #expect(lines.count == evaluation.validResults.count)
        for (line, result) in zip(lines, evaluation.validResults) {
            let body = line.dropFirst("**Total = ".count).dropLast(2)
            let parts = body.components(separatedBy: " = ")
            try #require(parts.count == 2)
            let terms = parts[0].components(separatedBy: " + ")
            #expect(terms.count == evaluation.rubric.criteria.count)
            let sum = try terms.reduce(Points(0)) { sum, term in try sum + (try #require(try? Points(parsing: term))) }
            let stated = try #require(try? Points(parsing: parts[1]))
            #expect(sum == stated)
            #expect(stated == result.total)
        }
    }

    @Test func groupSubtotalsAddUp() {
        #expect(english.contains("- Capability = 10.00 + 4.65 + 6.00 + 13.20 = 33.85"))
        #expect(english.contains("- Price = 23.72 = 23.72"))
    }

    @Test func outcomeRankingAndTies() {
        #expect(english.contains("Ranked: 3 valid bids (minimum 3)."))
        // The sample holds an unreadable bid: the standing is shown, but no one is named first until it is read.
        #expect(!english.contains("Ranked first"))
        var complete = Sample.evaluation()
        complete.results.removeAll { $0.status == .notEvaluated }
        let final = ReportRenderer.markdown(complete, context: Sample.context(.en))
        #expect(final.contains("**Ranked first: 珠海新城保洁服务有限公司**"))
        #expect(final.hasPrefix("# Evaluation report — "))
        #expect(
            english.contains("| 2 (tie / 并列) | 广州洁美物业管理有限公司 | 80.50 | 23.72 | 33.85 | 16.20 | 6.73 | 2,277,000.00 |  |")
        )
        #expect(
            english.contains(
                "| 1 | 珠海新城保洁服务有限公司 | 80.50 | 30.00 | 29.20 | 17.00 | 4.30 | 1,800,000.00 | lower evaluated price |"
            )
        )
        #expect(
            english.contains(
                "- 珠海新城保洁服务有限公司 ranks above 广州洁美物业管理有限公司 with the same total 80.50 — "
                    + "decided by: lower evaluated price"
            )
        )
        #expect(chinese.contains("| 2（并列） | 广州洁美物业管理有限公司 |"))
    }

    @Test func committeeFlags() {
        #expect(
            english.contains(
                "- Abnormally low price: 珠海新城保洁服务有限公司's evaluated price 1,800,000.00 is 20.9486… % below the "
                    + "mean of the other valid bids (2,277,000.00); see the rule in Tender"
            )
        )
        #expect(
            english.contains(
                "- Score disagreement: members scored Service plan for 深圳安达后勤服务有限公司 from 9 to 14 (spread 5, "
                    + "threshold 4.8) — the committee should review"
            )
        )
        #expect(
            english.contains(
                "- Declared tie at rank 2: 广州洁美物业管理有限公司, 深圳安达后勤服务有限公司 — equal on total, evaluated "
                    + "price and every tie-break step (并列)"
            )
        )
    }

    @Test func disqualifiedAndUnreadBidsSayWhy() {
        #expect(
            english.contains(
                "- ✗ No major violation in 3 years: 1 major violation since 2021-06-15 — 2022-09-14: major violation by "
                    + "佛山市市场监督管理局: 虚假宣传，被处罚款人民币二十万元 (bids/hongda.xml:97)"
            )
        )
        #expect(
            english.contains(
                "> **Disqualified — Failed: a major violation within 3 years (bids/hongda.xml:97, 2022-09-14). The bid "
                    + "is not scored"
            )
        )
        #expect(
            english.contains(
                "| 佛山宏达物业服务有限公司 | bids/hongda.xml | disqualified | Failed: a major violation within 3 years "
                    + "(bids/hongda.xml:97, 2022-09-14) |"
            )
        )
        #expect(
            english.contains(
                "- bids/unreadable.xml:3:1: error: bid uses an entity declaration; entities are not allowed in bids"
            )
        )
        #expect(english.contains("### Not evaluated — bids/unreadable.xml"))
        #expect(english.contains("- bids/xincheng.xml:2:1: warning: bid does not name the tender it answers"))
    }

    @Test func headerNamesRoundingAndMoney() {
        #expect(english.contains("- **Budget**: 2,600,000.00"))
        #expect(
            english.contains(
                "- **Rounding**: each criterion score is rounded to 2 decimals (half away from zero); the total is the "
                    + "sum of the rounded scores"
            )
        )
        #expect(english.contains("- **Evaluation date**: 2024-06-15"))
        #expect(
            english.contains("- **Ranking order**: total ↓, evaluated price ↑, technical score ↓, then a declared tie")
        )
    }

    @Test func chineseAndEnglishDifferOnlyInWording() {
        #expect(english != chinese)
        #expect(english.contains("## Ranking") && !english.contains("## 排名"))
        #expect(chinese.contains("## 排名") && !chinese.contains("## Ranking"))
        #expect(chinese.contains("# 评审无法完成: 评标报告 — 区政府机关后勤服务外包项目"))
        #expect(
            english.contains(
                "# CANNOT CONCLUDE: Evaluation report — District government logistics services outsourcing"
            )
        )
        #expect(chinese.contains("小型企业价格扣除：2,530,000.00 × (1 − 10 %) = 2,277,000.00"))
        #expect(chinese.contains("平均：(8 + 7.5 + 8 + 9 + 8.5) / 5 = 8.2"))
        #expect(
            chinese.contains("**总分 = 30.00 + 10.00 + 0.00 + 8.00 + 11.20 + 4.00 + 6.00 + 7.00 + 2.30 + 2.00 = 80.50**")
        )
    }

    @Test func failedTenderSaysSo() {
        var evaluation = Sample.evaluation()
        // Every bid read: a failed tender is a verdict, and it ranks no one.
        evaluation.results.removeAll { $0.status == .notEvaluated }
        for index in evaluation.results.indices { evaluation.results[index].rank = nil }
        evaluation.outcome = .failed(validBids: 2, minimum: 3)
        evaluation.flags.append(.tooFewValidBids(valid: 2, minimum: 3))
        let english = ReportRenderer.markdown(evaluation, context: Sample.context(.en))
        #expect(
            english.contains(
                "> **FAILED: only 2 valid bids, minimum 3 — the tender failed (废标) and must be re-tendered.**"
            )
        )
        #expect(english.contains("- Too few valid bids: only 2 valid bids, minimum 3 — the tender failed (废标)"))
        let chinese = ReportRenderer.markdown(evaluation, context: Sample.context(.zh))
        #expect(chinese.contains("有效投标仅 2 家，少于最低要求 3 家——本次招标失败（废标）"))
        #expect(english.contains("No bid is ranked."))
        #expect(!english.contains("## Ranking"))
        #expect(english.contains("## Valid bids (not ranked)"))
    }

    @Test func rankReversalNamesTheWinnerWithout() {
        var evaluation = Sample.evaluation()
        evaluation.flags = [.rankReversal(removed: "C 公司", winner: "A 公司", winnerWithoutRemoved: "B 公司")]
        let english = ReportRenderer.markdown(evaluation, context: Sample.context(.en))
        #expect(english.contains("- Rank reversal: without C 公司, B 公司 would rank first (now A 公司)"))
    }
}

@Suite struct EscapingTests {
    static let script = "<script>alert(1)</script>"
    static let quotes = "\"&'"

    static var hostile: Evaluation {
        Sample.evaluation(renaming: ["珠海新城保洁服务有限公司": script, "广州洁美物业管理有限公司": quotes])
    }

    @Test func htmlEscapesBidderNamesEverywhereIncludingTheChart() throws {
        let html = ReportRenderer.html(Self.hostile, context: Sample.context(.en))
        #expect(!html.contains("<script"))
        #expect(!html.contains(Self.quotes))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&amp;&#39;"))
        let start = try #require(html.range(of: "<svg"))
        let end = try #require(html.range(of: "</svg>"))
        let svg = html[start.lowerBound..<end.upperBound]
        #expect(svg.contains(">&lt;script&gt;alert(1)&lt;/script&gt;</text>"))
        #expect(svg.contains(">&quot;&amp;&#39;</text>"))
        #expect(!svg.contains("<script"))
    }

    @Test func htmlEscapesRubricText() {
        var evaluation = Sample.evaluation()
        evaluation.rubric.groups[1].name = LocalizedText(en: "<b>Capability</b> & \"more\"")
        let html = ReportRenderer.html(evaluation, context: Sample.context(.en))
        #expect(!html.contains("<b>Capability"))
        #expect(html.contains("&lt;b&gt;Capability&lt;/b&gt; &amp; &quot;more&quot; (40)</text>"))
    }

    @Test func htmlIsSelfContainedAndDeclaresCharsetAndLanguage() {
        let html = ReportRenderer.html(Sample.evaluation(), context: Sample.context(.zh))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.contains("default-src 'none'"))
        #expect(html.contains("@media print"))
        #expect(html.contains("<section id=\"bids\" class=\"page\">\n<h2>逐家评审明细</h2>\n<section id=\"bid-1\">"))
        #expect(html.contains("<section id=\"bid-2\" class=\"page\">"))
        for external in ["<script", "<link", "src=", "href=", "@import", "url("] {
            #expect(!html.contains(external), "\(external)")
        }
        let english = ReportRenderer.html(Sample.evaluation(), context: Sample.context(.en))
        #expect(english.contains("<html lang=\"en\">"))
    }

    @Test func markdownEscapesBidderNames() {
        let markdown = ReportRenderer.markdown(Self.hostile, context: Sample.context(.en))
        // Entity references: every CommonMark viewer shows them as the character and none reads them as HTML.
        #expect(!markdown.contains("<"))
        #expect(markdown.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(markdown.contains("\"&amp;'"))
    }

    @Test func markdownKeepsTableColumnsWhenANameHoldsAPipe() {
        let markdown = ReportRenderer.markdown(
            Sample.evaluation(renaming: ["广州洁美物业管理有限公司": "A | B\nC"]),
            context: Sample.context(.en)
        )
        // The line break is shown as a visible `\n` (escaped for Markdown), so the row stays one line.
        #expect(markdown.contains("| 2 (tie / 并列) | A \\| B\\\\nC | 80.50 |"))
    }

    @Test func csvNeutralisesFormulaInjection() throws {
        let names = [
            "广州洁美物业管理有限公司": "=HYPERLINK(\"http://evil.example\",\"x\")",
            "深圳安达后勤服务有限公司": "+1,2",
            "珠海新城保洁服务有限公司": "@SUM(A1:A9)",
        ]
        var evaluation = Sample.evaluation(renaming: names)
        evaluation.results[3].bidderName = "-2+3"
        evaluation.results[3].registrationID = "\tcmd"
        evaluation.results[4].file = "\rbids/x.xml"
        let csv = ReportRenderer.csv(evaluation, context: Sample.context(.en))
        let records = try #require(parseCSV(String(csv.dropFirst())))
        let bidders = records.dropFirst().map { $0[1] }
        #expect(
            bidders == [
                "'@SUM(A1:A9)", "'=HYPERLINK(\"http://evil.example\",\"x\")", "'+1,2", "'-2+3", "'\rbids/x.xml",
            ]
        )
        #expect(records[4][2] == "'\tcmd")
        #expect(records[5][3] == "'\rbids/x.xml")
        for record in records.dropFirst() {
            for cell in record where cell.hasPrefix("=") || cell.hasPrefix("+") || cell.hasPrefix("@") {
                Issue.record("cell not neutralised: \(cell)")
            }
        }
    }
}

@Suite struct CSVTests {
    let csv = ReportRenderer.csv(Sample.evaluation(), context: Sample.context(.en))

    @Test func utf8WithBOMAndCRLF() throws {
        #expect(csv.unicodeScalars.first == "\u{FEFF}")
        #expect(csv.hasSuffix("\r\n"))
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let records = try #require(parseCSV(String(csv.dropFirst())))
        #expect(records.allSatisfy { $0.count == records[0].count })
    }

    @Test func oneRowPerBidInStatusOrder() throws {
        let records = try #require(parseCSV(String(csv.dropFirst())))
        #expect(records.count == 6)
        #expect(
            Array(records[0].prefix(7))
                == ["Rank", "Bidder", "Registration id", "File", "Status", "Total", "Price (price)"]
        )
        #expect(records[0].contains("Service plan (plan)"))
        #expect(records[0].suffix(2) == ["Evaluated price", "Flags"])
        #expect(records.dropFirst().map { $0[4] } == ["valid", "valid", "valid", "disqualified", "not evaluated"])
        #expect(
            Array(records[1].prefix(6)) == [
                "1", "珠海新城保洁服务有限公司", "91440400MA4EXXXX3C", "bids/xincheng.xml", "valid", "80.50",
            ]
        )
        #expect(records[1].suffix(2) == ["1800000.00", "abnormally low price: written clarification required"])
        #expect(records[3].last == "score disagreement: Service plan; tie (并列)")
        #expect(records[4].last == "failed gate: No major violation in 3 years")
        #expect(
            records[5].last
                == "bids/unreadable.xml:3:1: error: bid uses an entity declaration; entities are not allowed in bids"
        )
    }
}

@Suite struct JSONTests {
    @Test func decimalsAreWrittenExactlyAndTheDocumentIsValid() throws {
        let json = ReportRenderer.json(Sample.evaluation(), context: Sample.context(.en))
        // Exact values are strings: decimal text when it ends, otherwise the fraction in lowest terms.
        #expect(json.contains("\"unrounded\":\"6000/253\""))
        #expect(json.contains("\"evaluatedPrice\":\"2277000\""))
        #expect(json.contains("\"percentBelow\":\"5300/253\""))
        #expect(json.contains("\"points\":\"23.72\""))
        #expect(json.split(separator: "\n").count == 1, "result.json is compact: one line")
        #expect(json.hasSuffix("}\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let object = try #require(parsed as? [String: Any])
        #expect(
            object.keys.sorted() == [
                "criteria", "diagnostics", "flags", "format", "formatVersion", "inputFiles", "inputs", "members",
                "outcome",
                "outstanding", "priceBase",
                "results", "rubric", "status", "tender", "tool",
            ]
        )
        let results = try #require(object["results"] as? [[String: Any]])
        #expect(
            results.map { $0["status"] as? String } == ["valid", "valid", "valid", "disqualified", "not-evaluated"]
        )
    }

    @Test func jsonDoesNotDependOnTheReportLanguage() {
        #expect(
            ReportRenderer.json(Sample.evaluation(), context: Sample.context(.en))
                == ReportRenderer.json(Sample.evaluation(), context: Sample.context(.zh))
        )
    }

    @Test func valueWriterEscapesAndSortsKeys() {
        let value = JSONValue.object([
            "b": .array([]), "a": .string("\"\\\n\u{1}\u{2028}中"), "c": .object([:]), "ä": .number("1.50"),
        ])
        #expect(
            value.rendered() == """
                {
                  "a": "\\"\\\\\\n\\u0001\\u2028中",
                  "b": [],
                  "c": {},
                  "ä": 1.50
                }

                """
        )
    }

    /// Invisible characters are escaped as UTF-16 code units, so one above U+FFFF (a tag character, which a name
    /// can hide) becomes a valid surrogate pair rather than an invalid escape or a crash.
    @Test func valueWriterEscapesInvisibleCharactersAboveTheBasicPlane() throws {
        let rendered = JSONValue.string("A\u{E0041}\u{200B}B").rendered()
        #expect(rendered == "\"A\\udb40\\udc41\\u200bB\"\n")
        let decoded = try JSONSerialization.jsonObject(with: Data(rendered.utf8), options: .fragmentsAllowed)
        #expect(decoded as? String == "A\u{E0041}\u{200B}B")
    }

    @Test func manifestSortsByPath() {
        let manifest = ManifestRenderer.render(
            toolVersion: "1.2.3",
            inputs: [("b.xml", "22"), ("a.yaml", "11")],
            outputs: [("z", "zz"), ("y", "yy")]
        )
        #expect(
            manifest == """
                {
                  "inputs": [
                    {
                      "path": "a.yaml",
                      "sha256": "11"
                    },
                    {
                      "path": "b.xml",
                      "sha256": "22"
                    }
                  ],
                  "outputs": [
                    {
                      "path": "y",
                      "sha256": "yy"
                    },
                    {
                      "path": "z",
                      "sha256": "zz"
                    }
                  ],
                  "tool": "tender-eval",
                  "toolVersion": "1.2.3"
                }

                """
        )
    }
}

@Suite struct DeterminismTests {
    @Test(arguments: ReportLanguage.allCases)
    func sameInputGivesTheSameBytes(language: ReportLanguage) {
        let context = Sample.context(language)
        var shuffled = context
        shuffled.inputs.reverse()
        let renderers: [(Evaluation, ReportContext) -> String] = [
            ReportRenderer.markdown, ReportRenderer.html, ReportRenderer.csv, ReportRenderer.json,
        ]
        for render in renderers {
            let first = render(Sample.evaluation(), context)
            #expect(first == render(Sample.evaluation(), context))
            #expect(first == render(Sample.evaluation(), shuffled))
        }
    }
}

@Suite struct NumberFormatTests {
    @Test(arguments: [
        ("2288231.72", "2,288,231.72"), ("2296472", "2,296,472.00"), ("999", "999.00"), ("1000", "1,000.00"),
        ("1999999.125", "1,999,999.125"), ("8651836.06666666666", "8,651,836.0666…"), ("0.5", "0.50"),
        ("-1234.5", "-1,234.50"),
    ])
    func money(input: String, expected: String) throws {
        let value = try #require(try? ExactRatio(parsing: input))
        #expect(NumberFormat.money(value) == expected)
    }

    @Test func exactValuesAreCutOnlyWhenLong() throws {
        #expect(NumberFormat.exact(try ExactRatio(parsing: "8.2")) == "8.2")
        #expect(NumberFormat.exact(try ExactRatio(parsing: "4.123456")) == "4.123456")
        let ratio = try ExactRatio(parsing: "2288231.72") / ExactRatio(parsing: "2296472") * 30
        #expect(NumberFormat.exact(ratio) == "29.8923…")
        #expect(
            NumberFormat.rounding(ratio, to: try Points(rounding: ratio, places: 2), decimals: 2) == "29.8923… → 29.89"
        )
    }
}
