import Foundation
import TenderCore
import TenderModel
import Yams

/// Turns a committee file's YAML tree into a `Committee`, recording a located diagnostic for everything wrong.
struct CommitteeBuilder {
    let reader: NodeReader
    let rubric: Rubric

    func build(root: Node) -> Committee? {
        guard case .mapping = root else {
            reader.error(
                "file is not a committee file: its top level is \(NodeReader.describe(root)), not a mapping with "
                    + "the key 'members'",
                at: reader.location(root)
            )
            return nil
        }
        guard let top = reader.mapping(root, what: "a committee file") else { return nil }
        reader.checkKeys(top, allowed: CommitteeLoader.topKeys, context: "at the top level of the committee file")
        guard let membersField = reader.required(top, "members", context: "at the top level of the committee file"),
            let entries = reader.sequence(membersField)
        else { return nil }
        guard !entries.isEmpty else {
            reader.error("'members' lists nobody; the committee needs its members", at: membersField.location)
            return nil
        }
        // An evaluation committee has a handful of members (Order 87: 5 or more, odd); a list of thousands is a
        // mistake or an attack, and every score sheet, matrix and signature block grows with it.
        guard entries.count <= Committee.maximumMembers else {
            reader.error(
                "'members' lists \(entries.count) people; a committee file holds at most "
                    + "\(Committee.maximumMembers) members (reserves included)",
                at: membersField.location
            )
            return nil
        }
        var members: [CommitteeMember] = []
        // The first member with each id key and name key, so that a repeat names where the first one is.
        var firstID: [String: CommitteeMember] = [:]
        var firstName: [String: CommitteeMember] = [:]
        for entry in entries {
            guard let member = readMember(entry) else { continue }
            if let idKey = BidderIdentity.registrationIDKey(member.id)?.value {
                if let first = firstID[idKey] {
                    reader.error(
                        "member id '\(VisibleText.escaped(member.id))' is already used by the member at "
                            + "\(first.location.lineColumnText)"
                            + sameAfter(member.id, first.id, part: .registrationID),
                        at: member.location
                    )
                    continue
                }
                firstID[idKey] = member
            }
            if let nameKey = BidderIdentity.nameKey(member.name)?.value {
                if let first = firstName[nameKey] {
                    reader.error(
                        "member name '\(VisibleText.escaped(member.name))' is already the name of member "
                            + "'\(VisibleText.escaped(first.id))' (\(first.location.lineColumnText))"
                            + sameAfter(member.name, first.name, part: .name)
                            + "; two members of one committee are two people, so tell them apart in the name",
                        at: member.location
                    )
                    continue
                }
                firstName[nameKey] = member
            }
            members.append(member)
        }
        crossCheckIDsAndNames(members)
        let chairs = members.filter(\.isChair)
        if chairs.isEmpty && members.count == entries.count {
            reader.error(
                "no member chairs the committee; mark the chair with 'chair: true' (87号令 Art 45: the committee "
                    + "elects its chair)",
                at: membersField.location
            )
        }
        for extra in chairs.dropFirst() {
            reader.error(
                "member '\(VisibleText.escaped(extra.id))' is marked as chair, but '\(VisibleText.escaped(chairs[0].id))' "
                    + "(\(chairs[0].location.lineColumnText)) already chairs the committee; exactly one member chairs it",
                at: extra.location
            )
        }
        return Committee(file: reader.file, members: members, location: membersField.location)
    }

    /// A sheet names a member by id or by name: one member's id must not be another member's name.
    private func crossCheckIDsAndNames(_ members: [CommitteeMember]) {
        // Compared the way a sheet's member cell is matched to an id (white space and letter case ignored), so a
        // cell holding one member's name can never be taken for another member's id.
        var byName: [String: CommitteeMember] = [:]
        for member in members {
            if let key = BidderIdentity.registrationIDKey(member.name)?.value { byName[key] = member }
        }
        for member in members {
            guard let key = BidderIdentity.registrationIDKey(member.id)?.value, let other = byName[key],
                other.id != member.id
            else { continue }
            reader.error(
                "member id '\(VisibleText.escaped(member.id))' is the name of member '\(VisibleText.escaped(other.id))' "
                    + "(\(other.location.lineColumnText)); a score sheet could not tell the two apart",
                at: member.location
            )
        }
    }

    private func sameAfter(_ written: String, _ other: String, part: BidderIdentity.Part) -> String {
        BidderIdentity.differences(written, other, part: part).map { " (the same \($0))" } ?? ""
    }

    private func readMember(_ node: Node) -> CommitteeMember? {
        guard let view = reader.mapping(node, what: "a member") else { return nil }
        reader.checkKeys(view, allowed: CommitteeLoader.memberKeys, context: "in a member")
        let id = reader.required(view, "id", context: "in a member").flatMap {
            reader.printableText($0, what: "member id")
        }
        let name = reader.required(view, "name", context: "in a member").flatMap {
            reader.printableText($0, what: "member name")
        }
        let role = reader.required(view, "role", context: "in a member").flatMap {
            reader.choice($0, CommitteeRole.allCases.map(\.rawValue)).flatMap(CommitteeRole.init(rawValue:))
        }
        var isChair = false
        if let field = view["chair"] {
            switch scalarText(field.node) {
            case "true": isChair = true
            case "false": isChair = false
            default:
                reader.error(
                    "'chair' must be true or false, found \(NodeReader.describe(field.node))",
                    at: field.location
                )
            }
        }
        var groups = rubric.groups.filter { !$0.isPrice }.map(\.id)
        let stated = view["groups"]
        if let field = stated {
            groups = readGroups(field, member: id) ?? []
        }
        guard let id, let name, let role else { return nil }
        if stated != nil && groups.isEmpty { return nil }
        return CommitteeMember(
            id: id,
            name: name,
            role: role,
            isChair: isChair,
            groups: groups,
            groupsStated: stated != nil,
            location: view.location
        )
    }

    /// The groups a member scores, in rubric order; nil after reporting an unknown or price group.
    private func readGroups(_ field: Field, member: String?) -> [String]? {
        guard let nodes = reader.sequence(field) else { return nil }
        guard !nodes.isEmpty else {
            reader.error(
                "'groups' is empty; leave it out for every group without a price criterion, or name the groups",
                at: field.location
            )
            return nil
        }
        var named: [String] = []
        var good = true
        let who = member.map { "member '\(VisibleText.escaped($0))'" } ?? "the member"
        for node in nodes {
            guard let id = reader.string(node, what: "a group id") else {
                good = false
                continue
            }
            guard let group = rubric.groups.first(where: { $0.id == id }) else {
                var message =
                    "\(who) scores group '\(VisibleText.excerpt(id))', which the rubric does not have; its groups are "
                    + rubric.groups.map { "'\($0.id)'" }.joined(separator: ", ")
                if let suggestion = reader.suggestion(for: id, among: rubric.groups.map(\.id)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                reader.error(message, at: reader.location(node))
                good = false
                continue
            }
            if group.isPrice {
                reader.error(
                    "\(who) cannot score group '\(group.id)': its points are computed from the prices by the rubric's "
                        + "formula, never scored by a member",
                    at: reader.location(node)
                )
                good = false
                continue
            }
            if named.contains(id) {
                reader.error("group '\(VisibleText.excerpt(id))' is named twice for \(who)", at: reader.location(node))
                good = false
                continue
            }
            named.append(id)
        }
        guard good else { return nil }
        return rubric.groups.map(\.id).filter(named.contains)
    }
    private func scalarText(_ node: Node) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        return scalar.string.trimmingCharacters(in: .whitespaces)
    }
}

extension SourceLocation {
    /// `line 4, column 5` (or just the file when the position is unknown), for messages that point elsewhere.
    var lineColumnText: String {
        guard let line else { return file }
        return column.map { "line \(line), column \($0)" } ?? "line \(line)"
    }
}
