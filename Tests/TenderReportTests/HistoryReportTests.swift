import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderReport

/// The sample evaluation with a history criterion added: 新城 scored from twelve months of one contract, 洁美
/// with no month in the window, 安达 without a registration id; a past-performance warning on 新城.
enum HistorySample {
    static let rule = HistoryRule(
        months: 36,
        buyer: .thisBuyer,
        neutral: 3,
        scale: .linear(lower: 70, upper: 100, lowerPoints: 0, upperPoints: 5),
        location: SourceLocation(file: Sample.file, line: 80, column: 13)
    )

    static let contract = ContractHistory(
        contractID: "HYJG-2020-FW-017-HT",
        tenderID: "HYJG-2020-FW-017",
        buyer: LocalizedText(zh: "台州市黄岩区机关事务中心", en: "Huangyan Offices Centre"),
        contractor: PerformanceContractor(name: "台州清和物业服务有限公司", registrationID: "91331003MA2AXXXXXX"),
        months: (1...12).map { month in
            HistoryMonth(
                month: YearMonth(year: 2021, month: month)!,
                score: month == 12 ? Points(units: 87_260_000) : Points(units: 87_310_000),
                standing: "qualified",
                standingName: LocalizedText(zh: "合格", en: "Qualified")
            )
        }
    )

    static let warning = RaisedRule(
        contractID: "HYJG-2020-FW-017-HT",
        ruleID: "three-unqualified",
        raisedIn: YearMonth("2021-06")!,
        months: [YearMonth("2021-02")!, YearMonth("2021-04")!, YearMonth("2021-06")!],
        consequence: LocalizedText(zh: "下次招标时提请评标委员会注意", en: "Warning to the committee of the next tender"),
        warnsNextTender: true
    )

    static func flag(_ bidder: String) -> Flag {
        .performanceWarning(
            bidder: bidder,
            warning: warning,
            contractID: "HYJG-2020-FW-017-HT",
            tenderID: "HYJG-2020-FW-017",
            buyer: contract.buyer,
            contractor: "台州清和物业服务有限公司"
        )
    }

    static func evidence(_ outcome: HistoryOutcome, contracts: [ContractHistory], registrationID: String?)
        -> HistoryEvidence
    {
        HistoryEvidence(
            firstMonth: YearMonth("2019-10")!,
            lastMonth: YearMonth("2022-09")!,
            buyer: .thisBuyer,
            registrationID: registrationID,
            contracts: contracts,
            otherBuyers: contracts.isEmpty ? [] : ["WL-2021-007-HT"],
            sum: contracts.isEmpty ? 0 : Points(units: 1_047_670_000),
            count: contracts.isEmpty ? 0 : 12,
            outcome: outcome
        )
    }

    static var mean: ExactRatio { (try? ExactRatio(104_767, 1200)) ?? .zero }

    static func evaluation() -> Evaluation {
        var evaluation = Sample.evaluation()
        evaluation.rubric.tender.published = "2022-10-15"
        let criterion = Criterion(
            id: "past-performance",
            name: LocalizedText(zh: "以往合同月考评得分", en: "Monthly evaluations on past contracts"),
            points: 5,
            rule: .history(rule),
            guidance: nil,
            location: SourceLocation(file: Sample.file, line: 77, column: 9)
        )
        evaluation.rubric.groups.append(
            CriterionGroup(
                id: "performance",
                name: LocalizedText(zh: "履约评价", en: "Performance"),
                points: 5,
                criteria: [criterion],
                location: SourceLocation(file: Sample.file, line: 74, column: 5)
            )
        )
        let scored = evidence(
            .scored(mean: mean, applied: .linear(value: mean, lower: 70, upper: 100, lowerPoints: 0, upperPoints: 5)),
            contracts: [contract],
            registrationID: "91331003MA2AXXXXXX"
        )
        let unrounded = (try? ExactRatio(20_767, 7200)) ?? .zero
        let bases: [String: (ScoreBasis, ExactRatio)] = [
            "新城": (.history(scored), unrounded),
            "洁美": (.history(evidence(.neutral(.noMonths, points: 3), contracts: [], registrationID: "913300")), 3),
            "安达": (.history(evidence(.neutral(.noRegistrationID, points: 3), contracts: [], registrationID: nil)), 3),
        ]
        for index in evaluation.results.indices {
            let name = evaluation.results[index].displayName
            guard let key = bases.keys.first(where: { name.contains($0) }), let (basis, exact) = bases[key] else {
                continue
            }
            evaluation.results[index].criterionScores.append(
                CriterionScore(
                    criterionID: "past-performance",
                    groupID: "performance",
                    points: (try? Points(rounding: exact, places: 2)) ?? 0,
                    unrounded: exact,
                    basis: basis
                )
            )
            if key == "新城" {
                evaluation.results[index].flags.append(flag(name))
                evaluation.flags.append(flag(name))
            }
        }
        evaluation.history = HistorySource(
            database: "tender-eval.sqlite",
            digest: "ab12cd34",
            firstMonth: YearMonth("2019-10")!,
            lastMonth: YearMonth("2022-09")!
        )
        return evaluation
    }
}

@Suite struct HistoryReportTests {
    let evaluation = HistorySample.evaluation()

    @Test func theRulesStateTheWindowTheBuyerFilterTheScaleAndTheNeutralValue() {
        let english = ReportRenderer.markdown(evaluation, context: Sample.context(.en))
        #expect(
            english.contains(
                "| Performance | Monthly evaluations on past contracts | 5 | mean monthly evaluation score (月考评) of "
                    + "the bidder's contracts with this buyer, matched by registration id, over 36 months 2019-10 … "
                    + "2022-09 (ending the month before publication, 2022-10); x = the mean: linear: x clamped to "
                    + "[70, 100], 0 + (x − 70) / (100 − 70) × (5 − 0); no monthly score in the window → neutral 3 "
                    + "(FAR 15.305(a)(2)(iv)) |"
            )
        )
        #expect(
            english.contains(
                "Performance history read from tender-eval.sqlite (SHA-256 ab12cd34), months 2019-10 … 2022-09."
            )
        )
        let chinese = ReportRenderer.markdown(evaluation, context: Sample.context(.zh))
        #expect(
            chinese.contains(
                "| 履约评价 | 以往合同月考评得分 | 5 | 投标人与本采购人所签合同的月考评平均分（按统一社会信用代码匹配），统计 "
                    + "2019-10 … 2022-09 共 36 个月（截至公告发布月 2022-10 的前一个月）；x 为平均分：线性：x 限定在 "
                    + "[70, 100]，0 + (x − 70) / (100 − 70) × (5 − 0)；统计期内无月考评得分 → 中性分 3"
                    + "（FAR 15.305(a)(2)(iv)） |"
            )
        )
        #expect(chinese.contains("履约考评历史取自 tender-eval.sqlite（SHA-256 ab12cd34），月份 2019-10 … 2022-09。"))
    }

    @Test func eachBidShowsTheContractsAndMonthsUsedOrWhyItIsNeutral() {
        let english = ReportRenderer.markdown(evaluation, context: Sample.context(.en))
        #expect(
            english.contains(
                "| Performance | Monthly evaluations on past contracts | 5 | HYJG-2020-FW-017-HT: 2021-01 … 2021-12, 12 "
                    + "months; not counted, another buyer's: WL-2021-007-HT; mean 1047.67 / 12 = 87.3058… | clamp "
                    + "87.3058… to [70, 100]: 0 + (87.3058… − 70) / (100 − 70) × (5 − 0) = 2.8843… | 2.8843… → 2.88 |"
            )
        )
        #expect(
            english.contains(
                "| no monthly evaluation in 2019-10 … 2022-09 on a contract with this buyer | neutral 3 "
                    + "(FAR 15.305(a)(2)(iv)) | 3.00 |"
            )
        )
        #expect(
            english.contains(
                "| the bid states no registration id: no contract can be matched | neutral 3 (FAR 15.305(a)(2)(iv)) "
                    + "| 3.00 |"
            )
        )
        let chinese = ReportRenderer.markdown(evaluation, context: Sample.context(.zh))
        #expect(
            chinese.contains(
                "| HYJG-2020-FW-017-HT：2021-01 … 2021-12，共 12 个月；其他采购人的合同，不计入：WL-2021-007-HT；"
                    + "平均分 1047.67 / 12 = 87.3058… |"
            )
        )
        #expect(chinese.contains("| 2019-10 … 2022-09 期间与本采购人所签合同无月考评记录 | 中性分 3（FAR 15.305(a)(2)(iv)） | 3.00 |"))
        #expect(chinese.contains("| 投标文件未提供统一社会信用代码，无法匹配合同 | 中性分 3（FAR 15.305(a)(2)(iv)） | 3.00 |"))
        let html = ReportRenderer.html(evaluation, context: Sample.context(.zh))
        #expect(html.contains("HYJG-2020-FW-017-HT：2021-01 … 2021-12，共 12 个月"))
    }

    @Test func theWarningIsAFlagInEveryLanguageAndTheScoresCsv() {
        let english = ReportRenderer.markdown(evaluation, context: Sample.context(.en))
        #expect(
            english.contains(
                "- Past-performance warning for 珠海新城保洁服务有限公司: contract HYJG-2020-FW-017-HT (tender "
                    + "HYJG-2020-FW-017, buyer Huangyan Offices Centre, contractor 台州清和物业服务有限公司) raised rule "
                    + "'three-unqualified' in 2021-06 (months 2021-02, 2021-04, 2021-06): Warning to the committee of "
                    + "the next tender; for the committee's attention only, it changes no score and excludes no bid"
            )
        )
        let chinese = ReportRenderer.markdown(evaluation, context: Sample.context(.zh))
        #expect(
            chinese.contains(
                "- 以往履约警示（珠海新城保洁服务有限公司）：合同 HYJG-2020-FW-017-HT（项目 HYJG-2020-FW-017，采购人 "
                    + "台州市黄岩区机关事务中心，供应商 台州清和物业服务有限公司）于 2021-06 触发规则“three-unqualified”"
                    + "（月份 2021-02、2021-04、2021-06）：下次招标时提请评标委员会注意；仅提请评标委员会注意，不改变任何"
                    + "得分，也不否决投标"
            )
        )
        let csv = ReportRenderer.csv(evaluation, context: Sample.context(.zh))
        #expect(
            csv.contains(",2.88,2000000.00,1800000.00,异常低价：须书面说明; 以往履约警示\r\n")
                || csv.contains(",2.88,2000000.00,1800000.00,异常低价：须书面说明; 以往履约警示\n")
        )
    }

    @Test func resultJSONCarriesTheEvidenceTheRuleAndTheDatabase() throws {
        let json = ReportRenderer.json(evaluation, context: Sample.context(.en))
        #expect(
            json.contains(
                "\"history\":{\"database\":\"tender-eval.sqlite\",\"digest\":\"ab12cd34\",\"firstMonth\":\"2019-10\","
                    + "\"lastMonth\":\"2022-09\"}"
            )
        )
        #expect(
            json.contains(
                "{\"buyer\":\"this-buyer\",\"firstMonth\":\"2019-10\",\"groupID\":\"performance\",\"guidance\":null,"
                    + "\"id\":\"past-performance\",\"kind\":\"history\",\"lastMonth\":\"2022-09\",\"months\":36,"
            )
        )
        #expect(
            json.contains(
                "\"count\":12,\"firstMonth\":\"2019-10\",\"identity\":null,\"kind\":\"history\",\"lastMonth\":\"2022-09\","
                    + "\"mean\":\"104767/1200\",\"neutral\":null,\"otherBuyers\":[\"WL-2021-007-HT\"],"
                    + "\"registrationID\":\"91331003MA2AXXXXXX\",\"sum\":\"1047.67\"},\"criterionID\":\"past-performance\","
                    + "\"groupID\":\"performance\",\"points\":\"2.88\",\"unrounded\":\"20767/7200\"}"
            )
        )
        #expect(json.contains("{\"month\":\"2021-12\",\"score\":\"87.26\",\"standing\":\"qualified\","))
        #expect(json.contains("\"neutral\":{\"points\":\"3\",\"reason\":\"no-registration-id\"}"))
        #expect(json.contains("\"neutral\":{\"points\":\"3\",\"reason\":\"no-months\"}"))
        #expect(
            json.contains(
                "\"raisedIn\":\"2021-06\",\"ruleID\":\"three-unqualified\",\"tenderID\":\"HYJG-2020-FW-017\",\"type\":\"performance-warning\"}"
            )
        )
        // The streamed file and the tree agree for every history basis, and the whole document parses.
        for result in evaluation.results {
            for score in result.criterionScores {
                let built = ReportBuffer()
                ResultJSON.criterionScore(score, rubric: evaluation.rubric).write(to: built, pretty: true, indent: 2)
                let streamed = ReportBuffer()
                ResultJSON.writeCriterionScore(score, rubric: evaluation.rubric, to: streamed, pretty: true, indent: 2)
                #expect(streamed.text == built.text)
            }
        }
        #expect(json == ResultJSON.document(evaluation, context: Sample.context(.en)).rendered(pretty: false))
        _ = try JSONSerialization.jsonObject(with: Data(json.utf8))
    }

    @Test func theLettersExplainTheBiddersOwnHistoryAndTheNoticeShowsNoneOfIt() {
        let results = evaluation.results.filter { $0.status == .valid }
        let letters = results.map { PublicDocuments.letterMarkdown($0, in: evaluation, context: Sample.context(.en)) }
        #expect(
            letters.contains {
                $0.contains(
                    "- Monthly evaluations on past contracts (3.00 / 5): Fact read: no monthly evaluation in 2019-10 … "
                        + "2022-09 on a contract with this buyer; Rule: neutral 3 (FAR 15.305(a)(2)(iv))"
                )
            }
        )
        // A letter names only its own bidder's contracts; the warning is for the committee, not for letters.
        let others = letters.filter { !$0.contains("珠海新城") }
        #expect(!others.isEmpty && others.allSatisfy { !$0.contains("HYJG-2020-FW-017-HT") })
        #expect(letters.allSatisfy { !$0.contains("three-unqualified") })
        for language in [ReportLanguage.zh, .en] {
            let notice = PublicDocuments.noticeMarkdown(evaluation, context: Sample.context(language))
            #expect(!notice.contains("HYJG-2020-FW-017-HT") && !notice.contains("three-unqualified"))
        }
    }

    @Test func consecutiveMonthsAreShownAsRanges() {
        let months = ["2021-01", "2021-02", "2021-03", "2021-05", "2021-07", "2021-08"].compactMap { YearMonth($0) }
        #expect(ReportBuilder.monthRanges(months, separator: ", ") == "2021-01 … 2021-03, 2021-05, 2021-07 … 2021-08")
    }
}
