import Foundation
import GRDB
public import TenderCore

/// The performance history (docs/performance-history.md): one SQLite file holding contracts with their plans,
/// each month's recorded sheets, the hash-chained corrections, every computation of a monthly score and the
/// standing rules it raised. The only user of GRDB: no GRDB type appears in this module's interface.
///
/// Every write is one SQLite transaction in the default rollback-journal mode, so a process killed at any point
/// leaves the file as it was before the write (the next opener rolls the hot journal back).
public final class HistoryDatabase: Sendable {
    /// How a command opens the database.
    public enum OpenMode: Sendable, Hashable {
        /// Creates a missing file and migrates it (`perf record`); an existing file must be current.
        case create
        /// The file must exist and be current (`perf month`, `perf report`, `score`).
        case existing
        /// Creates a missing file; migrations are applied by `migrate()` (`history migrate`).
        case migrate
    }

    /// The path as given; it names the database in every diagnostic.
    public let path: String
    let queue: DatabaseQueue
    let sha256: @Sendable ([UInt8]) -> String

    private init(path: String, queue: DatabaseQueue, sha256: @escaping @Sendable ([UInt8]) -> String) {
        self.path = path
        self.queue = queue
        self.sha256 = sha256
    }

    /// Opens the history at `path`, refusing — without changing a byte of it — a directory, a FIFO or device, a
    /// dangling symbolic link, a file that is not SQLite, another application's SQLite database, and a history
    /// written by a newer tender-eval (migrations this build does not know).
    /// `sha256` gives the lower-case hex SHA-256 of bytes (the pipeline passes libcrypto's). Errors are a
    /// `DiagnosticError` located at `path`.
    public static func open(
        path: String,
        mode: OpenMode,
        sha256: @escaping @Sendable ([UInt8]) -> String
    ) throws(DiagnosticError) -> HistoryDatabase {
        let file = try HistoryFileCheck.inspect(path: path)
        if file == .missing, mode == .existing {
            throw refusal(
                path,
                "no performance history here; `tender-eval perf record` creates it, or `tender-eval history migrate`"
            )
        }
        if case .foreign(let description) = file {
            throw refusal(path, description + "; it was left unchanged")
        }
        if file == .blankSQLite {
            try requireNoTables(path: path)
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration())
        } catch {
            throw refusal(path, "cannot be opened as a database: \(describe(error))")
        }
        let database = HistoryDatabase(path: path, queue: queue, sha256: sha256)
        let state = try database.migrationState()
        if !state.unknown.isEmpty {
            throw refusal(
                path,
                "was written by a newer tender-eval: it has migrations this build does not know ("
                    + state.unknown.joined(separator: ", ") + "); use that version of tender-eval"
            )
        }
        let isNew = state.applied.isEmpty
        switch mode {
        case .migrate:
            break
        case .create where isNew:
            _ = try database.migrate()
        case .create, .existing:
            if isNew {
                throw refusal(
                    path,
                    "is empty, not yet a performance history; `tender-eval perf record` or `tender-eval history migrate` creates one"
                )
            }
            if !state.pending.isEmpty {
                throw refusal(
                    path,
                    "was made by an earlier tender-eval (last migration " + (state.applied.last ?? "none")
                        + "); run `tender-eval history migrate` to upgrade it (" + state.pending.joined(separator: ", ")
                        + ")"
                )
            }
        }
        return database
    }

    /// Applies the migrations the file does not have yet, each in its own transaction, and returns their
    /// identifiers in order (empty when the database was already current: running it twice is harmless).
    @discardableResult
    public func migrate() throws(DiagnosticError) -> [String] {
        let pending = try migrationState().pending
        guard !pending.isEmpty else { return [] }
        try guarded("could not be migrated") { try HistoryMigrations.migrator.migrate(queue) }
        return pending
    }

    /// The migrations the file has applied, in order.
    public func appliedMigrations() throws(DiagnosticError) -> [String] {
        try migrationState().applied
    }

    /// The migrations this build knows, oldest first.
    public static var knownMigrations: [String] { HistoryMigrations.identifiers }

    struct MigrationState {
        var applied: [String]
        var pending: [String]
        var unknown: [String]
    }

    func migrationState() throws(DiagnosticError) -> MigrationState {
        let recorded: [String] = try guarded("cannot be read") {
            try queue.read { db in
                guard try db.tableExists("grdb_migrations") else { return [] }
                return try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid")
            }
        }
        let known = HistoryMigrations.identifiers
        return MigrationState(
            applied: known.filter { recorded.contains($0) },
            pending: known.filter { !recorded.contains($0) },
            unknown: recorded.filter { !known.contains($0) }.sorted()
        )
    }

    private static func configuration(readonly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        configuration.label = "tender-eval history"
        // Another tender-eval writing the same file waits its turn instead of failing at once.
        configuration.busyMode = .timeout(10)
        return configuration
    }

    /// An SQLite file without tender-eval's mark is taken over only when it holds nothing at all.
    private static func requireNoTables(path: String) throws(DiagnosticError) {
        let tables: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration(readonly: true))
            tables = try queue.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            }
        } catch {
            throw refusal(path, "cannot be opened as a database: \(describe(error)); it was left unchanged")
        }
        if !tables.isEmpty {
            throw refusal(
                path,
                "is an SQLite database of another application (tables " + tables.prefix(5).joined(separator: ", ")
                    + (tables.count > 5 ? ", …" : "") + "; no tender-eval application id); it was left unchanged"
            )
        }
    }

    static func refusal(_ path: String, _ message: String) -> DiagnosticError {
        DiagnosticError(.error(message, at: SourceLocation(file: path)))
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? DatabaseError { return error.message ?? error.description }
        return String(describing: error)
    }

    /// Runs database work, turning SQLite's errors into a diagnostic at the file; errors the caller's closures
    /// throw (a diagnostic, a fault) pass through unchanged.
    func guarded<T>(_ what: String, _ work: () throws -> T) throws(DiagnosticError) -> T {
        do {
            return try work()
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw Self.refusal(path, what + ": " + Self.describe(error))
        }
    }

    /// Like `guarded`, but lets a fault hook's own error through untouched (the caller rethrows it).
    func write<T>(_ work: (Database) throws -> T) throws -> T {
        do {
            return try queue.write(work)
        } catch let error as DatabaseError {
            throw Self.refusal(path, "could not be written: " + Self.describe(error))
        }
    }

    func read<T>(_ work: (Database) throws -> T) throws(DiagnosticError) -> T {
        try guarded("cannot be read") { try queue.read(work) }
    }
}
