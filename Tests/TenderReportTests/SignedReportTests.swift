import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderReport

/// The report the committee signs: cover, one-page summary, member score matrix and signature block, in both
/// languages, from the sample evaluation with a committee file and recorded decisions.
@Suite struct SignedReportTests {
    static let names = ["刘洋": "Liu Yang", "张伟": "Zhang Wei", "李娜": "Li Na", "王强": "Wang Qiang", "陈静": "Chen Jing"]

    /// The sample with every bid read (so the evaluation is final), a committee whose chair sits third in the
    /// file, a correction of 张伟's score for 洁美's plan from 13.5 to 12.5, and a dissent by 王强.
    static func signed() -> Evaluation {
        var evaluation = Sample.evaluation()
        evaluation.results.removeAll { $0.status == .notEvaluated }
        let location = SourceLocation(file: "committee.yaml", line: 1, column: 1)
        evaluation.committee = Committee(
            file: "committee.yaml",
            members: Sample.members.enumerated().map { index, id in
                CommitteeMember(
                    id: id,
                    name: names[id] ?? id,
                    role: index == 4 ? .purchaserRepresentative : .expert,
                    isChair: index == 2,
                    groups: ["capability", "quality"],
                    location: location
                )
            }
        )
        let jiemei = "广州洁美物业管理有限公司"
        let correction = Decision(
            number: 1,
            date: "2024-05-20",
            by: "李娜",
            reason: "畸高",
            kind: .correction(
                ScoreCorrection(
                    member: "张伟",
                    bidder: jiemei,
                    criterion: "plan",
                    from: Sample.decimal("13.5"),
                    to: Sample.decimal("12.5"),
                    ground: .abnormallyHighOrLow
                )
            ),
            location: location,
            hash: String(repeating: "1", count: 64)
        )
        let dissent = Decision(
            number: 2,
            date: "2024-05-20",
            by: "王强",
            reason: "",
            kind: .dissent(member: "王强", statement: "不同意更正"),
            location: location,
            hash: String(repeating: "2", count: 64)
        )
        evaluation.decisionRounds = [
            DecisionRound(
                decision: correction,
                applied: true,
                effects: [
                    .memberScore(
                        member: "张伟",
                        bidder: jiemei,
                        criterion: "plan",
                        before: Sample.decimal("13.5"),
                        after: Sample.decimal("12.5")
                    )
                ],
                rankChanges: []
            ),
            DecisionRound(decision: dissent, applied: true, effects: [], rankChanges: []),
        ]
        evaluation.decisionsFile = "decisions.yaml"
        for index in evaluation.results.indices where evaluation.results[index].displayName == jiemei {
            for (position, score) in evaluation.results[index].criterionScores.enumerated()
            where score.criterionID == "plan" {
                guard case .judgement(var aggregate) = score.basis else { continue }
                aggregate.scores[1].reason = "方案完整"
                evaluation.results[index].criterionScores[position].basis = .judgement(aggregate)
            }
        }
        return evaluation
    }

    static func markdown(_ evaluation: Evaluation, _ language: ReportLanguage) -> String {
        ReportRenderer.markdown(evaluation, context: Sample.context(language))
    }

    /// The lines of the section whose heading is `## title`.
    static func section(_ title: String, in report: String) -> [String] {
        let lines = report.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "## \(title)") else { return [] }
        let rest = lines[(start + 1)...]
        let end = rest.firstIndex { $0.hasPrefix("## ") } ?? lines.endIndex
        return Array(lines[(start + 1)..<end])
    }

    @Test func sectionsComeInTheOrderTheCommitteeSigns() {
        let report = Self.markdown(Self.signed(), .en)
        let headings = report.components(separatedBy: "\n").filter { $0.hasPrefix("## ") }
        let order = [
            "## Tender and committee", "## Outcome", "## Tender", "## Member scores", "## Committee flags",
            "## Recorded decisions", "## Dissent", "## Signatures of the evaluation committee", "## Bids in detail",
        ]
        let positions = order.map { headings.firstIndex(of: $0) }
        #expect(!positions.contains(nil), "\(headings)")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "\(headings)")
    }

    @Test(arguments: [ReportLanguage.zh, .en])
    func coverNamesTheTenderTheStatusAndTheCommitteeChairFirst(language: ReportLanguage) {
        let words = SignedReportLabels.labels(for: language)
        let cover = Self.section(words.coverSection, in: Self.markdown(Self.signed(), language))
        let text = cover.joined(separator: "\n")
        #expect(text.contains("\(words.status)**: \(words.statusName(.final))"))
        let memberRows = cover.filter { line in Sample.members.contains { line.hasPrefix("| \($0) |") } }
        #expect(memberRows.count == 5)
        #expect(memberRows.first?.hasPrefix("| 李娜 | Li Na |") == true)
        #expect(memberRows.first?.contains(words.chair) == true)
        #expect(memberRows.last?.contains(words.roleName(.purchaserRepresentative)) == true)
    }

    @Test(arguments: [ReportLanguage.zh, .en])
    func summaryRecommendsRankedBidsInOrderOnlyWhenFinal(language: ReportLanguage) {
        let words = SignedReportLabels.labels(for: language)
        let summary = Self.section(
            TenderReport.labels(for: language).outcomeSection,
            in: Self.markdown(Self.signed(), language)
        )
        let heading = summary.firstIndex(of: "### \(words.recommendedHeading)")
        #expect(heading != nil)
        let candidates = summary[(heading ?? 0)...].filter { $0.hasPrefix("| ") && !$0.hasPrefix("| ---") }.dropFirst()
        #expect(candidates.count == 3)
        #expect(candidates.map { $0.prefix(4) } == ["| 1 ", "| 2 ", "| 3 "])
        #expect(candidates.first?.contains("新城") == true, "\(candidates)")

        var preliminary = Self.signed()
        preliminary.outstanding = [OutstandingScore(member: "刘洋", bidder: "广州洁美物业管理有限公司", criterionID: "plan")]
        let text = Self.section(
            TenderReport.labels(for: language).outcomeSection,
            in: Self.markdown(preliminary, language)
        )
        #expect(text.contains(words.noCandidates(.preliminary)))
    }

    @Test(arguments: [ReportLanguage.zh, .en])
    func matrixShowsEveryMemberTheCorrectionAndTheReasons(language: ReportLanguage) {
        let words = SignedReportLabels.labels(for: language)
        let matrix = Self.section(words.matrixSection, in: Self.markdown(Self.signed(), language))
        let header = "| \(TenderReport.labels(for: language).bidder) | 刘洋 | 张伟 | 李娜 | 王强 | 陈静 | \(words.counted) |"
        #expect(matrix.filter { $0 == header }.count == 2, "one table per judgement criterion")
        let corrected = words.corrected("12.5", "13.5", 1)
        let row = matrix.first { $0.hasPrefix("| 广州洁美物业管理有限公司 |") && $0.contains(corrected) }
        #expect(row != nil, "\(matrix)")
        #expect(row?.contains("\(corrected)\u{00A0}[1]") == true)
        #expect(matrix.contains("- [1] 张伟 · 广州洁美物业管理有限公司: 方案完整"))
    }

    @Test(arguments: [ReportLanguage.zh, .en])
    func signatureBlockListsEveryMemberWithAgreeOrDissent(language: ReportLanguage) {
        let words = SignedReportLabels.labels(for: language)
        let block = Self.section(words.signatureSection, in: Self.markdown(Self.signed(), language))
        for id in Sample.members {
            let row = block.first { $0.hasPrefix("| \(id) | \(Self.names[id]!) |") }
            #expect(row != nil, "\(id) has no signature line")
            let opinion = id == "王强" ? words.dissent(2) : words.agree
            #expect(row?.contains("| \(opinion) |  |  |") == true, "\(row ?? "")")
        }
        let rows = block.filter { line in Sample.members.contains { line.hasPrefix("| \($0) |") } }
        #expect(rows.count == 5)
        #expect(rows.first?.hasPrefix("| 李娜 |") == true, "the chair signs first")
        #expect(block.contains { $0.contains(words.supervisor) })

        var preliminary = Self.signed()
        preliminary.outstanding = [OutstandingScore(member: "刘洋", bidder: "广州洁美物业管理有限公司", criterionID: "plan")]
        let unsigned = Self.section(words.signatureSection, in: Self.markdown(preliminary, language))
        #expect(unsigned.contains("**\(words.notForSignature(.preliminary))**"))
        #expect(!unsigned.contains { $0.hasPrefix("| 刘洋 |") })
    }

    @Test(arguments: [ReportLanguage.zh, .en])
    func failedTenderIsSignedWithoutCandidates(language: ReportLanguage) {
        let words = SignedReportLabels.labels(for: language)
        var failed = Self.signed()
        failed.outcome = .failed(validBids: 3, minimum: 4)
        for index in failed.results.indices { failed.results[index].rank = nil }
        let report = Self.markdown(failed, language)
        #expect(Self.section(words.coverSection, in: report).contains { $0.hasSuffix(words.statusName(.failed)) })
        let outcome = Self.section(TenderReport.labels(for: language).outcomeSection, in: report)
        #expect(outcome.contains(words.noCandidates(.failed)))
        let block = Self.section(words.signatureSection, in: report)
        #expect(block.filter { line in Sample.members.contains { line.hasPrefix("| \($0) |") } }.count == 5)
    }

    @Test(arguments: [ReportLanguage.zh, .en])
    func aReplacedMemberIsMarkedAndDoesNotSign(language: ReportLanguage) {
        let words = SignedReportLabels.labels(for: language)
        var evaluation = Self.signed()
        let replacement = Decision(
            number: 3,
            date: "2024-05-20",
            by: "李娜",
            reason: "因病离场",
            kind: .replacement(member: "陈静", newMember: "王强"),
            location: SourceLocation(file: "decisions.yaml", line: 20, column: 5),
            hash: String(repeating: "3", count: 64)
        )
        evaluation.decisionRounds.append(
            DecisionRound(
                decision: replacement,
                applied: true,
                effects: [.archived(member: "陈静", scores: 6)],
                rankChanges: []
            )
        )
        let jiemei = "广州洁美物业管理有限公司"
        for index in evaluation.results.indices where evaluation.results[index].displayName == jiemei {
            for (position, score) in evaluation.results[index].criterionScores.enumerated() {
                guard case .judgement(var aggregate) = score.basis else { continue }
                aggregate.setAside = aggregate.scores.filter { $0.member == "陈静" }
                aggregate.scores.removeAll { $0.member == "陈静" }
                evaluation.results[index].criterionScores[position].basis = .judgement(aggregate)
            }
        }
        let report = Self.markdown(evaluation, language)
        let matrix = Self.section(words.matrixSection, in: report)
        #expect(matrix.contains { $0.hasPrefix("| \(jiemei) |") && $0.contains(words.replaced("8.5", 3)) })
        let row = Self.section(words.signatureSection, in: report).first { $0.hasPrefix("| 陈静 |") }
        #expect(row?.contains("| \(words.leftCommittee(3)) |") == true, "\(row ?? "")")
    }

    @Test func printStylesheetKeepsTablesOnAPortraitA4Page() {
        let html = ReportRenderer.html(Self.signed(), context: Sample.context(.zh))
        #expect(html.contains("@page { size: A4 portrait;"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(
            html.contains("\"Noto Sans CJK SC\", \"Noto Serif CJK SC\", \"Source Han Sans SC\", \"Microsoft YaHei\"")
        )
        // Bidder names carry the class that keeps them whole; numbers the one that keeps them on one line.
        #expect(html.contains("<td class=\"name\">广州洁美物业管理有限公司</td>"))
        #expect(html.contains("<section id=\"summary\" class=\"page\">"))
        #expect(html.contains("<section id=\"signatures\">"))
    }
}
