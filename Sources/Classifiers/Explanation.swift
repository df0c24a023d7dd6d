import TextFeatures

/// Why a linear model labelled a text the way it did.
///
/// A class's score is Σⱼ xⱼ·W[j, c] + b_c, so each feature's share is exact: xⱼ·W[j, c]. Shares
/// are reported relative to the average over classes, xⱼ·(W[j, c] − mean_k W[j, k]), because
/// only differences between class scores change probabilities — and this makes binomial models
/// (class 0's weights are zero) read the same way as multinomial ones.
public struct Explanation: Sendable, Equatable, Codable {
    public struct Contribution: Sendable, Equatable, Codable {
        /// The feature as the model names it, e.g. "w:not entering", "c:tru", "xw:insisted".
        public var feature: String
        /// Its weighted value in this text (after TF-IDF and normalisation).
        public var value: Double
        /// value × (weight for the class − mean weight over classes).
        public var contribution: Double
    }

    public var label: String
    public var probabilities: [String: Double]
    /// For each label, the features that pushed towards it most, strongest first.
    public var towards: [String: [Contribution]]
    /// For each label, the features that pushed away from it most, strongest first.
    public var against: [String: [Contribution]]
    /// The intercepts' share: b_c − mean b.
    public var bias: [String: Double]
}

extension TextClassifier {
    /// Explains the prediction for one document, listing up to `top` features per direction.
    public func explain(_ document: Document, top: Int = 10) -> Explanation {
        let prediction = predict([document])[0]
        let x = features.transform([document])
        // Name every column present in this text from the text's own features (this also names
        // hashed buckets, which have no vocabulary).
        var names: [Int32: String] = [:]
        FeatureCounts.forEachFeature(of: document, features.configuration) { feature in
            if let vocabulary = features.vocabulary {
                if let id = vocabulary.id(of: feature), names[id] == nil { names[id] = feature }
            } else if let bits = features.configuration.hashBits {
                let id = FeatureHashing.bucket(feature, bits: bits)
                names[id] = names[id].map { $0 + " | " + feature } ?? feature
            }
        }
        let k = labels.count
        var towards: [String: [Explanation.Contribution]] = [:], against: [String: [Explanation.Contribution]] = [:]
        for c in 0..<k {
            var shares: [Explanation.Contribution] = []
            for (j, v) in x.row(0) {
                var mean = 0.0
                for kk in 0..<k { mean += model.weights[j, kk] }
                mean /= Double(k)
                let share = Double(v) * (model.weights[j, c] - mean)
                if share != 0 { shares.append(.init(feature: names[Int32(j)] ?? "#\(j)", value: Double(v), contribution: share)) }
            }
            towards[labels[c]] = Array(shares.filter { $0.contribution > 0 }.sorted { $0.contribution > $1.contribution }.prefix(top))
            against[labels[c]] = Array(shares.filter { $0.contribution < 0 }.sorted { $0.contribution < $1.contribution }.prefix(top))
        }
        let meanBias = model.intercepts.reduce(0, +) / Double(k)
        return Explanation(
            label: prediction.label,
            probabilities: Dictionary(uniqueKeysWithValues: zip(labels, prediction.probabilities)),
            towards: towards, against: against,
            bias: Dictionary(uniqueKeysWithValues: zip(labels, model.intercepts.map { $0 - meanBias })))
    }

    /// The features with the largest weights for and against each label, over the whole model
    /// (weights relative to the mean over labels, as in ``explain(_:top:)``). Vocabulary models
    /// only: hashed buckets have no names.
    public func topFeatures(_ top: Int = 15) -> [String: (positive: [(String, Double)], negative: [(String, Double)])] {
        guard let vocabulary = features.vocabulary else { return [:] }
        let k = labels.count
        var out: [String: (positive: [(String, Double)], negative: [(String, Double)])] = [:]
        for c in 0..<k {
            var weights: [(String, Double)] = []
            weights.reserveCapacity(vocabulary.count)
            for j in 0..<vocabulary.count {
                var mean = 0.0
                for kk in 0..<k { mean += model.weights[j, kk] }
                weights.append((vocabulary.terms[j], model.weights[j, c] - mean / Double(k)))
            }
            let sorted = weights.sorted { $0.1 > $1.1 }
            out[labels[c]] = (Array(sorted.prefix(top)), Array(sorted.suffix(top).reversed()))
        }
        return out
    }
}
