import TenderCore
import TenderModel

/// A bid whose performance history could not be matched safely: the committee flag, and the notes that stand in
/// the history criterion's evidence instead of a bare "no monthly evaluation".
extension ReportBuilder {
    var historyIdentityLabels: HistoryIdentityLabels { HistoryIdentityLabels.labels(for: language) }

    func historyIdentityText(
        bidder: String,
        file: String,
        registrationID: String?,
        problem: HistoryIdentityProblem
    ) -> RichText {
        let words = historyIdentityLabels
        let id = RichText.user(registrationID ?? "")
        let body: RichText
        if !problem.sameName.isEmpty {
            let given: RichText =
                problem.registrationID == .missing
                ? "\(words.givenMissing)" : words.givenID(id, creditCodeReason(problem.registrationID))
            body = words.sameName(sameNameContracts(problem.sameName), given)
        } else if let reason = creditCodeReason(problem.registrationID) {
            body = words.invalidAlone(id, reason)
        } else {
            body = "\(words.missingAlone)"
        }
        return words.flag(.user(bidder), .shown(file), body)
    }

    /// What the evidence says instead of the usual reason: the id's problem, then the contracts under the name
    /// that were not applied.
    func historyIdentityNotes(_ evidence: HistoryEvidence) -> [RichText] {
        guard let identity = evidence.identity else { return [] }
        let words = historyIdentityLabels
        var notes: [RichText] = []
        switch identity.registrationID {
        case .missing: notes.append("\(historyLabels.noRegistrationID)")
        case .notACreditCode(let problem):
            notes.append(words.invalidID(.user(evidence.registrationID ?? ""), words.creditCode(problem)))
        case nil: break
        }
        if !identity.sameName.isEmpty {
            notes.append(words.notApplied(sameNameContracts(identity.sameName)))
        }
        return notes
    }

    /// The pointer to the flag after the criterion's rule, when there is a flag.
    func historyIdentitySeeFlag(_ evidence: HistoryEvidence) -> RichText {
        evidence.identity == nil ? "" : "\(historyIdentityLabels.seeFlag)"
    }

    private func creditCodeReason(_ problem: RegistrationIDProblem?) -> RichText? {
        guard case .notACreditCode(let reason) = problem else { return nil }
        return historyIdentityLabels.creditCode(reason)
    }

    private func sameNameContracts(_ records: [ContractorRecord]) -> RichText {
        let words = historyIdentityLabels
        let window = evaluation.history.map { "\($0.firstMonth) … \($0.lastMonth)" } ?? labels.dash
        return records.map { record in
            words.contract(
                .user(record.contractID),
                .user(record.contractor.registrationID),
                record.scoredMonths,
                record.warnings,
                window
            )
        }
        .joined(separator: .text(words.contractSeparator))
    }
}
