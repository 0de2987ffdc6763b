import TenderCore
import TenderHistory
import TenderModel

/// What a tender's history criteria read from the performance history: every contract of the tender's bidders,
/// matched by registration id, in the rubric's longest window. Only rubrics with a history criterion open the
/// database at all.
enum TenderHistoryInput {
    /// - Returns: nil when the rubric has no history criterion.
    /// - Throws: no database (the rubric needs one), a file that is not a history, or a month in the window whose
    ///   published score predates a correction (it must be computed again before a tender may use it).
    static func load(
        rubric: Rubric,
        bids: [BidImportOutcome],
        databasePath: String?
    ) throws(DiagnosticError) -> PerformanceHistory? {
        guard let window = rubric.historyWindow else { return nil }
        let path = databasePath ?? PerformancePipeline.defaultDatabase
        let database = try HistoryDatabase.open(path: path, mode: .existing, sha256: PerformancePipeline.sha256)
        var keys: Set<String> = []
        for case .imported(let bid, _) in bids {
            if let id = bid.bidder.registrationID, let key = BidderIdentity.registrationIDKey(id) {
                keys.insert(key.value)
            }
        }
        // Every buyer's contracts are read; a `this-buyer` criterion keeps only its buyer's when it scores.
        let result = try database.history(
            registrationKeys: keys.sorted(),
            nameKeys: nameKeys(of: bids),
            window: window.first...window.last,
            buyerMatches: { _ in true },
            database: VisibleText.escaped(path)
        )
        if !result.staleMonths.isEmpty {
            throw DiagnosticError(result.staleMonths)
        }
        return result.history
    }
}
