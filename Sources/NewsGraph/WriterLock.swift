import Foundation
import Store

/// Lets one `build` or `add` at a time write a store: an exclusive `flock` on `<store>.lock`, taken before the
/// store is opened and held until its exports are in place.
///
/// Why not SQLite's own locks alone: they order transactions, not commands. A `build` renames a new store over
/// the old one, so an `add` that had opened the old file committed into a file no longer in place; and two
/// adds could move their exports into place in the other order than they committed. (The lock is on a file of
/// its own: opening and closing the store file itself would drop SQLite's POSIX locks on it.) Readers take no
/// lock. The kernel drops the lock with the process, however it ends.
final class WriterLock: @unchecked Sendable {
    /// -1 once released; guarded by `lock`, so any thread may release.
    private var descriptor: Int32
    private let lock = NSLock()

    /// Waits up to `seconds` for another writer of the store at `store` (saying so after a second).
    init(store: String, waitingUpTo seconds: Double = 600) throws {
        let path = store + ".lock"
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BuildError.outputFolder((path as NSString).deletingLastPathComponent,
                                          "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        let wait = StoreWait(store: store, seconds: seconds)
        var tries = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            guard failure == EWOULDBLOCK || failure == EINTR else {
                // A file system without `flock` (ENOLCK, EOPNOTSUPP on some network mounts): go on unlocked, with
                // SQLite's own locks still ordering the transactions, rather than refuse to write at all.
                close(descriptor)
                descriptor = -1
                return
            }
            guard wait.again(after: tries) else {
                close(descriptor)
                throw StoreError.busy(store)
            }
            tries += 1
        }
    }

    /// Lets the next writer in (also done when the lock is dropped).
    func release() {
        lock.withLock {
            guard descriptor >= 0 else { return }
            flock(descriptor, LOCK_UN)
            close(descriptor)
            descriptor = -1
        }
    }

    deinit { release() }
}
