import TenderCore
import TenderModel

/// The parts of the report the committee signs: the cover, the one-page summary, the member × bidder ×
/// criterion score matrix and the signature block.
extension ReportBuilder {
    var signedWords: SignedReportLabels { SignedReportLabels.labels(for: language) }

    /// At most this many candidates are recommended, in rank order (87号令 Art 56 lets the purchaser appoint the
    /// winner from the first three).
    static let maximumCandidates = 3

    // MARK: - Cover

    func coverSection() -> Section {
        let tender = rubric.tender
        var blocks: [Block] = [
            .keyValue([
                KeyValue(key: "\(labels.tenderID)", value: .user(tender.id)),
                KeyValue(key: "\(labels.tenderTitle)", value: .user(tender.title.text(in: language))),
                KeyValue(key: "\(labels.buyer)", value: .user(tender.buyer.text(in: language))),
                KeyValue(key: "\(labels.method)", value: "\(labels.methodName(tender.method))"),
                KeyValue(key: "\(labels.evaluationDate)", value: .user(tender.evaluationDate)),
                KeyValue(key: "\(signedWords.status)", value: "\(signedWords.statusName(evaluation.conclusion))"),
            ])
        ]
        if let committee = evaluation.committee {
            blocks.append(.paragraph("\(signedWords.committeeMembers)", style: .strong))
            blocks.append(
                .table(
                    Table(
                        headers: ["\(signedWords.seat)", "\(signedWords.name)", "\(signedWords.role)"],
                        alignments: [.name, .name, .left],
                        rows: chairFirst(committee).map { member in
                            [.user(member.id), .user(member.name), roleText(member)]
                        }
                    )
                )
            )
        } else if !evaluation.members.isEmpty {
            blocks.append(.paragraph("\(signedWords.committeeMembers)", style: .strong))
            blocks.append(.paragraph(joinedNames(evaluation.members)))
        }
        return Section(
            level: 2,
            title: "\(signedWords.coverSection)",
            anchor: "cover",
            pageBreakBefore: false,
            blocks: blocks
        )
    }

    /// The chair, then the others in the committee file's order.
    func chairFirst(_ committee: Committee) -> [CommitteeMember] {
        committee.members.filter(\.isChair) + committee.members.filter { !$0.isChair }
    }

    private func roleText(_ member: CommitteeMember) -> RichText {
        let role = signedWords.roleName(member.role)
        return "\(member.isChair ? role + labels.listSeparator + signedWords.chair : role)"
    }

    // MARK: - Summary

    /// Outcome, ranking and the recommended candidates, on one printed page. It keeps the outcome's title: it is
    /// the page that states the result.
    func summarySection() -> Section {
        var blocks = outcomeBlocks()
        if hasRanks {
            blocks.append(
                .section(
                    Section(
                        level: 3,
                        title: "\(labels.rankingSection)",
                        anchor: "ranking",
                        pageBreakBefore: false,
                        blocks: rankingBlocks()
                    )
                )
            )
        }
        let candidates = recommendedCandidates
        let candidateBlocks: [Block]
        if candidates.isEmpty {
            candidateBlocks = [.paragraph("\(signedWords.noCandidates(evaluation.conclusion))")]
        } else {
            candidateBlocks = [
                .table(
                    Table(
                        headers: [
                            "\(signedWords.candidateOrder)", "\(labels.bidder)", "\(labels.total)",
                            "\(labels.evaluatedPrice)",
                        ],
                        alignments: [.right, .name, .right, .right],
                        rows: candidates.enumerated().map { order, result in
                            [
                                "\(order + 1)", .user(result.displayName), "\(totalText(result))",
                                "\(result.price.map { money($0.evaluatedPrice) } ?? labels.dash)",
                            ]
                        }
                    )
                )
            ]
        }
        blocks.append(
            .section(
                Section(
                    level: 3,
                    title: "\(signedWords.recommendedHeading)",
                    anchor: "candidates",
                    pageBreakBefore: false,
                    blocks: candidateBlocks
                )
            )
        )
        return Section(
            level: 2,
            title: "\(labels.outcomeSection)",
            anchor: "summary",
            pageBreakBefore: true,
            blocks: blocks
        )
    }

    /// The first three ranked bids, only when the evaluation is final: a preliminary or blocked run names no one.
    var recommendedCandidates: [BidResult] {
        guard evaluation.conclusion == .final, case .ranked = evaluation.outcome else { return [] }
        return Array(evaluation.validResults.filter { $0.rank != nil }.prefix(Self.maximumCandidates))
    }

    // MARK: - Score matrix

    /// One table per judgement criterion: bidders down, members across, the counted points last; each member's
    /// reason as a numbered note under the table. Nil when no criterion is scored by the committee.
    func scoreMatrixSection() -> Section? {
        let marks = MatrixMarks(evaluation.decisionRounds)
        var blocks: [Block] = []
        for group in rubric.groups {
            blocks += matrixBlocks(group, marks: marks)
        }
        guard !blocks.isEmpty else { return nil }
        return Section(
            level: 2,
            title: "\(signedWords.matrixSection)",
            anchor: "member-scores",
            pageBreakBefore: true,
            blocks: [.paragraph("\(signedWords.matrixNote)")] + blocks
        )
    }

    private func matrixBlocks(_ group: CriterionGroup, marks: MatrixMarks) -> [Block] {
        var blocks: [Block] = []
        for criterion in group.criteria {
            let scored: [(BidResult, CriterionScore, JudgementAggregate)] = evaluation.results.compactMap { result in
                guard let score = result.criterionScores.first(where: { $0.criterionID == criterion.id }),
                    case .judgement(let aggregate) = score.basis
                else { return nil }
                return (result, score, aggregate)
            }
            guard !scored.isEmpty else { continue }
            let members = matrixMembers(scored.map(\.2))
            var notes: [RichText] = []
            let rows: [[RichText]] = scored.map { result, score, aggregate in
                let bidder = result.displayName
                let cells: [RichText] = members.map { member in
                    let counted = aggregate.scores.first { $0.member == member }
                    let setAside = aggregate.setAside.first { $0.member == member }
                    guard let given = counted ?? setAside else { return "\(signedWords.notScored)" }
                    let value = NumberFormat.exact(given.score)
                    var text: String
                    if setAside != nil, counted == nil {
                        text =
                            marks.replaced[member] != nil
                            ? signedWords.replaced(value, marks.replaced[member])
                            : signedWords.recused(value, marks.recused[MatrixMarks.key(member, bidder)])
                    } else if let correction = marks.corrected[MatrixMarks.key(member, bidder, criterion.id)] {
                        text = signedWords.corrected(value, NumberFormat.exact(correction.from), correction.decision)
                    } else if aggregate.dropped.contains(member) {
                        text = signedWords.trimmed(value)
                    } else {
                        text = value
                    }
                    if let reason = given.reason, !reason.isEmpty {
                        notes.append("[\(notes.count + 1)] \(user: member) · \(user: bidder): \(user: reason)")
                        // A no-break space keeps the note's number beside its score.
                        text += "\u{00A0}[\(notes.count)]"
                    }
                    return "\(text)"
                }
                var total = pointsCell(score)
                if aggregate.consensus != nil {
                    total = signedWords.consensus(total, marks.consensus[MatrixMarks.key(bidder, criterion.id)])
                }
                return [.user(bidder)] + cells + ["\(total)"]
            }
            blocks.append(
                .paragraph(
                    "\(groupName(group.id)) · \(criterionName(criterion.id)) (\(NumberFormat.exact(criterion.points)))",
                    style: .strong
                )
            )
            blocks.append(
                .table(
                    Table(
                        headers: ["\(labels.bidder)"] + members.map { RichText.user($0) } + ["\(signedWords.counted)"],
                        alignments: [.name] + members.map { _ in .left } + [.right],
                        rows: rows
                    )
                )
            )
            if !notes.isEmpty {
                blocks.append(.paragraph("\(signedWords.reasonsHeading)"))
                blocks.append(.list(notes))
            }
        }
        return blocks
    }

    /// The members who scored a criterion (counted or set aside), in the committee file's order, then in the order
    /// the sheets name them.
    private func matrixMembers(_ aggregates: [JudgementAggregate]) -> [String] {
        var seen = Set<String>()
        var appearing: [String] = []
        for aggregate in aggregates {
            for score in aggregate.scores + aggregate.setAside where seen.insert(score.member).inserted {
                appearing.append(score.member)
            }
        }
        let order = (evaluation.committee?.members.map(\.id) ?? []) + evaluation.members
        var ordered: [String] = []
        for member in order where seen.contains(member) && !ordered.contains(member) {
            ordered.append(member)
        }
        return ordered + appearing.filter { !ordered.contains($0) }
    }

    // MARK: - Signatures

    /// One line per member: name, role, agree or dissent as the decisions record it, and space to sign and date;
    /// then the supervising officer. A preliminary or blocked evaluation is not signed.
    func signatureSection() -> Section {
        var blocks: [Block] = []
        switch evaluation.conclusion {
        case .preliminary, .cannotConclude:
            blocks.append(.paragraph("\(signedWords.notForSignature(evaluation.conclusion))", style: .strong))
        case .final, .failed:
            let marks = MatrixMarks(evaluation.decisionRounds)
            var dissent: [String: Int] = [:]
            for round in evaluation.decisionRounds {
                if case .dissent(let member, _) = round.decision.kind, dissent[member] == nil {
                    dissent[member] = round.decision.number
                }
            }
            func opinion(_ member: String) -> RichText {
                if let decision = marks.replaced[member] { return "\(signedWords.leftCommittee(decision))" }
                if let decision = dissent[member] { return "\(signedWords.dissent(decision))" }
                return "\(signedWords.agree)"
            }
            let headers: [RichText] = [
                "\(signedWords.seat)", "\(signedWords.name)", "\(signedWords.role)", "\(signedWords.opinion)",
                "\(signedWords.signature)", "\(signedWords.date)",
            ]
            let rows: [[RichText]]
            if let committee = evaluation.committee {
                rows = chairFirst(committee).map { member in
                    [.user(member.id), .user(member.name), roleText(member), opinion(member.id), "", ""]
                }
            } else {
                blocks.append(.paragraph("\(signedWords.noCommitteeFile)"))
                rows = evaluation.members.map { member in [.user(member), "", "", opinion(member), "", ""] }
            }
            blocks.append(.paragraph("\(signedWords.signatureNote)"))
            blocks.append(
                .table(
                    Table(
                        headers: headers,
                        alignments: [.name, .name, .left, .left, .left, .left],
                        rows: rows
                    )
                )
            )
            blocks.append(
                .keyValue([
                    KeyValue(key: "\(signedWords.supervisor)", value: ""),
                    KeyValue(key: "\(signedWords.date)", value: ""),
                ])
            )
        }
        return Section(
            level: 2,
            title: "\(signedWords.signatureSection)",
            anchor: "signatures",
            pageBreakBefore: false,
            blocks: blocks
        )
    }
}

/// What the recorded decisions did to single member scores, looked up by the matrix and the signature block.
struct MatrixMarks {
    /// member, bidder, criterion → the score before the first correction, and the last correcting decision.
    var corrected: [String: (from: Points, decision: Int)] = [:]
    /// member, bidder → the recusal.
    var recused: [String: Int] = [:]
    /// member → the replacement.
    var replaced: [String: Int] = [:]
    /// bidder, criterion → the consensus.
    var consensus: [String: Int] = [:]

    static func key(_ parts: String...) -> String {
        parts.joined(separator: "\u{1F}")
    }

    init(_ rounds: [DecisionRound]) {
        for round in rounds where round.applied {
            let number = round.decision.number
            switch round.decision.kind {
            case .correction:
                for case .memberScore(let member, let bidder, let criterion, let before?, _) in round.effects {
                    let key = Self.key(member, bidder, criterion)
                    corrected[key] = (corrected[key]?.from ?? before, number)
                }
            case .recusal:
                for case .memberScore(let member, let bidder, _, _, _) in round.effects {
                    recused[Self.key(member, bidder)] = number
                }
            case .replacement(let member, _):
                replaced[member] = number
            case .consensus:
                for case .criterionPoints(let bidder, let criterion, _, _) in round.effects {
                    consensus[Self.key(bidder, criterion)] = number
                }
            case .clarification, .duplicate, .dissent:
                break
            }
        }
    }
}
