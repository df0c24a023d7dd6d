import LinearAlgebra

/// The libsvm / svmlight text format that Spark's `libsvm` data source and MLlib read:
/// one row per line, `label index:value ...`, indices 1-based and ascending.
public enum LibSVMFormat {
    /// Appends one line per row of `x`, labelled with its class index.
    ///
    /// Values are written as the decimal of the `Double` equal to the stored `Float`, so a reader
    /// parsing them as doubles (Spark does) multiplies exactly the numbers `stance` multiplies,
    /// and an imported model scores these rows as MLlib did.
    public static func append(_ x: SparseMatrix, labels: [Int], to bytes: inout [UInt8]) {
        precondition(labels.count == x.rows, "LibSVMFormat: \(labels.count) labels for \(x.rows) rows")
        for i in 0..<x.rows {
            bytes.append(contentsOf: String(labels[i]).utf8)
            for p in x.rowStart[i]..<x.rowStart[i + 1] {
                bytes.append(0x20)
                bytes.append(contentsOf: String(Int(x.columnIndices[p]) + 1).utf8)
                bytes.append(0x3A)
                let value = x.values[p]
                if value == value.rounded(), abs(value) < 1e9 {
                    bytes.append(contentsOf: String(Int(value)).utf8)
                } else {
                    bytes.append(contentsOf: Double(value).description.utf8)
                }
            }
            bytes.append(0x0A)
        }
    }
}
