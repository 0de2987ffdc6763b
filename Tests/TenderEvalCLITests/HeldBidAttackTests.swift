import Foundation
import Testing

/// Issue 7, identities, second round: a copied registration id cannot remove the genuine bidder while the report
/// reads as final, white space or letter case cannot decide which bid is genuine, a bid held for the committee
/// never stops the run for want of committee scores, and a commitment signed after the bid was handed in does
/// not count. Every attack runs the built binary on a copy of the example tender.
@Suite struct HeldBidAttackTests {
    static let juxiangID = "91331003MA2D9FX61W"
    static let qingheID = "91331004MA2HB7N44T"

    /// 04-qinghe's bid resubmitted as `bids/10-spoof.xml` under another name with `id` as its registration id.
    static func spoof(_ copy: ExampleTenderCopy, id: String) throws {
        try copy.edit(
            "bids/04-qinghe.xml",
            "<name>台州青禾环境服务有限公司</name>",
            "<name>台州某某物业有限公司</name>",
            to: "bids/10-spoof.xml"
        )
        try copy.edit("bids/10-spoof.xml", qingheID, id)
    }

    static func outcome(_ copy: ExampleTenderCopy, _ out: String) throws -> [String: Any] {
        let data = try Data(contentsOf: copy.folder.appendingPathComponent("\(out)/result.json"))
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(json["outcome"] as? [String: Any])
    }

    @Test func aPlainCopyOfARivalsIDHoldsBothBidsAndTheRankingIsProvisional() throws {
        let copy = try ExampleTenderCopy()
        try Self.spoof(copy, id: Self.juxiangID)
        let result = try CLI.run(["score", "rubric.yaml", "bids", "--lang", "en", "--out", "out"], in: copy.folder)
        #expect(!result.timedOut)
        #expect(result.status == 4)
        #expect(
            copy.stderrLines(result) == [
                "bids/10-spoof.xml:3: error: registration id '\(Self.juxiangID)' is also claimed by bids/05-juxiang.xml; "
                    + "none of these bids is evaluated until the committee decides which one counts",
                "bids/05-juxiang.xml:3: error: registration id '\(Self.juxiangID)' is also claimed by bids/10-spoof.xml; "
                    + "none of these bids is evaluated until the committee decides which one counts",
            ]
        )
        let report = try copy.text("out/report.md")
        let banner: String =
            "## Outcome\n\n> **EVALUATION CANNOT CONCLUDE until these are fixed: 2 bids could not be read or are held "
            + "for the committee. This is not a result and not a failed tender.**\n\n"
        let standing: String =
            "> **Provisional ranking: 2 bids are held for the committee until it decides which bid "
            + "speaks for which bidder: bids/05-juxiang.xml, bids/10-spoof.xml.**\n\n"
            + "Ranked for now: 6 valid bids (minimum 3); the held bids are not among them.\n\n"
            + "**Ranked first for now: 浙江永宁城市服务有限公司**\n"
        #expect(
            report.contains(banner + standing),
            "\(report.prefix(2000))"
        )
        #expect(!report.contains("Ranked: "))
        #expect(
            report.contains(
                "- Held for the committee: 2 bids claim a bidder that another bid also claims (bids/05-juxiang.xml, "
                    + "bids/10-spoof.xml); until the committee decides which bid speaks for which bidder, the outcome "
                    + "is provisional"
            )
        )
        let outcome = try Self.outcome(copy, "out")
        #expect(outcome["status"] as? String == "provisional")
        #expect(outcome["heldFiles"] as? [String] == ["bids/05-juxiang.xml", "bids/10-spoof.xml"])
        #expect((outcome["ranking"] as? [String: Any])?["status"] as? String == "ranked")

        let chinese = try CLI.run(["score", "rubric.yaml", "bids", "--lang", "zh"], in: copy.folder)
        #expect(chinese.status == 4)
        #expect(
            chinese.stdout.contains(
                "> **排序结果为暂定：2 份投标文件暂不评审，待评标委员会确定哪份投标文件代表哪个投标人："
                    + "bids/05-juxiang.xml、bids/10-spoof.xml。**"
            )
        )
        #expect(!chinese.stdout.contains("排名有效"))
    }

    /// Without the two held bids too few are valid: the failure is provisional too, and not exit status 2, which a
    /// script would act on as a failed tender (废标).
    @Test func aFailureThatHeldBidsCouldAvertIsProvisional() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit("rubric.yaml", "minimum-valid-bids: 3", "minimum-valid-bids: 7")
        try Self.spoof(copy, id: Self.juxiangID)
        let result = try CLI.run(["score", "rubric.yaml", "bids", "--lang", "en", "--out", "out"], in: copy.folder)
        #expect(result.status == 4)
        let report = try copy.text("out/report.md")
        #expect(
            report.contains(
                "> **Provisional result: 2 bids are held for the committee until it decides which bid speaks for which "
                    + "bidder: bids/05-juxiang.xml, bids/10-spoof.xml.**\n\n> **Too few valid bids for now: only 6 "
                    + "valid bids, minimum 7 — unless the committee admits a held bid, the tender failed (废标) and "
                    + "must be re-tendered.**"
            )
        )
        #expect(!report.contains("FAILED"))
        let outcome = try Self.outcome(copy, "out")
        #expect(outcome["status"] as? String == "provisional")
        let ranking = try #require(outcome["ranking"] as? [String: Any])
        #expect(ranking["status"] as? String == "failed")
        #expect(ranking["validBids"] as? Int == 6)
    }

    @Test func anIDWrittenInGroupsIsNoEvidenceAgainstItsBidder() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit("bids/05-juxiang.xml", Self.juxiangID, "9133 1003 MA2D 9FX6 1W")
        try Self.spoof(copy, id: Self.juxiangID)
        let result = try copy.score()
        #expect(!result.timedOut)
        #expect(result.status == 4)
        #expect(
            copy.stderrLines(result) == [
                "bids/10-spoof.xml:3: error: registration id '\(Self.juxiangID)' is also claimed by bids/05-juxiang.xml "
                    + "(after ignoring white space); none of these bids is evaluated until the committee decides "
                    + "which one counts",
                "bids/05-juxiang.xml:3: error: registration id '\(Self.juxiangID)' is also claimed by bids/10-spoof.xml "
                    + "(after ignoring white space); none of these bids is evaluated until the committee decides "
                    + "which one counts",
            ]
        )
        #expect(result.stdout.contains("Ranked for now: 6 valid bids (minimum 3); the held bids are not among them."))
        #expect(result.stdout.contains("**Ranked first for now: 浙江永宁城市服务有限公司**"))
    }

    @Test func letterCaseIsNoEvidenceEither() throws {
        let copy = try ExampleTenderCopy()
        try Self.spoof(copy, id: Self.juxiangID.lowercased())
        let result = try copy.score()
        #expect(result.status == 4)
        #expect(
            copy.stderrLines(result) == [
                "bids/10-spoof.xml:3: error: registration id '\(Self.juxiangID)' is also claimed by bids/05-juxiang.xml "
                    + "(after ignoring letter case); none of these bids is evaluated until the committee decides "
                    + "which one counts",
                "bids/05-juxiang.xml:3: error: registration id '\(Self.juxiangID)' is also claimed by bids/10-spoof.xml "
                    + "(after ignoring letter case); none of these bids is evaluated until the committee decides "
                    + "which one counts",
            ]
        )
    }

    @Test func aSpoofThatNeedsAZeroWidthSpaceIsHeldAloneAndTheRankingIsProvisional() throws {
        let copy = try ExampleTenderCopy()
        // Even when the genuine bidder writes its id in groups: the spoof's invisible character is the evidence.
        try copy.edit("bids/05-juxiang.xml", Self.juxiangID, "9133 1003 MA2D 9FX6 1W")
        try Self.spoof(copy, id: "91331003MA2D9\u{200B}FX61W")
        let result = try CLI.run(["score", "rubric.yaml", "bids", "--lang", "en", "--out", "out"], in: copy.folder)
        #expect(result.status == 4)
        #expect(
            copy.stderrLines(result) == [
                "bids/10-spoof.xml:3: error: registration id '\(Self.juxiangID)' is also claimed by bids/05-juxiang.xml "
                    + "(after removing U+200B and ignoring white space); this bid is held for the committee, which "
                    + "decides whether it speaks for that bidder"
            ]
        )
        let report = try copy.text("out/report.md")
        #expect(report.contains("| 1 | 台州橘乡物业服务有限公司 | 81.51 |"))
        #expect(
            report.contains(
                "> **Provisional ranking: 1 bid is held for the committee until it decides which bid speaks for which "
                    + "bidder: bids/10-spoof.xml.**"
            )
        )
        #expect(report.contains("**Ranked first for now: 台州橘乡物业服务有限公司**"))
        let outcome = try Self.outcome(copy, "out")
        #expect(outcome["status"] as? String == "provisional")
        #expect(outcome["heldFiles"] as? [String] == ["bids/10-spoof.xml"])
    }

    /// The committee never saw the spoof, scored it wrongly, and left out a disqualified bidder: none of it is
    /// needed, so the reports are written and the exit status is 1 only for the held bid.
    @Test func bidsThatAreNotRankedNeedNoCommitteeScores() throws {
        let copy = try ExampleTenderCopy()
        try Self.spoof(copy, id: "91331003MA2D9\u{200B}FX61W")
        let sheet = try copy.text("bids/committee-scores.csv")
        let rows = sheet.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // 浙江鸿宇 fails the violations gate; its 15 rows go, and the spoof gets one score out of range.
        let kept = rows.filter { !$0.contains("浙江鸿宇后勤管理集团有限公司") }
        #expect(kept.count == rows.count - 15)
        let edited =
            kept.joined(separator: "\n").trimmingCharacters(in: .newlines) + "\n评委1,台州某某物业有限公司,service-plan,99,\n"
        try edited.write(
            to: copy.folder.appendingPathComponent("bids/committee-scores.csv"),
            atomically: true,
            encoding: .utf8
        )
        let line = edited.split(separator: "\n").count
        let result = try CLI.run(["score", "rubric.yaml", "bids", "--lang", "en", "--out", "out"], in: copy.folder)
        #expect(!result.timedOut)
        #expect(result.status == 4)
        #expect(
            copy.stderrLines(result) == [
                "bids/committee-scores.csv:\(line):29: note: score 99 for 'service-plan' is outside 0…10; scores are "
                    + "never clamped (not used: the bid of '台州某某物业有限公司' is not ranked)",
                "bids/10-spoof.xml:3: error: registration id '\(Self.juxiangID)' is also claimed by bids/05-juxiang.xml "
                    + "(after removing U+200B); this bid is held for the committee, which decides whether it speaks "
                    + "for that bidder",
            ]
        )
        for name in ["report.md", "report.html", "result.json", "scores.csv", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: copy.folder.appendingPathComponent("out/\(name)").path))
        }
        #expect(try copy.text("out/report.md").contains("| 1 | 台州橘乡物业服务有限公司 | 81.51 |"))
    }

    @Test func aCommitmentSignedAfterTheDeadlineDoesNotCount() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit(
            "bids/05-juxiang.xml",
            "kind=\"technical-service\" signed=\"2020-11-17\"",
            "kind=\"technical-service\" signed=\"2020-11-20\""
        )
        let result = try copy.score()
        #expect(!result.timedOut)
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "- ✗ Signed technical service commitment: technical service commitment signed on 2020-11-20 "
                    + "(bids/05-juxiang.xml:137), after the submission deadline 2020-11-19T09:30:00+08:00: it does not "
                    + "count"
            )
        )
        #expect(result.stdout.contains("### Disqualified — 台州橘乡物业服务有限公司"))
    }

    @Test func aCommitmentSignedAfterTheBidWasSubmittedDoesNotCount() throws {
        let copy = try ExampleTenderCopy()
        // Before the deadline's day ends, but a day after 05-juxiang handed its bid in (2020-11-18T16:37:25+08:00).
        try copy.edit(
            "bids/05-juxiang.xml",
            "kind=\"integrity\" signed=\"2020-11-17\"",
            "kind=\"integrity\" signed=\"2020-11-19\""
        )
        let result = try copy.score()
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "- ✗ Signed integrity (anti-corruption) commitment: integrity commitment signed on 2020-11-19 "
                    + "(bids/05-juxiang.xml:139), after the bid's own submission time 2020-11-18T16:37:25+08:00: it "
                    + "does not count"
            )
        )
        #expect(result.stdout.contains("| 1 | 浙江永宁城市服务有限公司 |"))
    }

    @Test func aCommitmentSignedOnTheDayOfSubmissionCounts() throws {
        let copy = try ExampleTenderCopy()
        try copy.edit(
            "bids/05-juxiang.xml",
            "kind=\"integrity\" signed=\"2020-11-17\"",
            "kind=\"integrity\" signed=\"2020-11-18\""
        )
        let result = try copy.score()
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("| 1 | 台州橘乡物业服务有限公司 | 81.51 |"))
    }
}
