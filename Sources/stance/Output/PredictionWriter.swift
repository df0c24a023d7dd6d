import ArgumentParser
import Classifiers
import DataFiles
import Foundation

enum PredictionFormat: String, ExpressibleByArgument, CaseIterable {
    case table, jsonl, csv
}

/// Writes predictions as a table (people), JSON Lines or CSV (pipelines). Machine formats carry
/// the input line, the label, and every class probability keyed by label.
struct PredictionWriter {
    let format: PredictionFormat
    let labels: [String]

    struct Line: Encodable {
        let line: Int
        let label: String
        let probability: Double
        let probabilities: [String: Double]
        let text: String
        let id: String?
    }

    func begin() {
        switch format {
        case .csv: print((["line", "label", "probability"] + labels.map { "p_" + $0 } + ["text"]).map(Self.csvField).joined(separator: ","))
        case .table: print(tableRow("line", "label", "prob", "text"))
        case .jsonl: break
        }
    }

    func write(_ record: TextRecord, _ prediction: Prediction) {
        let top = prediction.probabilities[prediction.labelIndex]
        switch format {
        case .jsonl:
            let probabilities = Dictionary(uniqueKeysWithValues: zip(labels, prediction.probabilities))
            print(JSONOutput.line(Line(line: record.line, label: prediction.label, probability: top,
                                       probabilities: probabilities, text: record.text, id: record.fields["id"])))
        case .csv:
            let cells = ["\(record.line)", prediction.label, Self.number(top)] + prediction.probabilities.map(Self.number) + [record.text]
            print(cells.map(Self.csvField).joined(separator: ","))
        case .table:
            let shown = record.text.count > 90 ? String(record.text.prefix(87)) + "..." : record.text
            print(tableRow("\(record.line)", prediction.label, TextTable.fixed(top), shown.replacingOccurrences(of: "\n", with: " ")))
        }
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
