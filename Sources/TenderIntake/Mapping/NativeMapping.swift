internal import CLibXML2
import Foundation
import TenderCore
import TenderModel

enum NativeNames {
    static let namespace = "urn:tender-eval:bid:1"
    static let set: Set<String> = [namespace]
}

/// Maps a schema-valid native bid (`urn:tender-eval:bid:1`) to `Bid`.
enum NativeMapping {
    static func bid(
        root: xmlNodePtr,
        file: String,
        limits: ImportLimits
    ) throws(DiagnosticError) -> Bid {
        let ns = NativeNames.set
        var problems = DiagnosticCollector()
        func at(_ node: xmlNodePtr) -> SourceLocation { SourceLocation(file: file, line: node.line) }

        // Bidder (required by the schema).
        var bidder = Bidder(name: "")
        if let element = root.child(ns, "bidder") {
            bidder.name = element.child(ns, "name")?.trimmedText ?? ""
            bidder.registrationID = element.child(ns, "registration-id")?.nonEmptyText
            if let size = element.child(ns, "size")?.nonEmptyText {
                bidder.size = EnterpriseSize(rawValue: size)
            }
            if let contact = element.child(ns, "contact") {
                bidder.contactPerson = contact.child(ns, "person")?.nonEmptyText
                bidder.phone = contact.child(ns, "phone")?.nonEmptyText
                bidder.email = contact.child(ns, "email")?.nonEmptyText
                for (field, name) in [(BidderField.contactPerson, "person"), (.phone, "phone"), (.email, "email")] {
                    if let line = contact.child(ns, name)?.line { bidder.fieldLines[field] = line }
                }
            }
            bidder.address = element.child(ns, "address")?.nonEmptyText
            if let line = element.child(ns, "address")?.line { bidder.fieldLines[.address] = line }
            bidder.line = element.line
        }
        // The project manager is the staff member whose role is `project-manager` (the capability section
        // already names them for scoring); collusion checks compare their name and phone across bidders.
        for person in root.child(ns, "capability")?.child(ns, "staff")?.children(ns, "person") ?? []
        where person.attribute("role")?.trimmingCharacters(in: .whitespaces) == "project-manager" {
            guard let name = person.child(ns, "name") else { continue }
            let phone = person.child(ns, "phone")
            bidder.projectManagers.append(
                ProjectManager(
                    name: name.trimmedText,
                    phone: phone?.nonEmptyText,
                    line: name.line,
                    phoneLine: phone?.line
                )
            )
        }

        // Price (required by the schema).
        var price: BidPrice?
        if let element = root.child(ns, "price") {
            let currency = element.attribute("currency") ?? ""
            var total: Money?
            if let node = element.child(ns, "total") {
                total = money(node, problems: &problems, file: file)
            }
            var lines: [PriceLine] = []
            for node in element.children(ns, "line") {
                if let amount = money(node, problems: &problems, file: file) {
                    lines.append(PriceLine(item: node.attribute("item") ?? "", amount: amount, line: node.line))
                }
            }
            if let total {
                price = BidPrice(total: total, currency: currency, lines: lines, line: element.line)
            }
        }

        var commitments: [Commitment] = []
        for node in root.child(ns, "commitments")?.children(ns, "commitment") ?? [] {
            commitments.append(
                Commitment(
                    kind: node.attribute("kind") ?? "",
                    signedOn: node.attribute("signed"),
                    text: node.trimmedText,
                    line: node.line
                )
            )
        }

        var violations: [Violation] = []
        for node in root.child(ns, "reputation")?.children(ns, "violation") ?? [] {
            violations.append(
                Violation(
                    date: node.attribute("date") ?? "",
                    severity: ViolationSeverity(rawValue: node.attribute("severity") ?? "") ?? .major,
                    description: node.trimmedText,
                    authority: node.attribute("authority"),
                    line: node.line
                )
            )
        }

        var attachments: [Attachment] = []
        if let list = root.child(ns, "attachments") {
            let nodes = list.children(ns, "attachment")
            if nodes.count > limits.maximumAttachments {
                problems.error(
                    "bid lists \(nodes.count) attachments; the limit is \(limits.maximumAttachments)",
                    at: at(list)
                )
            }
            for node in nodes.prefix(limits.maximumAttachments) {
                attachments.append(
                    Attachment(
                        name: node.attribute("name") ?? "",
                        type: node.attribute("type"),
                        sha256: node.attribute("sha256"),
                        line: node.line
                    )
                )
            }
        }
        try problems.throwIfErrors()
        return Bid(
            file: file,
            format: .native,
            tenderReference: root.attribute("tender"),
            submittedAt: root.attribute("submitted"),
            bidder: bidder,
            price: price,
            commitments: commitments,
            violations: violations,
            attachments: attachments,
            facts: [:],
            submittedLine: root.attribute("submitted") == nil ? nil : root.line
        )
    }

    /// A money amount; the schema already allows only plain decimals, so a failure here means more digits
    /// than exact arithmetic carries.
    static func money(_ node: xmlNodePtr, problems: inout DiagnosticCollector, file: String) -> Money? {
        let text = node.trimmedText
        if let value = try? Money(parsing: text) { return value }
        problems.error(
            DecimalText.refusal(of: text, as: Money.self, name: "amount '\(text.prefix(40))'")
                ?? "amount '\(text.prefix(40))' is not a plain decimal number",
            at: SourceLocation(file: file, line: node.line)
        )
        return nil
    }
}
