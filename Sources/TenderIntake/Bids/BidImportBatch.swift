internal import CLibXML2
internal import CLibXML2Support
import Dispatch
import Foundation
import Synchronization
public import TenderCore
public import TenderModel

#if canImport(Glibc)
import Glibc
#endif

/// The outcomes of importing some bids, in input order, and which of the rubric's expressions libxml2 could not
/// evaluate in each bid that was imported.
public struct BidImportBatch: Sendable {
    public var outcomes: [BidImportOutcome]
    /// One entry per outcome: query id → libxml2's reason, for the queries that failed in that bid (empty for a
    /// rejected bid).
    public var evaluationFailures: [[String: String]]
}

/// Counts, over every batch of a run, the imported bids and the bids each query failed in. An expression that
/// fails in every imported bid is a mistake in the rubric (a type error libxml2 raises only on evaluation, e.g.
/// inside a predicate the dry run never reaches), not a fact every bidder lacks.
public struct QueryFailureTally: Sendable {
    private var imported = 0
    private var failed: [String: (count: Int, reason: String)] = [:]

    public init() {}

    public mutating func add(_ batch: BidImportBatch) {
        for (outcome, failures) in zip(batch.outcomes, batch.evaluationFailures) {
            guard case .imported = outcome else { continue }
            imported += 1
            for (id, reason) in failures {
                failed[id, default: (0, reason)].count += 1
            }
        }
    }

    /// An error at each expression that failed in every imported bid (none when no bid was imported).
    public func rubricErrors(_ queries: [FactQuery]) -> [Diagnostic] {
        guard imported > 0 else { return [] }
        return queries.compactMap { query in
            guard let failure = failed[query.id], failure.count == imported else { return nil }
            let bids = imported == 1 ? "the only bid" : "any of the \(imported) bids"
            return .error(
                "XPath expression '\(query.expression)' in \(query.owner) could not be evaluated in \(bids): "
                    + failure.reason,
                at: query.expressionStart ?? query.location
            )
        }
    }
}

/// Lets the coordinator stop a bid's XPath evaluation from another thread once the bid is over its time. The
/// lock keeps the context alive while it is poked: the worker detaches it before it lends the context again.
final class EvaluationCancellation: Sendable {
    private struct State {
        var cancelled = false
        /// The worker thread's processor-time clock, once it has started on this bid.
        var clock: clockid_t?
        /// The clock's reading when the bid started: a pool worker's clock also counts the bids it read before.
        var start: UInt64 = 0
        /// The attached context's address (a plain number, so the state stays Sendable), or 0.
        var context: UInt = 0
    }

    private let state = Mutex(State())

    var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Called by the worker thread when it starts on the bid: its processor time is what the budget counts, so
    /// a bid on a busy machine is not given up because other processes had the cores.
    func startClock() {
        var clock = clockid_t()
        guard pthread_getcpuclockid(pthread_self(), &clock) == 0, let start = Self.reading(clock) else { return }
        state.withLock { state in
            state.clock = clock
            state.start = start
        }
    }

    /// Processor time the worker has spent on the bid, in nanoseconds; nil before it started or after its
    /// thread ended.
    func processorTime() -> UInt64? {
        guard let (clock, start) = state.withLock({ state in state.clock.map { ($0, state.start) } }),
            let now = Self.reading(clock)
        else { return nil }
        return now >= start ? now - start : 0
    }

    private static func reading(_ clock: clockid_t) -> UInt64? {
        var time = timespec()
        guard clock_gettime(clock, &time) == 0 else { return nil }
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    func attach(_ context: xmlXPathContextPtr) {
        let address = UInt(bitPattern: context)
        state.withLock { state in
            state.context = address
            if state.cancelled { Self.interrupt(address) }
        }
    }

    func detach() {
        state.withLock { $0.context = 0 }
    }

    private static func interrupt(_ address: UInt) {
        guard let context = UnsafeMutablePointer<xmlXPathContext>(bitPattern: address) else { return }
        clibxml2_interrupt_xpath(context)
    }

    func cancel() {
        state.withLock { state in
            state.cancelled = true
            Self.interrupt(state.context)
        }
    }
}

/// The slots of a batch: each written once, by its worker when it finishes or by the coordinator when the bid
/// runs out of time, whichever comes first; a late worker's result is dropped.
private final class BatchSlots: Sendable {
    enum Slot {
        case pending
        case done(BidImportOutcome, failures: [String: String])
        case timedOut(BidImportOutcome)
    }

    private let slots: Mutex<[Slot]>
    /// Slots written, in time or out of time.
    private let written = Atomic<Int>(0)
    /// Workers that ended after their bid ran out of time.
    private let late = Atomic<Int>(0)
    /// Signalled each time a worker is done with a bid, in time or not.
    let finished = DispatchSemaphore(value: 0)

    var lateWorkers: Int { late.load(ordering: .acquiring) }

    /// How many bids have their outcome: the batch is done when all have.
    var settled: Int { written.load(ordering: .acquiring) }

    init(count: Int) {
        slots = Mutex(Array(repeating: .pending, count: count))
    }

    /// True when the bid was still in time; false when the coordinator had already given it up.
    @discardableResult
    func finish(_ index: Int, _ outcome: BidImportOutcome, failures: [String: String]) -> Bool {
        let wasPending = slots.withLock { slots in
            guard case .pending = slots[index] else { return false }
            slots[index] = .done(outcome, failures: failures)
            return true
        }
        if wasPending { written.add(1, ordering: .releasing) } else { late.add(1, ordering: .releasing) }
        finished.signal()
        return wasPending
    }

    /// True when the worker had not finished, so the bid is now out of time.
    func timeOut(_ index: Int, _ outcome: BidImportOutcome) -> Bool {
        let wasPending = slots.withLock { slots in
            guard case .pending = slots[index] else { return false }
            slots[index] = .timedOut(outcome)
            return true
        }
        if wasPending { written.add(1, ordering: .releasing) }
        return wasPending
    }

    func batch() -> BidImportBatch {
        slots.withLock { slots in
            var batch = BidImportBatch(outcomes: [], evaluationFailures: [])
            for slot in slots {
                switch slot {
                case .done(let outcome, let failures):
                    batch.outcomes.append(outcome)
                    batch.evaluationFailures.append(failures)
                case .timedOut(let outcome):
                    batch.outcomes.append(outcome)
                    batch.evaluationFailures.append([:])
                case .pending:
                    // Cannot happen: the coordinator returns only when every slot is written.
                    batch.outcomes.append(.rejected(file: "", diagnostics: [.error("bid was not imported")]))
                    batch.evaluationFailures.append([:])
                }
            }
            return batch
        }
    }
}

/// The bids of a batch not yet taken by a worker, and the bids being read now with their deadlines on the wall
/// clock (which the coordinator extends while the worker's processor time is within the budget).
private final class BatchQueue: Sendable {
    struct Job {
        var deadline: DispatchTime
        let cancellation: EvaluationCancellation
    }

    private struct State {
        var next = 0
        var running: [Int: Job] = [:]
    }

    private let count: Int
    private let state = Mutex(State())

    init(count: Int) {
        self.count = count
    }

    /// The next bid for a worker, now counted as running from `deadline` on; nil when every bid is taken.
    func take(cancellation: EvaluationCancellation, deadline: DispatchTime) -> Int? {
        state.withLock { state in
            guard state.next < count else { return nil }
            let index = state.next
            state.next += 1
            state.running[index] = Job(deadline: deadline, cancellation: cancellation)
            return index
        }
    }

    func done(_ index: Int) {
        _ = state.withLock { $0.running.removeValue(forKey: index) }
    }

    var running: [(index: Int, job: Job)] {
        state.withLock { state in state.running.map { ($0.key, $0.value) } }
    }

    func extend(_ index: Int, to deadline: DispatchTime) {
        state.withLock { state in state.running[index]?.deadline = deadline }
    }
}

extension BidImporter {
    /// Reads many bids in parallel on a fixed pool of worker threads, one per core, each pulling the next bid
    /// from the batch; each bid within `limits.maximumSecondsPerBid` of its worker's processor time. libxml2
    /// cannot be stopped from outside except between counted XPath operations, so a bid over its time is given
    /// up: its outcome says so at once, its evaluation is interrupted where libxml2 allows, its worker, which owns
    /// its document and its compiled queries and shares nothing else, ends on its own once the bid is done, and a
    /// new worker takes its place. The outcomes are in the order of `files`, whatever the interleaving.
    public func importBatch(_ files: [(file: String, bytes: [UInt8])]) -> BidImportBatch {
        importBatch(files, workers: ProcessInfo.processInfo.activeProcessorCount)
    }

    /// `importBatch` with a chosen number of workers (for the tests that check the outcomes do not depend on it).
    func importBatch(_ files: [(file: String, bytes: [UInt8])], workers requested: Int) -> BidImportBatch {
        let slots = BatchSlots(count: files.count)
        let queue = BatchQueue(count: files.count)
        let seconds = max(1, limits.maximumSecondsPerBid)
        let budget = UInt64(seconds) * 1_000_000_000
        func startWorker() {
            let thread = Thread { [self] in
                while true {
                    let cancellation = EvaluationCancellation()
                    guard let index = queue.take(cancellation: cancellation, deadline: .now() + .seconds(seconds))
                    else { return }
                    cancellation.startClock()
                    let (file, bytes) = files[index]
                    let (outcome, failures) = timedImport(bytes: bytes, file: file, cancellation: cancellation)
                    queue.done(index)
                    // A worker whose bid was given up has been replaced; it ends here.
                    guard slots.finish(index, outcome, failures: failures) else { return }
                }
            }
            // libxml2 recurses on deep expressions and trees; give it the main thread's usual stack.
            thread.stackSize = 8 * 1024 * 1024
            thread.start()
        }
        for _ in 0..<min(files.count, max(1, requested)) { startWorker() }
        var abandoned = 0
        while slots.settled < files.count {
            // A bid taken after this look has its deadline at least `seconds` away, so that is the longest wait.
            let earliest = queue.running.map(\.job.deadline).min() ?? .distantFuture
            _ = slots.finished.wait(timeout: min(earliest, .now() + .seconds(seconds)))
            let now = DispatchTime.now()
            for (index, job) in queue.running where job.deadline <= now {
                // Processor time never runs ahead of the clock on the wall: the earliest the budget can be spent
                // is after what is left of it.
                let used = job.cancellation.processorTime() ?? 0
                if used < budget {
                    queue.extend(index, to: now + .nanoseconds(Int(budget - used)))
                } else if slots.timeOut(index, Self.outOfTime(file: files[index].file, seconds: seconds)) {
                    job.cancellation.cancel()
                    abandoned += 1
                    startWorker()
                }
            }
        }
        // Interrupted workers normally end within milliseconds; waiting a little for them keeps their memory
        // from piling up over batches, and never blocks the run on one that cannot be interrupted.
        let grace = DispatchTime.now() + .seconds(2)
        while slots.lateWorkers < abandoned, slots.finished.wait(timeout: grace) == .success {}
        // glibc keeps what each worker's arena freed; after large bids, copies of a huge bid parsed one after
        // another would otherwise add up.
        if files.reduce(0, { $0 + $1.bytes.count }) >= 4 * 1024 * 1024 { clibxml2_return_freed_memory() }
        return slots.batch()
    }

    static func outOfTime(file: String, seconds: Int) -> BidImportOutcome {
        .rejected(
            file: file,
            diagnostics: [
                .error(
                    "reading this bid and evaluating the rubric's expressions in it took more than \(seconds) "
                        + "second\(seconds == 1 ? "" : "s") of processor time; raise --max-seconds-per-bid if the rubric really needs "
                        + "that much time for one bid (unlike --max-xpath-operations, this safety net depends on the "
                        + "speed of the machine)",
                    at: SourceLocation(file: file)
                )
            ]
        )
    }
}
