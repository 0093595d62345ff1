import Foundation
import GRDB
import GRDBSQLite
import Testing
@testable import Store

@Suite struct RowInserterTests {
    @Test func bindsEveryKindOfValueAndEmptyTextIsNotNull() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(i INTEGER, r REAL, s TEXT, n TEXT, e TEXT NOT NULL)")
            let insert = try RowInserter(db, "INSERT INTO t VALUES (?,?,?,?,?)")
            try insert.insert { b in b.int(-42); b.double(0.5); b.text("Āčé “quoted” 東京"); b.text(nil); b.text("") }
            try insert.insert { b in b.int64(Int64.max); b.double(-1e-300); b.text("second"); b.text("x"); b.text("y") }
            let rows = try Row.fetchAll(db, sql: "SELECT i, r, s, n, e FROM t ORDER BY rowid")
            #expect(rows[0][0] as Int == -42 && rows[0][1] as Double == 0.5)
            #expect(rows[0][2] as String == "Āčé “quoted” 東京")
            #expect((rows[0][3] as String?) == nil)
            #expect(rows[0][4] as String == "")
            #expect(rows[1][0] as Int64 == Int64.max && rows[1][3] as String == "x")
        }
    }

    @Test func aFailedInsertThrowsAndTheStatementStaysUsable() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(id TEXT PRIMARY KEY)")
            let insert = try RowInserter(db, "INSERT INTO t VALUES (?)")
            try insert.insert { $0.text("a") }
            #expect(throws: DatabaseError.self) { try insert.insert { $0.text("a") } }
            try insert.insert { $0.text("b") }
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 2)
        }
    }

    /// Values are bound in place from an arena the inserter reuses: rows longer than it (it grows, moving what
    /// was bound before) and rows after them must all come out as written, blobs included.
    @Test func valuesLargerThanTheArenaAndTheRowsAfterThemComeOutWhole() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(a TEXT, b BLOB, c TEXT, d BLOB)")
            let insert = try RowInserter(db, "INSERT INTO t VALUES (?,?,?,?)")
            let long = String(repeating: "näher ", count: 2_000)  // 14,000 bytes, past the arena's first 4,096
            let blob = (0..<9_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try insert.insert { b in b.text("first"); b.blob(blob); b.text(long); b.blob([]) }
            try insert.insert { b in b.text("short"); b.blob([1, 2, 3]); b.text(nil); b.blob([9]) }
            let rows = try Row.fetchAll(db, sql: "SELECT a, b, c, d FROM t ORDER BY rowid")
            #expect(rows[0][0] as String == "first" && rows[0][2] as String == long)
            #expect([UInt8](rows[0][1] as Data) == blob)
            #expect((rows[0][3] as Data?).map { [UInt8]($0) } == [])
            #expect(rows[1][0] as String == "short" && (rows[1][2] as String?) == nil)
            #expect([UInt8](rows[1][1] as Data) == [1, 2, 3] && [UInt8](rows[1][3] as Data) == [9])
        }
    }

    /// The statement is GRDB's cached one and outlives the inserter: once a row is in, it must hold no pointer
    /// into the arena. Stepped again with nothing bound, it stores NULL, not the last row's text.
    @Test func theCachedStatementKeepsNoBindingsAfterARow() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t(a TEXT)")
            let sql = "INSERT INTO t VALUES (?)"
            let insert = try RowInserter(db, sql)
            try insert.insert { $0.text("from the arena") }
            let handle = try db.cachedStatement(sql: sql).sqliteStatement
            #expect(sqlite3_step(handle) == SQLITE_DONE)
            sqlite3_reset(handle)
            #expect(try String?.fetchAll(db, sql: "SELECT a FROM t ORDER BY rowid") == ["from the arena", nil])
        }
    }
}
