public import TenderCore

/// The evaluation committee (评标委员会) of one tender, as its committee file states it: who sits on it, in which
/// role, who chairs it and which groups of criteria each member scores.
///
/// Built only by `CommitteeLoader`, which guarantees that ids are unique (compared as identities: case, width and
/// invisible characters do not make two ids different), that exactly one member chairs and that every member scores
/// at least one existing group. Whether the committee is lawful under the rubric's policy profile is a separate
/// question (`policyFindings`), so that a run can still show what was scored by an unlawful committee.
public struct Committee: Hashable, Sendable {
    public var file: String
    public var members: [CommitteeMember]
    /// Where the members list is written, for findings about the committee as a whole.
    public var location: SourceLocation?

    public init(file: String, members: [CommitteeMember], location: SourceLocation? = nil) {
        self.file = file
        self.members = members
        self.location = location
    }

    public var chair: CommitteeMember? {
        members.first(where: \.isChair)
    }

    public var experts: [CommitteeMember] {
        members.filter { $0.role == .expert }
    }
}

public struct CommitteeMember: Hashable, Sendable {
    /// The short id written on score sheets (评委1, E-03, …).
    public var id: String
    public var name: String
    public var role: CommitteeRole
    public var isChair: Bool
    /// The groups of criteria this member scores, in rubric order.
    public var groups: [String]
    /// Whether `groups` was written in the file (otherwise: every group without a price criterion).
    public var groupsStated: Bool
    /// Where the member's entry starts.
    public var location: SourceLocation

    public init(
        id: String,
        name: String,
        role: CommitteeRole,
        isChair: Bool,
        groups: [String],
        groupsStated: Bool = true,
        location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.role = role
        self.isChair = isChair
        self.groups = groups
        self.groupsStated = groupsStated
        self.location = location
    }
}

/// Where a tender's committee file is found when it is not named on the command line.
public enum CommitteeFile {
    /// The name looked for in every bids folder.
    public static let defaultName = "committee.yaml"
}

/// 87号令 Art 47: a committee is made of experts drawn from the expert database and representatives of the purchaser.
public enum CommitteeRole: String, Hashable, Sendable, Codable, CaseIterable {
    case expert
    case purchaserRepresentative = "purchaser-representative"
}

/// Whether a judgement score below the criterion's maximum must come with the member's written reason.
public enum ReasonsPolicy: String, Hashable, Sendable, Codable, CaseIterable {
    case required
    case optional
}

/// A way the committee's make-up breaks the rules of the rubric's policy profile; each is an error in `check` and a
/// finding on the report. Under `cn-87`: 87号令 Arts 45 and 47, 政府采购法实施条例 Art 41.
public enum CommitteeFinding: Hashable, Sendable {
    /// Fewer members than the profile requires (5; 7 when the budget is 10,000,000 or more).
    case tooFewMembers(count: Int, minimum: Int, largeBudget: Bool)
    /// An even number of members.
    case evenNumberOfMembers(count: Int)
    /// Experts are fewer than two thirds of the members.
    case tooFewExperts(experts: Int, members: Int)
    /// A purchaser representative chairs the committee.
    case purchaserRepresentativeChairs(memberID: String, name: String)
}

extension Committee {
    /// The budget from which 87号令 Art 47 requires at least seven members.
    public static let largeBudget = Money(units: 10_000_000 * 1_000_000)
    /// The most members a committee file may list, reserves included.
    public static let maximumMembers = 99

    /// What the rubric's policy profile says against this committee; empty when the profile sets no rule for
    /// committees (only `cn-87` does) or the committee keeps them all.
    ///
    /// - Parameters:
    ///   - profile: the rubric's policy profile.
    ///   - budgetAtLeastLarge: whether the tender's budget is 10,000,000 or more.
    /// - Returns: the rules broken, in the order the profile states them.
    public func policyFindings(profile: String?, budgetAtLeastLarge: Bool) -> [CommitteeFinding] {
        guard profile == "cn-87" else { return [] }
        var findings: [CommitteeFinding] = []
        let count = members.count
        let minimum = budgetAtLeastLarge ? 7 : 5
        if count < minimum {
            findings.append(.tooFewMembers(count: count, minimum: minimum, largeBudget: budgetAtLeastLarge))
        }
        if count % 2 == 0 {
            findings.append(.evenNumberOfMembers(count: count))
        }
        // Two thirds, in whole numbers: 3 × experts ≥ 2 × members.
        let expertCount = experts.count
        if 3 * expertCount < 2 * count {
            findings.append(.tooFewExperts(experts: expertCount, members: count))
        }
        if let chair, chair.role == .purchaserRepresentative {
            findings.append(.purchaserRepresentativeChairs(memberID: chair.id, name: chair.name))
        }
        return findings
    }
}

extension Rubric {
    /// Whether the budget reaches the amount from which 87号令 Art 47 requires seven members.
    public var budgetAtLeastLargeCommitteeThreshold: Bool {
        guard let budget = tender.budget else { return false }
        return budget >= Committee.largeBudget
    }
}
