import TenderCore
import TenderModel

/// Whether a bid's history was matched safely. Contracts match a bid by registration key alone, so a bidder that
/// leaves its id out, mistypes it, or writes it with a separator or a lookalike letter would get the neutral value
/// and lose its warnings without anyone noticing: the committee is told instead. The points stay as the rubric
/// says (the neutral value for a bid that matches nothing); nothing here changes a score or excludes a bid.
extension HistoryScorer {
    /// The name-keyed contracts with their keys normalised again (a hand-built history may key names as written),
    /// each list in contract id order without repeats.
    static func normalisedNames(_ given: [String: [ContractorRecord]]) -> [String: [ContractorRecord]] {
        var named: [String: [ContractorRecord]] = [:]
        for key in given.keys.sorted() {
            guard let normalised = BidderIdentity.nameKey(key)?.value else { continue }
            named[normalised, default: []] += given[key] ?? []
        }
        return named.mapValues { records in
            var seen = Set<String>()
            return records.sorted { $0.contractID < $1.contractID }.filter { seen.insert($0.contractID).inserted }
        }
    }

    /// What keeps the bid's history from being matched safely, nil when nothing does: no registration id; under
    /// `cn-87`, an id that is not a valid 统一社会信用代码; or contracts in the history under the bidder's name whose
    /// registration key is not the bid's.
    func identityProblem(bidderName: String?, registrationID: String?) -> HistoryIdentityProblem? {
        let key = registrationID.flatMap { BidderIdentity.registrationIDKey($0)?.value }
        var idProblem: RegistrationIDProblem?
        if let key {
            if rubric.tender.profile == "cn-87", let problem = UnifiedSocialCreditCode.problem(in: key) {
                idProblem = .notACreditCode(problem)
            }
        } else {
            idProblem = .missing
        }
        let sameName = (bidderName.flatMap { BidderIdentity.nameKey($0)?.value }.flatMap { namedContractors[$0] } ?? [])
            .filter { BidderIdentity.registrationIDKey($0.contractor.registrationID)?.value != key }
        let nameKey = bidderName.flatMap { BidderIdentity.nameKey($0)?.value }
        let matched = history(registrationID: registrationID)
        let otherName = (matched?.contracts ?? []).filter { contract in
            BidderIdentity.nameKey(contract.contractor.name)?.value != nameKey
        }
        .sorted { $0.contractID < $1.contractID }
        .map { contract in
            ContractorRecord(
                contractID: contract.contractID,
                tenderID: contract.tenderID,
                buyer: contract.buyer,
                contractor: contract.contractor,
                scoredMonths: contract.months.count,
                warnings: matched?.warnings.filter { $0.contractID == contract.contractID }.count ?? 0
            )
        }
        guard idProblem != nil || !sameName.isEmpty || !otherName.isEmpty else { return nil }
        return HistoryIdentityProblem(registrationID: idProblem, sameName: sameName, otherName: otherName)
    }

    /// One flag per valid bid whose history could not be matched safely, in bidder order, when the rubric reads
    /// the history at all.
    func identityFlags(for results: [BidResult]) -> [Flag] {
        guard !rubric.historyRules.isEmpty else { return [] }
        return results.sorted(by: { ($0.displayName, $0.file) < ($1.displayName, $1.file) }).compactMap { result in
            guard let problem = identityProblem(bidderName: result.bidderName, registrationID: result.registrationID)
            else { return nil }
            return .historyIdentity(
                bidder: result.displayName,
                file: result.file,
                registrationID: result.registrationID,
                problem: problem
            )
        }
    }
}
