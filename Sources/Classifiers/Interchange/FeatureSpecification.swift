import Foundation
import TextFeatures

/// What every process that featurises for another engine (Spark executors, say) must agree on:
/// the feature settings and the order of the labels. Written by `stance featurize --spec` and
/// read back by `stance import-mllib`, so the imported model featurises new text exactly as the
/// training rows were featurised.
///
/// Only stateless settings are allowed: hashed features (no vocabulary to learn) and no idf
/// (document frequencies need the whole corpus). Then each executor featurises its partition
/// alone and every executor gives the same column for the same n-gram.
public struct FeatureSpecification: Sendable, Equatable, Codable {
    public static let formatName = "stance-features/1"

    public var format: String
    /// Label i is class index i in the libsvm rows and in the MLlib model.
    public var labels: [String]
    public var features: FeatureConfiguration

    public init(labels: [String], features: FeatureConfiguration) {
        format = Self.formatName
        self.labels = labels
        self.features = features
    }

    /// The featuriser: with hashing and no idf, nothing needs fitting.
    public var extractor: FeatureExtractor {
        FeatureExtractor(configuration: features, vocabulary: nil, idf: [])
    }

    /// Checks that the settings are stateless and the labels usable; the message says what to change.
    public func validate() throws(InterchangeError) {
        guard format == Self.formatName else {
            throw .invalid("format is '\(format)', expected '\(Self.formatName)'; write it again with `stance featurize --spec`")
        }
        do { try features.validate() } catch { throw .invalid(error.description) }
        guard features.hashBits != nil else {
            throw .invalid("features must be hashed (--hash-bits K) so that every process numbers them the same way without a shared vocabulary")
        }
        guard features.weighting != .tfidf else {
            throw .invalid("tfidf weighting needs document frequencies from the whole corpus, so it is not stateless; use --weighting binary or counts")
        }
        guard labels.count >= 2 else {
            throw .invalid("give at least two labels (e.g. --labels negative,positive), got \(labels.count)")
        }
        if let repeated = Dictionary(grouping: labels, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw .invalid("the label '\(repeated)' is listed twice")
        }
        if let empty = labels.firstIndex(of: "") {
            throw .invalid("label \(empty + 1) is empty")
        }
    }

    public static func read(from path: String) throws(InterchangeError) -> FeatureSpecification {
        let spec: FeatureSpecification
        do {
            spec = try JSONDecoder().decode(FeatureSpecification.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch let error as DecodingError {
            throw .unreadable(path: path, reason: InterchangeError.describe(error) + "; write it again with `stance featurize --labels … --spec \(path)`")
        } catch {
            throw .unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "cannot be read (\(error.localizedDescription))" : "no such file")
        }
        do { try spec.validate() } catch { throw .unreadable(path: path, reason: error.description) }
        return spec
    }

    public func write(to path: String) throws(ModelFileError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data()
        try AtomicFile.write([UInt8](data) + [0x0A], to: path)
    }
}

/// Why a feature specification or an MLlib model could not be used.
public enum InterchangeError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalid(String)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case .invalid(let message): return message
        case .unreadable(let path, let reason): return "\(path): \(reason)"
        }
    }

    /// A decoding error as a sentence naming the field, not Foundation's debug dump.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            return keys.isEmpty ? "the top level" : "'" + keys.joined(separator: ".") + "'"
        }
        switch error {
        case .keyNotFound(let key, let context): return "the field '\(key.stringValue)' is missing at \(path(context))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "\(path(context)) has the wrong type: \(context.debugDescription)"
        case .dataCorrupted(let context): return "not valid JSON at \(path(context)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
