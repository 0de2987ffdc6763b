/// The named points inside a write transaction where a fault hook runs. A hook that throws (in tests) or kills
/// the process (the CLI's `TENDER_EVAL_FAULT=<point>`) there must leave the database as it was.
public enum HistoryWritePoint: String, Hashable, Sendable, CaseIterable {
    /// `registerContract`: the contract and its standings are inserted.
    case afterContract = "after-contract"
    /// `recordSheets`: a sheet's batch row is inserted, its records not yet.
    case afterBatch = "after-batch"
    /// `recordSheets`: a sheet's records are inserted.
    case afterRecords = "after-records"
    /// `appendCorrection`: the correction is inserted.
    case afterCorrection = "after-correction"
    /// `storeMonthlyEvaluation`: the computation and its detail are inserted, the earlier one marked superseded.
    case afterEvaluation = "after-evaluation"
    /// `storeMonthlyEvaluation`: the raised rules are inserted.
    case afterRaisedRules = "after-raised-rules"
    /// Every write: the last moment before COMMIT.
    case beforeCommit = "before-commit"
}

/// Called at each `HistoryWritePoint` a write passes, inside its transaction; throwing rolls the write back.
public typealias HistoryFaultHook = (HistoryWritePoint) throws -> Void
