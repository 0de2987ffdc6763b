import TenderCore
import TenderModel

/// A bid whose performance history could not be matched safely, in `result.json`: the committee flag and the
/// `identity` member of the history evidence.
extension ResultJSON {
    static func historyIdentity(
        bidder: String,
        file: String,
        registrationID: String?,
        problem: HistoryIdentityProblem
    ) -> JSONValue {
        guard case .object(var members) = historyIdentityProblem(problem) else { return .null }
        members["type"] = .string("history-identity")
        members["bidder"] = .string(bidder)
        members["file"] = .string(file)
        members["registrationID"] = .optional(registrationID)
        return .object(members)
    }

    /// `{"registrationIDProblem", "sameName"}`: what is wrong with the id (null when nothing is), and the
    /// contracts under the bidder's name with another registration id that were not applied.
    static func historyIdentityProblem(_ problem: HistoryIdentityProblem) -> JSONValue {
        let idProblem: JSONValue
        switch problem.registrationID {
        case nil: idProblem = .null
        case .missing: idProblem = .object(["kind": .string("missing")])
        case .notACreditCode(let reason):
            idProblem = .object(["kind": .string("not-a-credit-code"), "reason": creditCodeProblem(reason)])
        }
        func records(_ list: [ContractorRecord]) -> JSONValue {
            .array(
                list.map { record in
                    .object([
                        "contractID": .string(record.contractID),
                        "tenderID": .string(record.tenderID),
                        "buyer": text(record.buyer),
                        "contractor": .object([
                            "name": .string(record.contractor.name),
                            "registrationID": .string(record.contractor.registrationID),
                        ]),
                        "scoredMonths": .int(record.scoredMonths),
                        "warnings": .int(record.warnings),
                    ])
                }
            )
        }
        return .object([
            "registrationIDProblem": idProblem,
            "sameName": records(problem.sameName),
            "otherName": records(problem.otherName),
        ])
    }

    static func creditCodeProblem(_ problem: UnifiedSocialCreditCode.Problem) -> JSONValue {
        switch problem {
        case .character(let scalar, let position):
            return .object([
                "kind": .string("character"), "character": .string(String(scalar)),
                "codePoint": .string(BidderIdentity.codePoint(scalar)), "position": .int(position),
            ])
        case .length(let count):
            return .object(["kind": .string("length"), "length": .int(count)])
        case .checkCharacter(let expected, let found):
            return .object([
                "kind": .string("check-character"), "expected": .string(String(expected)),
                "found": .string(String(found)),
            ])
        }
    }
}
