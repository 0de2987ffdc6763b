import Foundation
import Testing

/// Issue 7 §10: signals of possible collusion (87号令 Art 37), raised through the built binary on copies of the
/// example tender edited the way colluding bidders would write their bids. A signal never changes a score, a
/// status or the exit status.
@Suite(.serialized) struct CollusionAttackTests {
    static let section = "Signals of possible collusion (87号令 Art 37) — for the committee"
    static let anlan = "台州市安澜物业服务有限公司"
    static let jinqiao = "台州金桥物业管理有限公司"
    static let qinghe = "台州青禾环境服务有限公司"
    static let juxiang = "台州橘乡物业服务有限公司"
    static let yongning = "浙江永宁城市服务有限公司"
    static let jiufeng = "台州市黄岩九峰后勤服务有限公司"

    /// Scores the edited copy and returns the collusion items; the run must succeed as the example does.
    static func signals(_ edits: [(file: String, replacements: [(old: String, new: String)])]) throws -> [String] {
        let tender = try ExampleTenderCopy()
        defer { tender.remove() }
        for edit in edits { try tender.edit(edit.file, edit.replacements) }
        let run = try tender.score()
        #expect(!run.timedOut)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        return ExampleTenderCopy.items(section, in: run.stdout)
    }

    @Test func theExampleTenderRaisesNoSignal() throws {
        let tender = try ExampleTenderCopy()
        defer { tender.remove() }
        let run = try tender.score()
        #expect(run.status == 0)
        #expect(ExampleTenderCopy.section(Self.section, in: run.stdout).contains("none"))
        #expect(ExampleTenderCopy.items(Self.section, in: run.stdout).isEmpty)
    }

    @Test func sharedPhoneWrittenDifferently() throws {
        let items = try Self.signals([
            ("bids/01-anlan.xml", [("<phone>0576-84123658</phone>", "<phone>+86 576-8888 1234</phone>")]),
            ("bids/05-juxiang.xml", [("<phone>0576-84728391</phone>", "<phone>0576 88881234</phone>")]),
        ])
        #expect(
            items == [
                "- Same phone number (57688881234): \(Self.anlan) (bids/01-anlan.xml:9, contact phone, written "
                    + "“+86 576-8888 1234”); \(Self.juxiang) (bids/05-juxiang.xml:9, contact phone, written "
                    + "“0576 88881234”)"
            ]
        )
    }

    @Test func projectManagersPhoneIsTheOtherBiddersContactPhone() throws {
        let items = try Self.signals([
            (
                "bids/01-anlan.xml",
                [
                    (
                        "<years-experience>16</years-experience>\n      </person>",
                        "<years-experience>16</years-experience>\n        <phone>138 0576 1234</phone>\n      </person>"
                    )
                ]
            ),
            ("bids/06-yongning.xml", [("<phone>0576-84061527</phone>", "<phone>+86 13805761234</phone>")]),
        ])
        #expect(
            items == [
                "- Same phone number (13805761234): \(Self.anlan) (bids/01-anlan.xml:31, project manager's phone, "
                    + "written “138 0576 1234”); \(Self.yongning) (bids/06-yongning.xml:9, contact phone, written "
                    + "“+86 13805761234”)"
            ]
        )
    }

    @Test func sharedEmailInAnotherCase() throws {
        let items = try Self.signals([
            ("bids/05-juxiang.xml", [("bid@juxiang-wy.example.cn", "Tender@ANLAN-wy.example.cn")])
        ])
        #expect(
            items == [
                "- Same e-mail address (tender@anlan-wy.example.cn): \(Self.anlan) (bids/01-anlan.xml:10, e-mail); "
                    + "\(Self.juxiang) (bids/05-juxiang.xml:10, e-mail, written “Tender@ANLAN-wy.example.cn”)"
            ]
        )
    }

    @Test func sharedProjectManagerAndAddress() throws {
        let items = try Self.signals([
            ("bids/03-jinqiao.xml", [("<name>黄建伟</name>", "<name>陈 海燕</name>")]),
            (
                "bids/04-qinghe.xml",
                [("浙江省台州市路桥区银安街885号青禾大厦1501室", "浙江省台州市黄岩区劳动北路218号 安澜大厦6楼")]
            ),
        ])
        #expect(
            items == [
                "- Same person (contact person or project manager) (陈海燕): \(Self.anlan) (bids/01-anlan.xml:27, "
                    + "project manager); \(Self.jinqiao) (bids/03-jinqiao.xml:27, project manager, written “陈 海燕”)",
                "- Same address (浙江省台州市黄岩区劳动北路218号安澜大厦6楼): \(Self.anlan) (bids/01-anlan.xml:12, address); "
                    + "\(Self.qinghe) (bids/04-qinghe.xml:12, address, written “浙江省台州市黄岩区劳动北路218号 安澜大厦6楼”)",
            ]
        )
    }

    @Test func identicalAttachmentHashes() throws {
        let licence = "e1c4806745dff58366bfee7c658dccdf14adfe24248cec3a2a8a7aa2f2033814"
        let items = try Self.signals([
            (
                "bids/06-yongning.xml",
                [("591c0530419614d773e828ceb95b5f4aa6383f06cd807579a2df15cf2b44c2c5", licence)]
            )
        ])
        #expect(
            items == [
                "- Identical attachment (same SHA-256) (\(licence)): \(Self.anlan) (bids/01-anlan.xml:150, "
                    + "attachment, 营业执照副本.pdf); \(Self.yongning) (bids/06-yongning.xml:145, attachment, 营业执照副本.pdf)"
            ]
        )
    }

    @Test func identicalUnusualPassage() throws {
        let passage = "另在黄岩城区设立二十四小时备件中转站，配备两名专职司机和一辆厢式货车随时待命"
        let ending = "考评结果与服务费支付挂钩。</commitment>"
        let items = try Self.signals([
            ("bids/01-anlan.xml", [(ending, "考评结果与服务费支付挂钩；" + passage + "。</commitment>")]),
            ("bids/04-qinghe.xml", [(ending, "考评结果与服务费支付挂钩；" + passage + "。</commitment>")]),
        ])
        #expect(
            items == [
                "- Identical unusual passage (\(passage)): \(Self.anlan) (bids/01-anlan.xml:145, commitment, "
                    + "technical service); \(Self.qinghe) (bids/04-qinghe.xml:88, commitment, technical service)"
            ]
        )
    }

    @Test func identicalPrices() throws {
        let items = try Self.signals([
            ("bids/01-anlan.xml", [("<total>9586000.00</total>", "<total>8936400.00</total>")])
        ])
        #expect(
            items == [
                "- Identical prices (8,936,400.00): \(Self.anlan) (bids/01-anlan.xml:14, total); \(Self.juxiang) "
                    + "(bids/05-juxiang.xml:14, total); \(Self.yongning) (bids/06-yongning.xml:14, total)"
            ]
        )
    }

    @Test func constantSteps() throws {
        let items = try Self.signals([
            ("bids/01-anlan.xml", [("<total>9586000.00</total>", "<total>9000000.00</total>")]),
            ("bids/03-jinqiao.xml", [("<total>8912500.00</total>", "<total>9100000.00</total>")]),
            ("bids/07-jiufeng.xml", [("<total>8658000.00</total>", "<total>9200000</total>")]),
        ])
        #expect(
            items == [
                "- Prices a constant step apart (step 100,000.00): \(Self.anlan) (bids/01-anlan.xml:14, total, "
                    + "9,000,000.00); \(Self.jinqiao) (bids/03-jinqiao.xml:14, total, 9,100,000.00); "
                    + "\(Self.jiufeng) (bids/07-jiufeng.xml:14, total, 9,200,000.00)"
            ]
        )
    }

    @Test func fixedRatios() throws {
        let items = try Self.signals([
            ("bids/01-anlan.xml", [("<total>9586000.00</total>", "<total>8000000.00</total>")]),
            ("bids/03-jinqiao.xml", [("<total>8912500.00</total>", "<total>8400000.00</total>")]),
            ("bids/06-yongning.xml", [("<total>8936400.00</total>", "<total>8820000</total>")]),
        ])
        #expect(
            items == [
                "- Prices in a fixed ratio (ratio ≈ 1.05): \(Self.anlan) (bids/01-anlan.xml:14, total, 8,000,000.00); "
                    + "\(Self.jinqiao) (bids/03-jinqiao.xml:14, total, 8,400,000.00); \(Self.yongning) "
                    + "(bids/06-yongning.xml:14, total, 8,820,000.00)"
            ]
        )
    }

    @Test func aDisqualifiedBidStillTaintsAndShowsTheSignalInItsOwnSection() throws {
        let tender = try ExampleTenderCopy()
        defer { tender.remove() }
        // 浙江鸿宇 (02) fails the violations gate; its e-mail is now 青禾's (04).
        try tender.edit("bids/02-hongyu.xml", [("zhaobiao@hongyu-hq.example.cn", "qinghe_hj@qinghe-env.example.cn")])
        let run = try tender.score()
        #expect(run.status == 0)
        #expect(
            ExampleTenderCopy.items(Self.section, in: run.stdout) == [
                "- Same e-mail address (qinghe\\_hj@qinghe-env.example.cn): \(Self.qinghe) (bids/04-qinghe.xml:10, "
                    + "e-mail); 浙江鸿宇后勤管理集团有限公司 (bids/02-hongyu.xml:10, e-mail)"
            ]
        )
        let inBid =
            "- Possible collusion: Same e-mail address (qinghe\\_hj@qinghe-env.example.cn): see “Signals of possible "
            + "collusion”"
        #expect(run.stdout.components(separatedBy: "\n").filter { $0 == inBid }.count == 2)
    }

    @Test func signalsReachResultJSONAndTheEscapedHTMLButChangeNoScore() throws {
        let tender = try ExampleTenderCopy()
        defer { tender.remove() }
        let plain = try tender.score(["--out", "plain"])
        #expect(plain.status == 0)
        let hostile = "浙江省台州市黄岩区<b>劳动北路</b>&218号"
        try tender.edit(
            "bids/01-anlan.xml",
            [
                (
                    "浙江省台州市黄岩区劳动北路218号安澜大厦6楼",
                    hostile.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
                        of: "&218",
                        with: "&amp;218"
                    )
                )
            ]
        )
        try tender.edit(
            "bids/05-juxiang.xml",
            [
                (
                    "浙江省台州市黄岩区橘乡大道766号",
                    hostile.replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(
                        of: "&218",
                        with: "&amp;218"
                    )
                )
            ]
        )
        let run = try tender.score(["--out", "flagged"])
        #expect(run.status == 0)
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: tender.folder.appendingPathComponent("flagged/result.json"))
        )
        let flags = try #require((json as? [String: Any])?["flags"] as? [[String: Any]])
        let collusion = flags.filter { $0["type"] as? String == "possible-collusion" }
        #expect(collusion.count == 1)
        #expect(collusion.first?["kind"] as? String == "shared-address")
        #expect(collusion.first?["value"] as? String == "浙江省台州市黄岩区<b>劳动北路</b>&218号")
        let evidence = try #require(collusion.first?["evidence"] as? [[String: Any]])
        #expect(evidence.map { $0["file"] as? String } == ["bids/01-anlan.xml", "bids/05-juxiang.xml"])
        #expect(evidence.map { $0["line"] as? Int } == [12, 12])
        let html = try String(
            contentsOf: tender.folder.appendingPathComponent("flagged/report.html"),
            encoding: .utf8
        )
        #expect(html.contains("串通投标") || html.contains("Signals of possible collusion"))
        #expect(html.contains("&lt;b&gt;劳动北路&lt;/b&gt;&amp;218号"))
        #expect(!html.contains("<b>劳动北路"))
        // The scores are those of the unflagged run: a signal is for the committee, not the arithmetic.
        let before = try String(contentsOf: tender.folder.appendingPathComponent("plain/scores.csv"), encoding: .utf8)
        let after = try String(contentsOf: tender.folder.appendingPathComponent("flagged/scores.csv"), encoding: .utf8)
        let totals = { (csv: String) in
            csv.components(separatedBy: "\n").map { $0.components(separatedBy: ",").prefix(3).joined(separator: ",") }
        }
        #expect(totals(before) == totals(after))
    }

    @Test func aCommitmentSentenceInFourOfNineBidsIsTemplateText() throws {
        let sentence = "本公司承诺派驻人员全部签订劳动合同并依法缴纳社会保险，工资不低于台州市最低工资标准"
        let ending = "考评结果与服务费支付挂钩。</commitment>"
        let edit = { (file: String) in (file, [(ending, "考评结果与服务费支付挂钩；" + sentence + "。</commitment>")]) }
        let four = try Self.signals(
            ["bids/01-anlan.xml", "bids/04-qinghe.xml", "bids/05-juxiang.xml", "bids/07-jiufeng.xml"].map(edit)
        )
        #expect(four == [])
        let two = try Self.signals(["bids/01-anlan.xml", "bids/04-qinghe.xml"].map(edit))
        #expect(two.count == 1)
        #expect(two.first?.hasPrefix("- Identical unusual passage (\(sentence)): ") == true)
    }

    @Test func oneFenRoundingGapsAreNotTheSameArithmeticError() throws {
        let fen = try Self.signals([
            ("bids/01-anlan.xml", [("<line item=\"保洁服务\">3211310.00</line>", "<line item=\"保洁服务\">3211309.99</line>")]),
            (
                "bids/04-qinghe.xml",
                [("<line item=\"保洁服务\">2274480.00</line>", "<line item=\"保洁服务\">2274479.99</line>")]
            ),
        ])
        #expect(fen == [])
        let yuan = try Self.signals([
            ("bids/01-anlan.xml", [("<line item=\"保洁服务\">3211310.00</line>", "<line item=\"保洁服务\">3211210.00</line>")]),
            (
                "bids/04-qinghe.xml",
                [("<line item=\"保洁服务\">2274480.00</line>", "<line item=\"保洁服务\">2274380.00</line>")]
            ),
        ])
        #expect(
            yuan == [
                "- Same arithmetic error (the price lines miss the total by 100.00): \(Self.anlan) (bids/01-anlan.xml:14, "
                    + "price lines, lines add up to 9,585,900.00); \(Self.qinghe) (bids/04-qinghe.xml:14, price lines, "
                    + "lines add up to 6,317,900.00)"
            ]
        )
    }

    @Test func aCommonTwoCharacterNameAloneIsNoSignalButWithTheSamePhoneItIs() throws {
        let nameOnly = try Self.signals([
            ("bids/01-anlan.xml", [("<person>王丽君</person>", "<person>林伟</person>")]),
            ("bids/04-qinghe.xml", [("<person>蒋丹</person>", "<person>林 伟</person>")]),
        ])
        #expect(nameOnly == [])
        let withPhone = try Self.signals([
            ("bids/01-anlan.xml", [("<person>王丽君</person>", "<person>林伟</person>")]),
            (
                "bids/04-qinghe.xml",
                [
                    ("<person>蒋丹</person>", "<person>林 伟</person>"),
                    ("<phone>0576-82936104</phone>", "<phone>0576-84123658</phone>"),
                ]
            ),
        ])
        #expect(
            withPhone == [
                "- Same person (contact person or project manager) (林伟): \(Self.anlan) (bids/01-anlan.xml:8, contact "
                    + "person); \(Self.qinghe) (bids/04-qinghe.xml:8, contact person, written “林 伟”)",
                "- Same phone number (57684123658): \(Self.anlan) (bids/01-anlan.xml:9, contact phone, written "
                    + "“0576-84123658”); \(Self.qinghe) (bids/04-qinghe.xml:9, contact phone, written “0576-84123658”)",
            ]
        )
    }

    @Test(arguments: [("\u{FE00}", "U+FE00"), ("\u{3164}", "U+3164"), ("\u{200B}", "U+200B")])
    func invisibleCharactersInAnAddressDoNotHideIt(_ invisible: (String, String)) throws {
        let items = try Self.signals([
            (
                "bids/04-qinghe.xml",
                [("浙江省台州市路桥区银安街885号青禾大厦1501室", "浙江省台州市黄岩区劳动北路\(invisible.0)218号安澜大厦6楼")]
            )
        ])
        #expect(
            items == [
                "- Same address (浙江省台州市黄岩区劳动北路218号安澜大厦6楼): \(Self.anlan) (bids/01-anlan.xml:12, address); "
                    + "\(Self.qinghe) (bids/04-qinghe.xml:12, address, written “浙江省台州市黄岩区劳动北路\\\\u{\(invisible.1.dropFirst(2))}218号安澜大厦6楼”)"
            ]
        )
    }
}
