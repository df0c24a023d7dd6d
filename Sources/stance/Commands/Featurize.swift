import ArgumentParser
import Classifiers
import DataFiles
import Foundation
import LinearAlgebra
import TextFeatures

/// Hashed features for another engine: hashing needs no vocabulary and binary/count weighting
/// no corpus statistics, so every Spark executor featurises its own partition and all of them
/// agree, column for column, with the model `import-mllib` later makes.
struct Featurize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write hashed feature vectors as libsvm lines (label index, then index:value) for training elsewhere, e.g. Spark MLlib.",
        discussion: """
        Labels are numbered in the order --labels gives them, so every process agrees. Write the
        specification once with --spec; `stance import-mllib` needs it to rebuild the featuriser.
        Examples:
          stance featurize --labels 0,1 --hash-bits 18 --spec features.json
          stance featurize --labels 0,1 --hash-bits 18 --data mr.tsv > mr.libsvm
          cat part.jsonl | stance featurize --labels against,favor,none --hash-bits 20 --data - --input-format jsonl
        """)

    @Option(name: .long, help: ArgumentHelp("The labelled data file to featurise (- for standard input).", valueName: "file"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("The labels in class-index order, comma-separated, e.g. against,favor,none.", valueName: "labels"))
    var labels: String

    @Option(name: .long, help: ArgumentHelp("Also write the feature specification (features and label order) to this JSON file, for import-mllib.", valueName: "file"))
    var spec: String?

    @Option(name: .long, help: "Output format: libsvm (1-based, ascending indices; what Spark's libsvm reader and MLlib take).")
    var format: FeatureFormat = .libsvm

    @OptionGroup var reading: ReadingOptions
    @OptionGroup var features: FeatureOptions

    /// Without --hash-bits, 2^20 buckets: few collisions on corpora of millions of documents
    /// and an 8 MB-per-class model.
    static let defaultHashBits = 20

    func validate() throws {
        if data == nil && spec == nil { throw ValidationError("give --data to featurise, --spec to write the specification, or both") }
        if let spec { try OutputFolder.validate(spec, option: "--spec") }
    }

    /// NB's defaults (binary word 1–2-grams, no normalisation) are stateless and suit both
    /// MLlib learners (naive Bayes needs non-negative values).
    var specification: FeatureSpecification {
        var configuration = features.configuration(for: .nb)
        if configuration.hashBits == nil { configuration.hashBits = Self.defaultHashBits }
        // Data labels are read trimmed, so "against, favor" means the labels "against" and "favor".
        return FeatureSpecification(labels: labels.split(separator: ",", omittingEmptySubsequences: false)
                                        .map { $0.trimmingCharacters(in: .whitespaces) },
                                    features: configuration)
    }

    func run() throws {
        let specification = self.specification
        try attempt { () throws(InterchangeError) in try specification.validate() }
        if let spec { try attempt { () throws(ModelFileError) in try specification.write(to: spec) } }
        guard let data else { return }
        let extractor = specification.extractor
        let classIndex = Dictionary(uniqueKeysWithValues: specification.labels.enumerated().map { ($1, $0) })
        func featurised(_ records: [TextRecord]) throws -> [UInt8] {
            let indices = try records.map { record in
                guard let i = classIndex[record.label!] else {
                    throw CLIError("\(data):\(record.line): the label '\(record.label!)' is not among --labels (\(specification.labels.joined(separator: ", "))); add it to --labels or fix the row")
                }
                return i
            }
            var bytes: [UInt8] = []
            LibSVMFormat.append(extractor.transform(reading.documents(records)), labels: indices, to: &bytes)
            return bytes
        }
        let options = reading.options(requireLabels: true)
        guard DataStream.canStream(path: data, options: options) else {
            StandardOutput.write(try featurised(try reading.read(data, requireLabels: true).records))
            return
        }
        // Stream, so a Spark executor's pipe gets each chunk's rows as soon as they are read.
        // Empty standard input is zero rows, not a mistake: Spark pipes empty partitions too.
        func readingPipe<T>(_ body: () throws(DataFileError) -> T?) throws -> T? {
            do { return try body() } catch {
                if data == "-" && error.isEmptyInput { return nil }
                throw CLIError(error.description)
            }
        }
        guard var stream = try readingPipe({ () throws(DataFileError) in
            try DataStream(path: data, options: options, chunkBytes: 2 << 20, threads: Parallel.threads)
        }) else { return }
        defer { stream.close() }
        while let records = try readingPipe({ () throws(DataFileError) in try stream.nextChunk() }) {
            StandardOutput.write(try featurised(records))
        }
        if !stream.skippedRows.isEmpty {
            Terminal.standardError("skipped \(stream.skippedRows.count) bad row(s) of \(data); the first: \(stream.skippedRows[0])")
        }
    }
}

enum FeatureFormat: String, ExpressibleByArgument, CaseIterable {
    case libsvm
}
