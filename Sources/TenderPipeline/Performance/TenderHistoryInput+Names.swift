import TenderModel

extension TenderHistoryInput {
    /// The name keys of every bid read: the history is also asked for contracts under these names, so that a bid
    /// whose registration id does not match its own name's record is put before the committee.
    static func nameKeys(of bids: [BidImportOutcome]) -> [String] {
        var keys: Set<String> = []
        for case .imported(let bid, _) in bids {
            if let key = BidderIdentity.nameKey(bid.bidder.name) { keys.insert(key.value) }
        }
        return keys.sorted()
    }
}
