import ArgumentParser
import Classifiers
import DataFiles
import Foundation
import LinearAlgebra

enum PredictionFormat: String, ExpressibleByArgument, CaseIterable {
    case table, jsonl, csv
}

/// Writes predictions as a table (people), JSON Lines or CSV (pipelines). Machine formats carry
/// the input line (and `id` field when the input has one), the label, every class probability
/// keyed by label and, unless `includeText` is off, the text.
struct PredictionWriter {
    let format: PredictionFormat
    let labels: [String]
    var includeText = true
    /// Whether lines carry explanations (decides the CSV header).
    var explain = false

    func header() -> String? {
        switch format {
        case .csv: return (["line", "label", "probability"] + labels.map { "p_" + $0 } + (includeText ? ["text"] : []) + (explain ? ["explanation"] : [])).map(Self.csvField).joined(separator: ",")
        case .table: return tableRow("line", "label", "prob", "text")
        case .jsonl: return nil
        }
    }

    /// The output lines of `records`, formatted in parallel pieces and joined in order; with
    /// `explanations`, each line also says which features pushed towards its label.
    func lines(_ records: [TextRecord], _ predictions: [Prediction], explanations: [Explanation]? = nil) -> [UInt8] {
        let pieces = Parallel.blocks(records.count, size: 512)
        var parts = [[UInt8]](repeating: [], count: pieces.count)
        parts.withUnsafeMutableBufferPointer { parts in
            Parallel.forEach(pieces.count) { p in
                var out = JSONBytes()
                for i in pieces[p] { append(records[i], predictions[i], explanation: explanations?[i], to: &out) }
                parts[p] = out.bytes
            }
        }
        var joined: [UInt8] = []
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { joined.append(contentsOf: part) }  // a copy each: `joined()`'s generic walk was byte by byte
        return joined
    }

    /// One record's line, keys in sorted order (as `JSONEncoder`'s `.sortedKeys`).
    func append(_ record: TextRecord, _ prediction: Prediction, explanation: Explanation? = nil, to out: inout JSONBytes) {
        let top = prediction.probabilities[prediction.labelIndex]
        let reasons = explanation.map { $0.towards[prediction.label] ?? [] } ?? []
        switch format {
        case .jsonl:
            out.raw("{")
            if explanation != nil {
                // [feature, its value in this text, its contribution towards the label], strongest first.
                out.raw("\"explanation\":[")
                for (n, r) in reasons.enumerated() {
                    out.raw(n > 0 ? ",[" : "[")
                    out.string(r.feature); out.raw(","); out.number(r.value); out.raw(","); out.number(r.contribution); out.raw("]")
                }
                out.raw("],")
            }
            if let id = record.fields["id"] { out.raw("\"id\":"); out.string(id); out.raw(",") }
            out.raw("\"label\":"); out.string(prediction.label)
            out.raw(",\"line\":"); out.integer(record.line)
            out.raw(",\"probabilities\":{")
            for (n, c) in sortedLabelOrder.enumerated() {
                if n > 0 { out.raw(",") }
                out.string(labels[c]); out.raw(":"); out.number(prediction.probabilities[c])
            }
            out.raw("},\"probability\":"); out.number(top)
            if includeText { out.raw(",\"text\":"); out.string(record.text) }
            out.raw("}\n")
        case .csv:
            var cells = ["\(record.line)", prediction.label, Self.number(top)] + prediction.probabilities.map(Self.number) + (includeText ? [record.text] : [])
            if explanation != nil { cells.append(reasons.map { "\($0.feature) \(String(format: "%+.4f", $0.contribution))" }.joined(separator: "; ")) }
            out.bytes.append(contentsOf: (cells.map(Self.csvField).joined(separator: ",") + "\n").utf8)
        case .table:
            let shown = record.text.count > 90 ? String(record.text.prefix(87)) + "..." : record.text
            out.bytes.append(contentsOf: (tableRow("\(record.line)", prediction.label, TextTable.fixed(top), shown.replacingOccurrences(of: "\n", with: " ")) + "\n").utf8)
            if explanation != nil {
                let because = reasons.map { "\($0.feature) \(String(format: "%+.3f", $0.contribution))" }.joined(separator: ", ")
                out.bytes.append(contentsOf: "      because: \(because.isEmpty ? "(no known features)" : because)\n".utf8)
            }
        }
    }

    /// Label indices in the order of their names' bytes, as sorted JSON keys come out.
    private var sortedLabelOrder: [Int] {
        labels.indices.sorted { labels[$0].utf8.lexicographicallyPrecedes(labels[$1].utf8) }
    }

    /// Columns padded to the widest label, so rows line up without buffering the output.
    private func tableRow(_ line: String, _ label: String, _ probability: String, _ text: String) -> String {
        let labelWidth = max(labels.map(\.count).max() ?? 0, 5)
        func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        return pad(line, 6) + pad(label, labelWidth + 2) + pad(probability, 7) + text
    }

    static func number(_ x: Double) -> String { String(format: "%.6f", x) }

    /// RFC 4180: quote a field holding a comma, quote or line break, doubling inner quotes.
    static func csvField(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
