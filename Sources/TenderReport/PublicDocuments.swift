import TenderCore
public import TenderModel

/// What leaves the evaluation room (`score --public`): the winning-candidate notice (中标候选人公示) and one debrief
/// letter per bidder. Pure, like every renderer.
///
/// Neither document ever carries a committee member's name or id, nor any member's own score: the notice shows the
/// candidates, their totals and prices; a letter shows the bidder's own group scores beside the first candidate's,
/// why it lost points (the rule and fact of an objective criterion, the members' written reasons without their
/// names), and, for an invalid bid, the clause and the evidence. The only other bidder's price a letter shows is
/// the first candidate's, which the notice makes public.
public enum PublicDocuments {
    /// The folder of the notice, inside the output folder.
    public static let noticeFolder = "public"
    /// The folder of the debrief letters, inside the output folder.
    public static let lettersFolder = "letters"
    /// The notice's file names in `noticeFolder`, Markdown then HTML.
    public static let noticeNames = ["notice.md", "notice.html"]
    /// The most candidates a notice lists (the recommended candidates, in order).
    public static let maximumCandidates = 3

    /// The notice and the letters, each as its path inside the output folder (`public/…`, `letters/…`) and the
    /// function that writes it. Only a final evaluation has candidates to publish: for any other the list is empty.
    public static func files(
        _ evaluation: Evaluation,
        context: ReportContext
    ) -> [(name: String, write: @Sendable (any ReportSink) -> Void)] {
        guard evaluation.conclusion == .final else { return [] }
        let notice: [(name: String, write: @Sendable (any ReportSink) -> Void)] = [
            ("\(noticeFolder)/\(noticeNames[0])", { $0.write(noticeMarkdown(evaluation, context: context)) }),
            ("\(noticeFolder)/\(noticeNames[1])", { $0.write(noticeHTML(evaluation, context: context)) }),
        ]
        let letters = letterRecipients(evaluation).flatMap { position, result in
            let stem = "\(lettersFolder)/\(letterStem(position: position, of: evaluation.results.count, result))"
            let pair: [(name: String, write: @Sendable (any ReportSink) -> Void)] = [
                ("\(stem).md", { $0.write(letterMarkdown(result, in: evaluation, context: context)) }),
                ("\(stem).html", { $0.write(letterHTML(result, in: evaluation, context: context)) }),
            ]
            return pair
        }
        return notice + letters
    }

    /// The candidates the notice lists: valid ranked bids in rank order (ties in the order of the ranking), at most
    /// `maximumCandidates`.
    public static func candidates(_ evaluation: Evaluation) -> [BidResult] {
        let ranked = evaluation.results.enumerated().filter { $0.element.status == .valid && $0.element.rank != nil }
        let ordered = ranked.sorted { ($0.element.rank ?? 0, $0.offset) < ($1.element.rank ?? 0, $1.offset) }
        return ordered.prefix(maximumCandidates).map(\.element)
    }

    /// Every bidder whose bid was read, with its 1-based position among the evaluation's results.
    static func letterRecipients(_ evaluation: Evaluation) -> [(Int, BidResult)] {
        evaluation.results.enumerated().filter { $0.element.status != .notEvaluated }.map {
            ($0.offset + 1, $0.element)
        }
    }

    /// A letter's file name without extension: the bid's position, zero-padded so the letters sort in the order of
    /// the bids, then the registration id cut down to ASCII letters, digits, `-` and `_`. The position alone makes
    /// it unique, and nothing a bidder wrote can add a path separator, a dot-dot, a control or a bidi character.
    public static func letterStem(position: Int, of count: Int, _ result: BidResult) -> String {
        let width = max(2, String(count).count)
        let number = String(position)
        let padded = String(repeating: "0", count: max(0, width - number.count)) + number
        let safe = (result.registrationID ?? "").unicodeScalars.filter(isStemScalar)
        let suffix = String(String.UnicodeScalarView(safe.prefix(40)))
        return suffix.isEmpty ? "\(padded)-bidder" : "\(padded)-\(suffix)"
    }

    /// Whether `name` is a letter's file name as `letterStem` makes it, `.md` or `.html`: what `--force` may
    /// replace in the letters folder.
    public static func isLetterName(_ name: String) -> Bool {
        let stem: Substring
        if name.hasSuffix(".md") {
            stem = name.dropLast(3)
        } else if name.hasSuffix(".html") {
            stem = name.dropLast(5)
        } else {
            return false
        }
        guard let dash = stem.firstIndex(of: "-") else { return false }
        let number = stem[..<dash].unicodeScalars
        let suffix = stem[stem.index(after: dash)...].unicodeScalars
        return number.count >= 2 && number.allSatisfy { ("0"..."9").contains($0) }
            && (1...40).contains(suffix.count) && suffix.allSatisfy(isStemScalar)
    }

    private static func isStemScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_")
    }

    // MARK: - The notice

    public static func noticeMarkdown(_ evaluation: Evaluation, context: ReportContext) -> String {
        let builder = ReportBuilder(evaluation: evaluation, context: context)
        return MarkdownWriter.document(title: noticeTitle(builder), blocks: noticeBlocks(builder))
    }

    public static func noticeHTML(_ evaluation: Evaluation, context: ReportContext) -> String {
        let builder = ReportBuilder(evaluation: evaluation, context: context)
        return HTMLWriter.document(
            title: noticeTitle(builder),
            blocks: noticeBlocks(builder),
            language: builder.labels.htmlLanguage,
            chart: ""
        )
    }

    private static func noticeTitle(_ builder: ReportBuilder) -> RichText {
        let words = PublicWords.words(for: builder.language)
        return "\(words.noticeTitle) — \(user: builder.rubric.tender.title.text(in: builder.language))"
    }

    private static func tenderRows(_ builder: ReportBuilder) -> [KeyValue] {
        let labels = builder.labels
        let tender = builder.rubric.tender
        return [
            KeyValue(key: "\(labels.tenderID)", value: .user(tender.id)),
            KeyValue(key: "\(labels.tenderTitle)", value: .user(tender.title.text(in: builder.language))),
            KeyValue(key: "\(labels.buyer)", value: .user(tender.buyer.text(in: builder.language))),
            KeyValue(key: "\(labels.evaluationDate)", value: .user(tender.evaluationDate)),
        ]
    }

    private static func noticeBlocks(_ builder: ReportBuilder) -> [Block] {
        let words = PublicWords.words(for: builder.language)
        let labels = builder.labels
        let rows: [[RichText]] = candidates(builder.evaluation).map { result in
            [
                "\(builder.rankText(result))", .user(result.displayName), "\(builder.totalText(result))",
                "\(result.price.map { builder.money($0.bidTotal) } ?? labels.dash)",
                "\(result.price.map { builder.money($0.evaluatedPrice) } ?? labels.dash)",
            ]
        }
        let table = Table(
            headers: [
                "\(words.candidateRank)", "\(labels.bidder)", "\(labels.total)", "\(words.quotedPrice)",
                "\(labels.evaluatedPrice)",
            ],
            alignments: [.right, .left, .right, .right, .right],
            rows: rows
        )
        return [
            .section(section(labels.tenderSection, "tender", [.keyValue(tenderRows(builder))])),
            .section(section(words.candidatesSection, "candidates", [.table(table)])),
            .section(
                section(
                    words.publicitySection,
                    "publicity",
                    [.paragraph("\(words.publicityPeriod)"), .paragraph("\(words.complaintLine)")]
                )
            ),
            .paragraph("\(words.noticeFootnote)"),
        ]
    }

    private static func section(_ title: String, _ anchor: String, _ blocks: [Block]) -> Section {
        Section(level: 2, title: "\(title)", anchor: anchor, pageBreakBefore: false, blocks: blocks)
    }

    // MARK: - The letters

    public static func letterMarkdown(_ result: BidResult, in evaluation: Evaluation, context: ReportContext) -> String
    {
        let builder = ReportBuilder(evaluation: evaluation, context: context)
        return MarkdownWriter.document(title: letterTitle(builder), blocks: letterBlocks(result, builder))
    }

    public static func letterHTML(_ result: BidResult, in evaluation: Evaluation, context: ReportContext) -> String {
        let builder = ReportBuilder(evaluation: evaluation, context: context)
        return HTMLWriter.document(
            title: letterTitle(builder),
            blocks: letterBlocks(result, builder),
            language: builder.labels.htmlLanguage,
            chart: ""
        )
    }

    private static func letterTitle(_ builder: ReportBuilder) -> RichText {
        let words = PublicWords.words(for: builder.language)
        return "\(words.letterTitle) — \(user: builder.rubric.tender.title.text(in: builder.language))"
    }

    private static func letterBlocks(_ result: BidResult, _ builder: ReportBuilder) -> [Block] {
        let words = PublicWords.words(for: builder.language)
        var blocks: [Block] = [
            .paragraph(.text(words.addressee("")) + .user(result.displayName), style: .strong),
            .section(section(builder.labels.tenderSection, "tender", [.keyValue(tenderRows(builder))])),
        ]
        let winner = candidates(builder.evaluation).first
        if result.status == .disqualified {
            blocks.append(.paragraph("\(words.disqualifiedLine)"))
            blocks.append(
                .section(
                    section(
                        words.disqualificationSection,
                        "invalid",
                        builder.listOrNone(builder.failureReasons(result))
                    )
                )
            )
        } else {
            let validCount = builder.evaluation.validResults.count
            let standing =
                result.rank == 1 ? words.winnerLine : words.rankedLine(result.rank ?? 0, validCount)
            blocks.append(.paragraph("\(standing)"))
            blocks.append(
                .section(section(builder.labels.scoresSection, "scores", [.table(scoreTable(result, winner, builder))]))
            )
            blocks.append(.section(section(words.deductionsSection, "deductions", deductionBlocks(result, builder))))
        }
        var prices: [Block] = []
        if let price = result.price {
            prices.append(
                .paragraph("\(words.yourPrice(builder.money(price.bidTotal), builder.money(price.evaluatedPrice)))")
            )
        }
        if let winner, winner.file != result.file, let price = winner.price {
            prices.append(
                .paragraph(
                    "\(words.winnersPrice(builder.money(price.bidTotal), builder.money(price.evaluatedPrice)))"
                )
            )
        }
        if !prices.isEmpty { blocks.append(.section(section(words.pricesSection, "prices", prices))) }
        blocks.append(.paragraph("\(words.letterFootnote)"))
        return blocks
    }

    /// The bidder's group scores beside the first candidate's, and the totals.
    private static func scoreTable(_ result: BidResult, _ winner: BidResult?, _ builder: ReportBuilder) -> Table {
        let words = PublicWords.words(for: builder.language)
        let labels = builder.labels
        var rows: [[RichText]] = builder.rubric.groups.map { group in
            [
                builder.groupName(group.id), "\(NumberFormat.exact(group.points))",
                "\(result.groupScore(for: group.id).map(builder.counted) ?? labels.dash)",
                "\(winner?.groupScore(for: group.id).map(builder.counted) ?? labels.dash)",
            ]
        }
        rows.append([
            "\(labels.total)", "", "\(builder.totalText(result))", "\(winner.map(builder.totalText) ?? labels.dash)",
        ])
        return Table(
            headers: ["\(labels.group)", "\(labels.maximum)", "\(words.yourScore)", "\(words.winnersScore)"],
            alignments: [.left, .right, .right, .right],
            rows: rows
        )
    }

    /// One entry per criterion scored below its maximum: what the rule and the fact were, or what the members
    /// wrote (without saying who wrote it), or how the price points follow from the bidder's own price.
    private static func deductionBlocks(_ result: BidResult, _ builder: ReportBuilder) -> [Block] {
        let words = PublicWords.words(for: builder.language)
        let labels = builder.labels
        var items: [RichText] = []
        for score in result.criterionScores {
            guard let criterion = builder.criteria[score.criterionID], score.points < criterion.points else {
                continue
            }
            let heading: RichText =
                builder.criterionName(score.criterionID)
                + " (\(builder.countedScore(score)) / \(NumberFormat.exact(criterion.points))): "
            switch score.basis {
            case .objective, .history:
                let (fact, rule) = builder.explanation(score, result)
                items.append(heading + "\(labels.fact): " + fact + "; \(labels.rule): " + rule)
            case .judgement(let aggregate):
                var reasons: [String] = []
                for member in aggregate.scores where member.score < criterion.points {
                    let reason = member.reason.map { withoutMemberNames($0, builder) } ?? words.noReasonGiven
                    if !reasons.contains(reason) { reasons.append(reason) }
                }
                var text = heading
                if let consensus = aggregate.consensus {
                    text = text + "\(words.consensusNote(builder.counted(consensus))) "
                }
                let opinions = reasons.map { RichText("\(words.committeeOpinion)：") + .user($0) }
                text = text + opinions.joined(separator: .text(words.opinionSeparator))
                items.append(text)
            case .price(let price):
                items.append(
                    heading
                        + "\(words.priceDeduction(builder.countedScore(score), NumberFormat.exact(criterion.points), builder.money(price.evaluatedPrice)))"
                )
            }
        }
        return items.isEmpty ? [.paragraph("\(words.noDeductions)")] : [.list(items)]
    }
}

extension PublicDocuments {
    /// A member's reason as a letter may quote it: any member's name or id the reason mentions (a member writing
    /// "本人（王海燕）认为…") is replaced, so the letter keeps its promise of naming no one on the committee.
    static func withoutMemberNames(_ reason: String, _ builder: ReportBuilder) -> String {
        let committee = builder.evaluation.committee?.members ?? []
        let names = Set(committee.flatMap { [$0.name, $0.id] } + builder.evaluation.members)
            .filter { $0.count >= 2 }
            .sorted { $0.count > $1.count }
        let placeholder = builder.language == .en ? "[a member]" : "[评委]"
        var text = reason
        for name in names where text.contains(name) {
            text = text.replacing(name, with: placeholder)
        }
        return text
    }
}
