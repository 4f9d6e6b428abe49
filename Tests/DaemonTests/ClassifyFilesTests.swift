import Foundation
import Testing
@testable import Daemon

@Suite("Files dsrd classify reads")
struct ClassifyFilesTests {
    @Test("folders are searched for .eml and .txt files, sorted; links to files count, links to folders are not followed")
    func collectsMailFilesUnderFolders() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("classify-files-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let manager = FileManager.default
        try manager.createDirectory(atPath: root + "/a/b", withIntermediateDirectories: true)
        try manager.createDirectory(atPath: root + "/folder.eml", withIntermediateDirectories: true)
        for file in ["a/b/x.eml", "a/y.EML", "z.txt", "w.json", "folder.eml/inner.eml", "noextension"] {
            #expect(manager.createFile(atPath: root + "/" + file, contents: Data("Subject: x\r\n\r\nx".utf8)))
        }
        try manager.createSymbolicLink(atPath: root + "/link.eml", withDestinationPath: root + "/a/b/x.eml")
        try manager.createSymbolicLink(atPath: root + "/linked-folder", withDestinationPath: root + "/a")
        try manager.createSymbolicLink(atPath: root + "/dangling.eml", withDestinationPath: root + "/missing")

        let expected = ["a/b/x.eml", "a/y.EML", "folder.eml/inner.eml", "link.eml", "z.txt"].map { ClassifyFiles.Entry.file(root + "/" + $0) }
        #expect(ClassifyFiles.collect([root]) == expected)
        // A trailing slash gives the same paths.
        #expect(ClassifyFiles.collect([root + "//"]) == expected)
        // A named file is taken whatever its name; a missing path is reported.
        #expect(ClassifyFiles.collect([root + "/w.json", root + "/none"])
            == [.file(root + "/w.json"), .missing(root + "/none", reason: "no such file or folder")])
    }

    @Test("a file is read whole, an empty one as no bytes, a folder or a missing file as an error")
    func readsFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("classify-read-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        #expect(FileManager.default.createFile(atPath: root + "/big.eml", contents: Data(bytes)))
        #expect(FileManager.default.createFile(atPath: root + "/empty.eml", contents: Data()))
        #expect(try ClassifyFiles.read(root + "/big.eml").get() == bytes)
        #expect(try ClassifyFiles.read(root + "/empty.eml").get() == [])
        #expect(throws: ClassifyReadError.self) { try ClassifyFiles.read(root + "/none.eml").get() }
        #expect(throws: ClassifyReadError.self) { try ClassifyFiles.read(root).get() }
    }
}
