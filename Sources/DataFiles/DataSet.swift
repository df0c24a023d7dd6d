/// The records of one data file, the format they were read as, and the rows left out.
///
/// `skippedRows` is only ever non-empty when ``DataReaderOptions/skipBadRows`` is set; the CLI
/// reports its count (and the first few) so that skipping is never silent.
public struct DataSet: Sendable, Equatable {
    public var records: [TextRecord]
    /// The format used: the one asked for, or the one detected.
    public var format: DataFormat
    /// One error for each bad row that was skipped, in file order.
    public var skippedRows: [DataFileError]

    public init(records: [TextRecord], format: DataFormat, skippedRows: [DataFileError] = []) {
        self.records = records
        self.format = format
        self.skippedRows = skippedRows
    }
}
