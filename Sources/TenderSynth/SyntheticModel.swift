import Foundation
public import TenderCore
public import TenderModel

/// A value a rubric expression yields for one bid, as the importer would read it from the XML.
public enum SyntheticFactValue: Hashable, Sendable {
    case number(ExactRatio)
    case text(String)
    case boolean(Bool)
}

/// One criterion of the synthetic rubric, described for tools that do not read the YAML (the benchmark's
/// numpy-equivalent matrix).
public struct SyntheticCriterion: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case price
        case objective
        case judgement
    }

    public var id: String
    public var groupID: String
    public var points: Points
    public var kind: Kind
    /// The XPath expression of an objective criterion.
    public var expression: String?
    /// True when a smaller raw value is better (price, complaint rates).
    public var lowerIsBetter: Bool

    public init(id: String, groupID: String, points: Points, kind: Kind, expression: String?, lowerIsBetter: Bool) {
        self.id = id
        self.groupID = groupID
        self.points = points
        self.kind = kind
        self.expression = expression
        self.lowerIsBetter = lowerIsBetter
    }
}

/// What a synthetic bid was built to show.
public enum SyntheticBidDesign: String, Hashable, Sendable, CaseIterable {
    case ordinary
    /// No confidentiality commitment: fails the `confidentiality` gate.
    case missingConfidentiality = "missing-confidentiality"
    /// Integrity commitment present but not signed: fails the `integrity` gate.
    case unsignedIntegrity = "unsigned-integrity"
    /// A major legal violation within three years of the evaluation date: fails `no-major-violation`.
    case recentMajorViolation = "recent-major-violation"
    /// A price far below the others: flagged for written clarification, never rejected.
    case abnormallyLow = "abnormally-low"
}

public struct SyntheticPerson: Hashable, Sendable {
    public var role: String
    public var name: String
    public var qualifications: [String]
    public var yearsExperience: Int

    public init(role: String, name: String, qualifications: [String], yearsExperience: Int) {
        self.role = role
        self.name = name
        self.qualifications = qualifications
        self.yearsExperience = yearsExperience
    }
}

public struct SyntheticEquipment: Hashable, Sendable {
    public var name: String
    public var count: Int

    public init(name: String, count: Int) {
        self.name = name
        self.count = count
    }
}

public struct SyntheticCertification: Hashable, Sendable {
    public var standard: String
    public var number: String
    public var validUntil: String

    public init(standard: String, number: String, validUntil: String) {
        self.standard = standard
        self.number = number
        self.validUntil = validUntil
    }
}

public struct SyntheticPastContract: Hashable, Sendable {
    public var client: String
    public var year: Int
    public var value: Money
    public var satisfaction: ExactRatio

    public init(client: String, year: Int, value: Money, satisfaction: ExactRatio) {
        self.client = client
        self.year = year
        self.value = value
        self.satisfaction = satisfaction
    }
}

public struct SyntheticPriceLine: Hashable, Sendable {
    public var item: String
    public var amount: Money

    public init(item: String, amount: Money) {
        self.item = item
        self.amount = amount
    }
}

public struct SyntheticCommitment: Hashable, Sendable {
    public var kind: String
    /// nil for an unsigned commitment.
    public var signed: String?
    public var text: String

    public init(kind: String, signed: String?, text: String) {
        self.kind = kind
        self.signed = signed
        self.text = text
    }
}

public struct SyntheticViolation: Hashable, Sendable {
    public var date: String
    public var severity: ViolationSeverity
    public var authority: String
    public var text: String

    public init(date: String, severity: ViolationSeverity, authority: String, text: String) {
        self.date = date
        self.severity = severity
        self.authority = authority
        self.text = text
    }
}

public struct SyntheticAttachment: Hashable, Sendable {
    public var name: String
    public var type: String
    public var sha256: String

    public init(name: String, type: String, sha256: String) {
        self.name = name
        self.type = type
        self.sha256 = sha256
    }
}

/// A free-form `<fact name="…" unit="…">value</fact>` element of the native format.
public struct SyntheticFactElement: Hashable, Sendable {
    public var name: String
    public var unit: String?
    public var value: String

    public init(name: String, unit: String?, value: String) {
        self.name = name
        self.unit = unit
        self.value = value
    }
}

/// One bid's content. `xml` renders it in the native format; `facts` holds what each of the rubric's objective
/// criteria reads from that XML, keyed by criterion id, so a bid can be built in memory without parsing.
public struct SyntheticBid: Hashable, Sendable {
    public var fileName: String
    public var design: SyntheticBidDesign
    public var name: String
    public var registrationID: String
    public var size: EnterpriseSize
    public var contactPerson: String
    public var phone: String
    public var email: String
    public var address: String
    /// ISO 8601 submission time.
    public var submitted: String
    public var total: Money
    public var priceLines: [SyntheticPriceLine]
    public var staff: [SyntheticPerson]
    public var equipment: [SyntheticEquipment]
    public var sparePartsStockValue: Money
    public var emergencyMinutes: Int
    public var certifications: [SyntheticCertification]
    public var associationGrade: String
    public var associationIssuer: String
    public var pastContracts: [SyntheticPastContract]
    public var violations: [SyntheticViolation]
    public var commitments: [SyntheticCommitment]
    public var attachments: [SyntheticAttachment]
    public var factElements: [SyntheticFactElement]
    /// The value of every objective criterion's expression in this bid, by criterion id.
    public var facts: [String: SyntheticFactValue]

    public init(
        fileName: String,
        design: SyntheticBidDesign,
        name: String,
        registrationID: String,
        size: EnterpriseSize,
        contactPerson: String,
        phone: String,
        email: String,
        address: String,
        submitted: String,
        total: Money,
        priceLines: [SyntheticPriceLine],
        staff: [SyntheticPerson],
        equipment: [SyntheticEquipment],
        sparePartsStockValue: Money,
        emergencyMinutes: Int,
        certifications: [SyntheticCertification],
        associationGrade: String,
        associationIssuer: String,
        pastContracts: [SyntheticPastContract],
        violations: [SyntheticViolation],
        commitments: [SyntheticCommitment],
        attachments: [SyntheticAttachment],
        factElements: [SyntheticFactElement],
        facts: [String: SyntheticFactValue]
    ) {
        self.fileName = fileName
        self.design = design
        self.name = name
        self.registrationID = registrationID
        self.size = size
        self.contactPerson = contactPerson
        self.phone = phone
        self.email = email
        self.address = address
        self.submitted = submitted
        self.total = total
        self.priceLines = priceLines
        self.staff = staff
        self.equipment = equipment
        self.sparePartsStockValue = sparePartsStockValue
        self.emergencyMinutes = emergencyMinutes
        self.certifications = certifications
        self.associationGrade = associationGrade
        self.associationIssuer = associationIssuer
        self.pastContracts = pastContracts
        self.violations = violations
        self.commitments = commitments
        self.attachments = attachments
        self.factElements = factElements
        self.facts = facts
    }
}

/// One committee member's score for one bidder on one judgement criterion.
public struct SyntheticScore: Hashable, Sendable {
    public var member: String
    public var bidder: String
    public var criterionID: String
    public var score: Points

    public init(member: String, bidder: String, criterionID: String, score: Points) {
        self.member = member
        self.bidder = bidder
        self.criterionID = criterionID
        self.score = score
    }
}
