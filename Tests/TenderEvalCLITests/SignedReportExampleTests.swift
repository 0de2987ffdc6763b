import Foundation
import TenderTestSupport
import Testing

/// The example tender's report as the committee signs it, in both languages: seven ranked bids give exactly
/// three recommended candidates, the matrix shows decision 2's correction and decision 1's recusal, and every
/// member has a signature line, 评委3 with the dissent of decision 4.
@Suite struct SignedReportExampleTests {
    @Test(arguments: ["zh", "en"])
    func exampleReportIsReadyToSign(language: String) throws {
        let result = try CLI.run(["score", ExampleTenderTests.rubric, ExampleTenderTests.bids, "--lang", language])
        #expect(result.status == 0, "\(result.stderr)")
        let zh = language == "zh"
        let lines = result.stdout.components(separatedBy: "\n")
        func section(_ title: String) -> [String] {
            guard let start = lines.firstIndex(of: "## \(title)") else { return [] }
            let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.endIndex
            return Array(lines[(start + 1)..<end])
        }

        let cover = section(zh ? "项目与评标委员会" : "Tender and committee")
        #expect(cover.contains(zh ? "- **状态**: 最终结果" : "- **Status**: final"))
        let chair = zh ? "| 评委1 | 陈立群 | 评审专家、组长 |" : "| 评委1 | 陈立群 | expert, chair |"
        #expect(cover.first { $0.hasPrefix("| 评委") } == chair, "\(cover)")

        let summary = section(zh ? "评标结果" : "Outcome")
        let heading = try #require(summary.firstIndex(of: zh ? "### 推荐中标候选人" : "### Recommended candidates"))
        let candidates = summary[heading...].filter { $0.hasPrefix("| ") && !$0.hasPrefix("| ---") }.dropFirst()
        #expect(
            Array(candidates) == [
                "| 1 | 台州橘乡物业服务有限公司 | 81.51 | 8,936,400.00 |",
                "| 2 | 浙江永宁城市服务有限公司 | 81.51 | 8,936,400.00 |",
                "| 3 | 台州市安澜物业服务有限公司 | 76.62 | 9,586,000.00 |",
            ]
        )

        let matrix = section(zh ? "评委评分明细" : "Member scores").joined(separator: "\n")
        let corrected = zh ? "7（由 8.5 更正，决定 2）" : "7 (corrected from 8.5, decision 2)"
        #expect(matrix.contains("| 台州瀛海物业服务有限公司 | 5\u{00A0}[16] | \(corrected)\u{00A0}[17] |"))
        let recused = zh ? "6.5 不计（回避，决定 1）" : "6.5 not counted (recused, decision 1)"
        #expect(matrix.contains("| \(recused)\u{00A0}[24] |"))
        #expect(matrix.contains("- [16] 评委1 · 台州瀛海物业服务有限公司: 服务方案多为通用表述，人员配置表缺失，难以判断可实施性"))

        let signatures = section(zh ? "评标委员会成员签字" : "Signatures of the evaluation committee")
        let rows = signatures.filter { $0.hasPrefix("| 评委") }
        let agree = zh ? "同意" : "agree"
        let expert = zh ? "评审专家" : "expert"
        #expect(
            rows == [
                "| 评委1 | 陈立群 | \(zh ? "评审专家、组长" : "expert, chair") | \(agree) |  |  |",
                "| 评委2 | 王海燕 | \(expert) | \(agree) |  |  |",
                "| 评委3 | 林志远 | \(expert) | \(zh ? "不同意（决定 4）" : "dissent (decision 4)") |  |  |",
                "| 评委4 | 周建明 | \(expert) | \(agree) |  |  |",
                "| 评委5 | 黄晓梅 | \(zh ? "采购人代表" : "purchaser representative") | \(agree) |  |  |",
            ]
        )
    }
}
