import Foundation
import Testing

/// The committee file, members' reasons and the blank sheets, through the built binary.
@Suite struct CommitteeTests {
    static let timeLimit: TimeInterval = 120

    /// The example committee (评委1…评委5), written into a copy of the example tender as `bids/committee.yaml`.
    static func copyWithCommittee(_ committee: String? = nil) throws -> ExampleTenderCopy {
        let copy = try ExampleTenderCopy()
        let text =
            try committee
            ?? String(
                contentsOf: CLI.root.appendingPathComponent("bids/huangyan-logistics-2020/committee.yaml"),
                encoding: .utf8
            )
        try text.write(to: copy.folder.appendingPathComponent("bids/committee.yaml"), atomically: true, encoding: .utf8)
        return copy
    }

    @Test func theExampleScoresWithItsCommitteeAndReasons() throws {
        let copy = try Self.copyWithCommittee()
        let result = try copy.score(["--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try copy.text("out/report.md")
        #expect(report.contains("评委1 8 (reason: 服务方案完整，保洁、秩序维护、会务各岗位人员配置合理，个别岗位排班表未细化到夜间时段)"))
    }

    @Test func checkReportsAnUnlawfulCommitteeAtItsLine() throws {
        let copy = try Self.copyWithCommittee()
        try copy.edit(
            "bids/committee.yaml",
            "    role: expert\n    chair: true",
            "    role: purchaser-representative\n    chair: true"
        )
        let result = try CLI.run(
            ["check", "rubric.yaml", "--committee", "bids/committee.yaml"],
            in: copy.folder,
            timeLimit: Self.timeLimit
        )
        #expect(result.status == 1)
        #expect(
            copy.stderrLines(result) == [
                "bids/committee.yaml:6:3: error: cn-87: 3 of the 5 members are experts; 87号令 Art 47 requires at "
                    + "least two thirds (4)",
                "bids/committee.yaml:6:5: error: cn-87: the chair '评委1' (陈立群) is a purchaser representative; "
                    + "87号令 Art 45 does not allow a purchaser representative to chair the committee",
            ]
        )
        // score still writes the reports, with the finding on them, and exits 1.
        let scored = try copy.score(["--out", "out"])
        #expect(scored.status == 1)
        #expect(try copy.text("out/report.md").contains("Committee not lawfully composed: the chair 评委1 (陈立群)"))
    }

    @Test func aMissingReasonIsAnErrorAtTheReasonCell() throws {
        let copy = try Self.copyWithCommittee()
        try copy.edit(
            "bids/committee-scores.csv",
            "评委1,台州市安澜物业服务有限公司,service-plan,8.5,方案针对行政楼和文体中心分区作业，流程清晰，外墙清洗频次安排略显笼统",
            "评委1,台州市安澜物业服务有限公司,service-plan,8.5,"
        )
        let result = try copy.score()
        #expect(result.status == 1)
        #expect(
            copy.stderrLines(result) == [
                "bids/committee-scores.csv:2:36: error: score 8.5 for 'service-plan' is below its maximum 10 and its "
                    + "reason cell is empty; the rubric requires the member's reason for every score below the "
                    + "maximum (reasons: required)"
            ]
        )
    }

    @Test func aMemberScoringAGroupNotTheirsIsAnErrorAtTheCell() throws {
        let copy = try Self.copyWithCommittee()
        try copy.edit(
            "bids/committee.yaml",
            "    role: purchaser-representative\n",
            "    role: purchaser-representative\n    groups: [capability, reputation]\n"
        )
        let result = try copy.score()
        #expect(result.status == 1)
        let lines = copy.stderrLines(result)
        // One error per valid bidder (7); the rows of the two bids that are not ranked are only noted.
        #expect(lines.filter { $0.contains(": error: ") }.count == 7)
        #expect(
            lines.contains(
                "bids/committee-scores.csv:111:37: error: member '评委5' does not score group 'quality' (criterion "
                    + "'quality-assurance' is in it); the committee file assigns them 'capability', 'reputation'"
            )
        )
    }

    @Test func sheetsShowEachMemberOnlyTheirGroupsAndNoPrices() throws {
        let copy = try Self.copyWithCommittee()
        try copy.edit(
            "bids/committee.yaml",
            "    role: purchaser-representative\n",
            "    role: purchaser-representative\n    groups: [quality]\n"
        )
        let result = try CLI.run(
            ["sheets", "rubric.yaml", "bids", "--out", "sheets"],
            in: copy.folder,
            timeLimit: Self.timeLimit
        )
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "5 member sheets written to sheets\n")
        let files = try CLI.files(in: copy.folder.appendingPathComponent("sheets")).keys.sorted()
        #expect(files.count == 16)
        #expect(
            files.contains("sheet-05-评委5.csv") && files.contains("sheet-05-评委5.html")
                && files.contains("sheet-05-评委5.xlsx")
        )
        let fifth = try copy.text("sheets/sheet-05-评委5.csv")
        let expert = try copy.text("sheets/sheet-01-评委1.csv")
        let bytes = try CLI.files(in: copy.folder.appendingPathComponent("sheets"))["sheet-05-评委5.csv"] ?? []
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(fifth.hasPrefix("评委,投标人,评审因素,得分,理由,无利益冲突,统一社会信用代码,评审因素名称,满分,可选分值,评分指引\r\n"))
        #expect(
            fifth.contains("quality-assurance") && !fifth.contains("service-plan") && !fifth.contains("emergency-plan")
        )
        #expect(
            expert.contains("service-plan") && expert.contains("quality-assurance") && expert.contains("emergency-plan")
        )
        // 9 bidders × 1 criterion, and 9 × 3.
        #expect(fifth.split(separator: "\r\n").count == 10)
        #expect(expert.split(separator: "\r\n").count == 28)
        #expect(!expert.contains("评委2") && !fifth.contains("评委1,"))
        for sheet in ["sheets/sheet-01-评委1.csv", "sheets/sheet-01-评委1.html", "sheets/sheet-05-评委5.html"] {
            let text = try copy.text(sheet)
            for price in ["9586000", "8396000", "8912500", "price", "报价"] {
                #expect(!text.contains(price), "\(sheet) \(price)")
            }
        }
        let html = try copy.text("sheets/sheet-05-评委5.html")
        #expect(html.contains("本人与该投标人无利益冲突（是/否）"))
        #expect(html.components(separatedBy: "本人与该投标人无利益冲突").count == 10)
        #expect(html.contains("@page { size: A4 portrait") && html.contains("\"Noto Sans CJK SC\""))
        #expect(html.contains("台州市安澜物业服务有限公司 <small>(91331003MA28E4C1X8)</small>"))
    }

    /// Blank sheets filled in programmatically are read back by `score` to exactly the scores and reasons written.
    @Test func aFilledSheetRoundTrips() throws {
        let copy = try Self.copyWithCommittee()
        let made = try CLI.run(
            ["sheets", "rubric.yaml", "bids", "--out", "sheets", "--lang", "en"],
            in: copy.folder,
            timeLimit: Self.timeLimit
        )
        #expect(made.status == 0, "\(made.stderr)")
        var written: [String: (score: String, reason: String)] = [:]
        var sheets: [String] = []
        for member in 1...5 {
            let name = "sheets/sheet-0\(member)-评委\(member).csv"
            sheets += ["--scores", name]
            let text = try copy.text(name)
            var lines = text.components(separatedBy: "\r\n")
            #expect(
                lines[0]
                    == "member,bidder,criterion,score,reason,no-conflict,registration-id,criterion-name,maximum,allowed-scores,guidance"
            )
            for index in 1..<lines.count where !lines[index].isEmpty {
                var cells = lines[index].components(separatedBy: ",")
                let maximum = cells[8] == "10" ? 10 : 6
                let score = "\(maximum - 1 - (index + member) % 4).5"
                let reason = "\"reason \(member)-\(index), with a comma and \"\"quotes\"\"\""
                let key = "\(cells[0])|\(cells[1])|\(cells[2])"
                written[key] = (score, "reason \(member)-\(index), with a comma and \"quotes\"")
                cells[3] = score
                cells[4] = reason
                if cells[5].isEmpty && lines[index - 1].components(separatedBy: ",")[1] != cells[1] { cells[5] = "yes" }
                lines[index] = cells.prefix(5).joined(separator: ",") + "," + cells.dropFirst(5).joined(separator: ",")
            }
            // Excel's trailing empty rows.
            try (lines.joined(separator: "\r\n") + ",,,,,,,,,,\r\n,,,,\r\n").write(
                to: copy.folder.appendingPathComponent(name),
                atomically: true,
                encoding: .utf8
            )
        }
        #expect(written.count == 135)
        let scored = try CLI.run(
            ["score", "rubric.yaml", "bids", "--lang", "en", "--out", "out", "--pretty"] + sheets,
            in: copy.folder,
            timeLimit: Self.timeLimit
        )
        #expect(scored.status == 0, "\(scored.stderr)")
        let json =
            try JSONSerialization.jsonObject(
                with: Data(contentsOf: copy.folder.appendingPathComponent("out/result.json"))
            ) as? [String: Any]
        let bids = try #require(json?["results"] as? [[String: Any]])
        var read: [String: (score: String, reason: String)] = [:]
        for bid in bids {
            let name = bid["bidderName"] as? String ?? ""
            for criterion in bid["criterionScores"] as? [[String: Any]] ?? [] {
                let basis = criterion["basis"] as? [String: Any]
                for member in basis?["scores"] as? [[String: Any]] ?? [] {
                    let key =
                        "\(member["member"] as? String ?? "")|\(name)|\(criterion["criterionID"] as? String ?? "")"
                    read[key] = ("\(member["score"] ?? "")", member["reason"] as? String ?? "")
                }
            }
        }
        // Two bids are not ranked (their scores are not used): 7 valid bidders × 3 criteria × 5 members.
        #expect(read.count == 105)
        for (key, value) in read {
            #expect(written[key]?.score == value.score, "\(key)")
            #expect(written[key]?.reason == value.reason, "\(key)")
        }
    }

    @Test func aDeclaredConflictWithScoresIsAnErrorAtTheDeclaration() throws {
        let copy = try Self.copyWithCommittee()
        let sheet = """
            member,bidder,criterion,score,reason,no-conflict
            评委1,台州市安澜物业服务有限公司,,,,否

            """
        try sheet.write(to: copy.folder.appendingPathComponent("extra.csv"), atomically: true, encoding: .utf8)
        let result = try CLI.run(
            ["score", "rubric.yaml", "bids", "--scores", "bids/committee-scores.csv", "--scores", "extra.csv"],
            in: copy.folder,
            timeLimit: Self.timeLimit
        )
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "extra.csv:2:22: error: member '评委1' declares a conflict of interest with '台州市安澜物业服务有限公司' "
                    + "but scored it (bids/committee-scores.csv:2:32); a member with a conflict of interest does not score that "
                    + "bidder: leave the scores empty and record the recusal"
            )
        )
    }

    @Test func hostileCommitteeFilesAreRefusedQuickly() throws {
        let copy = try Self.copyWithCommittee()
        // 10,001 members: refused at once, with the count (a committee has a handful; reserves included, 99).
        var big = "members:\n"
        for index in 0..<10_001 {
            big += "  - {id: m\(index), name: 成员\(index), role: expert\(index == 0 ? ", chair: true" : "")}\n"
        }
        try big.write(to: copy.folder.appendingPathComponent("big.yaml"), atomically: true, encoding: .utf8)
        let large = try CLI.run(["check", "rubric.yaml", "--committee", "big.yaml"], in: copy.folder, timeLimit: 60)
        #expect(!large.timedOut)
        #expect(large.status == 1)
        #expect(
            large.stderr
                == "big.yaml:2:3: error: 'members' lists 10001 people; a committee file holds at most 99 members "
                + "(reserves included)\n"
        )

        let hostile = """
            members:
              - {id: 评委1, name: "陈\\u202E立群", role: expert, chair: true}
              - {id: ＡＢ, name: 甲, role: expert}
              - {id: ab, name: 乙, role: expert}

            """
        try hostile.write(to: copy.folder.appendingPathComponent("hostile.yaml"), atomically: true, encoding: .utf8)
        let refused = try CLI.run(
            ["check", "rubric.yaml", "--committee", "hostile.yaml"],
            in: copy.folder,
            timeLimit: 60
        )
        #expect(!refused.timedOut)
        #expect(refused.status == 1)
        #expect(
            copy.stderrLines(refused) == [
                "hostile.yaml:2:21: error: member name '陈\\u{202E}立群' contains characters that do not show or that "
                    + "reorder the text (U+202E); write it as it is printed",
                "hostile.yaml:4:5: error: member id 'ab' is already used by the member at line 3, column 5 (the same "
                    + "after reading compatibility characters (full-width letters, compatibility ideographs) as plain "
                    + "ones and ignoring letter case)",
            ]
        )
    }
}
