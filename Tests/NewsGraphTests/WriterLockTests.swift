import Corpus
import Foundation
import Store
import Testing
@testable import NewsGraph

/// One writer of a store at a time: a second waits for the first, and one that would wait too long is told
/// which store is busy.
@Suite struct WriterLockTests {
    @Test func aSecondWriterWaitsOrIsToldTheStoreIsBusy() throws {
        let folder = Repo.temporaryFolder("writer-lock")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let store = folder + "/newsgraph.sqlite"
        let first = try WriterLock(store: store)
        #expect {
            _ = try WriterLock(store: store, waitingUpTo: 0.1)
        } throws: { error in
            guard let error = error as? StoreError, case .busy = error else { return false }
            return error.description.contains(store)
        }
        first.release()
        var second: WriterLock? = try WriterLock(store: store, waitingUpTo: 0.1)
        _ = second
        second = nil  // dropping a lock releases it
        _ = try WriterLock(store: store, waitingUpTo: 0.1)
    }

    /// An `add` started while another writer holds the store begins only once it is released, and then
    /// stores its documents.
    @Test func anAddWaitsForTheWriterBeforeIt() throws {
        let folder = Repo.temporaryFolder("writer-lock-add")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let input = folder + "/in.jsonl"
        try IncrementalAddTests.write([("a1", "2025-03-04", "France and Germany signed an accord in Paris on Friday.")],
                                      to: input)
        let options = testOptions(folder + "/out", quickAnalytics: true)
        try FileManager.default.createDirectory(atPath: options.outputFolder, withIntermediateDirectories: true)
        let holder = try WriterLock(store: options.storePath)
        let released = Date().addingTimeInterval(0.4)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.4) { holder.release() }
        let summary = try Workspace.add(options: options) { put in
            try options.annotator.run([input], reader: CorpusReader(), sink: { try put($0) })
        }
        #expect(Date() >= released)
        #expect(summary.inserted == 1)
    }
}
