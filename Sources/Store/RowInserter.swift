import GRDB
import GRDBSQLite

/// A prepared INSERT driven through SQLite's C API. GRDB's `execute(arguments:)` boxes every value in a
/// `DatabaseValue` and validates the arguments on each call, which cost several times SQLite's own work on
/// the million rows a Reuters build writes; this binds the values straight into the statement GRDB prepared.
/// The C pointers stay here.
struct RowInserter {
    private let db: Database
    private let handle: OpaquePointer
    private let arena: BindArena

    /// SQLite reads bytes bound with this destructor in place until the next step, reset or bind: the arena
    /// keeps them there, which spares SQLite a copy into memory of its own (a malloc and a free) per value.
    private static let inPlace = unsafeBitCast(0, to: sqlite3_destructor_type.self)

    init(_ db: Database, _ sql: String) throws {
        self.db = db
        handle = try db.cachedStatement(sql: sql).sqliteStatement
        arena = BindArena(parameters: Int(sqlite3_bind_parameter_count(handle)))
    }

    /// Binds parameters 1, 2, … in the order `bind` calls the binder, then runs the statement once.
    func insert(_ bind: (inout Binder) -> Void) throws {
        let arena = self.arena.state
        arena.pointee.reset()
        var binder = Binder(handle: handle, arena: arena)
        bind(&binder)
        // Text and blobs are bound once every value is in the arena, which may have moved while it grew.
        for value in arena.pointee.pending {
            let start = UnsafeRawPointer(arena.pointee.bytes + value.offset)
            if value.isText {
                _ = sqlite3_bind_text(handle, value.index, start.assumingMemoryBound(to: CChar.self),
                                      Int32(value.count), RowInserter.inPlace)
            } else {
                _ = sqlite3_bind_blob(handle, value.index, start, Int32(value.count), RowInserter.inPlace)
            }
        }
        let code = sqlite3_step(handle)
        guard code == SQLITE_DONE else {
            let message = String(cString: sqlite3_errmsg(db.sqliteConnection))
            release()
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message)
        }
        release()
    }

    /// Resets the statement and, when values point into the arena, unbinds them: the statement is GRDB's cached
    /// one and outlives this inserter, so it must not keep pointers into the arena.
    private func release() {
        sqlite3_reset(handle)
        if arena.state.pointee.valueCount > 0 { sqlite3_clear_bindings(handle) }
    }

    struct Binder {
        fileprivate let handle: OpaquePointer
        fileprivate let arena: UnsafeMutablePointer<BindArena.State>
        private var index: Int32 = 1

        fileprivate init(handle: OpaquePointer, arena: UnsafeMutablePointer<BindArena.State>) {
            self.handle = handle
            self.arena = arena
        }

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
                let at = index
                value.withUTF8 { arena.pointee.add(UnsafeRawBufferPointer($0), index: at, isText: true) }
            } else {
                sqlite3_bind_null(handle, index)
            }
            index += 1
        }

        mutating func blob(_ value: [UInt8]) {
            let at = index
            value.withUnsafeBytes { arena.pointee.add($0, index: at, isText: false) }
            index += 1
        }
    }
}

/// The bytes of one row's text and blob values, kept until the row is stepped; reused row after row.
/// An empty value still gets an address (the arena's), since a null pointer would bind NULL, not "".
/// The state sits behind a pointer the class owns: a class's own `var`s would be checked for exclusive access
/// on every touch, which cost more than the copies SQLite is spared.
private final class BindArena {
    struct Value {
        var index: Int32
        var offset: Int
        var count: Int
        var isText: Bool
    }

    struct State {
        var bytes: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var used = 0
        let values: UnsafeMutablePointer<Value>
        let valueCapacity: Int
        var valueCount = 0

        var pending: UnsafeBufferPointer<Value> { UnsafeBufferPointer(start: values, count: valueCount) }

        mutating func reset() {
            used = 0
            valueCount = 0
        }

        mutating func add(_ value: UnsafeRawBufferPointer, index: Int32, isText: Bool) {
            precondition(valueCount < valueCapacity, "more values bound than the statement has parameters")
            if used + value.count > capacity {
                var grown = capacity * 2
                while grown < used + value.count { grown *= 2 }
                let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
                moved.update(from: bytes, count: used)
                bytes.deallocate()
                bytes = moved
                capacity = grown
            }
            if let base = value.baseAddress, value.count > 0 {
                (bytes + used).update(from: base.assumingMemoryBound(to: UInt8.self), count: value.count)
            }
            values[valueCount] = Value(index: index, offset: used, count: value.count, isText: isText)
            valueCount += 1
            used += value.count
        }
    }

    let state: UnsafeMutablePointer<State>

    init(parameters: Int) {
        let capacity = 4096
        let valueCapacity = max(1, parameters)
        state = .allocate(capacity: 1)
        state.initialize(to: State(bytes: .allocate(capacity: capacity), capacity: capacity,
                                   values: .allocate(capacity: valueCapacity), valueCapacity: valueCapacity))
    }

    deinit {
        state.pointee.bytes.deallocate()
        state.pointee.values.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }
}
