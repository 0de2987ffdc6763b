import TenderCore
import TenderModel

/// The decisions in force for one round of the evaluation, with bidders resolved to the names their bids give.
struct DecisionState: Sendable {
    /// Corrected member scores by member, bidder and criterion.
    var corrections: [String: Points] = [:]
    /// Recusals in force, by member and bidder.
    var recusals: Set<String> = []
    /// Members replaced so far, whose sheets are archived.
    var replaced: Set<String> = []
    /// Members who take a seat by a replacement not yet applied: their scores count from that round on.
    var waiting: Set<String> = []
    /// Bidders whose bid the committee rejected after clarification.
    var rejected: [String: Decision] = [:]
    /// Bidders whose flagged low price the committee accepted after clarification.
    var accepted: [String: Decision] = [:]
    /// The bid files the committee chose among a bidder's duplicates.
    var chosenDuplicates: [(file: String, decision: Decision)] = []
    /// Agreed scores by bidder and criterion.
    var consensus: [String: Points] = [:]
    /// Whom the whole decisions file excuses from scoring (recusals by member and bidder, replaced members), so
    /// that their missing sheets are not errors in any round.
    var excusedPairs: Set<String> = []
    var excusedMembers: Set<String> = []

    static func key(_ parts: String...) -> String {
        parts.joined(separator: "\u{0}")
    }

    func isCounted(member: String, bidder: String) -> Bool {
        !replaced.contains(member) && !waiting.contains(member) && !recusals.contains(Self.key(member, bidder))
    }
}
