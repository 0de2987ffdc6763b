import Foundation
import TenderCore
import TenderIntake
import TenderModel
import TenderRubric
import Testing

@testable import TenderScoring

@Suite struct CollusionNormalisingTests {
    @Test(arguments: [
        "+86 576-8888 1234", "0576 88881234", "(0576) 8888-1234", "0086 576 88881234", "＋８６ ５７６ ８８８８ １２３４",
        "+86 (0)576 88881234",
    ])
    func chinesePhoneNumbersWrittenDifferentlyAreOneNumber(_ written: String) {
        #expect(CollusionNormalising.phone(written) == "57688881234")
    }

    @Test func mobileNumbersWithAndWithoutTheCountryCodeMatch() {
        #expect(CollusionNormalising.phone("+86 138 0000 1234") == CollusionNormalising.phone("138-0000-1234"))
    }

    @Test func anotherCountryCodeIsKeptAndShortNumbersAreNotCompared() {
        #expect(CollusionNormalising.phone("+44 20 7946 0000") == "+442079460000")
        #expect(CollusionNormalising.phone("+44 20 7946 0000") != CollusionNormalising.phone("020 7946 0000"))
        #expect(CollusionNormalising.phone("110") == nil)
        #expect(CollusionNormalising.phone("n/a") == nil)
    }

    /// Keys of plain ASCII and CJK ideographs skip the character-by-character fold; they fold to what it gives.
    @Test(arguments: [
        "绍兴市鑫隆保洁服务集团有限公司", "浙江省绍兴市城区长江路619号", "tender@xinlong.example.cn", "0575-46564054",
        "Tender@XinLong.example.cn", "王 芳", "Acme  Property Ltd", "（浙江）物业", "ＡＢＣ物业", "a\u{200B}b",
        "~!@#$%^&*()_+{}|:<>?`[]\\;',./\"",
    ])
    func theShortcutFoldsAsTheCharacterByCharacterFold(_ written: String) {
        let key = BidderIdentity.nameKey(written)?.value ?? ""
        #expect(CollusionNormalising.folded(written) == CollusionNormalising.foldedByCharacter(key))
    }

    @Test func emailIsCaseInsensitiveAndNeedsAnAt() {
        #expect(CollusionNormalising.email(" Tender@Anlan-WY.example.CN ") == "tender@anlan-wy.example.cn")
        #expect(CollusionNormalising.email("none") == nil)
    }

    @Test func namesFoldWidthCaseSpacesAndInvisibleCharacters() {
        #expect(CollusionNormalising.folded("王 芳") == CollusionNormalising.folded("王芳"))
        #expect(CollusionNormalising.folded("王\u{200B}芳") == "王芳")
        #expect(CollusionNormalising.folded("  Li   MING ") == "li ming")
        #expect(CollusionNormalising.folded("ＡＢＣ") == "abc")
    }

    @Test func sentencesSplitAtChineseAndAsciiEndsButNotInsideNumbers() {
        #expect(
            CollusionNormalising.sentences("第一句。第二句；Third  one. 3.5 stays！ＥＮＤ").map(\.folded)
                == ["第一句", "第二句", "third one", "3.5 stays", "end"]
        )
        #expect(
            CollusionNormalising.sentences("考评结果与服务费支付挂钩，并按月提交。").map(\.written)
                == ["考评结果与服务费支付挂钩，并按月提交"]
        )
    }
}

@Suite struct CollusionTests {
    static let rubric = Build.rubric(groups: [Build.priceGroup("100")])

    static func bid(
        _ name: String,
        price: String? = nil,
        bidder: (inout Bidder) -> Void = { _ in },
        commitments: [Commitment] = [],
        attachments: [TenderModel.Attachment] = [],
        lines: [PriceLine] = []
    ) -> Bid {
        var who = Bidder(name: name, line: 3)
        bidder(&who)
        // Without a stated price each bidder gets its own, in no pattern (1000 + the square of the name's code).
        let code = name.unicodeScalars.reduce(0) { $0 + Int($1.value) }
        let price = price ?? String(1000 + code * code)
        return Bid(
            file: "\(name).xml",
            format: .native,
            tenderReference: "T-1",
            submittedAt: nil,
            bidder: who,
            price: BidPrice(total: Build.decimal(price), currency: "CNY", lines: lines, line: 10),
            commitments: commitments,
            violations: [],
            attachments: attachments,
            facts: [:]
        )
    }

    @Test func sharedPhoneWrittenDifferentlyIsOneSignalWithBothWritings() {
        let signals = Collusion.signals(
            [
                Self.bid("A") {
                    $0.phone = "+86 576-8888 1234"
                    $0.fieldLines[.phone] = 9
                },
                Self.bid("B") {
                    $0.phone = "0576 88881234"
                    $0.fieldLines[.phone] = 12
                },
                Self.bid("C") { $0.phone = "0576 88881235" },
            ],
            rubric: Self.rubric
        )
        #expect(
            signals == [
                CollusionSignal(
                    kind: .sharedPhone,
                    value: "57688881234",
                    evidence: [
                        CollusionEvidence(
                            bidder: "A",
                            file: "A.xml",
                            line: 9,
                            field: .contactPhone,
                            written: "+86 576-8888 1234"
                        ),
                        CollusionEvidence(
                            bidder: "B",
                            file: "B.xml",
                            line: 12,
                            field: .contactPhone,
                            written: "0576 88881234"
                        ),
                    ]
                )
            ]
        )
    }

    @Test func contactPersonOfOneBidderIsProjectManagerOfAnother() {
        let signals = Collusion.signals(
            [
                Self.bid("A") { $0.contactPerson = "张 伟明" },
                Self.bid("B") { $0.projectManagers = [ProjectManager(name: "张伟明", line: 30)] },
            ],
            rubric: Self.rubric
        )
        #expect(signals.map(\.kind) == [.sharedPerson])
        #expect(signals.first?.evidence.map(\.field) == [.contactPerson, .projectManager])
        #expect(signals.first?.value == "张伟明")
    }

    @Test func aCommonTwoCharacterNameAloneIsNoSignalButWithTheSamePhoneItIs() {
        let nameOnly = Collusion.signals(
            [
                Self.bid("A") { $0.contactPerson = "林伟" },
                Self.bid("B") { $0.projectManagers = [ProjectManager(name: "林 伟", line: 30)] },
                Self.bid("C") {
                    $0.contactPerson = "林伟"
                    $0.phone = "0576 88881234"
                },
            ],
            rubric: Self.rubric
        )
        #expect(nameOnly.isEmpty)
        let withPhone = Collusion.signals(
            [
                Self.bid("A") {
                    $0.contactPerson = "林伟"
                    $0.email = "lw@a.example.cn"
                },
                Self.bid("B") {
                    $0.projectManagers = [ProjectManager(name: "林 伟", phone: "+86 576 8888 1234", line: 30)]
                },
                Self.bid("C") {
                    $0.contactPerson = "林伟"
                    $0.phone = "0576 88881234"
                },
            ],
            rubric: Self.rubric
        )
        #expect(withPhone.map(\.kind) == [.sharedPerson, .sharedPhone])
        #expect(withPhone.first?.bidders == ["B", "C"])
    }

    @Test func oneBiddersOwnRepeatsAreNoSignal() {
        let signals = Collusion.signals(
            [
                Self.bid("A") {
                    $0.contactPerson = "张伟"
                    $0.projectManagers = [ProjectManager(name: "张伟", phone: "0576 88881234")]
                    $0.phone = "+86 576 8888 1234"
                },
                Self.bid("B"),
            ],
            rubric: Self.rubric
        )
        #expect(signals.isEmpty)
    }

    @Test func attachmentEveryBidDeclaresIsTheTendersFormButTwoSharingIsASignal() {
        let form = TenderModel.Attachment(
            name: "投标函格式.pdf",
            type: nil,
            sha256: String(repeating: "a", count: 64),
            line: 40
        )
        let scan = TenderModel.Attachment(
            name: "licence.pdf",
            type: nil,
            sha256: String(repeating: "B", count: 64),
            line: 41
        )
        let signals = Collusion.signals(
            [
                Self.bid("A", attachments: [form, scan]), Self.bid("B", attachments: [form, scan]),
                Self.bid("C", attachments: [form]),
            ],
            rubric: Self.rubric
        )
        #expect(signals.map(\.kind) == [.identicalAttachment])
        #expect(signals.first?.value == String(repeating: "b", count: 64))
        #expect(signals.first?.bidders == ["A", "B"])
    }

    @Test func templatePassagesAreNotSignalsButAnUnusualOneIs() {
        let template = "服从采购人的日检查、周巡查、月考评，考评结果与服务费支付挂钩，并按月提交书面服务报告。"
        let unusual = "本公司另行承诺在黄岩区设立二十四小时备件中转站并配备两名专职司机随时待命。"
        let short = "特种作业人员全部持证上岗。"
        func commitment(_ text: String) -> Commitment {
            Commitment(kind: "technical-service", signedOn: "2020-11-16", text: text, line: 50)
        }
        let signals = Collusion.signals(
            [
                Self.bid("A", commitments: [commitment(template + unusual + short)]),
                Self.bid("B", commitments: [commitment(template + short + unusual)]),
                Self.bid("C", commitments: [commitment(template + short)]),
                Self.bid("D", commitments: [commitment(template + short)]),
                Self.bid("E", commitments: [commitment(template)]),
            ],
            rubric: Self.rubric
        )
        #expect(signals.map(\.kind) == [.identicalPassage])
        #expect(signals.first?.value == String(unusual.dropLast()))
        #expect(signals.first?.bidders == ["A", "B"])
    }

    @Test func identicalBreakdownAndTheSameArithmeticError() {
        let lines = [
            PriceLine(item: "保洁服务", amount: Build.decimal("60.10"), line: 11),
            PriceLine(item: "会务服务", amount: Build.decimal("38.90"), line: 12),
        ]
        let signals = Collusion.signals(
            [
                Self.bid("A", price: "100", lines: lines), Self.bid("B", price: "100", lines: lines.reversed()),
                Self.bid("C"),
            ],
            rubric: Self.rubric
        )
        #expect(signals.map(\.kind) == [.identicalPriceBreakdown, .identicalArithmeticError])
        #expect(signals.last?.value == "1")
        #expect(signals.last?.evidence.map(\.written) == ["99", "99"])
    }

    @Test func roundingGapsOfAFewFenAreNotErrors() {
        let lines = { (second: String) in
            [
                PriceLine(item: "保洁服务", amount: Build.decimal("60.10"), line: 11),
                PriceLine(item: "会务服务", amount: Build.decimal(second), line: 12),
            ]
        }
        #expect(
            Collusion.signals(
                [
                    Self.bid("A", price: "100", lines: lines("39.89")),
                    Self.bid("B", price: "100", lines: lines("39.89")),
                ]
                    + [Self.bid("C")],
                rubric: Self.rubric
            ).map(\.kind) == [.identicalPriceBreakdown]
        )
        // The same 0.99 gap in two different breakdowns: still rounding, not a copied error.
        let other = [
            PriceLine(item: "保洁", amount: Build.decimal("50.00"), line: 11),
            PriceLine(item: "会务", amount: Build.decimal("49.01"), line: 12),
        ]
        #expect(
            Collusion.signals(
                [Self.bid("A", price: "100", lines: lines("38.91")), Self.bid("B", price: "100", lines: other)],
                rubric: Self.rubric
            ).isEmpty
        )
        #expect(Collusion.minimumArithmeticError(currency: "CNY") == 1)
        #expect(Collusion.minimumArithmeticError(currency: "JPY") == 100)
    }

    @Test func aPassageInFourOfNineBidsIsTemplateButInTwoOfNineItIsASignal() {
        let passage = "投标文件所列项目经理及主要管理、技术人员全部派驻本项目，未经采购人书面同意不予更换。"
        func commitment(_ text: String) -> Commitment {
            Commitment(kind: "technical-service", signedOn: "2020-11-16", text: text, line: 50)
        }
        let names = ["A", "B", "C", "D", "E", "F", "G", "H", "I"]
        func bids(sharing count: Int) -> [Bid] {
            names.enumerated().map { index, name in
                Self.bid(name, commitments: index < count ? [commitment(passage)] : [])
            }
        }
        #expect(Collusion.signals(bids(sharing: 4), rubric: Self.rubric).isEmpty)
        #expect(Collusion.signals(bids(sharing: 3), rubric: Self.rubric).isEmpty)
        #expect(Collusion.signals(bids(sharing: 2), rubric: Self.rubric).map(\.kind) == [.identicalPassage])
        // Three of ten is less than a third: the three are flagged.
        let ten = bids(sharing: 3) + [Self.bid("J")]
        #expect(Collusion.signals(ten, rubric: Self.rubric).map(\.bidders) == [["A", "B", "C"]])
    }

    @Test(arguments: ["\u{FE00}", "\u{3164}", "\u{200B}", "\u{FEFF}", "\u{180E}"])
    func invisibleCharactersCannotHideASharedAddress(_ invisible: String) {
        let signals = Collusion.signals(
            [
                Self.bid("A") { $0.address = "浙江省台州市黄岩区劳动北路218号" },
                Self.bid("B") { $0.address = "浙江省台州市黄岩区劳动\(invisible)北路218号" },
            ],
            rubric: Self.rubric
        )
        #expect(signals.map(\.kind) == [.sharedAddress])
        #expect(CollusionNormalising.folded("劳动\(invisible)北路") == "劳动北路")
    }

    @Test func identicalPricesNeedThreeBidders() {
        let two = Collusion.signals(
            [Self.bid("A", price: "100"), Self.bid("B", price: "100"), Self.bid("C", price: "250")],
            rubric: Self.rubric
        )
        #expect(two.isEmpty)
        let three = Collusion.signals(
            [Self.bid("A", price: "100"), Self.bid("B", price: "100"), Self.bid("C", price: "100")],
            rubric: Self.rubric
        )
        #expect(three.map(\.kind) == [.identicalPrices])
        #expect(three.first?.value == "100")
    }

    @Test func constantStepsAreFoundAroundAnHonestBidAndReportedOnceAtFullLength() {
        let bids = [
            Self.bid("A", price: "9000000"), Self.bid("B", price: "9100000"), Self.bid("C", price: "9200000"),
            Self.bid("D", price: "9300000"), Self.bid("Honest", price: "9137215.55"),
        ]
        let signals = Collusion.signals(bids, rubric: Self.rubric)
        #expect(signals.map(\.kind) == [.constantPriceSteps])
        #expect(signals.first?.value == "100000")
        #expect(signals.first?.bidders == ["A", "B", "C", "D"])
    }

    @Test func fixedRatioWithRoundingToTheFenIsFoundButANearMissIsNot() {
        // 9,123,456.78 × 1.03 = 9,397,160.4834 → 9,397,160.48; × 1.03 = 9,679,075.2944 → 9,679,075.29.
        let rounded = [
            Self.bid("A", price: "9123456.78"), Self.bid("B", price: "9397160.48"), Self.bid("C", price: "9679075.29"),
        ]
        let signals = Collusion.signals(rounded, rubric: Self.rubric)
        #expect(signals.map(\.kind) == [.fixedPriceRatio])
        #expect(signals.first?.value == "1.03")
        let nearMiss = [
            Self.bid("A", price: "9123456.78"), Self.bid("B", price: "9397160.48"), Self.bid("C", price: "9679075.31"),
        ]
        #expect(Collusion.signals(nearMiss, rubric: Self.rubric).isEmpty)
    }

    @Test func arithmeticProgressionIsNotAlsoReportedAsARatio() {
        let bids = [Self.bid("A", price: "100"), Self.bid("B", price: "101"), Self.bid("C", price: "102")]
        #expect(Collusion.signals(bids, rubric: Self.rubric).map(\.kind) == [.constantPriceSteps])
    }

    @Test func signalsAreFlagsThatChangeNoScore() throws {
        let shared: (inout Bidder) -> Void = { $0.email = "same@example.cn" }
        let outcomes =
            [Self.bid("A", price: "100", bidder: shared), Self.bid("B", price: "120", bidder: shared)]
            .map { BidImportOutcome.imported($0, warnings: []) } + [Build.bid("C", price: "130")]
        let rubric = Build.rubric(groups: [Build.priceGroup("100")], minimumValidBids: 3)
        let evaluation = try TenderEvaluator.evaluate(rubric: rubric, bids: outcomes, scores: [])
        #expect(evaluation.validResults.count == 3)
        #expect(evaluation.validResults.map(\.displayName) == ["A", "B", "C"])
        let collusion = evaluation.flags.filter {
            if case .possibleCollusion = $0 { return true }
            return false
        }
        #expect(collusion.count == 1)
        #expect(evaluation.results.first { $0.displayName == "A" }?.flags.contains(collusion[0]) == true)
        #expect(evaluation.results.first { $0.displayName == "C" }?.flags.contains(collusion[0]) == false)
    }
}
