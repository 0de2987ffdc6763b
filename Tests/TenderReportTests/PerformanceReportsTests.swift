import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderReport

private let input = PerformanceSample.input
private let march = PerformanceSample.month("2021-03")

private func render(_ write: (ReportBuffer) -> Void) -> String {
    let buffer = ReportBuffer()
    write(buffer)
    return buffer.text
}

private func period(_ format: String, _ language: ReportLanguage) -> String {
    PerformanceReports.periodFiles(input, language: language).first { $0.name == "period." + format }!.text
}

private func month(_ format: String, _ language: ReportLanguage, _ month: YearMonth = march) -> String {
    let name = "months/\(month.description).\(format)"
    return PerformanceReports.monthFiles(input, month: month, language: language).first { $0.name == name }!.text
}

/// The elements of an XML fragment balance: every start tag is closed, in order (a check that the chart is
/// well-formed without an XML parser).
private func tagsBalance(_ text: String) -> Bool {
    var open: [Substring] = []
    var rest = Substring(text)
    while let start = rest.firstIndex(of: "<") {
        guard let end = rest[start...].firstIndex(of: ">") else { return false }
        let tag = rest[rest.index(after: start)..<end]
        rest = rest[rest.index(after: end)...]
        if tag.hasPrefix("/") {
            guard open.popLast() == tag.dropFirst() else { return false }
        } else if !tag.hasSuffix("/") && !tag.hasPrefix("!") {
            open.append(tag.prefix { $0 != " " && $0 != "\n" })
        }
    }
    return open.isEmpty
}

@Suite struct PerformanceReportGoldenTests {
    @Test(arguments: [("md", ReportLanguage.zh), ("md", .en), ("html", .zh), ("html", .en), ("csv", .zh)])
    func periodReport(format: String, language: ReportLanguage) {
        let name = format == "csv" ? "period.csv" : "period.\(language.rawValue).\(format)"
        expectGolden(period(format, language), named: "performance/" + name)
    }

    @Test func periodJSON() {
        expectGolden(period("json", .zh), named: "performance/period.json")
    }

    @Test(arguments: [("md", ReportLanguage.zh), ("md", .en), ("html", .zh), ("html", .en), ("csv", .en)])
    func monthReport(format: String, language: ReportLanguage) {
        let name = format == "csv" ? "2021-03.csv" : "2021-03.\(language.rawValue).\(format)"
        expectGolden(month(format, language), named: "performance/months/" + name)
    }

    @Test func monthJSON() {
        expectGolden(month("json", .en), named: "performance/months/2021-03.json")
    }
}

@Suite struct PerformanceReportContentTests {
    @Test func fileNames() {
        #expect(
            PerformanceReports.periodFiles(input, language: .zh).map(\.name)
                == ["period.md", "period.html", "period.csv", "period.json"]
        )
        #expect(
            PerformanceReports.monthFiles(input, month: march, language: .en).map(\.name)
                == ["months/2021-03.md", "months/2021-03.html", "months/2021-03.csv", "months/2021-03.json"]
        )
        #expect(PerformanceReports.reportedMonths(input).map(\.description).last == "2022-01")
        #expect(PerformanceReports.reportedMonths(input).count == 13)
    }

    @Test func monthlyFormulasShowTheirNumbers() {
        let english = month("md", .en)
        #expect(english.contains("Σ answer values / answers = 20750 / 240 = 86.4583…"))
        #expect(english.contains("40 × 86.4583… / 100 = 34.5833… → 34.58"))
        #expect(english.contains("Σ team scores / teams = 380 / 4 = 95"))
        #expect(english.contains("20 × 95 / 100 = 19.00"))
        #expect(english.contains("Σ department totals / departments = 268.5 / 3 = 89.5"))
        #expect(english.contains("40 × 89.5 / 100 = 35.80"))
        #expect(english.contains("2 findings, Σ deductions = 2 + 3 = 5"))
        #expect(english.contains("**Monthly score = 34.58 + 19.00 + 35.80 − 5 = 84.38**"))
        #expect(english.contains("Standing: 84.38 ≥ 70 → Qualified"))
        let chinese = month("md", .zh)
        #expect(chinese.contains("答卷分值合计 / 答卷项数 = 20750 / 240 = 86.4583…"))
        #expect(chinese.contains("**月度得分 = 34.58 + 19.00 + 35.80 − 5 = 84.38**"))
        #expect(chinese.contains("考评等次：84.38 ≥ 70 → 合格"))
    }

    @Test func correctedValueShowsItsOriginAndReason() {
        #expect(
            month("md", .en).contains("28 (corrected from 22, correction 1: 复核监控记录，卫生间已按时清洁 \\| 原评分有误)")
        )
        #expect(month("html", .zh).contains("28（由 22 更正，更正 1：复核监控记录，卫生间已按时清洁 | 原评分有误）"))
    }

    @Test func monthlyDetail() {
        let english = month("md", .en)
        // The survey distribution per item, with the exact mean.
        #expect(english.contains("| Cleaning | 40 | 15 | 5 | 0 | 60 | 91.6666… |"))
        #expect(english.contains("| Conference services | 21 | 29 | 6 | 4 | 60 | 79.6666… |"))
        // Department totals and item means.
        #expect(english.contains("| 财务科 | 27 | 22 | 23.5 | 19 | 91.5 |"))
        #expect(english.contains("| Mean | 27 | 22 | 22.5 | 18 | 89.5 |"))
        // Patrol evidence: place, date, photo and its hash.
        #expect(english.contains("| XC-2021-03-01 | 2021-03-09 | 行政楼三楼东侧卫生间 | Cleaning | 地面积水未及时清理 | 2 |"))
        #expect(english.contains(String(repeating: "a1", count: 32)))
        #expect(english.contains("photos/2021-03-09-wc.jpg"))
        // The superseded first computation of the month.
        #expect(english.contains("| 2021-03 | 1 | 83.58 | Qualified | 2021-04-05 | 0 |"))
    }

    @Test func unqualifiedMonthAndItsConsequence() {
        let english = period("md", .en)
        #expect(english.contains("| 2021-07 | 62.5 (25.00) | 60 (12.00) | 60 (24.00) | 25 → 20 (capped) | 41.00 |"))
        #expect(english.contains("▼ Unqualified | Bonus wages withheld |"))
        #expect(
            english.contains(
                "| 2021-05 | 97.5 (39.00) | 98 (19.60) | 95 (38.00) | 0 | 96.60 | Excellent | Extra bonus wages |"
            )
        )
        let july = month("md", .zh, PerformanceSample.month("2021-07"))
        #expect(july.contains("min(25, 20) = 20"))
        #expect(july.contains("> **考评等次：41.00 ≥ 0 → 不合格 — 停放奖励工资**"))
    }

    @Test func periodRecordsCorrectionsRulesAndPendingMonths() {
        let english = period("md", .en)
        #expect(
            english.contains(
                "1 Unqualified month within 1 month: 2021-07 → Meeting with the contractor's manager (raised in 2021-07)"
            )
        )
        #expect(english.contains("| 1 | 2021-04-12 | 2021-03 | Department score, 办公室, Cleaning | 22 → 28 |"))
        #expect(english.contains("| 2 | 2021-12-20 | 2021-11 | Patrol deduction, finding XC-2021-11-01 | 2 → 0 |"))
        #expect(english.contains("stale: computed before correction 2"))
        #expect(
            english.contains("| 2022-01 | — | — | — | — | — | not scored: Team recommendation, Department evaluation, ")
        )
        #expect(english.contains("Mean monthly score**: 1025.98 / 12 = 85.4983…"))
        let chinese = period("md", .zh)
        #expect(chinese.contains("12 个月内 3 个月不合格 → 下次招标时提请评标委员会注意（该服务单位下次投标时提示评标委员会）"))
        #expect(
            chinese.contains(
                "| 2021-07 | 62.5 (25.00) | 60 (12.00) | 60 (24.00) | 25 → 20（封顶） | 41.00 | ▼ 不合格 | 停放奖励工资 |"
            )
        )
    }

    @Test func staleMonthReportSaysTheCorrectionIsNotInTheScore() {
        let november = month("md", .en, PerformanceSample.month("2021-11"))
        #expect(november.contains("Corrections 2 were recorded after this month's score was computed"))
        #expect(november.contains("> **stale: computed before correction 2**"))
    }

    @Test func unscoredMonthReportSaysWhy() {
        let january = month("md", .en, PerformanceSample.month("2022-01"))
        #expect(
            january.contains(
                "> **not scored: Team recommendation, Department evaluation, Patrol findings not recorded**"
            )
        )
        #expect(month("json", .en, PerformanceSample.month("2022-01")).contains("\"evaluation\":null"))
    }

    @Test func chartIsInlineWellFormedSVG() throws {
        let html = period("html", .zh)
        let start = try #require(html.range(of: "<svg "))
        let end = try #require(html.range(of: "</svg>"))
        let svg = String(html[start.lowerBound..<end.upperBound])
        #expect(tagsBalance(svg))
        #expect(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        // Standing bands with their names, one line per source plus the score, the unqualified month ringed.
        #expect(svg.contains(">优秀 ≥ 90</text>"))
        #expect(svg.contains(">不合格 ≥ 0</text>"))
        #expect(svg.components(separatedBy: "<polyline ").count - 1 == 4)
        #expect(svg.components(separatedBy: "stroke=\"#C00000\"").count - 1 == 2)
        #expect(svg.contains(">2021-07</text>"))
        #expect(svg.contains("<title>2021-07: 41.00 不合格</title>"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src="))
        #expect(html.contains("@page { size: A4 portrait;"))
        #expect(tagsBalance(String(html[html.range(of: "<body>")!.lowerBound..<html.range(of: "</body>")!.upperBound])))
    }

    @Test func hostileRecordTextIsEscaped() {
        let html = month("html", .en)
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;|组"))
        #expect(html.contains("科室|&lt;b&gt;总务&lt;/b&gt;"))
        #expect(!html.contains("<b>"))
        let markdown = month("md", .zh)
        #expect(markdown.contains("&lt;script&gt;alert('x')&lt;/script&gt;\\|组"))
        #expect(markdown.contains("科室\\|&lt;b&gt;总务&lt;/b&gt;"))
        #expect(markdown.contains("\\[链接\\](http://x) \\*强调\\*"))
        #expect(!markdown.contains("<script>"))
        // A table row keeps its column count: every `|` from a record is escaped.
        let row = markdown.split(separator: "\n").first { $0.hasPrefix("| 科室\\|") }!
        #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 7)
        let csv = month("csv", .en)
        #expect(csv.contains("\"'<script>alert('x')</script>|组\"") || csv.contains(",<script>alert('x')</script>|组,"))
    }

    @Test func csvIsRFC4180WithOneRowPerMonth() {
        let csv = period("csv", .en)
        #expect(csv.hasPrefix("\u{FEFF}Month,Status,"))
        let records = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(records.count == 1 + 13)
        #expect(records.contains { $0.hasPrefix("2021-07,scored,62.5,15000,240,25.00,60,240,4,12.00,") })
        #expect(!csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let monthCSV = month("csv", .en)
        #expect(monthCSV.contains("\r\nDepartment evaluation,办公室,Cleaning,,,28,,,,,卫生间清洁不及时,,,1\r\n"))
        #expect(monthCSV.contains("Patrol findings,XC-2021-03-02,Order and patrol,2021-03-23,北门岗亭,3,"))
        #expect(monthCSV.contains("\r\nScore,Qualified,,,,84.3833…,,,,84.38,,,,1\r\n"))
    }

    @Test func jsonIsCompactSortedAndExact() {
        let json = period("json", .en)
        #expect(json.hasSuffix("}\n"))
        #expect(!json.dropLast().contains("\n"))
        #expect(json.hasPrefix("{\"contract\":{"))
        #expect(json.contains("\"score\":\"2075/24\""))
        #expect(json.contains("\"score\":\"84.38\""))
        #expect(json.contains("\"status\":\"stale\""))
        #expect(period("json", .zh) == json)
        let data = Data(month("json", .en).utf8)
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(object?["month"] as? String == "2021-03")
        #expect((object?["findings"] as? [Any])?.count == 2)
    }

    @Test func aNegativeSumIsFlooredAtZeroAndSaysSo() {
        var floored = PerformanceSample.input
        let month = PerformanceSample.month("2021-08")
        floored.months[7] = PerformanceSample.evaluation(
            "2021-08",
            survey: "0",
            team: "0",
            department: "30",
            deduction: "26",
            findings: 6
        )
        let english = render { PerformanceReports.writeMonthMarkdown(floored, month: month, language: .en, to: $0) }
        #expect(english.contains("| Patrol findings | 6 findings, Σ deductions = 26 | − min(26, 20) = 20 |"))
        #expect(
            english.contains(
                "**Monthly score = 0.00 + 0.00 + 4.00 − 20 = -16 → 0.00 (a monthly score is never below 0)**"
            )
        )
        let period = render { PerformanceReports.writePeriodMarkdown(floored, language: .en, to: $0) }
        #expect(period.contains("| 26 → 20 (capped) | 0.00 (-16 < 0 → 0) | ▼ Unqualified |"))
    }

    @Test func totalRoundingShowsExactContributionsAndRoundsOnce() {
        var total = PerformanceSample.input
        total.plan.rounding = .total
        total.months = total.months.map { evaluation in
            var evaluation = evaluation
            evaluation.survey.roundedContribution = nil
            evaluation.team.roundedContribution = nil
            evaluation.department.roundedContribution = nil
            return evaluation
        }
        let english = render { PerformanceReports.writeMonthMarkdown(total, month: march, language: .en, to: $0) }
        #expect(english.contains("| 40 × 86.4583… / 100 = 34.5833… |"))
        #expect(english.contains("**Monthly score = 34.5833… + 19 + 35.8 − 5 = 84.3833… → 84.38**"))
        #expect(english.contains("only the monthly score rounded to 2 decimals, half away from zero"))
    }

    @Test func renderingTwiceGivesTheSameBytes() {
        for language in ReportLanguage.allCases {
            for file in PerformanceReports.periodFiles(input, language: language)
                + PerformanceReports.monthFiles(input, month: march, language: language)
            {
                #expect(render(file.write) == render(file.write), "\(file.name)")
            }
        }
    }
}
