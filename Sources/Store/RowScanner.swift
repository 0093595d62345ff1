import GRDB
import GRDBSQLite

/// A prepared SELECT stepped through SQLite's C API, the reading twin of `RowInserter`. GRDB's `Row` allocates
/// and boxes every column, which was most of the cost of reading 1.9 million stored events, or 2.7 million
/// evidence rows, back from the store of 16 copies of Reuters. The C pointers stay here.
struct RowScanner {
    private let db: Database
    private let handle: OpaquePointer

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        handle = try db.cachedStatement(sql: sql).sqliteStatement
    }

    /// Runs the statement with `arguments` bound to parameters 1, 2, …, handing each row to `body`.
    func forEach(_ arguments: [Int64] = [], _ body: (Columns) throws -> Void) throws {
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        for (i, value) in arguments.enumerated() { sqlite3_bind_int64(handle, Int32(i + 1), value) }
        try step(body)
    }

    /// Runs the statement with `text` bound to its one parameter (SQLite keeps a copy), handing each row to `body`.
    func forEach(text: String, _ body: (Columns) throws -> Void) throws {
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        var text = text
        text.withUTF8 { utf8 in
            // An empty buffer may have no address, and a null pointer would bind NULL, not "".
            let base = utf8.baseAddress.map { UnsafeRawPointer($0) } ?? UnsafeRawPointer(("" as StaticString).utf8Start)
            _ = sqlite3_bind_text(handle, 1, base.assumingMemoryBound(to: CChar.self), Int32(utf8.count),
                                  RowScanner.transient)
        }
        try step(body)
    }

    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    private func step(_ body: (Columns) throws -> Void) throws {
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code),
                                    message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
            }
            try body(Columns(handle: handle))
        }
    }

    /// The current row's columns, by position from 0; valid only inside `forEach`'s body.
    struct Columns {
        fileprivate let handle: OpaquePointer

        func int(_ column: Int32) -> Int { Int(sqlite3_column_int64(handle, column)) }

        func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }

        /// Nil for NULL.
        func text(_ column: Int32) -> String? {
            guard let bytes = sqlite3_column_text(handle, column) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))),
                          as: UTF8.self)
        }

        /// "" for NULL (columns declared NOT NULL).
        func string(_ column: Int32) -> String { text(column) ?? "" }
    }
}
