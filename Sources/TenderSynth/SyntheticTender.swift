import Foundation
public import TenderCore

/// The content of a synthetic tender without any rendered XML: the rubric, each bid's values and the
/// committee's scores. Use it to build bids in memory (benchmarks); `SyntheticTender` adds the files.
public struct SyntheticTenderModel: Sendable {
    public var seed: UInt64
    public var tenderID: String
    public var budget: Money
    public var rubricYAML: String
    /// Every criterion in rubric order (price first, then objective, then judgement).
    public var criteria: [SyntheticCriterion]
    public var bids: [SyntheticBid]
    /// Committee members, in the order of the score sheet.
    public var members: [String]
    /// One score per member, bidder and judgement criterion (bidders in bid order).
    public var committeeScores: [SyntheticScore]

    public init(
        seed: UInt64,
        tenderID: String,
        budget: Money,
        rubricYAML: String,
        criteria: [SyntheticCriterion],
        bids: [SyntheticBid],
        members: [String],
        committeeScores: [SyntheticScore]
    ) {
        self.seed = seed
        self.tenderID = tenderID
        self.budget = budget
        self.rubricYAML = rubricYAML
        self.criteria = criteria
        self.bids = bids
        self.members = members
        self.committeeScores = committeeScores
    }

    /// Generates `bids` bids scored on `criteria` criteria (at least 2) from `seed`; the same arguments give
    /// the same content on every machine.
    ///
    /// One criterion is the price (30 points, 87号令 lowest-price ratio); from 4 criteria on, one or two are
    /// committee judgements (8 and 5 points, step 0.5); the rest are objective criteria read by XPath with
    /// linear, bands, per-item, yes-no and lookup scales; points sum exactly to 100. Gates: no major violation
    /// in three years, confidentiality and integrity commitments. About 3 % of the bids are built to fail a
    /// gate and 2 % to be abnormally low (at least one of each kind from 8 bids on).
    public static func generate(bids count: Int, criteria: Int, seed: UInt64) -> SyntheticTenderModel {
        let bidCount = max(0, count)
        var random = SyntheticRandom(seed: seed)
        let plan = CriteriaPlan.make(criteria: criteria, random: &random)
        let budgetCents = random.int(in: 500...2000) * 1_000_000
        let tenderID = "SYNTH-\(seed)-\(bidCount)X\(plan.count)"
        // Separate streams, so that a bid's content depends on its position only, not on the bid count.
        let bidStreams = random.derived(1)
        var committeeRandom = random.derived(2)
        var designRandom = random.derived(3)

        // Designs: distinct random positions for the bids built to fail a gate or to be abnormally low.
        var designs = Array(repeating: SyntheticBidDesign.ordinary, count: bidCount)
        var positions = Array(0..<bidCount)
        for index in stride(from: positions.count - 1, to: 0, by: -1) {
            positions.swapAt(index, designRandom.int(in: 0...index))
        }
        var next = 0
        let rates: [(SyntheticBidDesign, Int)] = [
            (.missingConfidentiality, 12), (.unsignedIntegrity, 8), (.recentMajorViolation, 10), (.abnormallyLow, 20),
        ]
        for (design, perMille) in rates {
            let wanted = bidCount >= 8 ? max(1, bidCount * perMille / 1000) : 0
            for _ in 0..<wanted where next < positions.count {
                designs[positions[next]] = design
                next += 1
            }
        }

        let width = max(5, String(bidCount).count)
        var generator = BidGenerator(plan: plan, budgetCents: budgetCents)
        var qualities: [Int] = []
        var bids: [SyntheticBid] = []
        bids.reserveCapacity(bidCount)
        qualities.reserveCapacity(bidCount)
        for index in 0..<bidCount {
            var stream = bidStreams.derived(UInt64(index))
            let quality = stream.int(in: 0...1000)
            qualities.append(quality)
            bids.append(
                generator.bid(
                    index: index,
                    fileName: "bid-\(pad(index + 1, width)).xml",
                    design: designs[index],
                    quality: quality,
                    random: &stream
                )
            )
        }

        // The committee, each member scoring every bidder on every judgement criterion: five members, or seven
        // from a budget of 10 million yuan (87号令 Art 47).
        let committeeSize = budgetCents >= 1_000_000_000 ? 7 : 5
        var members: [String] = []
        while members.count < committeeSize {
            let name =
                committeeRandom.pick(NameTables.surnames) + committeeRandom.pick(NameTables.givenNameCharacters)
                + committeeRandom.pick(NameTables.givenNameCharacters)
            if !members.contains(name) { members.append(name) }
        }
        var scores: [SyntheticScore] = []
        let judgements = plan.filter { if case .judgement = $0.rule { return true } else { return false } }
        for (bid, quality) in zip(bids, qualities) {
            for criterion in judgements {
                let halves = criterion.points * 2 / Fixed.pointScale
                let base = halves * (300 + quality * 6 / 10) / 1000
                // Members agree within one step, except now and then one who sees it quite differently.
                let outlier = committeeRandom.chance(perMille: 20) ? committeeRandom.int(in: 0...4) : -1
                for (position, member) in members.enumerated() {
                    let spread =
                        position == outlier ? committeeRandom.pick([-4, -3, 3, 4]) : committeeRandom.int(in: -1...1)
                    let value = min(halves, max(0, base + spread))
                    scores.append(
                        SyntheticScore(
                            member: member,
                            bidder: bid.name,
                            criterionID: criterion.id,
                            score: BidGenerator.scaled(value * 5, places: 1)
                        )
                    )
                }
            }
        }

        let criteriaDescriptions = plan.map { criterion in
            let kind: SyntheticCriterion.Kind
            switch criterion.rule {
            case .price: kind = .price
            case .objective: kind = .objective
            case .judgement: kind = .judgement
            }
            return SyntheticCriterion(
                id: criterion.id,
                groupID: criterion.group,
                points: BidGenerator.scaled(criterion.points, places: 5),
                kind: kind,
                expression: criterion.expression,
                lowerIsBetter: criterion.lowerIsBetter
            )
        }
        return SyntheticTenderModel(
            seed: seed,
            tenderID: tenderID,
            budget: BidGenerator.scaled(budgetCents, places: 2),
            rubricYAML: RubricYAML.render(
                plan: plan,
                tenderID: tenderID,
                budgetCents: budgetCents,
                bids: bidCount,
                seed: seed,
                members: members.count
            ),
            criteria: criteriaDescriptions,
            bids: bids,
            members: members,
            committeeScores: scores
        )
    }

    /// The native XML of one bid (`urn:tender-eval:bid:1`, valid against `schemas/tender-bid-1.xsd`).
    public func xml(for bid: SyntheticBid) -> String {
        BidXML.render(bid, tenderID: tenderID)
    }

    /// The committee's scores as one CSV sheet: `member,bidder,criterion,score`, LF line ends, UTF-8.
    public var scoreSheetCSV: String {
        var out = "member,bidder,criterion,score\n"
        for score in committeeScores {
            out +=
                "\(Escape.csv(score.member)),\(Escape.csv(score.bidder)),\(Escape.csv(score.criterionID)),"
                + "\(score.score.synthText)\n"
        }
        return out
    }
}

/// A complete synthetic tender as file contents: the rubric, one native XML bid per bidder and the committee's
/// score sheet. No I/O: the caller writes `rubric.yaml`, `bids/<fileName>` and `committee-scores.csv`.
public struct SyntheticTender: Sendable {
    public var rubricYAML: String
    public var bids: [(fileName: String, xml: String)]
    public var scoreSheetCSV: String
    /// The content the files were rendered from.
    public var model: SyntheticTenderModel

    public init(
        rubricYAML: String,
        bids: [(fileName: String, xml: String)],
        scoreSheetCSV: String,
        model: SyntheticTenderModel
    ) {
        self.rubricYAML = rubricYAML
        self.bids = bids
        self.scoreSheetCSV = scoreSheetCSV
        self.model = model
    }

    /// Same arguments, same bytes. See `SyntheticTenderModel.generate(bids:criteria:seed:)` for what is in it.
    public static func generate(bids: Int, criteria: Int, seed: UInt64) -> SyntheticTender {
        let model = SyntheticTenderModel.generate(bids: bids, criteria: criteria, seed: seed)
        return SyntheticTender(
            rubricYAML: model.rubricYAML,
            bids: model.bids.map { ($0.fileName, model.xml(for: $0)) },
            scoreSheetCSV: model.scoreSheetCSV,
            model: model
        )
    }
}
