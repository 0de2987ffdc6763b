import Foundation
import TenderCore
import TenderModel
import TenderTestSupport
import Testing

@testable import TenderRubric

@Suite struct CommitteeLoaderTests {
    /// The example rubric: cn-87, budget 9,800,000, groups price, capability, quality, reputation.
    static func rubric(budget: String? = nil) throws -> Rubric {
        let url = SharedData.repositoryRoot.appendingPathComponent("rubrics/huangyan-logistics-2020.yaml")
        var text = try String(contentsOf: url, encoding: .utf8)
        if let budget { text = text.replacingOccurrences(of: "budget: 9800000", with: "budget: \(budget)") }
        return try RubricLoader.load(bytes: Array(text.utf8), file: "rubric.yaml").rubric
    }

    static func member(_ id: String, _ role: String = "expert", chair: Bool = false, extra: String = "") -> String {
        "  - id: \(id)\n    name: 名\(id)\n    role: \(role)\n" + (chair ? "    chair: true\n" : "") + extra
    }

    static func committee(_ members: [String]) -> String {
        "members:\n" + members.joined()
    }

    static let five = committee([
        member("e1", chair: true), member("e2"), member("e3"), member("e4"), member("p1", "purchaser-representative"),
    ])

    static func errors(_ yaml: String, rubric: Rubric? = nil) throws -> [String] {
        let rubric = try rubric ?? Self.rubric()
        do {
            let committee = try CommitteeLoader.load(bytes: Array(yaml.utf8), file: "committee.yaml", rubric: rubric)
            return CommitteeLoader.policyDiagnostics(committee, rubric: rubric).map(\.description)
        } catch {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aLawfulCommitteeLoadsWithDefaultGroups() throws {
        let committee = try CommitteeLoader.load(bytes: Array(Self.five.utf8), file: "c.yaml", rubric: Self.rubric())
        #expect(committee.members.map(\.id) == ["e1", "e2", "e3", "e4", "p1"])
        #expect(committee.chair?.id == "e1")
        #expect(committee.members[0].groups == ["capability", "quality", "reputation"])
        #expect(committee.members[0].groupsStated == false)
        #expect(try Self.errors(Self.five).isEmpty)
    }

    @Test func fewerThanFiveMembersIsAnError() throws {
        let yaml = Self.committee([Self.member("e1", chair: true), Self.member("e2"), Self.member("e3")])
        #expect(
            try Self.errors(yaml) == [
                "committee.yaml:2:3: error: cn-87: the committee has 3 members; 87号令 Art 47 requires at least 5"
            ]
        )
    }

    @Test func anEvenNumberIsAnError() throws {
        let yaml = Self.committee((1...6).map { Self.member("e\($0)", chair: $0 == 1) })
        #expect(
            try Self.errors(yaml) == [
                "committee.yaml:2:3: error: cn-87: the committee has 6 members, an even number; 87号令 Art 47 "
                    + "requires an odd number"
            ]
        )
    }

    @Test func expertsBelowTwoThirdsIsAnError() throws {
        let yaml = Self.committee([
            Self.member("e1", chair: true), Self.member("e2"), Self.member("e3"),
            Self.member("p1", "purchaser-representative"), Self.member("p2", "purchaser-representative"),
        ])
        #expect(
            try Self.errors(yaml) == [
                "committee.yaml:2:3: error: cn-87: 3 of the 5 members are experts; 87号令 Art 47 requires at least "
                    + "two thirds (4)"
            ]
        )
    }

    @Test func aLargeBudgetNeedsSevenMembers() throws {
        let rubric = try Self.rubric(budget: "10000000")
        #expect(
            try Self.errors(Self.five, rubric: rubric) == [
                "committee.yaml:2:3: error: cn-87: the committee has 5 members; 87号令 Art 47 requires at least 7 "
                    + "when the budget is 10,000,000 or more"
            ]
        )
        let experts = (1...6).map { Self.member("e\($0)", chair: $0 == 1) }
        let seven = Self.committee(experts + [Self.member("p", "purchaser-representative")])
        #expect(try Self.errors(seven, rubric: rubric).isEmpty)
    }

    @Test func aPurchaserRepresentativeMayNotChair() throws {
        let yaml = Self.committee([
            Self.member("e1"), Self.member("e2"), Self.member("e3"), Self.member("e4"),
            Self.member("p1", "purchaser-representative", chair: true),
        ])
        #expect(
            try Self.errors(yaml) == [
                "committee.yaml:14:5: error: cn-87: the chair 'p1' (名p1) is a purchaser representative; 87号令 Art 45 "
                    + "does not allow a purchaser representative to chair the committee"
            ]
        )
    }

    @Test func noChairAndTwoChairsAreErrors() throws {
        let none = Self.committee((1...5).map { Self.member("e\($0)") })
        #expect(
            try Self.errors(none) == [
                "committee.yaml:2:3: error: no member chairs the committee; mark the chair with 'chair: true' "
                    + "(87号令 Art 45: the committee elects its chair)"
            ]
        )
        let two = Self.committee((1...5).map { Self.member("e\($0)", chair: $0 <= 2) })
        #expect(
            try Self.errors(two) == [
                "committee.yaml:6:5: error: member 'e2' is marked as chair, but 'e1' (line 2, column 5) already "
                    + "chairs the committee; exactly one member chairs it"
            ]
        )
    }

    @Test func unknownKeysGroupsAndThePriceGroupAreErrors() throws {
        let yaml = Self.committee([
            Self.member("e1", chair: true, extra: "    group: [quality]\n"),
            Self.member("e2", extra: "    groups: [qualty]\n"),
            Self.member("e3", extra: "    groups: [price]\n"),
            Self.member("e4"), Self.member("p1", "purchaser-representative"),
        ])
        #expect(
            try Self.errors(yaml) == [
                "committee.yaml:6:5: error: unknown key 'group' in a member; did you mean 'groups'?",
                "committee.yaml:10:14: error: member 'e2' scores group 'qualty', which the rubric does not have; its "
                    + "groups are 'price', 'capability', 'quality', 'reputation'; did you mean 'quality'?",
                "committee.yaml:14:14: error: member 'e3' cannot score group 'price': its points are computed from "
                    + "the prices by the rubric's formula, never scored by a member",
            ]
        )
    }

    @Test func idsDifferingOnlyByCaseOrWidthAreDuplicates() throws {
        let yaml = Self.committee([
            Self.member("E1", chair: true), Self.member("e1"), Self.member("Ｅ１"), Self.member("e4"),
            Self.member("p1", "purchaser-representative"),
        ])
        #expect(
            try Self.errors(yaml) == [
                "committee.yaml:6:5: error: member id 'e1' is already used by the member at line 2, column 5 (the "
                    + "same after ignoring letter case)",
                "committee.yaml:9:5: error: member id 'Ｅ１' is already used by the member at line 2, column 5 (the "
                    + "same after reading compatibility characters (full-width letters, compatibility ideographs) "
                    + "as plain ones)",
            ]
        )
    }

    /// A sheet's member cell is matched to ids with white space and case ignored, so an id that is another member's
    /// name written with a space or in other case would take that member's scores: refused.
    @Test func anIdThatIsAnotherMembersNameWithSpacesOrCaseIsRefused() throws {
        let yaml = """
            members:
              - {id: e1, name: 陈立群, role: expert, chair: true}
              - {id: 陈 立群, name: 黄晓梅, role: expert}
              - {id: WANG LI, name: 周建明, role: expert}
              - {id: e4, name: Wang Li, role: expert}
              - {id: p1, name: 林志远, role: purchaser-representative}

            """
        #expect(
            try Self.errors(yaml) == [
                "committee.yaml:3:5: error: member id '陈 立群' is the name of member 'e1' (line 2, column 5); a score "
                    + "sheet could not tell the two apart",
                "committee.yaml:4:5: error: member id 'WANG LI' is the name of member 'e4' (line 5, column 5); a score "
                    + "sheet could not tell the two apart",
            ]
        )
    }

    @Test func aNameWithABidiOverrideIsRefused() throws {
        let yaml = "members:\n  - id: e1\n    name: \"王\\u202E明\"\n    role: expert\n    chair: true\n"
        #expect(
            try Self.errors(yaml) == [
                "committee.yaml:3:11: error: member name '王\\u{202E}明' contains characters that do not show or that "
                    + "reorder the text (U+202E); write it as it is printed"
            ]
        )
    }

    @Test func reasonsDefaultToRequiredUnderCN87AndCanBeOptional() throws {
        #expect(try Self.rubric().committee.reasons == .required)
        let url = SharedData.repositoryRoot.appendingPathComponent("rubrics/huangyan-logistics-2020.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
            .replacingOccurrences(of: "  disagreement: 30\n", with: "  disagreement: 30\n  reasons: optional\n")
        #expect(try RubricLoader.load(bytes: Array(text.utf8), file: "r.yaml").rubric.committee.reasons == .optional)
    }
}
