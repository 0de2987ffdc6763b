import GRDB

/// The migrations of the history database, oldest first. A database records the identifiers it has applied
/// (GRDB's `grdb_migrations` table); one holding an identifier missing here was written by a newer tender-eval.
enum HistoryMigrations {
    /// `PRAGMA application_id` of a history database: "TNDR" in ASCII, so `file(1)` and this tool can tell the
    /// file from another application's SQLite database.
    static let applicationID: Int32 = 0x544E_4452

    static let identifiers = [V1ContractsAndRecords.identifier, V2StandingEvents.identifier]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration(V1ContractsAndRecords.identifier) { db in
            // Set in the same transaction as the first tables: a file is either empty or a marked history.
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            for statement in V1ContractsAndRecords.statements { try db.execute(sql: statement) }
        }
        migrator.registerMigration(V2StandingEvents.identifier) { db in
            for statement in V2StandingEvents.statements { try db.execute(sql: statement) }
        }
        return migrator
    }
}
