import Foundation
import TenderCore
import TenderIntake
public import TenderModel
import TenderRubric
public import TenderScoring

/// Plain-text summaries for the terminal (`check` and `inspect`), in English: the reports carry the
/// localized, formal text.
public enum PlainText {
    public static func summary(of rubric: Rubric) -> String {
        let header = rubric.tender
        var lines = [
            "\(header.id): \(header.title.text(in: .zh))",
            "buyer: \(header.buyer.text(in: .zh)); currency \(header.currency); method \(header.method.rawValue); "
                + "decimals \(header.decimals) (\(header.rounding.rawValue)); minimum valid bids "
                + "\(header.minimumValidBids); evaluation date \(header.evaluationDate)",
        ]
        if !rubric.gates.isEmpty {
            lines.append("gates:")
            for gate in rubric.gates {
                lines.append("  - \(gate.id): \(gate.name.text(in: .zh))")
            }
        }
        lines.append("groups:")
        for group in rubric.groups {
            lines.append("  \(group.id) \(group.points.plainText) — \(group.name.text(in: .zh))")
            for criterion in group.criteria {
                lines.append(
                    "    \(criterion.id) \(criterion.points.plainText) (\(kind(of: criterion.rule))) — "
                        + criterion.name.text(in: .zh)
                )
            }
        }
        let total = rubric.groups.reduce(Decimal(0)) { $0 + $1.points }
        lines.append("total points: \(total.plainText)")
        return lines.joined(separator: "\n")
    }

    public static func describe(_ bid: Bid, preview: BidPreview?, rubric: Rubric?) -> String {
        let bidder = bid.bidder
        var lines = [
            "\(bid.file): \(bid.format.rawValue) bid",
            "bidder: \(bidder.name)" + (bidder.registrationID.map { " (\($0))" } ?? "")
                + (bidder.size.map { ", \($0.rawValue) enterprise" } ?? ""),
        ]
        let contact = [bidder.contactPerson, bidder.phone, bidder.email, bidder.address].compactMap { $0 }
        if !contact.isEmpty { lines.append("contact: " + contact.joined(separator: "; ")) }
        if let tender = bid.tenderReference { lines.append("tender: \(tender)") }
        if let submitted = bid.submittedAt { lines.append("submitted: \(submitted)") }
        if let price = bid.price {
            lines.append("price: \(price.total.fixed(places: 2)) \(price.currency)")
            for line in price.lines {
                lines.append("  \(line.item): \(line.amount.fixed(places: 2))")
            }
        } else {
            lines.append("price: none")
        }
        for commitment in bid.commitments {
            lines.append("commitment \(commitment.kind): signed \(commitment.signedOn ?? "(not signed)")")
        }
        for violation in bid.violations {
            lines.append(
                "violation \(violation.date) \(violation.severity.rawValue): \(violation.description)"
                    + (violation.authority.map { " (\($0))" } ?? "")
            )
        }
        for attachment in bid.attachments {
            lines.append(
                "attachment \(attachment.name)" + (attachment.type.map { " [\($0)]" } ?? "")
                    + (attachment.sha256.map { " sha256 \($0)" } ?? "")
            )
        }
        guard let preview, let rubric else { return lines.joined(separator: "\n") }
        for gate in preview.gates {
            let name = rubric.gates.first { $0.id == gate.gateID }?.name.text(in: .zh) ?? gate.gateID
            lines.append("gate \(gate.gateID) \(gate.passed ? "passed" : "FAILED"): \(name)")
        }
        for score in preview.objectiveScores {
            let fact: String
            if case .objective(let value, let line, _) = score.basis {
                fact = text(of: value) + (line.map { " (line \($0))" } ?? "")
            } else {
                fact = ""
            }
            lines.append(
                "criterion \(score.criterionID): \(fact) → \(score.points.fixed(places: rubric.tender.decimals)) points"
            )
        }
        return lines.joined(separator: "\n")
    }

    static func text(of value: FactValue) -> String {
        switch value {
        case .number(let number): return number.plainText
        case .text(let text): return "'\(text)'"
        case .boolean(let flag): return flag ? "true" : "false"
        case .absent: return "(not found)"
        }
    }

    private static func kind(of rule: CriterionRule) -> String {
        switch rule {
        case .objective: return "objective"
        case .judgement: return "judgement"
        case .price(let formula): return "price, \(formula.rawValue)"
        }
    }
}
