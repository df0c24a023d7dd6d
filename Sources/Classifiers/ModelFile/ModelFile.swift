import Foundation
import LinearAlgebra
import TextFeatures

/// The on-disk form of a ``TextClassifier``.
///
/// Layout (all integers little-endian):
///
///     magic        8 bytes  89 53 54 41 4E 43 45 0A  ("\x89STANCE\n": the high byte and the
///                           newline catch files mangled by text-mode transfers)
///     version      UInt16 major, UInt16 minor
///     created by   UInt8 length + ASCII, e.g. "stance 0.1.0" (readable even when the rest of
///                  a newer format is not, so the error can say who made the file)
///     header       UInt32 length + JSON (sorted keys): kind, labels, feature configuration,
///                  training parameters, training-data fingerprint, fit report, dimensions
///     sections     4-byte tag + UInt64 length + payload, in this order:
///                  "VOCB" vocabulary (UInt32 count, then UInt32 length + UTF-8 per term;
///                         absent when hashing), "IDF " idf (Float64 × d; absent unless tfidf),
///                  "WGHT" weights (Float64 × d·k, row-major d×k), "BIAS" intercepts (Float64 × k)
///     checksum     UInt32 CRC-32 of every byte before it
///
/// Readers check, in order: magic → version → checksum → header → sections, and throw a
/// ``ModelFileError`` naming the first failure. A newer *major* version is refused; a newer
/// minor version only adds header keys, which older readers ignore. Writing is atomic
/// (``AtomicFile``), and the same model always serialises to the same bytes.
public enum ModelFile {
    public static let magic: [UInt8] = [0x89, 0x53, 0x54, 0x41, 0x4E, 0x43, 0x45, 0x0A]
    public static let majorVersion: UInt16 = 1
    public static let minorVersion: UInt16 = 0

    struct Header: Codable, Equatable {
        var labels: [String]
        var features: FeatureConfiguration
        var featureCount: Int
        var hash: String?
        var metadata: ModelMetadata
    }

    /// A single model's file as three pieces: everything before the weights, the weights (raw
    /// little-endian doubles, most of the file), and everything after them but the checksum.
    private static func pieces(_ classifier: TextClassifier) -> (head: [UInt8], weights: [Double], tail: [UInt8]) {
        var w = ByteWriter()
        w.write(magic)
        w.write(majorVersion)
        w.write(minorVersion)
        let creator = Array(classifier.metadata.createdBy.utf8.prefix(255))
        w.write(UInt8(creator.count))
        w.write(creator)

        let header = Header(
            labels: classifier.labels, features: classifier.features.configuration,
            featureCount: classifier.features.featureCount,
            hash: classifier.features.vocabulary == nil ? FeatureHashing.name : nil,
            metadata: classifier.metadata)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = Array(try! encoder.encode(header))
        w.write(UInt32(json.count))
        w.write(json)

        if let vocabulary = classifier.features.vocabulary {
            var v = ByteWriter()
            v.write(UInt32(vocabulary.count))
            for term in vocabulary.terms {
                let bytes = Array(term.utf8)
                v.write(UInt32(bytes.count))
                v.write(bytes)
            }
            section(&w, "VOCB", v.bytes)
        }
        if !classifier.features.idf.isEmpty {
            var v = ByteWriter()
            v.write(classifier.features.idf)
            section(&w, "IDF ", v.bytes)
        }
        let weights = classifier.model.weights.values, intercepts = classifier.model.intercepts
        sectionHeader(&w, "WGHT", byteCount: 8 * weights.count)
        var tail = ByteWriter()
        sectionHeader(&tail, "BIAS", byteCount: 8 * intercepts.count)
        tail.write(intercepts)
        return (w.bytes, weights, tail.bytes)
    }

    public static func encode(_ classifier: TextClassifier) -> [UInt8] {
        var bytes: [UInt8] = []
        serialise(classifier) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Hands a single model's file to `emit` in order — head, weights, tail, checksum — so that
    /// ``encode(_:)`` and ``write(_:to:)`` share one layout. The weights (25 MB for 2^20 buckets
    /// × 3 labels) are handed over straight from the model, not copied first.
    private static func serialise(_ classifier: TextClassifier, _ emit: (UnsafeRawBufferPointer) -> Void) {
        let (head, weights, tail) = pieces(classifier)
        var crc = CRC32.Running()
        func checked(_ raw: UnsafeRawBufferPointer) { crc.add(raw); emit(raw) }
        head.withUnsafeBytes(checked)
        #if _endian(little)
        weights.withUnsafeBytes(checked)  // already little-endian IEEE 754
        #else
        var swapped = ByteWriter()
        swapped.write(weights)
        swapped.bytes.withUnsafeBytes(checked)
        #endif
        tail.withUnsafeBytes(checked)
        var checksum = ByteWriter()
        checksum.write(crc.value)
        checksum.bytes.withUnsafeBytes(emit)
    }

    private static func section(_ w: inout ByteWriter, _ tag: String, _ payload: [UInt8]) {
        sectionHeader(&w, tag, byteCount: payload.count)
        w.write(payload)
    }

    private static func sectionHeader(_ w: inout ByteWriter, _ tag: String, byteCount: Int) {
        w.write(Array(tag.utf8))
        w.write(UInt64(byteCount))
    }

    /// Writes the same bytes as ``encode(_:)`` without assembling them, so saving a model needs
    /// no second copy of its weights — a third of streamed training's peak memory.
    public static func write(_ classifier: TextClassifier, to path: String) throws(ModelFileError) {
        try AtomicFile.write(to: path) { emit in serialise(classifier, emit) }
    }

    // MARK: - Bundles (per-group models)

    /// Grouped bundles are format 2.0: the same magic, version and creator, a JSON header
    /// `{"groupField", "groups"}`, then one "MODL" section per group holding that group's complete
    /// format-1 model file, and a CRC-32 over everything. A single classifier is written as 1.0,
    /// so files without groups stay readable by every 1.x reader.
    public static let groupedMajorVersion: UInt16 = 2

    struct BundleHeader: Codable {
        var groupField: String
        var groups: [String]
    }

    public static func encode(_ bundle: ModelBundle) -> [UInt8] {
        guard let groupField = bundle.groupField else { return encode(bundle.members[0]) }
        var w = ByteWriter()
        w.write(magic)
        w.write(groupedMajorVersion)
        w.write(UInt16(0))
        let creator = Array(bundle.members[0].metadata.createdBy.utf8.prefix(255))
        w.write(UInt8(creator.count))
        w.write(creator)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = Array(try! encoder.encode(BundleHeader(groupField: groupField, groups: bundle.groups)))
        w.write(UInt32(json.count))
        w.write(json)
        for member in bundle.members { section(&w, "MODL", encode(member)) }
        w.write(CRC32.checksum(w.bytes))
        return w.bytes
    }

    public static func write(_ bundle: ModelBundle, to path: String) throws(ModelFileError) {
        try AtomicFile.write(encode(bundle), to: path)
    }

    /// Reads a model file of either kind.
    public static func readBundle(from path: String) throws(ModelFileError) -> ModelBundle {
        try decodeBundle(try contents(of: path), path: path)
    }

    public static func decodeBundle(_ bytes: [UInt8], path: String) throws(ModelFileError) -> ModelBundle {
        guard bytes.count >= magic.count + 2, Array(bytes.prefix(magic.count)) == magic,
              UInt16(bytes[8]) | UInt16(bytes[9]) << 8 == groupedMajorVersion else {
            return ModelBundle(single: try decode(bytes, path: path))
        }
        var r = ByteReader(bytes, path: path)
        r.offset = magic.count + 4
        guard let creatorLength = try? r.readUInt8(), (try? r.take(Int(creatorLength))) != nil, bytes.count >= r.offset + 8 else {
            throw .truncated(path: path)
        }
        try verifyChecksum(bytes, path: path)
        var body = ByteReader(bytes[0..<(bytes.count - 4)], path: path)
        body.offset = r.offset
        let header: BundleHeader
        do {
            header = try JSONDecoder().decode(BundleHeader.self, from: Data(try body.take(Int(try body.readUInt32()))))
        } catch let error as ModelFileError {
            throw error
        } catch {
            throw .malformed(path: path, reason: "the group header cannot be read (\(describe(error)))")
        }
        var members: [TextClassifier] = []
        while body.remaining > 0 {
            guard String(decoding: try body.take(4), as: UTF8.self) == "MODL" else { throw .malformed(path: path, reason: "unexpected section in a grouped model") }
            let length = try body.readUInt64()
            guard length <= UInt64(body.remaining) else { throw .malformed(path: path, reason: "a group's model runs past the end") }
            members.append(try decode(Array(try body.take(Int(length))), path: path))
        }
        guard members.count == header.groups.count, !members.isEmpty else {
            throw .malformed(path: path, reason: "\(header.groups.count) groups but \(members.count) models")
        }
        return ModelBundle(groupField: header.groupField, groups: header.groups, members: members)
    }

    public static func read(from path: String) throws(ModelFileError) -> TextClassifier {
        try decode(try contents(of: path), path: path)
    }

    static func contents(of path: String) throws(ModelFileError) -> [UInt8] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw .cannotRead(path: path, reason: "no such file")
        }
        guard !isFolder.boolValue else { throw .cannotRead(path: path, reason: "it is a folder, not a model file") }
        // Read straight into the array (no intermediate Data) whose pages, for a large model,
        // are huge: a 33 MB model took 8,000 page faults to land in memory, a tenth of a
        // second before the first document was scored.
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw .cannotRead(path: path, reason: "permission denied or unreadable") }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        let size = Int(status.st_size)
        var failure: String?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            HugePages.advise(UnsafeMutableRawBufferPointer(buffer))
            while initialized < size {
                let n = Foundation.read(fd, buffer.baseAddress! + initialized, size - initialized)
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else {
                    failure = n < 0 ? String(cString: strerror(errno)) : "it shrank while being read"
                    return
                }
                initialized += n
            }
        }
        if let failure { throw .cannotRead(path: path, reason: failure) }
        return bytes
    }

    /// The last four bytes are the CRC-32 of everything before them.
    static func verifyChecksum(_ bytes: [UInt8], path: String) throws(ModelFileError) {
        let body = bytes[0..<(bytes.count - 4)]
        let stored = bytes[(bytes.count - 4)...].enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << UInt32(8 * $1.offset) }
        let computed = body.withUnsafeBytes { CRC32.checksum($0) }
        guard stored == computed else { throw .checksumMismatch(path: path, stored: stored, computed: computed) }
    }

    public static func decode(_ bytes: [UInt8], path: String) throws(ModelFileError) -> TextClassifier {
        guard bytes.count >= magic.count, Array(bytes.prefix(magic.count)) == magic else {
            // A prefix of the magic is a model cut short, not some other file.
            if !bytes.isEmpty, bytes.count < magic.count, Array(magic.prefix(bytes.count)) == bytes { throw .truncated(path: path) }
            throw .notAModel(path: path)
        }
        var r = ByteReader(bytes, path: path)
        _ = try? r.take(magic.count)
        guard let major = try? r.readUInt16(), let minor = try? r.readUInt16(),
              let creatorLength = try? r.readUInt8(), let creatorBytes = try? r.take(Int(creatorLength)) else {
            throw .truncated(path: path)
        }
        let creator = String(decoding: creatorBytes, as: UTF8.self)
        if major == groupedMajorVersion {
            throw .malformed(path: path, reason: "it holds one model per group; read it with ModelFile.readBundle")
        }
        if major > majorVersion {
            throw .unsupportedVersion(path: path, found: "\(major).\(minor)", createdBy: creator,
                                      supported: "\(majorVersion).\(minorVersion)")
        }
        guard bytes.count >= r.offset + 4 + 4 else { throw .truncated(path: path) }
        try verifyChecksum(bytes, path: path)

        var reader = ByteReader(bytes[0..<(bytes.count - 4)], path: path)
        reader.offset = r.offset
        let headerLength = Int(try reader.readUInt32())
        let headerBytes = try reader.take(headerLength)
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(headerBytes))
        } catch {
            throw .malformed(path: path, reason: "the header cannot be read (\(Self.describe(error)))")
        }
        return try decodeSections(&reader, header: header, path: path)
    }

    private static func decodeSections(_ r: inout ByteReader, header: Header, path: String) throws(ModelFileError) -> TextClassifier {
        var sections: [String: ArraySlice<UInt8>] = [:]
        while r.remaining > 0 {
            let tag = String(decoding: try r.take(4), as: UTF8.self)
            let length = try r.readUInt64()
            guard length <= UInt64(r.remaining) else { throw .malformed(path: path, reason: "section \(tag) runs past the end") }
            sections[tag] = try r.take(Int(length))
        }
        let d = header.featureCount, k = header.labels.count
        guard k >= 2, d >= 0 else { throw .malformed(path: path, reason: "\(k) labels and \(d) features") }
        do {
            try header.features.validate()
        } catch {
            throw .malformed(path: path, reason: "its feature configuration is invalid: \(error.description)")
        }

        var vocabulary: Vocabulary? = nil
        if header.features.hashBits == nil {
            guard let raw = sections["VOCB"] else { throw .malformed(path: path, reason: "the vocabulary section is missing") }
            var v = ByteReader(raw, path: path)
            let count = Int(try v.readUInt32())
            guard count == d else { throw .malformed(path: path, reason: "vocabulary has \(count) terms, header says \(d)") }
            var terms: [String] = []
            terms.reserveCapacity(count)
            for _ in 0..<count {
                let n = Int(try v.readUInt32())
                guard let term = String(validating: try v.take(n), as: UTF8.self) else {
                    throw .malformed(path: path, reason: "a vocabulary term is not valid UTF-8")
                }
                terms.append(term)
            }
            guard zip(terms, terms.dropFirst()).allSatisfy({ $0.utf8.lexicographicallyPrecedes($1.utf8) }) else {
                throw .malformed(path: path, reason: "the vocabulary is not sorted")
            }
            vocabulary = Vocabulary(sortedTerms: terms)
        } else {
            guard header.hash == FeatureHashing.name else {
                throw .malformed(path: path, reason: "features hashed with \(header.hash ?? "an unnamed hash"); this build uses \(FeatureHashing.name)")
            }
            guard d == 1 << header.features.hashBits! else { throw .malformed(path: path, reason: "\(d) features for 2^\(header.features.hashBits!) buckets") }
        }
        var idf: [Double] = []
        if header.features.weighting == .tfidf {
            guard let raw = sections["IDF "] else { throw .malformed(path: path, reason: "the idf section is missing") }
            var v = ByteReader(raw, path: path)
            idf = try v.readDoubles(d)
        }
        guard let rawWeights = sections["WGHT"], rawWeights.count == 8 * d * k else {
            throw .malformed(path: path, reason: "the weight section is missing or not \(d)×\(k)")
        }
        guard let rawBias = sections["BIAS"], rawBias.count == 8 * k else {
            throw .malformed(path: path, reason: "the intercept section is missing or not \(k) long")
        }
        var wr = ByteReader(rawWeights, path: path)
        var br = ByteReader(rawBias, path: path)
        let model = LinearModel(weights: DenseMatrix(rows: d, columns: k, values: try wr.readDoubles(d * k)),
                                intercepts: try br.readDoubles(k))
        let extractor = FeatureExtractor(configuration: header.features, vocabulary: vocabulary, idf: idf)
        return TextClassifier(labels: header.labels, features: extractor, model: model, metadata: header.metadata)
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): return "missing \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "bad value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted(let context):
            return context.debugDescription
        default: return "\(error)"
        }
    }
}
