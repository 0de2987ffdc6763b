import Foundation
import TenderCore
import TenderModel
import Yams

/// Turns an evaluation plan's YAML tree into an `EvaluationPlan`, recording a located diagnostic for everything
/// wrong; nil when anything is (the diagnostics say what).
struct PlanBuilder {
    let reader: NodeReader

    func build(root: Node) -> EvaluationPlan? {
        guard let top = reader.mapping(root, what: "an evaluation plan") else { return nil }
        let context = "at the top level of the evaluation plan"
        reader.checkKeys(top, allowed: PlanLoader.topKeys, context: context)
        let versionRead = reader.required(top, "plan", context: context).map(readVersion) ?? false
        let contract = reader.required(top, "contract", context: context).flatMap(readContract)
        let decimals = top["decimals"].map { reader.integer($0, 0...4) } ?? 2
        let rounding =
            top["rounding"].map { field in
                reader.choice(field, [PlanRounding.perSource, .total].map(\.rawValue)).flatMap(
                    PlanRounding.init(rawValue:)
                )
            } ?? .perSource
        let sources = reader.required(top, "sources", context: context).flatMap {
            readSources($0, services: contract?.services)
        }
        let standings = reader.required(top, "standings", context: context).flatMap(readStandings)
        let rules = top["rules"].map { readRules($0, standings: standings) } ?? []
        guard versionRead, let contract, let decimals, let rounding, let sources, let standings, let rules else {
            return nil
        }
        return EvaluationPlan(
            contract: contract,
            decimals: decimals,
            rounding: rounding,
            survey: sources.survey,
            team: sources.team,
            department: sources.department,
            patrol: sources.patrol,
            standings: standings,
            rules: rules,
            location: top.location
        )
    }

    /// `plan: 1`; a later format is refused rather than half read.
    private func readVersion(_ field: Field) -> Bool {
        guard case .scalar(let scalar) = field.node,
            scalar.string.trimmingCharacters(in: .whitespaces) == String(PlanLoader.formatVersion)
        else {
            reader.error(
                "'plan' is the plan format version and must be \(PlanLoader.formatVersion), found "
                    + "\(NodeReader.describe(field.node)); this tender-eval reads version \(PlanLoader.formatVersion) "
                    + "plans",
                at: field.location
            )
            return false
        }
        return true
    }

    // MARK: The contract

    private func readContract(_ field: Field) -> PerformanceContract? {
        guard let view = reader.mapping(field) else { return nil }
        let context = "in 'contract'"
        reader.checkKeys(view, allowed: PlanLoader.contractKeys, context: context)
        let id = reader.required(view, "id", context: context).flatMap { reader.printableText($0, what: "contract id") }
        let tender = reader.required(view, "tender", context: context).flatMap {
            reader.printableText($0, what: "tender id")
        }
        let buyer = reader.required(view, "buyer", context: context).flatMap { reader.localized($0) }
        let contractor = reader.required(view, "contractor", context: context).flatMap(readContractor)
        let services = reader.required(view, "services", context: context).flatMap(readServices)
        let start = reader.required(view, "start", context: context).flatMap(date)
        let end = reader.required(view, "end", context: context).flatMap(date)
        if let start, let end, end < start, let endField = view["end"] {
            reader.error(
                "the contract ends on \(end), before it starts (\(start)); 'end' is the contract's last day",
                at: endField.location
            )
            return nil
        }
        guard let id, let tender, let buyer, let contractor, let services, let start, let end else { return nil }
        return PerformanceContract(
            id: id,
            tenderID: tender,
            buyer: buyer,
            contractor: contractor,
            services: services,
            start: start,
            end: end,
            location: view.location
        )
    }

    private func readContractor(_ field: Field) -> PerformanceContractor? {
        guard let view = reader.mapping(field) else { return nil }
        let context = "in 'contractor'"
        reader.checkKeys(view, allowed: PlanLoader.contractorKeys, context: context)
        let name = reader.required(view, "name", context: context).flatMap {
            reader.printableText($0, what: "contractor name")
        }
        var registrationID: String?
        if let entry = reader.required(view, "registration-id", context: context),
            let text = reader.printableText(entry, what: "registration-id")
        {
            // The history finds this contractor's months for a later bid by this key: an id that normalises to
            // nothing would match no bid, and the contractor's record would silently never count.
            if BidderIdentity.registrationIDKey(text) == nil {
                reader.error(
                    "registration-id '\(VisibleText.escaped(text))' is only white space; write the contractor's "
                        + "统一社会信用代码 (later bids are matched to this contract by it)",
                    at: entry.location
                )
            } else {
                registrationID = text
            }
        }
        guard let name, let registrationID else { return nil }
        return PerformanceContractor(name: name, registrationID: registrationID)
    }

    private func readServices(_ field: Field) -> [ServiceItem]? {
        guard
            let entries = boundedList(
                field,
                noun: ("service item", "service items"),
                maximum: PlanLoader.maximumServices,
                emptyAdvice: "the contract needs the service items it evaluates"
            )
        else { return nil }
        var services: [ServiceItem] = []
        var complete = true
        for entry in entries {
            guard let view = reader.mapping(entry, what: "a service item") else {
                complete = false
                continue
            }
            let context = "in a service item"
            reader.checkKeys(view, allowed: PlanLoader.serviceKeys, context: context)
            let id = reader.required(view, "id", context: context).flatMap { reader.identifier($0) }
            let name = reader.required(view, "name", context: context).flatMap { reader.localized($0) }
            guard let id, let name else {
                complete = false
                continue
            }
            if let first = services.first(where: { $0.id == id }) {
                reader.error(
                    "service item id '\(VisibleText.excerpt(id))' is already used by the service item at "
                        + first.location.lineColumnText,
                    at: view["id"]?.location ?? view.location
                )
                complete = false
                continue
            }
            services.append(ServiceItem(id: id, name: name, location: view.location))
        }
        return complete ? services : nil
    }

    // MARK: Shared readers

    /// A list of at most `maximum` entries, and at least one; nil after reporting.
    func boundedList(
        _ field: Field,
        noun: (one: String, many: String),
        maximum: Int,
        emptyAdvice: String
    ) -> [Node]? {
        guard let entries = reader.sequence(field) else { return nil }
        guard !entries.isEmpty else {
            reader.error("'\(VisibleText.excerpt(field.key))' is empty; \(emptyAdvice)", at: field.location)
            return nil
        }
        guard entries.count <= maximum else {
            reader.error(
                "'\(VisibleText.excerpt(field.key))' lists \(entries.count) \(noun.many); an evaluation plan holds at "
                    + "most \(maximum) \(noun.many)",
                at: field.location
            )
            return nil
        }
        return entries
    }

    /// A real calendar day written `YYYY-MM-DD`.
    func date(_ field: Field) -> String? {
        guard let text = reader.string(field) else { return nil }
        guard RubricBuilder.isCalendarDate(text) else {
            let shape = text.count == 10 && text.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-") }
            reader.error(
                shape && text.split(separator: "-").count == 3
                    ? "\(field.key) '\(VisibleText.excerpt(text))' is not a real calendar date"
                    : "\(field.key) must be a date written YYYY-MM-DD, found '\(VisibleText.excerpt(text))'",
                at: field.location
            )
            return nil
        }
        return text
    }
    /// A whole number of months, respondents, teams, … from 1 up to `maximum`.
    func count(_ field: Field, maximum: Int) -> Int? {
        reader.integer(field, 1...maximum)
    }

    /// `required` (the default) or `optional`.
    func requirement(_ field: Field?) -> Bool? {
        guard let field else { return true }
        return reader.choice(field, ["required", "optional"]).map { $0 == "required" }
    }

    /// The closest of `candidates`, as "; did you mean 'x'?", or nothing.
    func didYouMean(_ word: String, among candidates: [String]) -> String {
        reader.suggestion(for: word, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
