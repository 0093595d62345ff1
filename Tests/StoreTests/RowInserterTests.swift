import GRDB
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
}
