public import TenderCore

/// Everything the evaluation needs from one bid document, copied out of the XML into plain values.
///
/// Each part keeps the line it came from so that a report or a diagnostic can point at the source.
public struct Bid: Hashable, Sendable {
    public var file: String
    public var format: BidFormat
    /// The tender id the bid says it answers, if it says one.
    public var tenderReference: String?
    /// Submission time as written in the bid (ISO 8601), used by the `earliest-submission` tie-break.
    public var submittedAt: String?
    /// Line of the element that carries the submission time, for diagnostics about it.
    public var submittedLine: Int?
    public var bidder: Bidder
    public var price: BidPrice?
    public var commitments: [Commitment]
    public var violations: [Violation]
    public var attachments: [Attachment]
    /// Values of the rubric's fact queries, keyed by query id; a query that matched nothing is `.absent`.
    public var facts: [String: Fact]

    public init(
        file: String,
        format: BidFormat,
        tenderReference: String?,
        submittedAt: String?,
        bidder: Bidder,
        price: BidPrice?,
        commitments: [Commitment],
        violations: [Violation],
        attachments: [Attachment],
        facts: [String: Fact],
        submittedLine: Int? = nil
    ) {
        self.file = file
        self.format = format
        self.tenderReference = tenderReference
        self.submittedAt = submittedAt
        self.bidder = bidder
        self.price = price
        self.commitments = commitments
        self.violations = violations
        self.attachments = attachments
        self.facts = facts
        self.submittedLine = submittedLine
    }
}

/// The document types the importer understands, recognised by the root element's namespace URI.
public enum BidFormat: String, Hashable, Sendable, Codable, CaseIterable {
    /// tender-eval's own format, `urn:tender-eval:bid:1`, validated against `schemas/tender-bid-1.xsd`.
    case native
    /// OASIS UBL 2.x `Tender`.
    case ublTender = "ubl-tender"
    /// ESPD response: v1 `ESPDResponse` or v2–v4 UBL `QualificationApplicationResponse`.
    case espdResponse = "espd-response"
}

public struct Bidder: Hashable, Sendable {
    public var name: String
    /// 统一社会信用代码, VAT number or other registry id.
    public var registrationID: String?
    public var size: EnterpriseSize?
    public var contactPerson: String?
    public var phone: String?
    public var email: String?
    public var address: String?
    public var line: Int?
    /// The line each contact field was written on, so a collusion flag can point at it.
    public var fieldLines: [BidderField: Int]
    /// The people the bid names as project manager (项目经理), in document order.
    public var projectManagers: [ProjectManager]

    public init(
        name: String,
        registrationID: String? = nil,
        size: EnterpriseSize? = nil,
        contactPerson: String? = nil,
        phone: String? = nil,
        email: String? = nil,
        address: String? = nil,
        line: Int? = nil,
        fieldLines: [BidderField: Int] = [:],
        projectManagers: [ProjectManager] = []
    ) {
        self.name = name
        self.registrationID = registrationID
        self.size = size
        self.contactPerson = contactPerson
        self.phone = phone
        self.email = email
        self.address = address
        self.line = line
        self.fieldLines = fieldLines
        self.projectManagers = projectManagers
    }
}

/// The bidder's contact fields whose line the importer records.
public enum BidderField: String, Hashable, Sendable, Codable, CaseIterable {
    case contactPerson = "contact-person"
    case phone
    case email
    case address
}

/// A project manager named in the bid, with the phone the bid gives for them when it gives one.
public struct ProjectManager: Hashable, Sendable {
    public var name: String
    public var phone: String?
    public var line: Int?
    public var phoneLine: Int?

    public init(name: String, phone: String? = nil, line: Int? = nil, phoneLine: Int? = nil) {
        self.name = name
        self.phone = phone
        self.line = line
        self.phoneLine = phoneLine
    }
}

public struct BidPrice: Hashable, Sendable {
    public var total: Money
    /// ISO 4217 code as written in the bid.
    public var currency: String
    public var lines: [PriceLine]
    public var line: Int?

    public init(total: Money, currency: String, lines: [PriceLine] = [], line: Int? = nil) {
        self.total = total
        self.currency = currency
        self.lines = lines
        self.line = line
    }
}

public struct PriceLine: Hashable, Sendable {
    public var item: String
    public var amount: Money
    public var line: Int?

    public init(item: String, amount: Money, line: Int? = nil) {
        self.item = item
        self.amount = amount
        self.line = line
    }
}

public struct Commitment: Hashable, Sendable {
    /// `technical-service`, `confidentiality`, `integrity`, or another kind a rubric asks for.
    public var kind: String
    /// `YYYY-MM-DD` on which it was signed; a commitment without a signature date does not count.
    public var signedOn: String?
    public var text: String
    public var line: Int?

    public init(kind: String, signedOn: String?, text: String, line: Int? = nil) {
        self.kind = kind
        self.signedOn = signedOn
        self.text = text
        self.line = line
    }
}

public struct Violation: Hashable, Sendable {
    /// `YYYY-MM-DD` of the decision.
    public var date: String
    public var severity: ViolationSeverity
    public var description: String
    public var authority: String?
    public var line: Int?

    public init(date: String, severity: ViolationSeverity, description: String, authority: String?, line: Int? = nil) {
        self.date = date
        self.severity = severity
        self.description = description
        self.authority = authority
        self.line = line
    }
}

public struct Attachment: Hashable, Sendable {
    public var name: String
    public var type: String?
    /// Lower-case hex SHA-256 of the attached file as declared by the bidder.
    public var sha256: String?
    public var line: Int?

    public init(name: String, type: String?, sha256: String?, line: Int? = nil) {
        self.name = name
        self.type = type
        self.sha256 = sha256
        self.line = line
    }
}

/// One value read from a bid by a rubric expression, with the line of the node it came from when known.
public struct Fact: Hashable, Sendable {
    public var value: FactValue
    public var line: Int?

    public init(_ value: FactValue, line: Int? = nil) {
        self.value = value
        self.line = line
    }
}

public enum FactValue: Hashable, Sendable {
    case number(ExactRatio)
    case text(String)
    case boolean(Bool)
    /// The expression matched nothing (or gave an empty string where a number was expected).
    case absent
}
