import TenderModel

/// Which bids a report explains in full. Up to `fullExplanationLimit` bids, every one; above it, the bids a reader
/// will read: the first `topCandidates` ranks, and every bid that is flagged, tied or disputed. The ranking, the
/// flags and the gate failures of every bid are always in the report; `result.json` and `scores.csv` hold every
/// bid in full, and `tender-eval explain` prints any one.
extension ReportBuilder {
    static let fullExplanationLimit = 200
    static let topCandidates = 3

    /// The bids explained in full, with their position among all results (for anchors that do not depend on
    /// which bids are left out).
    var explainedBids: [(position: Int, result: BidResult)] {
        let all = evaluation.results.enumerated().map { (position: $0.offset, result: $0.element) }
        guard all.count > Self.fullExplanationLimit else { return all }
        return all.filter { entry in
            let result = entry.result
            guard result.status == .valid else { return false }
            return (result.rank ?? .max) <= Self.topCandidates || !result.flags.isEmpty || !result.tiedWith.isEmpty
        }
    }

    /// The note above the explanations when some bids are left out, or nil when every bid is explained.
    func explanationNote(explained: Int) -> RichText? {
        let total = evaluation.results.count
        guard explained < total else { return nil }
        switch language {
        case .en:
            return """
                This report explains \(explained) of the \(total) bids in full: the first \(Self.topCandidates) \
                ranks and every flagged, tied or disputed bid. `tender-eval explain RUBRIC BIDS --bidder NAME` \
                prints any other bid's explanation; result.json and scores.csv hold every bid.
                """
        case .zh:
            return """
                本报告完整列出 \(total) 份投标中 \(explained) 份的评审明细：排名前 \(Self.topCandidates) 名及所有被标记、\
                并列或评分有争议的投标。其他投标的明细可用 `tender-eval explain 评分细则 投标文件 --bidder 投标人` 输出；\
                result.json 和 scores.csv 包含全部投标。
                """
        }
    }
}
