extension Evaluation {
    /// The number of the recorded decision that resolved `flag`, if one did: an accepted clarification resolves
    /// the low-price flags of its bidder. A resolved flag stays on the record, marked, so the report still shows
    /// what the committee looked at.
    public func resolution(of flag: Flag) -> Int? {
        switch flag {
        case .abnormallyLowPrice(let bidder, _, _, _), .implausiblyLowPrice(let bidder, _, _, _):
            acceptedClarifications[bidder]
        default:
            nil
        }
    }
}
