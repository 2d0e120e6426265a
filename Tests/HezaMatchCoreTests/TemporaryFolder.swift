import Foundation

/// A new empty folder for one test's stores and files: `hezamatch-NAME-UUID` in the temporary directory.
func temporaryFolder(_ name: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hezamatch-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}
