import Foundation
import TenderCore
import TenderIntake
public import TenderModel
import TenderRubric
public import TenderScoring

/// Plain-text summaries for the terminal (`check` and `inspect`), in English: the reports carry the
/// localized, formal text.
public enum PlainText {
    /// What `check` prints of a rubric; its text is escaped like any input's.
    public static func summary(of rubric: Rubric) -> String {
        let e = VisibleText.escaped
        let header = rubric.tender
        var lines = [
            "\(e(header.id)): \(e(header.title.text(in: .zh)))",
            "buyer: \(e(header.buyer.text(in: .zh))); currency \(e(header.currency)); method \(header.method.rawValue); "
                + "decimals \(header.decimals) (\(header.rounding.rawValue)); minimum valid bids "
                + "\(header.minimumValidBids); evaluation date \(header.evaluationDate)",
        ]
        if !rubric.gates.isEmpty {
            lines.append("gates:")
            for gate in rubric.gates {
                lines.append("  - \(e(gate.id)): \(e(gate.name.text(in: .zh)))")
            }
        }
        lines.append("groups:")
        for group in rubric.groups {
            lines.append("  \(e(group.id)) \(group.points.plainText) — \(e(group.name.text(in: .zh)))")
            for criterion in group.criteria {
                lines.append(
                    "    \(e(criterion.id)) \(criterion.points.plainText) (\(kind(of: criterion.rule))) — "
                        + e(criterion.name.text(in: .zh))
                )
            }
        }
        let total = Points(units: rubric.groups.reduce(0) { $0 &+ $1.points.units })
        lines.append("total points: \(total.plainText)")
        return lines.joined(separator: "\n")
    }

    /// What `inspect` prints of a bid. Every value read from the bid (or the rubric) is escaped, so a name holding
    /// a line break or a terminal escape sequence shows as text and cannot forge a line of output.
    public static func describe(_ bid: Bid, preview: BidPreview?, rubric: Rubric?) -> String {
        let e = VisibleText.escaped
        let bidder = bid.bidder
        var lines = [
            "\(VisibleText.shown(bid.file)): \(bid.format.rawValue) bid",
            "bidder: \(e(bidder.name))" + (bidder.registrationID.map { " (\(e($0)))" } ?? "")
                + (bidder.size.map { ", \($0.rawValue) enterprise" } ?? ""),
        ]
        let contact = [bidder.contactPerson, bidder.phone, bidder.email, bidder.address].compactMap { $0 }.map(e)
        if !contact.isEmpty { lines.append("contact: " + contact.joined(separator: "; ")) }
        if let tender = bid.tenderReference { lines.append("tender: \(e(tender))") }
        if let submitted = bid.submittedAt { lines.append("submitted: \(e(submitted))") }
        if let price = bid.price {
            lines.append("price: \(price.total.fixedText(places: 2)) \(e(price.currency))")
            for line in price.lines {
                lines.append("  \(e(line.item)): \(line.amount.fixedText(places: 2))")
            }
        } else {
            lines.append("price: none")
        }
        for commitment in bid.commitments {
            lines.append("commitment \(e(commitment.kind)): signed \(commitment.signedOn.map(e) ?? "(not signed)")")
        }
        for violation in bid.violations {
            lines.append(
                "violation \(e(violation.date)) \(violation.severity.rawValue): \(e(violation.description))"
                    + (violation.authority.map { " (\(e($0)))" } ?? "")
            )
        }
        for attachment in bid.attachments {
            lines.append(
                "attachment \(e(attachment.name))" + (attachment.type.map { " [\(e($0))]" } ?? "")
                    + (attachment.sha256.map { " sha256 \(e($0))" } ?? "")
            )
        }
        guard let preview, let rubric else { return lines.joined(separator: "\n") }
        for gate in preview.gates {
            let name = rubric.gates.first { $0.id == gate.gateID }?.name.text(in: .zh) ?? gate.gateID
            lines.append("gate \(gate.gateID) \(gate.passed ? "passed" : "FAILED"): \(e(name))")
        }
        for score in preview.objectiveScores {
            let fact: String
            if case .objective(let value, let line, _) = score.basis {
                fact = text(of: value) + (line.map { " (line \($0))" } ?? "")
            } else {
                fact = ""
            }
            lines.append(
                "criterion \(score.criterionID): \(fact) → \(score.points.fixedText(places: rubric.tender.decimals)) points"
            )
        }
        return lines.joined(separator: "\n")
    }

    static func text(of value: FactValue) -> String {
        switch value {
        case .number(let number): return number.plainText
        case .text(let text): return "'\(VisibleText.escaped(text))'"
        case .boolean(let flag): return flag ? "true" : "false"
        case .absent: return "(not found)"
        }
    }

    private static func kind(of rule: CriterionRule) -> String {
        switch rule {
        case .objective: return "objective"
        case .judgement: return "judgement"
        case .price(let formula): return "price, \(formula.rawValue)"
        case .history(let rule): return "history, \(rule.months) months, buyer \(rule.buyer.rawValue)"
        }
    }
}
