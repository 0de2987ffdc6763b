import Foundation
import TenderCore
import TenderModel
import TenderReport

/// A realistic evaluation built by hand (the scoring engine is not used): the district logistics-services
/// tender with three valid bidders that all total 80.50 (one wins on its lower evaluated price, two are
/// declared tied), SME deductions, a five-member committee, an abnormally low price, one bid disqualified for
/// a major violation and one bid that could not be read.
enum Sample {
    static func decimal(_ text: String) -> ExactRatio {
        guard let value = try? ExactRatio(parsing: text) else { fatalError("bad decimal literal \(text)") }
        return value
    }

    static func decimal(_ text: String) -> Points {
        guard let value = try? Points(parsing: text) else { fatalError("bad points literal \(text)") }
        return value
    }

    static func decimal(_ text: String) -> Money {
        guard let value = try? Money(parsing: text) else { fatalError("bad money literal \(text)") }
        return value
    }

    /// Exact arithmetic on the sample's small values, which cannot overflow.
    static func exact(_ body: () throws(FixedPointOverflow) -> ExactRatio) -> ExactRatio {
        do {
            return try body()
        } catch {
            fatalError("sample arithmetic overflowed: \(error)")
        }
    }

    static let members = ["刘洋", "张伟", "李娜", "王强", "陈静"]
    static let file = "rubrics/logistics.yaml"

    static func location(_ line: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: 5)
    }

    static func criterion(_ id: String, _ zh: String, _ en: String, _ points: String, _ rule: CriterionRule)
        -> Criterion
    {
        Criterion(
            id: id,
            name: LocalizedText(zh: zh, en: en),
            points: decimal(points),
            rule: rule,
            guidance: nil,
            location: location(40)
        )
    }

    static func objective(_ value: String, _ scale: Scale) -> CriterionRule {
        .objective(ObjectiveRule(value: value, scale: scale))
    }

    static let staffBands: [Band] = [
        Band(from: 0, to: 16, points: 2, location: location(50)),
        Band(from: 16, to: 31, points: 6, location: location(51)),
        Band(from: 31, to: nil, points: 10, location: location(52)),
    ]

    static func rubric() -> Rubric {
        let judgement = CriterionRule.judgement(JudgementRule(step: decimal("0.5"), bands: []))
        let groups = [
            CriterionGroup(
                id: "price",
                name: LocalizedText(zh: "价格", en: "Price"),
                points: 30,
                criteria: [criterion("price", "投标报价", "Bid price", "30", .price(.lowestPriceRatio))],
                location: location(30)
            ),
            CriterionGroup(
                id: "capability",
                name: LocalizedText(zh: "服务能力", en: "Capability"),
                points: 40,
                criteria: [
                    criterion(
                        "staff",
                        "派驻人员数量",
                        "Staff assigned",
                        "10",
                        objective("count(b:staff/b:person)", .bands(staffBands))
                    ),
                    criterion(
                        "coverage",
                        "准时响应率",
                        "On-time response rate",
                        "6",
                        objective(
                            "b:service/@onTimeRate",
                            .linear(lower: 80, upper: 100, lowerPoints: 0, upperPoints: 6)
                        )
                    ),
                    criterion(
                        "spares",
                        "备品备件",
                        "Spare parts",
                        "8",
                        objective("count(b:spareParts/b:item)", .perItem(each: decimal("0.5"), cap: 8))
                    ),
                    criterion("plan", "服务方案", "Service plan", "16", judgement),
                ],
                location: location(60)
            ),
            CriterionGroup(
                id: "quality",
                name: LocalizedText(zh: "质量", en: "Quality"),
                points: 20,
                criteria: [
                    criterion(
                        "iso9001",
                        "ISO 9001 认证",
                        "ISO 9001 certificate",
                        "4",
                        objective("boolean(b:certifications/b:cert[@type='ISO9001'])", .yesNo(yes: 4, no: 0))
                    ),
                    criterion(
                        "rating",
                        "行业信用等级",
                        "Industry credit rating",
                        "6",
                        objective(
                            "string(b:rating)",
                            .lookup(
                                entries: [
                                    LookupEntry(key: "AAA", points: 6), LookupEntry(key: "AA", points: 4),
                                    LookupEntry(key: "A", points: 2),
                                ],
                                otherwise: 0
                            )
                        )
                    ),
                    criterion("quality-plan", "质量保障措施", "Quality assurance", "10", judgement),
                ],
                location: location(80)
            ),
            CriterionGroup(
                id: "reputation",
                name: LocalizedText(zh: "信誉", en: "Reputation"),
                points: 10,
                criteria: [
                    criterion(
                        "satisfaction",
                        "服务满意度",
                        "Client satisfaction",
                        "6",
                        objective(
                            "b:references/@satisfaction",
                            .linear(lower: 82, upper: 100, lowerPoints: 0, upperPoints: 6)
                        )
                    ),
                    criterion(
                        "contracts",
                        "类似项目业绩",
                        "Similar contracts",
                        "4",
                        objective("count(b:references/b:contract)", .perItem(each: 1, cap: 4))
                    ),
                ],
                location: location(95)
            ),
        ]
        return Rubric(
            file: file,
            tender: TenderHeader(
                id: "HZ-2024-017",
                title: LocalizedText(zh: "区政府机关后勤服务外包项目", en: "District government logistics services outsourcing"),
                buyer: LocalizedText(zh: "某区机关事务管理局", en: "District Government Offices Administration"),
                currency: "CNY",
                budget: decimal("2600000"),
                method: .comprehensive,
                decimals: 2,
                rounding: .perCriterion,
                minimumValidBids: 3,
                tieBreak: [.technicalScore],
                evaluationDate: "2024-06-15",
                profile: "cn-87",
                location: location(1)
            ),
            namespaces: [NamespaceBinding(prefix: "b", uri: "urn:tender-eval:bid:1")],
            pricePolicy: PricePolicy(sizeDeductions: [.micro: 10, .small: 10], abnormallyLowPercent: 20),
            committee: CommitteePolicy(members: 5, aggregation: .mean, disagreementPercent: 30),
            gates: [
                Gate(
                    id: "no-major-violation",
                    name: LocalizedText(zh: "近三年无重大违法记录", en: "No major violation in 3 years"),
                    rule: .noViolations(severity: .major, withinYears: 3),
                    location: location(20)
                ),
                Gate(
                    id: "confidentiality",
                    name: LocalizedText(zh: "保密承诺书", en: "Confidentiality commitment"),
                    rule: .commitment(kind: "confidentiality"),
                    location: location(24)
                ),
            ],
            groups: groups
        )
    }

    /// What one valid bidder offered, in the rubric's terms.
    struct Offer {
        var file: String
        var name: String
        var registrationID: String
        var size: EnterpriseSize
        var bid: String
        var staff: Int
        var coverage: String
        var spares: Int
        var plan: [String]
        var iso: Bool
        var rating: String
        var qualityPlan: [String]
        var satisfaction: String
        var contracts: Int
    }

    static let offers: [Offer] = [
        Offer(
            file: "bids/jiemei.xml",
            name: "广州洁美物业管理有限公司",
            registrationID: "91440101MA5CXXXX1A",
            size: .large,
            bid: "2277000",
            staff: 35,
            coverage: "95.5",
            spares: 12,
            plan: ["13", "12.5", "13", "14", "13.5"],
            iso: true,
            rating: "AA",
            qualityPlan: ["8", "7.5", "8", "9", "8.5"],
            satisfaction: "93.2",
            contracts: 3
        ),
        Offer(
            file: "bids/anda.xml",
            name: "深圳安达后勤服务有限公司",
            registrationID: "91440300MA5DXXXX2B",
            size: .small,
            bid: "2530000",
            staff: 28,
            coverage: "96.5",
            spares: 20,
            plan: ["14", "9", "13.5", "14", "13.5"],
            iso: true,
            rating: "AAA",
            qualityPlan: ["8.5", "8", "8.5", "9", "8"],
            satisfaction: "89.9",
            contracts: 5
        ),
        Offer(
            file: "bids/xincheng.xml",
            name: "珠海新城保洁服务有限公司",
            registrationID: "91440400MA4EXXXX3C",
            size: .micro,
            bid: "2000000",
            staff: 35,
            coverage: "78",
            spares: 16,
            plan: ["11", "10.5", "11", "12", "11.5"],
            iso: true,
            rating: "AAA",
            qualityPlan: ["7", "7.5", "6.5", "7", "7"],
            satisfaction: "88.9",
            contracts: 2
        ),
    ]

    static func passedGates(_ offer: Offer) -> [GateResult] {
        [
            GateResult(
                gateID: "no-major-violation",
                passed: true,
                finding: .violations([], severity: .major, since: "2021-06-15")
            ),
            GateResult(
                gateID: "confidentiality",
                passed: true,
                finding: .commitment(kind: "confidentiality", signedOn: "2024-06-01", line: 88)
            ),
        ]
    }

    static func round(_ value: ExactRatio) -> Points {
        guard let rounded = try? Points(rounding: value, places: 2) else { fatalError("cannot round \(value)") }
        return rounded
    }

    static func score(_ id: String, _ group: String, _ unrounded: ExactRatio, _ basis: ScoreBasis) -> CriterionScore {
        CriterionScore(criterionID: id, groupID: group, points: round(unrounded), unrounded: unrounded, basis: basis)
    }

    static func judgement(_ id: String, _ group: String, _ scores: [String]) -> CriterionScore {
        let values: [Points] = scores.map { decimal($0) }
        let sum = Points(units: values.reduce(0) { $0 + $1.units })
        let memberScores = zip(members, values).enumerated().map { index, pair in
            MemberScore(
                member: pair.0,
                score: pair.1,
                location: SourceLocation(file: "sheets/\(index + 1).csv", line: 2, column: 4)
            )
        }
        let aggregate = JudgementAggregate(
            scores: memberScores,
            aggregation: .mean,
            dropped: [],
            sum: sum,
            count: values.count
        )
        return score(
            id,
            group,
            exact { () throws(FixedPointOverflow) in try sum.ratio / ExactRatio(values.count) },
            .judgement(aggregate)
        )
    }

    static func linear(
        _ id: String,
        _ group: String,
        _ value: String,
        lower: ExactRatio,
        upper: ExactRatio,
        points: Points,
        line: Int
    )
        -> CriterionScore
    {
        let raw: ExactRatio = decimal(value)
        let clamped = min(max(raw, lower), upper)
        let unrounded = exact { () throws(FixedPointOverflow) in
            try (try clamped - lower) * points.ratio / (try upper - lower)
        }
        return score(
            id,
            group,
            unrounded,
            .objective(
                fact: .number(raw),
                line: line,
                applied: .linear(value: clamped, lower: lower, upper: upper, lowerPoints: 0, upperPoints: points)
            )
        )
    }

    static func perItem(_ id: String, _ group: String, _ count: Int, each: Points, cap: Points, line: Int)
        -> CriterionScore
    {
        let product = exact { () throws(FixedPointOverflow) in try ExactRatio(count) * each.ratio }
        return score(
            id,
            group,
            min(product, cap.ratio),
            .objective(
                fact: .number(ExactRatio(count)),
                line: line,
                applied: .perItem(count: ExactRatio(count), each: each, cap: cap)
            )
        )
    }

    static func evaluatedPrice(_ offer: Offer) -> Money {
        let deduction: Int64 = offer.size == .small || offer.size == .micro ? 10 : 0
        let bid: Money = decimal(offer.bid)
        // Whole-percent deductions of amounts in cents stay within Money's six decimals.
        return Money(units: bid.units * (100 - deduction) / 100)
    }

    static func prices() -> [Money] {
        offers.map(evaluatedPrice)
    }

    static func valid(_ offer: Offer, lowest: Money, highest: Money) -> BidResult {
        let deduction: ExactRatio = offer.size == .small || offer.size == .micro ? 10 : 0
        let evaluated = evaluatedPrice(offer)
        let price = PriceEvaluation(
            bidTotal: decimal(offer.bid),
            currency: "CNY",
            deductionPercent: deduction,
            evaluatedPrice: evaluated,
            formula: .lowestPriceRatio,
            lowest: lowest,
            highest: highest,
            maximumPoints: 30
        )
        let band = staffBands.last { ExactRatio(offer.staff) >= $0.from }
        let ratingPoints: [String: Points] = ["AAA": 6, "AA": 4, "A": 2]
        let scores: [CriterionScore] = [
            score(
                "price",
                "price",
                exact { () throws(FixedPointOverflow) in
                    try ExactRatio(Int128(lowest.units) * 30, Int128(evaluated.units))
                },
                .price(price)
            ),
            score(
                "staff",
                "capability",
                band?.points.ratio ?? 0,
                .objective(fact: .number(ExactRatio(offer.staff)), line: 41, applied: .band(band))
            ),
            linear("coverage", "capability", offer.coverage, lower: 80, upper: 100, points: 6, line: 45),
            perItem("spares", "capability", offer.spares, each: decimal("0.5"), cap: 8, line: 52),
            judgement("plan", "capability", offer.plan),
            score(
                "iso9001",
                "quality",
                offer.iso ? 4 : 0,
                .objective(fact: .boolean(offer.iso), line: 60, applied: .yesNo(offer.iso, yes: 4, no: 0))
            ),
            score(
                "rating",
                "quality",
                ratingPoints[offer.rating]?.ratio ?? 0,
                .objective(
                    fact: .text(offer.rating),
                    line: 62,
                    applied: .lookup(key: offer.rating, matched: ratingPoints[offer.rating] != nil)
                )
            ),
            judgement("quality-plan", "quality", offer.qualityPlan),
            linear("satisfaction", "reputation", offer.satisfaction, lower: 82, upper: 100, points: 6, line: 70),
            perItem("contracts", "reputation", offer.contracts, each: 1, cap: 4, line: 71),
        ]
        let groups = ["price", "capability", "quality", "reputation"].map { group in
            GroupScore(
                groupID: group,
                points: Points(units: scores.filter { $0.groupID == group }.reduce(0) { $0 + $1.points.units })
            )
        }
        let total = Points(units: scores.reduce(0) { $0 + $1.points.units })
        return BidResult(
            file: offer.file,
            bidderName: offer.name,
            registrationID: offer.registrationID,
            size: offer.size,
            submittedAt: "2024-06-10T09:30:00+08:00",
            status: .valid,
            gates: passedGates(offer),
            criterionScores: scores,
            groupScores: groups,
            total: total,
            unroundedTotal: total.ratio,
            price: price
        )
    }

    /// The evaluation; `rename` lets a test give the bidders hostile names.
    static func evaluation(renaming rename: [String: String] = [:]) -> Evaluation {
        var offers = offers
        for index in offers.indices {
            offers[index].name = rename[offers[index].name] ?? offers[index].name
        }
        let evaluated = prices()
        let lowest = evaluated.min() ?? 0
        let highest = evaluated.max() ?? 0
        var jiemei = valid(offers[0], lowest: lowest, highest: highest)
        var anda = valid(offers[1], lowest: lowest, highest: highest)
        var xincheng = valid(offers[2], lowest: lowest, highest: highest)

        // All three total 80.50: 新城 ranks first on its lower evaluated price; 洁美 and 安达 share rank 2.
        xincheng.rank = 1
        xincheng.decidedBy = .lowerEvaluatedPrice
        jiemei.rank = 2
        anda.rank = 2
        jiemei.tiedWith = [anda.displayName]
        anda.tiedWith = [jiemei.displayName]
        let othersMean = exact { () throws(FixedPointOverflow) in try (try evaluated[0] + evaluated[1]).ratio / 2 }
        let lowFlag = Flag.abnormallyLowPrice(
            bidder: xincheng.displayName,
            evaluatedPrice: evaluated[2],
            meanOfOthers: othersMean,
            percentBelow: exact { () throws(FixedPointOverflow) in
                try (try othersMean - evaluated[2].ratio) * 100 / othersMean
            }
        )
        let tieFlag = Flag.declaredTie(bidders: [jiemei.displayName, anda.displayName], rank: 2)
        let disagreement = Flag.scoreDisagreement(
            bidder: anda.displayName,
            criterionID: "plan",
            lowest: 9,
            highest: 14,
            threshold: decimal("4.8"),
            outliers: []
        )
        xincheng.flags = [lowFlag]
        jiemei.flags = [tieFlag]
        anda.flags = [disagreement, tieFlag]

        let hongda = BidResult(
            file: "bids/hongda.xml",
            bidderName: "佛山宏达物业服务有限公司",
            registrationID: "91440600MA5FXXXX4D",
            size: .medium,
            submittedAt: "2024-06-11T15:00:00+08:00",
            status: .disqualified,
            gates: [
                GateResult(
                    gateID: "no-major-violation",
                    passed: false,
                    finding: .violations(
                        [
                            Violation(
                                date: "2022-09-14",
                                severity: .major,
                                description: "虚假宣传，被处罚款人民币二十万元",
                                authority: "佛山市市场监督管理局",
                                line: 97
                            )
                        ],
                        severity: .major,
                        since: "2021-06-15"
                    )
                ),
                GateResult(
                    gateID: "confidentiality",
                    passed: true,
                    finding: .commitment(kind: "confidentiality", signedOn: "2024-06-03", line: 90)
                ),
            ]
        )
        let broken = BidResult(
            file: "bids/unreadable.xml",
            bidderName: nil,
            registrationID: nil,
            size: nil,
            submittedAt: nil,
            status: .notEvaluated,
            problems: [
                .error(
                    "bid uses an entity declaration; entities are not allowed in bids",
                    at: SourceLocation(file: "bids/unreadable.xml", line: 3, column: 1)
                )
            ]
        )

        return Evaluation(
            rubric: rubric(),
            outcome: .ranked,
            results: [xincheng, jiemei, anda, hongda, broken],
            priceBase: PriceBase(lowest: lowest, highest: highest, lowestBidder: xincheng.displayName),
            members: members,
            flags: [lowFlag, disagreement, tieFlag],
            diagnostics: [
                .warning(
                    "bid does not name the tender it answers",
                    at: SourceLocation(file: "bids/xincheng.xml", line: 2, column: 1)
                )
            ]
        )
    }

    static let inputs = [
        ReportInput(path: "sheets/2.csv", sha256: String(repeating: "2", count: 64)),
        ReportInput(path: "bids/anda.xml", sha256: String(repeating: "a", count: 64)),
        ReportInput(path: "rubrics/logistics.yaml", sha256: String(repeating: "0", count: 64)),
        ReportInput(path: "bids/jiemei.xml", sha256: String(repeating: "b", count: 64)),
    ]

    static func context(_ language: ReportLanguage) -> ReportContext {
        ReportContext(language: language, toolVersion: "0.1.0", inputs: inputs)
    }
}
