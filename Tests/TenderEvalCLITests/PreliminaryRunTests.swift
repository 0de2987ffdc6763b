import Foundation
import TenderTestSupport
import Testing

/// A run with judgement scores missing is preliminary (exit 3); a bid that cannot be read or is held makes the
/// evaluation unable to conclude (exit 4); only lawful disqualifications fail a tender (exit 2), and then no bid
/// is ranked. Every unranked bid's reason says what failed, with the evidence.
@Suite struct PreliminaryRunTests {
    /// The seven valid bidders of the example tender, in the order outstanding scores list them.
    static let validBidders = [
        "台州市安澜物业服务有限公司", "台州市黄岩九峰后勤服务有限公司", "台州市黄岩澄江保洁服务有限公司", "台州橘乡物业服务有限公司",
        "台州瀛海物业服务有限公司", "台州青禾环境服务有限公司", "浙江永宁城市服务有限公司",
    ]
    static let judgementCriteria = ["service-plan", "quality-assurance", "emergency-plan"]

    /// Puts the example's committee file beside the bids, so missing scores are named by member.
    static func addCommittee(_ copy: ExampleTenderCopy) throws {
        try FileManager.default.copyItem(
            at: CLI.root.appendingPathComponent("bids/huangyan-logistics-2020/committee.yaml"),
            to: copy.folder.appendingPathComponent("bids/committee.yaml")
        )
    }

    /// Removes member 评委3's sheet rows and empties 评委1's first score (and its reason).
    static func withholdScores(_ copy: ExampleTenderCopy) throws {
        let url = copy.folder.appendingPathComponent("bids/committee-scores.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var kept: [String] = []
        var blanked = false
        for line in lines where !line.hasPrefix("评委3,") {
            if !blanked, line.hasPrefix("评委1,台州市安澜物业服务有限公司,service-plan,") {
                kept.append("评委1,台州市安澜物业服务有限公司,service-plan,,")
                blanked = true
            } else {
                kept.append(line)
            }
        }
        #expect(blanked)
        try kept.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    }

    static func json(_ copy: ExampleTenderCopy) throws -> [String: Any] {
        let data = try Data(contentsOf: copy.folder.appendingPathComponent("out/result.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func outstanding(_ json: [String: Any]) -> [String] {
        (json["outstanding"] as? [[String: Any]] ?? []).map { item in
            "\(item["member"] as? String ?? "-") \(item["bidder"] as? String ?? "") \(item["criterion"] as? String ?? "")"
        }
    }

    static let expectedOutstanding =
        ["评委1 台州市安澜物业服务有限公司 service-plan"]
        + validBidders.flatMap { bidder in judgementCriteria.map { "评委3 \(bidder) \($0)" } }

    @Test func missingScoresGiveAPreliminaryRunWithEveryReportAndTheOutstandingList() throws {
        let copy = try ExampleTenderCopy()
        defer { copy.remove() }
        try Self.addCommittee(copy)
        try Self.withholdScores(copy)
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 3)
        #expect(result.stderr == "")
        #expect(
            result.stdout
                == "preliminary (no ranking): 22 judgement scores outstanding; 7 valid of 9 bids (2 disqualified, "
                + "0 not evaluated); 1 flag for the committee; reports written to out\n"
        )
        let json = try Self.json(copy)
        #expect(json["status"] as? String == "preliminary")
        #expect(Self.outstanding(json) == Self.expectedOutstanding)
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.allSatisfy { $0["rank"] is NSNull && $0["total"] is NSNull })
        let report = try copy.text("out/report.md")
        #expect(report.hasPrefix("# PRELIMINARY: Evaluation report — "))
        #expect(!report.contains("## Ranking"))
        #expect(
            report.contains(
                "## Outstanding judgement scores\n\n22 scores outstanding from 2 members.\n\n"
                    + "- 评委1: 台州市安澜物业服务有限公司 × Service plan (1 score)\n"
                    + "- 评委3: all 7 valid bidders × Service plan, Quality assurance measures, Emergency response "
                    + "plan (21 scores)\n"
            )
        )
        // Objective and price points are there; the committee's part and any total are not.
        #expect(report.contains("| 台州青禾环境服务有限公司 | 30.00 | 6,318,000.00 |"))
        #expect(report.contains("Judgement criteria: outstanding; no total until every score is given."))
        #expect(!report.contains("Ranked first"))
        for name in ["report.html", "scores.csv", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: copy.folder.appendingPathComponent("out/\(name)").path))
        }
        #expect(try copy.text("out/report.html").contains("<title>PRELIMINARY: Evaluation report — "))
    }

    /// Without a committee file, a member the rubric counts but no sheet names is known only by number.
    @Test func thePreliminaryStampIsInChineseToo() throws {
        let copy = try ExampleTenderCopy()
        defer { copy.remove() }
        try Self.withholdScores(copy)
        let result = try CLI.run(["score", "rubric.yaml", "bids", "--out", "out"], in: copy.folder)
        #expect(result.status == 3)
        let report = try copy.text("out/report.md")
        #expect(report.hasPrefix("# 初步评审（非最终结果）: 评标报告 — "))
        #expect(report.contains("> **初步评审，不是评标结果：尚缺 22 项评审因素得分，因此不对任何投标排序。"))
        #expect(report.contains("- 未提交评分表的评委：全部 7 家有效投标人 × 服务方案、质量保证措施、突发事件应急预案（共 21 项）\n"))
        let json = try Self.json(copy)
        #expect(
            Self.outstanding(json)
                == ["评委1 台州市安澜物业服务有限公司 service-plan"]
                + Self.validBidders.flatMap { bidder in Self.judgementCriteria.map { "- \(bidder) \($0)" } }
        )
    }

    @Test func anUnreadableBidAndMissingScoresCannotConcludeAndListBoth() throws {
        let copy = try ExampleTenderCopy()
        defer { copy.remove() }
        try Self.addCommittee(copy)
        try Self.withholdScores(copy)
        try Data("<bid xmlns=\"urn:tender-eval:bid:1\"><bidder>".utf8)
            .write(to: copy.folder.appendingPathComponent("bids/10-truncated.xml"))
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 4)
        let json = try Self.json(copy)
        #expect(json["status"] as? String == "cannot-conclude")
        #expect(Self.outstanding(json) == Self.expectedOutstanding)
        let report = try copy.text("out/report.md")
        #expect(report.hasPrefix("# CANNOT CONCLUDE: Evaluation report — "))
        #expect(
            report.contains(
                "> **EVALUATION CANNOT CONCLUDE until these are fixed: 1 bid could not be read or is held for the "
                    + "committee and 22 judgement scores are outstanding. This is not a result and not a failed tender.**"
            )
        )
        #expect(report.contains("## To fix before the evaluation can conclude\n\n- bids/10-truncated.xml — could not"))
        #expect(report.contains("## Outstanding judgement scores"))
        #expect(!report.contains("## Ranking"))
        #expect(!report.contains("废标"))
    }

    @Test func aSchemaInvalidBidAloneCannotConcludeButStillRanksForNow() throws {
        let copy = try ExampleTenderCopy()
        defer { copy.remove() }
        try FileManager.default.copyItem(
            at: CLI.root.appendingPathComponent("\(BrokenInputTests.broken)/schema-violation.xml"),
            to: copy.folder.appendingPathComponent("bids/10-schema.xml")
        )
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 4)
        #expect(try Self.json(copy)["status"] as? String == "cannot-conclude")
        #expect(result.stdout.hasPrefix("evaluation cannot conclude until these are fixed: 1 bid not read or held; "))
        let report = try copy.text("out/report.md")
        #expect(report.contains("- bids/10-schema.xml — could not be read or used: bids/10-schema.xml:7: error: bid "))
        // The standing is shown, but no one is named first while a bid is unread.
        #expect(report.contains("## Ranking"))
        #expect(!report.contains("Ranked first"))
    }

    @Test func aHeldDuplicateCannotConclude() throws {
        let copy = try ExampleTenderCopy()
        defer { copy.remove() }
        try FileManager.default.copyItem(
            at: copy.folder.appendingPathComponent("bids/05-juxiang.xml"),
            to: copy.folder.appendingPathComponent("bids/10-copy.xml")
        )
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 4)
        #expect(try Self.json(copy)["status"] as? String == "cannot-conclude")
        let report = try copy.text("out/report.md")
        #expect(report.contains("- bids/05-juxiang.xml — held for the committee: "))
        #expect(report.contains("- bids/10-copy.xml — held for the committee: "))
    }

    @Test func lawfulDisqualificationsBelowTheMinimumFailTheTenderAndRankNoOne() throws {
        let copy = try ExampleTenderCopy()
        defer { copy.remove() }
        try copy.edit("rubric.yaml", "minimum-valid-bids: 3", "minimum-valid-bids: 8")
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 2)
        let json = try Self.json(copy)
        #expect(json["status"] as? String == "failed")
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.allSatisfy { $0["rank"] is NSNull })
        let report = try copy.text("out/report.md")
        #expect(report.contains("the tender failed (废标) and must be re-tendered.**\n\nNo bid is ranked.\n"))
        #expect(!report.contains("## Ranking"))
        #expect(
            report.contains("## Valid bids (not ranked)\n\nThe tender failed: these bids are valid but not ranked.")
        )
        #expect(!report.contains("### Rank "))
    }

    @Test func tooFewValidBidsWithAnUnreadableBidIsNotAFailedTender() throws {
        let copy = try ExampleTenderCopy()
        defer { copy.remove() }
        try copy.edit("rubric.yaml", "minimum-valid-bids: 3", "minimum-valid-bids: 8")
        try Data("not xml".utf8).write(to: copy.folder.appendingPathComponent("bids/10-unreadable.xml"))
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 4)
        #expect(try Self.json(copy)["status"] as? String == "cannot-conclude")
        let report = try copy.text("out/report.md")
        #expect(!report.contains("FAILED"))
        #expect(
            report.contains(
                "Only 7 valid bids for now (minimum 8); whether the tender failed cannot be said until the bids "
                    + "listed are read or decided."
            )
        )
    }

    @Test func theReasonColumnSaysWhatFailedWithTheEvidence() throws {
        let copy = try ExampleTenderCopy()
        defer { copy.remove() }
        let english = try copy.score()
        #expect(english.status == 0)
        #expect(
            english.stdout.contains(
                "| 浙江鸿宇后勤管理集团有限公司 | bids/02-hongyu.xml | disqualified | Failed: a major violation within "
                    + "3 years (bids/02-hongyu.xml:136, 2019-08-22) |"
            )
        )
        #expect(
            english.stdout.contains(
                "| 台州金桥物业管理有限公司 | bids/03-jinqiao.xml | disqualified | Failed: no confidentiality "
                    + "commitment (bids/03-jinqiao.xml) |"
            )
        )
        #expect(english.stdout.contains("Disqualified — Failed: a major violation within 3 years"))
        let chinese = try CLI.run(["score", "rubric.yaml", "bids"], in: copy.folder)
        #expect(
            chinese.stdout.contains(
                "| 浙江鸿宇后勤管理集团有限公司 | bids/02-hongyu.xml | 无效投标 | 未通过：近三年内有重大违法记录 "
                    + "(bids/02-hongyu.xml:136, 2019-08-22) |"
            )
        )
    }

    @Test func aBidAboveTheBudgetIsDisqualifiedWithTheClauseAndBothAmounts() throws {
        let copy = try ExampleTenderCopy()
        defer { copy.remove() }
        try copy.edit("bids/01-anlan.xml", "<total>9586000.00</total>", "<total>9800000.01</total>")
        let result = try copy.score()
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "| 台州市安澜物业服务有限公司 | bids/01-anlan.xml | disqualified | Failed: price 9,800,000.01 is above "
                    + "the budget 9,800,000.00; the bid is invalid (87号令 Art 63) (bids/01-anlan.xml:14) |"
            )
        )
    }
}
