import Foundation
import TenderCore
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
                    "namespace prefix '\(prefix)' must be a name (letters, digits, '-', '_', '.') not starting with 'xml'",
                    at: entry.keyLocation
                )
                continue
            }
            guard let uri = reader.string(entry.node, what: "the namespace URI for '\(prefix)'") else { continue }
            bindings.append(NamespaceBinding(prefix: prefix, uri: uri))
        }
        return bindings
    }

    func readPricePolicy(_ field: Field) -> PricePolicy {
        guard let view = reader.mapping(field) else { return PricePolicy() }
        reader.checkKeys(view, allowed: ["size-deductions", "abnormally-low"], context: "in 'price-policy'")
        var deductions: [EnterpriseSize: Decimal] = [:]
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
        var abnormallyLow: Decimal = 20
        if let entry = view["abnormally-low"], let value = reader.decimal(entry, .percent) {
            if value == 0 {
                reader.error("abnormally-low must be greater than 0, found '0'", at: entry.location)
            } else {
                abnormallyLow = value
            }
        }
        return PricePolicy(sizeDeductions: deductions, abnormallyLowPercent: abnormallyLow)
    }

    func readCommittee(_ field: Field) -> CommitteePolicy {
        guard let view = reader.mapping(field) else { return CommitteePolicy() }
        reader.checkKeys(view, allowed: ["members", "aggregation", "disagreement"], context: "in 'committee'")
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
        var disagreement: Decimal = 30
        if let entry = view["disagreement"], let value = reader.decimal(entry, .percent) {
            if value == 0 {
                reader.error("disagreement must be greater than 0, found '0'", at: entry.location)
            } else {
                disagreement = value
            }
        }
        var policy = CommitteePolicy(members: members, aggregation: aggregation, disagreementPercent: disagreement)
        policy.location = view["members"]?.location ?? field.location
        return policy
    }
}
