import Foundation
import TenderCore
import TenderModel
import Yams

/// Turns the YAML tree into a `Rubric`, checking every rule of the format on the way. Problems go to the
/// reader's collector; the result is nil only when the structure is too broken to go on.
struct RubricBuilder {
    let reader: NodeReader

    struct GroupInfo {
        var group: CriterionGroup
        var pointsKeyLocation: SourceLocation
        /// The sum of the criteria's points; nil when one could not be read, so the sum cannot be checked.
        var criteriaSum: Points?
        /// False when a criterion could not be built.
        var criteriaComplete: Bool
    }

    struct TieBreakEntry {
        var rule: TieBreakRule
        var location: SourceLocation
    }

    static let topKeys = ["tender", "namespaces", "price-policy", "committee", "gates", "groups"]
    static let tenderKeys = [
        "id", "title", "buyer", "currency", "budget", "method", "decimals", "rounding", "minimum-valid-bids",
        "evaluation-date", "profile", "tie-break", "published", "submission-deadline",
    ]
    static let profiles = ["cn-87", "eu", "none"]

    func build(root: Node) -> Rubric? {
        guard let top = reader.mapping(root, what: "a rubric") else { return nil }
        reader.checkKeys(top, allowed: RubricBuilder.topKeys, context: "at the top level")

        let namespaces = top["namespaces"].map(readNamespaces) ?? []
        let prefixes = Set(namespaces.map(\.prefix))

        var header: TenderHeader?
        var tieBreakEntries: [(String, SourceLocation)] = []
        if let field = reader.required(top, "tender", context: "at the top level") {
            (header, tieBreakEntries) = readTender(field)
        }
        let pricePolicy = top["price-policy"].map { readPricePolicy($0, budget: header?.budget) } ?? PricePolicy()
        var committee = top["committee"].map { readCommittee($0, profile: header?.profile) } ?? CommitteePolicy()
        if top["committee"] == nil, header?.profile == "cn-87" { committee.reasons = .required }
        let gates = top["gates"].map { readGates($0, prefixes: prefixes) } ?? []

        var groups: [GroupInfo] = []
        var groupsField: Field?
        if let field = reader.required(top, "groups", context: "at the top level") {
            groupsField = field
            groups = readGroups(field, prefixes: prefixes, decimals: header?.decimals)
        }

        var tieBreak: [TieBreakRule] = []
        if let groupsField {
            checkTotals(
                groups,
                groupsField: groupsField,
                method: header?.method ?? .comprehensive
            )
            tieBreak = resolveTieBreak(tieBreakEntries, groups: groups.map(\.group))
        }
        checkHistoryCriteria(groups.map(\.group), top: top, header: header)
        guard var tender = header else { return nil }
        tender.tieBreak = tieBreak
        var rubric = Rubric(
            file: reader.file,
            tender: tender,
            namespaces: namespaces,
            pricePolicy: pricePolicy,
            committee: committee,
            gates: gates,
            groups: groups.map(\.group)
        )
        rubric.xpathSites = reader.xpathSites
        return rubric
    }
}
