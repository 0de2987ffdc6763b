import TenderCore
import TenderModel

/// The performance history in `result.json`: a history criterion's rule, the evidence behind each bid's points,
/// the database the run read and the warnings it raised.
extension ResultJSON {
    /// The rule's members of a history criterion in the top-level `criteria`, with its window.
    static func historyRule(_ rule: HistoryRule, rubric: Rubric) -> [String: JSONValue] {
        let window = rubric.historyWindow(for: rule)
        return [
            "kind": .string("history"),
            "months": .int(rule.months),
            "firstMonth": .optional(window?.first.description),
            "lastMonth": .optional(window?.last.description),
            "buyer": .string(rule.buyer.rawValue),
            "neutral": .decimal(rule.neutral),
            "scale": scale(rule.scale),
        ]
    }

    /// The evidence of one bid's history points: every contract and month counted, the exact sum, count and mean,
    /// the part of the scale applied, or why the neutral points apply.
    static func historyBasis(_ evidence: HistoryEvidence, criterionID: String, rubric: Rubric) -> [String: JSONValue] {
        var members: [String: JSONValue] = [
            "kind": .string("history"),
            "firstMonth": .string(evidence.firstMonth.description),
            "lastMonth": .string(evidence.lastMonth.description),
            "buyer": .string(evidence.buyer.rawValue),
            "registrationID": .optional(evidence.registrationID),
            "contracts": .array(evidence.contracts.map(historyContract)),
            "otherBuyers": .array(evidence.otherBuyers.map(JSONValue.string)),
            "sum": .decimal(evidence.sum),
            "count": .int(evidence.count),
            "identity": evidence.identity.map(historyIdentityProblem) ?? .null,
        ]
        switch evidence.outcome {
        case .scored(let mean, let scale):
            members["mean"] = .decimal(mean)
            members["applied"] = applied(scale, criterionID: criterionID, rubric: rubric)
            members["neutral"] = .null
        case .neutral(let reason, let points):
            members["mean"] = .null
            members["applied"] = .null
            members["neutral"] = .object([
                "reason": .string(reason == .noRegistrationID ? "no-registration-id" : "no-months"),
                "points": .decimal(points),
            ])
        }
        return members
    }

    static func historyContract(_ contract: ContractHistory) -> JSONValue {
        .object([
            "contractID": .string(contract.contractID),
            "tenderID": .string(contract.tenderID),
            "buyer": text(contract.buyer),
            "contractor": .object([
                "name": .string(contract.contractor.name),
                "registrationID": .string(contract.contractor.registrationID),
            ]),
            "months": .array(
                contract.months.map { month in
                    .object([
                        "month": .string(month.month.description),
                        "score": .decimal(month.score),
                        "standing": .string(month.standing),
                        "standingName": text(month.standingName),
                    ])
                }
            ),
        ])
    }

    /// The top-level `history`: the database and digest of what was read, and the months it covers.
    static func historySource(_ source: HistorySource) -> JSONValue {
        .object([
            "database": .string(source.database),
            "digest": .string(source.digest),
            "firstMonth": .string(source.firstMonth.description),
            "lastMonth": .string(source.lastMonth.description),
        ])
    }

    static func performanceWarning(
        bidder: String,
        warning: RaisedRule,
        contractID: String,
        tenderID: String,
        buyer: LocalizedText,
        contractor: String
    ) -> JSONValue {
        .object([
            "type": .string("performance-warning"),
            "bidder": .string(bidder),
            "contractID": .string(contractID),
            "tenderID": .string(tenderID),
            "buyer": text(buyer),
            "contractor": .string(contractor),
            "ruleID": .string(warning.ruleID),
            "raisedIn": .string(warning.raisedIn.description),
            "months": .array(warning.months.map { .string($0.description) }),
            "consequence": text(warning.consequence),
        ])
    }
}
