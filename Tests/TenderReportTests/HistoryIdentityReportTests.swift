import Foundation
import TenderCore
import TenderModel
import Testing

@testable import TenderReport

/// A bid whose performance history could not be matched safely: the committee flag in every language, in
/// `result.json` and `scores.csv`, and the history evidence pointing at it instead of "no monthly evaluation".
@Suite struct HistoryIdentityReportTests {
    static let record = ContractorRecord(
        contractID: "HYJG-2021-FW-004-HT01",
        tenderID: "HYJG-2021-FW-004",
        buyer: LocalizedText(zh: "台州市黄岩区机关事务中心", en: "Huangyan Offices Centre"),
        contractor: PerformanceContractor(name: "深圳安达后勤服务有限公司", registrationID: "91331003MA2J4P6N44"),
        scoredMonths: 12,
        warnings: 1
    )

    /// The history sample with 安达 (which states no registration id) matching a contract by name, and three more
    /// flags showing the other wordings.
    static func evaluation() throws -> Evaluation {
        var evaluation = HistorySample.evaluation()
        let index = try #require(evaluation.results.firstIndex { $0.displayName == "深圳安达后勤服务有限公司" })
        let result = evaluation.results[index]
        let problem = HistoryIdentityProblem(registrationID: .missing, sameName: [record])
        let scoreIndex = try #require(result.criterionScores.firstIndex { $0.criterionID == "past-performance" })
        guard case .history(var evidence) = result.criterionScores[scoreIndex].basis else {
            Issue.record("no history basis")
            throw CancellationError()
        }
        evidence.identity = problem
        evaluation.results[index].criterionScores[scoreIndex].basis = .history(evidence)
        let flag = Flag.historyIdentity(
            bidder: result.displayName,
            file: result.file,
            registrationID: nil,
            problem: problem
        )
        evaluation.results[index].flags.append(flag)
        evaluation.flags.append(flag)
        evaluation.flags += [
            .historyIdentity(
                bidder: "甲",
                file: "bids/a.xml",
                registrationID: nil,
                problem: HistoryIdentityProblem(registrationID: .missing, sameName: [])
            ),
            .historyIdentity(
                bidder: "乙",
                file: "bids/b.xml",
                registrationID: "91331003MA2J4P6N45",
                problem: HistoryIdentityProblem(
                    registrationID: .notACreditCode(.checkCharacter(expected: "4", found: "5")),
                    sameName: []
                )
            ),
            .historyIdentity(
                bidder: "丙",
                file: "bids/c.xml",
                registrationID: "91331003\u{041C}A2J4P6N44",
                problem: HistoryIdentityProblem(
                    registrationID: .notACreditCode(.character("\u{041C}", position: 9)),
                    sameName: [record]
                )
            ),
        ]
        return evaluation
    }

    @Test func theFlagSaysWhatCouldNotBeMatchedInEnglish() throws {
        let english = ReportRenderer.markdown(try Self.evaluation(), context: Sample.context(.en))
        let contract =
            "HYJG-2021-FW-004-HT01 (registration id 91331003MA2J4P6N44; 12 scored months, 1 past-performance warning "
            + "in 2019-10 … 2022-09)"
        let tail =
            "; for the committee's attention only: it changes no score (a bid that matches no contract keeps the "
            + "rubric's neutral value) and excludes no bid"
        for line in [
            "- Bidder identity for the performance history — 深圳安达后勤服务有限公司 (bids/anda.xml): the name matches "
                + "the contractor of \(contract), but the bid gives no registration id — the history was not applied; "
                + "the committee should verify the bidder's identity" + tail,
            "- Bidder identity for the performance history — 甲 (bids/a.xml): the bid states no registration id, so no "
                + "contract in the history can be matched to it; the committee should verify the bidder's identity"
                + tail,
            "- Bidder identity for the performance history — 乙 (bids/b.xml): the bid gives registration id "
                + "91331003MA2J4P6N45, which is not a valid 统一社会信用代码 (the check character is '5', but the first "
                + "17 characters give '4'), so no contract in the history can be matched to it; the committee should "
                + "verify the bidder's identity" + tail,
            "- Bidder identity for the performance history — 丙 (bids/c.xml): the name matches the contractor of "
                + "\(contract), but the bid gives 91331003\u{041C}A2J4P6N44, which is not a valid 统一社会信用代码 "
                + "(character 9, '\u{041C}' (U+041C), is not one the code uses) — the history was not applied; the "
                + "committee should verify the bidder's identity" + tail,
        ] {
            #expect(english.contains(line), "\(line)")
        }
        // The evidence names the reason and points at the flag instead of saying "no monthly evaluation".
        #expect(
            english.contains(
                "| the bid states no registration id: no contract can be matched; not applied, under the bidder's "
                    + "name with another registration id: \(contract) | neutral 3 (FAR 15.305(a)(2)(iv)) — see flag: "
                    + "the committee should verify the bidder's identity | 3.00 |"
            )
        )
        // The flag also stands in the bid's own section, and its short form in scores.csv.
        #expect(english.components(separatedBy: "Bidder identity for the performance history — 深圳安达").count == 3)
        let csv = ReportRenderer.csv(try Self.evaluation(), context: Sample.context(.en))
        #expect(csv.contains("bidder identity for the history"))
    }

    @Test func theFlagSaysWhatCouldNotBeMatchedInChinese() throws {
        let chinese = ReportRenderer.markdown(try Self.evaluation(), context: Sample.context(.zh))
        let contract = "HYJG-2021-FW-004-HT01（统一社会信用代码 91331003MA2J4P6N44；2019-10 … 2022-09 期间 12 个月考评、1 项履约警示）"
        let tail = "；仅提请评标委员会注意，不改变任何得分（未匹配到合同的投标按评分细则给予中性分），也不否决投标"
        for line in [
            "- 履约历史身份待核实（深圳安达后勤服务有限公司，bids/anda.xml）：投标人名称与合同 \(contract)的供应商相同，"
                + "但投标文件未填写统一社会信用代码——该履约历史未予采用；请评标委员会核实投标人身份" + tail,
            "- 履约历史身份待核实（甲，bids/a.xml）：投标文件未填写统一社会信用代码，履约历史中的合同无法与其匹配；"
                + "请评标委员会核实投标人身份" + tail,
            "- 履约历史身份待核实（乙，bids/b.xml）：投标文件填写的统一社会信用代码 91331003MA2J4P6N45 无效（校验码为“5”，"
                + "按前 17 位应为“4”），履约历史中的合同无法与其匹配；请评标委员会核实投标人身份" + tail,
            "- 履约历史身份待核实（丙，bids/c.xml）：投标人名称与合同 \(contract)的供应商相同，但投标文件填写的是 "
                + "91331003\u{041C}A2J4P6N44，不是有效的统一社会信用代码（第 9 位字符“\u{041C}”（U+041C）不在代码字符集内）"
                + "——该履约历史未予采用；请评标委员会核实投标人身份" + tail,
        ] {
            #expect(chinese.contains(line), "\(line)")
        }
        #expect(
            chinese.contains(
                "| 投标文件未提供统一社会信用代码，无法匹配合同；以投标人名称登记、统一社会信用代码不同的合同，未予采用："
                    + "\(contract) | 中性分 3（FAR 15.305(a)(2)(iv)）——见评标委员会关注事项：请核实投标人身份 | 3.00 |"
            )
        )
        let html = ReportRenderer.html(try Self.evaluation(), context: Sample.context(.zh))
        #expect(html.contains("履约历史身份待核实（深圳安达后勤服务有限公司"))
    }

    @Test func resultJSONCarriesTheFlagAndTheEvidencesIdentity() throws {
        let json = ReportRenderer.json(try Self.evaluation(), context: Sample.context(.en))
        let sameName =
            "\"sameName\":[{\"buyer\":{\"en\":\"Huangyan Offices Centre\",\"zh\":\"台州市黄岩区机关事务中心\"},"
            + "\"contractID\":\"HYJG-2021-FW-004-HT01\",\"contractor\":{\"name\":\"深圳安达后勤服务有限公司\","
            + "\"registrationID\":\"91331003MA2J4P6N44\"},\"scoredMonths\":12,\"tenderID\":\"HYJG-2021-FW-004\","
            + "\"warnings\":1}]"
        #expect(
            json.contains(
                "{\"bidder\":\"深圳安达后勤服务有限公司\",\"file\":\"bids/anda.xml\",\"otherName\":[],\"registrationID\":null,"
                    + "\"registrationIDProblem\":{\"kind\":\"missing\"},\(sameName),\"type\":\"history-identity\"}"
            )
        )
        #expect(
            json.contains(
                "\"identity\":{\"otherName\":[],\"registrationIDProblem\":{\"kind\":\"missing\"},\(sameName)}"
            )
        )
        #expect(
            json.contains(
                "\"registrationIDProblem\":{\"kind\":\"not-a-credit-code\",\"reason\":{\"expected\":\"4\","
                    + "\"found\":\"5\",\"kind\":\"check-character\"}},\"sameName\":[],\"type\":\"history-identity\"}"
            )
        )
        #expect(
            json.contains(
                "\"reason\":{\"character\":\"\u{041C}\",\"codePoint\":\"U+041C\",\"kind\":\"character\",\"position\":9}"
            )
        )
    }
}
