import GRDB
import GRDBSQLite

/// A prepared INSERT driven through SQLite's C API. GRDB's `execute(arguments:)` boxes every value in a
/// `DatabaseValue` and validates the arguments on each call, which cost several times SQLite's own work on
/// the million rows a Reuters build writes; this binds the values straight into the statement GRDB prepared.
/// The C pointers stay here.
struct RowInserter {
    private let db: Database
    private let handle: OpaquePointer

    /// SQLite copies the bytes bound with this destructor, so Swift strings need not outlive the call.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        handle = try db.cachedStatement(sql: sql).sqliteStatement
    }

    /// Binds parameters 1, 2, … in the order `bind` calls the binder, then runs the statement once.
    func insert(_ bind: (inout Binder) -> Void) throws {
        var binder = Binder(handle: handle)
        bind(&binder)
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
        sqlite3_reset(handle)
    }

    struct Binder {
        fileprivate let handle: OpaquePointer
        private var index: Int32 = 1

        fileprivate init(handle: OpaquePointer) { self.handle = handle }

        mutating func int(_ value: Int) {
            sqlite3_bind_int64(handle, index, Int64(value))
            index += 1
        }

        mutating func int64(_ value: Int64) {
            sqlite3_bind_int64(handle, index, value)
            index += 1
        }

        mutating func double(_ value: Double) {
            sqlite3_bind_double(handle, index, value)
            index += 1
        }

        mutating func text(_ value: String?) {
            if var value {
                value.withUTF8 { utf8 in
                    // An empty buffer may have no address, and a null pointer would bind NULL, not "".
                    guard let base = utf8.baseAddress, !utf8.isEmpty else {
                        _ = sqlite3_bind_text(handle, index, "", 0, RowInserter.transient)
                        return
                    }
                    _ = sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                          Int32(utf8.count), RowInserter.transient)
                }
            } else {
                sqlite3_bind_null(handle, index)
            }
            index += 1
        }

        mutating func blob(_ value: [UInt8]) {
            value.withUnsafeBytes { raw in
                // As for text: a zero-length blob, not NULL, when empty.
                _ = sqlite3_bind_blob(handle, index, raw.baseAddress ?? UnsafeRawPointer(bitPattern: 1), Int32(raw.count),
                                      RowInserter.transient)
            }
            index += 1
        }
    }
}
