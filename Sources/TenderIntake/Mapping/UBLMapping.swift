internal import CLibXML2
import Foundation
import TenderCore
import TenderModel

enum UBLNames {
    static let tenderRoots: Set<String> = ["urn:oasis:names:specification:ubl:schema:xsd:Tender-2"]
    static let cac: Set<String> = [
        "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2",
        "urn:X-test:UBL:Pre-award:CommonAggregate",
    ]
    static let cbc: Set<String> = [
        "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2",
        "urn:X-test:UBL:Pre-award:CommonBasic",
    ]
}

/// Reads the UBL `Party` aggregate (used by UBL Tender and ESPD 2+) into a `Bidder`.
enum UBLParty {
    static func bidder(_ party: xmlNodePtr) -> Bidder? {
        let cac = UBLNames.cac
        let cbc = UBLNames.cbc
        let legal = party.child(cac, "PartyLegalEntity")
        let name =
            party.descendant(cac, "PartyName")?.child(cbc, "Name")?.nonEmptyText
            ?? legal?.child(cbc, "RegistrationName")?.nonEmptyText
        guard let name else { return nil }
        var bidder = Bidder(name: name, line: party.line)
        bidder.registrationID =
            legal?.child(cbc, "CompanyID")?.nonEmptyText
            ?? party.child(cac, "PartyIdentification")?.child(cbc, "ID")?.nonEmptyText
        if let contact = party.child(cac, "Contact") {
            bidder.contactPerson = contact.child(cbc, "Name")?.nonEmptyText
            bidder.phone = contact.child(cbc, "Telephone")?.nonEmptyText
            bidder.email = contact.child(cbc, "ElectronicMail")?.nonEmptyText
        }
        if let address = party.child(cac, "PostalAddress") {
            bidder.address = self.address(address)
        }
        return bidder
    }

    /// Street, building, city, postcode, region and country, joined with ", " (empty parts and the literal
    /// "null" some generators write are left out).
    static func address(_ node: xmlNodePtr) -> String? {
        let cbc = UBLNames.cbc
        var parts: [String] = []
        for name in [
            "StreetName", "AdditionalStreetName", "BuildingNumber", "CityName", "PostalZone", "CountrySubentity",
        ] {
            if let text = node.child(cbc, name)?.nonEmptyText, text != "null" { parts.append(text) }
        }
        if let country = node.child(UBLNames.cac, "Country")?.child(cbc, "IdentificationCode")?.nonEmptyText {
            parts.append(country)
        }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// `IssueDate` joined with `IssueTime` as an ISO 8601 date-time when both are given.
    static func issued(_ root: xmlNodePtr) -> String? {
        guard let date = root.child(UBLNames.cbc, "IssueDate")?.nonEmptyText else { return nil }
        guard let time = root.child(UBLNames.cbc, "IssueTime")?.nonEmptyText else { return date }
        return "\(date)T\(time)"
    }
}

/// Maps an OASIS UBL 2.x `Tender` to `Bid`.
///
/// Price: the `PayableAmount` of each `TenderedProject`'s `LegalMonetaryTotal`. A tender for several lots
/// gets the sum of its lots' amounts as its price (one price line per lot) and a warning saying so; lots in
/// different currencies give no price and a warning.
enum UBLTenderMapping {
    static func bid(root: xmlNodePtr, file: String, limits: ImportLimits) throws(DiagnosticError) -> (Bid, [Diagnostic])
    {
        let cac = UBLNames.cac
        let cbc = UBLNames.cbc
        var problems = DiagnosticCollector()
        var warnings: [Diagnostic] = []
        func at(_ node: xmlNodePtr) -> SourceLocation { SourceLocation(file: file, line: node.line) }

        guard let party = root.child(cac, "TendererParty"), let bidder = UBLParty.bidder(party) else {
            throw DiagnosticError(
                .error(
                    "UBL tender names no tenderer (cac:TendererParty/cac:PartyName/cbc:Name)",
                    at: at(root.child(cac, "TendererParty") ?? root)
                )
            )
        }

        var lots: [(item: String, amount: Money, currency: String, line: Int?)] = []
        for (index, project) in root.children(cac, "TenderedProject").enumerated() {
            guard let amount = project.child(cac, "LegalMonetaryTotal")?.child(cbc, "PayableAmount") else { continue }
            let text = amount.trimmedText
            guard let value = try? Money(parsing: text) else {
                problems.error(
                    DecimalText.refusal(of: text, as: Money.self, name: "payable amount '\(text.prefix(40))'")
                        ?? "payable amount '\(text.prefix(40))' is not a plain decimal number",
                    at: at(amount)
                )
                continue
            }
            guard let currency = amount.attribute("currencyID") else {
                problems.error("payable amount \(text) has no currencyID", at: at(amount))
                continue
            }
            let lot = project.child(cac, "ProcurementProjectLot")?.child(cbc, "ID")?.nonEmptyText ?? "\(index + 1)"
            lots.append(("lot \(lot)", value, currency, amount.line))
        }
        var price: BidPrice?
        if let first = lots.first {
            if lots.count == 1 {
                price = BidPrice(total: first.amount, currency: first.currency, lines: [], line: first.line)
            } else if Set(lots.map(\.currency)).count == 1 {
                let total: Money
                do {
                    total = try Money.sum(lots.map(\.amount))
                } catch {
                    problems.error("the lots' payable amounts add up to an amount that is too large", at: at(root))
                    total = .zero
                }
                price = BidPrice(
                    total: total,
                    currency: first.currency,
                    lines: lots.map { PriceLine(item: $0.item, amount: $0.amount, line: $0.line) },
                    line: first.line
                )
                warnings.append(
                    .warning(
                        "tender covers \(lots.count) lots; its price is the sum of their payable amounts "
                            + "(\(total.plainText) \(first.currency))",
                        at: SourceLocation(file: file, line: first.line)
                    )
                )
            } else {
                warnings.append(
                    .warning(
                        "tender covers \(lots.count) lots in different currencies; it has no single price",
                        at: SourceLocation(file: file, line: first.line)
                    )
                )
            }
        }

        // A reference without an attached file (e.g. to the call for tenders) is not an attachment.
        let references = root.children(cac, "DocumentReference").filter { $0.child(cac, "Attachment") != nil }
        if references.count > limits.maximumAttachments {
            problems.error(
                "bid lists \(references.count) attachments; the limit is \(limits.maximumAttachments)",
                at: at(references[limits.maximumAttachments])
            )
        }
        let attachments = references.prefix(limits.maximumAttachments).map(attachment)
        try problems.throwIfErrors()
        let bid = Bid(
            file: file,
            format: .ublTender,
            tenderReference: root.child(cbc, "ContractFolderID")?.nonEmptyText,
            submittedAt: UBLParty.issued(root),
            bidder: bidder,
            price: price,
            commitments: [],
            violations: [],
            attachments: Array(attachments),
            facts: [:]
        )
        return (bid, warnings)
    }

    /// A `DocumentReference`: file name (or id), type code, and the hash when it is a SHA-256.
    static func attachment(_ reference: xmlNodePtr) -> Attachment {
        let cac = UBLNames.cac
        let cbc = UBLNames.cbc
        let attached = reference.child(cac, "Attachment")
        let external = attached?.child(cac, "ExternalReference")
        let name =
            external?.child(cbc, "FileName")?.nonEmptyText
            ?? attached?.child(cbc, "EmbeddedDocumentBinaryObject")?.attribute("filename")
            ?? reference.child(cbc, "ID")?.nonEmptyText ?? ""
        let type =
            reference.child(cbc, "DocumentTypeCode")?.nonEmptyText ?? reference.child(cbc, "DocumentType")?.nonEmptyText
        var sha256: String?
        if let hash = external?.child(cbc, "DocumentHash")?.nonEmptyText?.lowercased() {
            let method = external?.child(cbc, "HashAlgorithmMethod")?.nonEmptyText?.lowercased() ?? ""
            let isHex = hash.count == 64 && hash.allSatisfy { $0.isHexDigit }
            if isHex && (method.isEmpty || method.contains("sha256") || method.contains("sha-256")) {
                sha256 = hash
            }
        }
        return Attachment(name: name, type: type, sha256: sha256, line: reference.line)
    }
}
