import Foundation
import TenderCore
import TenderModel

/// Finds the situations 87号令 Art 37 lets the committee deem collusion (串通投标) between different bidders:
/// the same people or contact details, abnormally alike documents, and prices in a regular pattern. It only
/// gathers evidence; nothing here changes a score or a bid's status. The exact rules are in docs/collusion.md.
enum Collusion {
    /// A passage shorter than this (in characters, after folding) is too short to be telling.
    static let minimumPassageLength = 30

    /// A person's name with fewer characters than this (spaces not counted) is shared by too many people to be
    /// evidence on its own: the two-character names 王芳 or 李伟 recur across any large tender. Such a name counts
    /// only when the bids also give that person the same phone number or e-mail address.
    static let minimumNameLengthAlone = 3

    /// A passage or price breakdown shared by at least this many bids, and by at least a third of all bids, is
    /// the tender's template: four of nine bids quoting the tender's own commitment wording is how a tender is
    /// answered, not a sign that they were written together.
    static let templateMinimumBids = 3

    /// Every signal among `bids` (all bids that could be read, whatever their status), in the order of
    /// `CollusionKind`, then by value.
    static func signals(_ bids: [Bid], rubric: Rubric) -> [CollusionSignal] {
        let bids = bids.sorted { ($0.bidder.name, $0.file) < ($1.bidder.name, $1.file) }
        var sightings: [CollusionKind: [Sighting]] = [:]
        for bid in bids {
            var found = Sightings(bid)
            identitySightings(bid, into: &found)
            documentSightings(bid, into: &found)
            for sighting in found.all {
                sightings[sighting.kind, default: []].append(sighting)
            }
        }
        var signals: [CollusionSignal] = []
        for kind in CollusionKind.allCases {
            signals += group(sightings[kind] ?? [], kind: kind, bidCount: bids.count)
        }
        signals += CollusionPrices.signals(bids, rubric: rubric)
        let order = Dictionary(uniqueKeysWithValues: CollusionKind.allCases.enumerated().map { ($1, $0) })
        return signals.sorted { lhs, rhs in
            (order[lhs.kind] ?? 0, lhs.evidence.first?.bidder ?? "", lhs.value)
                < (order[rhs.kind] ?? 0, rhs.evidence.first?.bidder ?? "", rhs.value)
        }
    }

    /// One value seen in one bid.
    struct Sighting {
        var kind: CollusionKind
        var key: String
        var bidderKey: String
        var evidence: CollusionEvidence
        /// How the signal shows the value when not in its folded form (a passage as the first bid wrote it).
        var shown: String?
        /// For a person: the folded phone numbers and e-mail addresses the bid gives for that person, which make
        /// a short (common) name count.
        var companions: Set<String> = []
    }

    /// Builds the sightings of one bid, with its bidder key worked out once.
    struct Sightings {
        let bid: Bid
        let bidderKey: String
        var all: [Sighting] = []

        init(_ bid: Bid) {
            self.bid = bid
            bidderKey = Collusion.bidderKey(bid)
        }

        mutating func add(
            _ kind: CollusionKind,
            _ key: String?,
            _ field: CollusionField,
            _ line: Int?,
            _ written: String?,
            shown: String? = nil,
            companions: Set<String> = []
        ) {
            guard let key, !key.isEmpty else { return }
            let evidence = CollusionEvidence(
                bidder: bid.bidder.name,
                file: bid.file,
                line: line,
                field: field,
                written: written
            )
            all.append(
                Sighting(
                    kind: kind,
                    key: key,
                    bidderKey: bidderKey,
                    evidence: evidence,
                    shown: shown,
                    companions: companions
                )
            )
        }
    }

    static func bidderKey(_ bid: Bid) -> String {
        let name = CollusionNormalising.folded(bid.bidder.name)
        return name.isEmpty ? "file:" + bid.file : name
    }

    private static func identitySightings(_ bid: Bid, into sightings: inout Sightings) {
        let bidder = bid.bidder
        let line = { (field: BidderField) in bidder.fieldLines[field] ?? bidder.line }
        if let person = bidder.contactPerson {
            let details = [
                bidder.phone.flatMap(CollusionNormalising.phone).map { "phone:" + $0 },
                bidder.email.flatMap(CollusionNormalising.email).map { "email:" + $0 },
            ]
            sightings.add(
                .sharedPerson,
                CollusionNormalising.folded(person),
                .contactPerson,
                line(.contactPerson),
                person,
                companions: Set(details.compactMap { $0 })
            )
        }
        if let phone = bidder.phone {
            sightings.add(.sharedPhone, CollusionNormalising.phone(phone), .contactPhone, line(.phone), phone)
        }
        if let email = bidder.email {
            sightings.add(.sharedEmail, CollusionNormalising.email(email), .email, line(.email), email)
        }
        if let address = bidder.address {
            sightings.add(.sharedAddress, CollusionNormalising.folded(address), .address, line(.address), address)
        }
        for manager in bidder.projectManagers {
            sightings.add(
                .sharedPerson,
                CollusionNormalising.folded(manager.name),
                .projectManager,
                manager.line,
                manager.name,
                companions: Set(
                    [manager.phone.flatMap(CollusionNormalising.phone).map { "phone:" + $0 }].compactMap { $0 }
                )
            )
            if let phone = manager.phone {
                sightings.add(
                    .sharedPhone,
                    CollusionNormalising.phone(phone),
                    .projectManagerPhone,
                    manager.phoneLine ?? manager.line,
                    phone
                )
            }
        }
    }

    private static func documentSightings(_ bid: Bid, into sightings: inout Sightings) {
        for attachment in bid.attachments {
            guard let hash = attachment.sha256?.trimmingCharacters(in: .whitespaces).lowercased(),
                hash.count == 64, hash.unicodeScalars.allSatisfy({ $0.properties.isASCIIHexDigit })
            else { continue }
            sightings.add(.identicalAttachment, hash, .attachment, attachment.line, attachment.name)
        }
        var passages = Set<String>()
        for commitment in bid.commitments {
            for sentence in CollusionNormalising.sentences(commitment.text)
            where sentence.folded.count >= minimumPassageLength && passages.insert(sentence.folded).inserted {
                sightings.add(
                    .identicalPassage,
                    sentence.folded,
                    .commitment,
                    commitment.line,
                    commitment.kind,
                    shown: sentence.written
                )
            }
        }
        if let price = bid.price, !price.lines.isEmpty {
            if price.lines.count >= 2 {
                let breakdown = price.lines
                    .map { CollusionNormalising.folded($0.item) + " " + $0.amount.plainText }
                    .sorted()
                    .joined(separator: "; ")
                sightings.add(.identicalPriceBreakdown, breakdown, .priceLines, price.line, nil)
            }
            // Price lines beyond the Money range add up to no comparable sum: nothing to compare.
            if let sum = try? Money.sum(price.lines.map(\.amount)), let gap = try? price.total - sum,
                gap.units.magnitude >= minimumArithmeticError(currency: price.currency).units.magnitude
            {
                sightings.add(
                    .identicalArithmeticError,
                    gap.plainText,
                    .priceLines,
                    price.line,
                    sum.plainText
                )
            }
        }
    }

    /// The smallest gap between a bid's price lines and its total that counts as an error: one whole currency
    /// unit (1 yuan), and at least 100 minor units for a currency without a smaller one (¥100). Gaps of a few fen
    /// come from rounding each line and recur by chance between unrelated bids.
    static func minimumArithmeticError(currency: String) -> Money {
        max(1, Money(units: CurrencyMinorUnit.smallestAmount(of: currency).units * 100))
    }

    /// Groups sightings by value and keeps the values that different bidders share and that are not common:
    /// an attachment every bid declares (three bids or more) is the tender's own form, a passage shared by three
    /// or more bids and at least a third of them is template text, and a price breakdown shared by more than half
    /// of the bids (three or more) is a fixed-price schedule. A short person's name counts only between bids that
    /// also give that person the same phone or e-mail.
    static func group(_ sightings: [Sighting], kind: CollusionKind, bidCount: Int) -> [CollusionSignal] {
        var order: [String] = []
        var byKey: [String: [Sighting]] = [:]
        for sighting in sightings {
            if byKey[sighting.key] == nil { order.append(sighting.key) }
            byKey[sighting.key, default: []].append(sighting)
        }
        return order.compactMap { key in
            var group = byKey[key] ?? []
            if kind == .sharedPerson && key.filter({ !$0.isWhitespace }).count < minimumNameLengthAlone {
                group = group.filter { sighting in
                    group.contains {
                        $0.bidderKey != sighting.bidderKey && !$0.companions.isDisjoint(with: sighting.companions)
                    }
                }
            }
            guard Set(group.map(\.bidderKey)).count >= 2 else { return nil }
            let files = Set(group.map(\.evidence.file)).count
            switch kind {
            case .identicalAttachment:
                if bidCount >= 3 && files == bidCount { return nil }
            case .identicalPassage:
                if files >= templateMinimumBids && files * 3 >= bidCount { return nil }
            case .identicalPriceBreakdown:
                if files >= templateMinimumBids && files * 2 > bidCount { return nil }
            default:
                break
            }
            return CollusionSignal(
                kind: kind,
                value: group.first?.shown ?? key,
                evidence: sortedEvidence(group.map(\.evidence))
            )
        }
    }

    static func sortedEvidence(_ evidence: [CollusionEvidence]) -> [CollusionEvidence] {
        var seen = Set<CollusionEvidence>()
        return evidence.filter { seen.insert($0).inserted }.sorted {
            ($0.bidder, $0.file, $0.line ?? 0, $0.field.rawValue) < (
                $1.bidder, $1.file, $1.line ?? 0, $1.field.rawValue
            )
        }
    }
}
