import Foundation
import TenderCore
import TenderModel
import Yams

/// Reading namespaces, the price policy and the committee policy.
extension RubricBuilder {
    func readNamespaces(_ field: Field) -> [NamespaceBinding] {
        guard let view = reader.mapping(field) else { return [] }
        var bindings: [NamespaceBinding] = []
        for entry in view.fields {
            let prefix = entry.key
            let valid =
                prefix.unicodeScalars.first.map(XPathLexicalCheck.isNameStart) == true
                && prefix.unicodeScalars.allSatisfy(XPathLexicalCheck.isNameCharacter)
            guard valid, !prefix.lowercased().hasPrefix("xml") else {
                reader.error(
                    "namespace prefix '\(VisibleText.excerpt(prefix))' must be a name (letters, digits, '-', '_', '.') not starting with 'xml'",
                    at: entry.keyLocation
                )
                continue
            }
            guard let uri = reader.string(entry.node, what: "the namespace URI for '\(VisibleText.excerpt(prefix))'")
            else { continue }
            bindings.append(NamespaceBinding(prefix: prefix, uri: uri))
        }
        return bindings
    }

    func readPricePolicy(_ field: Field, budget: Money?) -> PricePolicy {
        guard let view = reader.mapping(field) else { return PricePolicy() }
        reader.checkKeys(
            view,
            allowed: ["size-deductions", "abnormally-low", "plausible-minimum", "ceiling"],
            context: "in 'price-policy'"
        )
        var deductions: [EnterpriseSize: ExactRatio] = [:]
        if let entry = view["size-deductions"], let sizes = reader.mapping(entry) {
            let names = EnterpriseSize.allCases.map(\.rawValue)
            reader.checkKeys(sizes, allowed: names, context: "in 'size-deductions'")
            for size in sizes.fields {
                guard let kind = EnterpriseSize(rawValue: size.key) else { continue }
                if let percent = reader.decimal(size.node, name: "the \(size.key) deduction", .percent) {
                    // A deduction of 100 % would make the price zero and every other bid's price score zero.
                    if percent >= 100 {
                        reader.error(
                            "the \(size.key) deduction must be below 100 %, found '\(percent.plainText)'",
                            at: reader.location(size.node)
                        )
                    } else {
                        deductions[kind] = percent
                    }
                }
            }
        }
        var abnormallyLow: ExactRatio = 20
        if let entry = view["abnormally-low"], let value = reader.decimal(entry, .percent) {
            if value == 0 {
                reader.error("abnormally-low must be greater than 0, found '0'", at: entry.location)
            } else {
                abnormallyLow = value
            }
        }
        let ceiling = view["ceiling"].flatMap { readCeiling($0, budget: budget) }
        // `none` switches the floor off, default included: the rubric then takes responsibility for absurd prices.
        let switchedOff = view["plausible-minimum"].map(Self.isNone) ?? false
        var policy = PricePolicy(
            sizeDeductions: deductions,
            abnormallyLowPercent: abnormallyLow,
            plausibleMinimum: view["plausible-minimum"].flatMap {
                switchedOff ? nil : readPlausibleMinimum($0, budget: budget, ceiling: ceiling)
            },
            ceiling: ceiling
        )
        policy.plausibleMinimumSwitchedOff = switchedOff
        return policy
    }

    private static func isNone(_ field: Field) -> Bool {
        guard case .scalar(let scalar) = field.node else { return false }
        return scalar.string.trimmingCharacters(in: .whitespaces) == "none"
    }

    /// 最高限价: positive, and not above the budget (a ceiling above it would let through bids the budget forbids).
    private func readCeiling(_ field: Field, budget: Money?) -> Money? {
        guard let ceiling = reader.money(field, .positive) else { return nil }
        if let budget, ceiling > budget {
            reader.error(
                "ceiling \(ceiling.plainText) is above the budget \(budget.plainText); a bid above the budget is "
                    + "invalid whatever the ceiling",
                at: field.location
            )
            return nil
        }
        return ceiling
    }

    /// `30%` (a share of the budget, which must then be stated) or an amount in the tender's currency; either
    /// must lie below the highest price a bid may have.
    private func readPlausibleMinimum(_ field: Field, budget: Money?, ceiling: Money?) -> PlausibleMinimum? {
        guard case .scalar(let scalar) = field.node, !NodeReader.isNull(scalar) else {
            reader.error(
                "plausible-minimum must be a share of the budget such as '30%', an amount such as 2000000, or "
                    + "'none', found \(NodeReader.describe(field.node))",
                at: field.location
            )
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespaces)
        let minimum: PlausibleMinimum
        if text.hasSuffix("%") {
            let number = text.dropLast().trimmingCharacters(in: .whitespaces)
            guard NodeReader.isPlainDecimal(number), let percent = try? ExactRatio(parsing: number), percent > 0,
                percent < 100
            else {
                reader.error(
                    "plausible-minimum as a share of the budget must be above 0 % and below 100 %, found '\(VisibleText.excerpt(text))'",
                    at: field.location
                )
                return nil
            }
            guard budget != nil else {
                reader.error(
                    "plausible-minimum '\(VisibleText.excerpt(text))' is a share of the budget, but 'tender' states no budget; "
                        + "state the budget or give an amount",
                    at: field.location
                )
                return nil
            }
            minimum = .percentOfBudget(percent)
        } else {
            guard let amount = reader.money(field, .positive) else { return nil }
            minimum = .amount(amount)
        }
        if let limit = ceiling ?? budget, let amount = try? minimum.amount(budget: budget), amount >= limit.ratio {
            reader.error(
                "plausible-minimum \(amount.plainText) is not below the highest price a bid may have "
                    + "(\(limit.plainText)); every bid would be flagged",
                at: field.location
            )
            return nil
        }
        return minimum
    }

    func readCommittee(_ field: Field, profile: String?) -> CommitteePolicy {
        var defaults = CommitteePolicy()
        defaults.reasons = profile == "cn-87" ? .required : .optional
        guard let view = reader.mapping(field) else { return defaults }
        reader.checkKeys(
            view,
            allowed: ["members", "aggregation", "disagreement", "reasons"],
            context: "in 'committee'"
        )
        let members = view["members"].flatMap { reader.integer($0, 1...Int.max) }
        var aggregation = ScoreAggregation.mean
        if let entry = view["aggregation"],
            let value = reader.choice(entry, ScoreAggregation.allCases.map(\.rawValue))
                .flatMap(ScoreAggregation.init(rawValue:))
        {
            aggregation = value
            if value == .trimmedMean, let members, members < 3 {
                reader.error(
                    "trimmed-mean drops the highest and the lowest score, so it needs at least 3 members, not \(members)",
                    at: entry.location
                )
            }
        }
        var disagreement: ExactRatio = 30
        if let entry = view["disagreement"], let value = reader.decimal(entry, .percent) {
            if value == 0 {
                reader.error("disagreement must be greater than 0, found '0'", at: entry.location)
            } else {
                disagreement = value
            }
        }
        var policy = CommitteePolicy(members: members, aggregation: aggregation, disagreementPercent: disagreement)
        policy.location = view["members"]?.location ?? field.location
        policy.reasons = defaults.reasons
        if let entry = view["reasons"],
            let value = reader.choice(entry, ReasonsPolicy.allCases.map(\.rawValue)).flatMap(
                ReasonsPolicy.init(rawValue:)
            )
        {
            policy.reasons = value
        }
        return policy
    }
}
