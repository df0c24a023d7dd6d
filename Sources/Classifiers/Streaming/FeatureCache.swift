import Foundation
import LinearAlgebra

/// Featurised blocks of a corpus in a temporary file, so later passes read compact numbers
/// instead of tokenising text again (Vowpal Wabbit's cache file, in spirit).
///
/// The file is unlinked as soon as it is created and used through its open descriptor, so it
/// disappears with the process however that ends — normal exit, error, Ctrl-C or a crash — and
/// can never be left behind half-written. A block is written as: rows, nonzeros (Int64 each),
/// then per row its length and label (Int32), then the column indices (Int32) and counts
/// (Float) — native byte order: the file never outlives the process that wrote it.
final class FeatureCache {
    private let descriptor: Int32
    let columns: Int
    private(set) var bytesWritten = 0

    /// Creates the (already unlinked) cache file in `directory`.
    init(directory: String, columns: Int) throws(TrainingError) {
        var template = Array((directory.hasSuffix("/") ? directory : directory + "/").utf8CString.dropLast()) + Array("stance-cache-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw .invalidParameter("cannot create a feature cache in \(directory): \(String(cString: strerror(errno))); choose another folder with --cache-dir")
        }
        let path = String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        unlink(path)
        self.descriptor = fd
        self.columns = columns
    }

    deinit { close(descriptor) }

    func append(_ x: SparseMatrix, labels: [Int32]) throws(TrainingError) {
        precondition(labels.count == x.rows, "FeatureCache: \(labels.count) labels for \(x.rows) rows")
        var header: [Int64] = [Int64(x.rows), Int64(x.nonzeroCount)]
        var lengths = [Int32](repeating: 0, count: x.rows)
        for i in 0..<x.rows { lengths[i] = Int32(x.rowStart[i + 1] - x.rowStart[i]) }
        try write(&header)
        var lengthsAndLabels = lengths + labels
        try write(&lengthsAndLabels)
        var columnIndices = x.columnIndices
        try write(&columnIndices)
        var values = x.values
        try write(&values)
    }

    /// Starts reading from the first block.
    func rewind() { lseek(descriptor, 0, SEEK_SET) }

    /// The next block's counts and labels, or nil after the last.
    func nextBlock() throws(TrainingError) -> (SparseMatrix, [Int32])? {
        var header = [Int64](repeating: 0, count: 2)
        guard try read(&header, allowEnd: true) else { return nil }
        let rows = Int(header[0]), nonzeros = Int(header[1])
        var lengthsAndLabels = [Int32](repeating: 0, count: 2 * rows)
        var columnIndices = [Int32](repeating: 0, count: nonzeros)
        var values = [Float](repeating: 0, count: nonzeros)
        _ = try read(&lengthsAndLabels, allowEnd: false)
        _ = try read(&columnIndices, allowEnd: false)
        _ = try read(&values, allowEnd: false)
        var rowStart = [Int](repeating: 0, count: rows + 1)
        for i in 0..<rows { rowStart[i + 1] = rowStart[i] + Int(lengthsAndLabels[i]) }
        let x = SparseMatrix(columns: columns, rowStart: rowStart, columnIndices: columnIndices, values: values)
        return (x, Array(lengthsAndLabels[rows...]))
    }

    private func write<T>(_ array: inout [T]) throws(TrainingError) {
        let ok = array.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return false }
                offset += n
            }
            return true
        }
        guard ok else {
            throw .invalidParameter("cannot write the feature cache: \(String(cString: strerror(errno))) (is the disk full? choose another folder with --cache-dir)")
        }
        bytesWritten += array.count * MemoryLayout<T>.stride
    }

    /// Fills `array`; returns false at a clean end of file when `allowEnd`.
    private func read<T>(_ array: inout [T], allowEnd: Bool) throws(TrainingError) -> Bool {
        let result = array.withUnsafeMutableBytes { raw -> Int in
            var offset = 0
            while offset < raw.count {
                let n = Foundation.read(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue }; return -1 }
                if n == 0 { break }
                offset += n
            }
            return offset
        }
        if result == 0 && allowEnd && !array.isEmpty { return false }
        guard result == array.count * MemoryLayout<T>.stride else {
            throw .invalidParameter("the feature cache could not be read back (\(result < 0 ? String(cString: strerror(errno)) : "it ended early"))")
        }
        return true
    }
}
