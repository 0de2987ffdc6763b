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
        var parts: [RichText] = []
        if !problem.sameName.isEmpty {
            let given: RichText =
                problem.registrationID == .missing
                ? "\(words.givenMissing)" : words.givenID(id, creditCodeReason(problem.registrationID))
            parts.append(words.sameName(sameNameContracts(problem.sameName), given))
        } else if let reason = creditCodeReason(problem.registrationID) {
            parts.append(words.invalidAlone(id, reason))
        } else if problem.registrationID == .missing {
            parts.append("\(words.missingAlone)")
        }
        if !problem.otherName.isEmpty {
            parts.append(words.otherName(otherNameContracts(problem.otherName)))
        }
        return words.flag(.user(bidder), .shown(file), parts.joined(separator: language == .zh ? "；" : "; "))
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
        if !identity.otherName.isEmpty {
            notes.append(words.otherName(otherNameContracts(identity.otherName)))
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

    private func otherNameContracts(_ records: [ContractorRecord]) -> RichText {
        records.map { historyIdentityLabels.namedContract(.user($0.contractID), .user($0.contractor.name)) }
            .joined(separator: .text(historyIdentityLabels.contractSeparator))
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
