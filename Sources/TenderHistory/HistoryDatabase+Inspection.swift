import GRDB
import TenderCore

// Internal views of the file for the tests: what `sqlite3` would show or do by hand.
extension HistoryDatabase {
    /// Every row of every table, table by table in name order and rows in rowid / primary-key order, one line
    /// per row: two files with the same dump hold the same data.
    func dump() throws -> String {
        try queue.read { db in
            var lines: [String] = []
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
            lines.append(
                "schema: "
                    + (try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"))
                    .joined(separator: "; ")
            )
            lines.append("application_id: " + String(try Int.fetchOne(db, sql: "PRAGMA application_id") ?? 0))
            for table in tables {
                lines.append("table " + table)
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"") {
                    lines.append(row.description)
                }
            }
            return lines.joined(separator: "\n")
        }
    }

    /// Runs SQL outside every check, as an officer with `sqlite3` could.
    func executeByHand(_ sql: String) throws {
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    /// Applies the migrations up to `identifier` only: builds the file an earlier tender-eval made.
    func migrate(upTo identifier: String) throws {
        try HistoryMigrations.migrator.migrate(queue, upTo: identifier)
    }
}
