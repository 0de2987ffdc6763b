import TenderCore
import TenderModel

extension ScoreRun {
    /// One line for the end of a `score` run: the outcome, the first-ranked bidder, how many flags await the
    /// committee and where the reports went. Bidder text is escaped like every untrusted text on a terminal.
    public func summary(reportsIn folder: String) -> String {
        let results = evaluation.results
        let valid = results.filter { $0.status == .valid }
        let disqualified = results.filter { $0.status == .disqualified }.count
        let notEvaluated = results.filter { $0.status == .notEvaluated }.count
        let counts =
            "\(valid.count) valid of \(results.count) bids (\(disqualified) disqualified, \(notEvaluated) not evaluated)"
        let outcome: String
        let outstanding = evaluation.outstanding.count
        let scoresText =
            outstanding == 1 ? "1 judgement score outstanding" : "\(outstanding) judgement scores outstanding"
        switch (evaluation.conclusion, evaluation.outcome) {
        case (.cannotConclude, _):
            let blocked = notEvaluated == 1 ? "1 bid not read or held" : "\(notEvaluated) bids not read or held"
            outcome =
                "evaluation cannot conclude until these are fixed: \(blocked)"
                + (outstanding > 0 ? ", \(scoresText)" : "") + "; \(counts)"
        case (.preliminary, _):
            outcome = "preliminary (no ranking): \(scoresText); \(counts)"
        case (_, .failed(let validBids, let minimum)):
            outcome = "tender failed (废标): \(validBids) valid bids, fewer than the minimum of \(minimum); \(counts)"
        case (_, .ranked):
            let first = valid.filter { $0.rank == 1 }
            let names = first.map { result in
                let total = result.total.map {
                    " with \($0.fixedText(places: evaluation.rubric.tender.decimals)) points"
                }
                return VisibleText.escaped(result.displayName) + (total ?? "")
            }
            let leader = first.count > 1 ? "tied first: " : "first: "
            outcome = "ranked \(counts); " + leader + names.joined(separator: ", ")
        }
        let flags = evaluation.flags.count
        let flagText = flags == 1 ? "1 flag for the committee" : "\(flags) flags for the committee"
        return "\(outcome); \(flagText); reports written to \(VisibleText.escaped(folder))"
    }
}
