import Classifiers
import Foundation
import LinearAlgebra
import Testing
import TextFeatures

/// Binary word unigrams hashed into 2^8 buckets, no normalisation: each word is one column of value 1.
private func specification(_ labels: [String], norm: FeatureConfiguration.Normalization = .none) -> FeatureSpecification {
    FeatureSpecification(labels: labels, features: FeatureConfiguration(
        ngrams: NGramGenerator(words: NGramRange(1, 1), characters: nil), hashBits: 8,
        weighting: .binary, sublinearTF: false, normalization: norm))
}

private func column(of word: String, _ spec: FeatureSpecification) -> Int {
    Int(spec.extractor.transform([word]).columnIndices[0])
}

private func export(_ model: MLlibModel.Kind, classes: Int, intercepts: [Double], rows: [MLlibModel.Row],
                    modelType: String? = nil) -> MLlibModel {
    let json = """
    {"format": "stance-mllib/1", "sparkVersion": "4.3.0", "model": "\(model.rawValue)",
     "params": {"regParam": 0.001, "smoothing": 1\(modelType.map { #", "modelType": "\#($0)""# } ?? "")},
     "numClasses": \(classes), "numFeatures": 256, "intercepts": \(intercepts),
     "coefficients": [\(rows.map { #"{"fill": \#($0.fill), "indices": \#($0.indices), "values": \#($0.values)}"# }.joined(separator: ","))],
     "trainingData": {"documents": 40, "labelCounts": {"0": 25, "1": 15}}}
    """
    return try! JSONDecoder().decode(MLlibModel.self, from: Data(json.utf8))
}

@Test func libSVMLinesAreOneBasedWithExactValues() {
    var b = SparseMatrixBuilder(columns: 6)
    b.appendSortedRow([Int32(0), 2, 4], [Float(1), 0.5, Float(1.0 / 3)])
    b.appendSortedRow([Int32](), [Float]())
    var bytes: [UInt8] = []
    LibSVMFormat.append(b.build(), labels: [1, 0], to: &bytes)
    // 1/3 as a Float is 0.3333333432674408 as a Double: written in full so a double reader gets the same number.
    #expect(String(decoding: bytes, as: UTF8.self) == "1 1:1 3:0.5 5:0.3333333432674408\n0\n")
}

@Test func specificationsMustBeStateless() throws {
    var spec = specification(["a", "b"])
    try spec.validate()
    spec.features.weighting = .tfidf
    #expect(throws: InterchangeError.self) { try spec.validate() }
    #expect((try? spec.validate()) == nil)
    do { try spec.validate() } catch { #expect(error.description.contains("tfidf weighting needs document frequencies")) }
    spec = specification(["a", "b"]); spec.features.hashBits = nil
    do { try spec.validate(); Issue.record("a vocabulary was accepted") } catch { #expect(error.description.contains("must be hashed")) }
    do { try specification(["a"]).validate(); Issue.record("one label was accepted") } catch { #expect(error.description.contains("at least two labels")) }
    do { try specification(["a", "b", "a"]).validate(); Issue.record("a repeated label was accepted") } catch { #expect(error.description.contains("'a' is listed twice")) }
}

@Test func specificationRoundTripsThroughItsFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("stance-spec-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let path = folder.appendingPathComponent("features.json").path
    let spec = specification(["against", "favor", "none"], norm: .l2)
    try spec.write(to: path)
    #expect(try FeatureSpecification.read(from: path) == spec)
    try Data("{\"format\": \"stance-features/1\"}".utf8).write(to: URL(fileURLWithPath: path))
    do { _ = try FeatureSpecification.read(from: path); Issue.record("an incomplete file was read") } catch {
        #expect(error.description.hasPrefix(path + ": the field 'labels' is missing"))
    }
}

@Test func binomialLogisticRegressionScoresAsMLlib() throws {
    let spec = specification(["negative", "positive"])
    let good = column(of: "good", spec), bad = column(of: "bad", spec)
    let model = export(.logisticRegression, classes: 2, intercepts: [-0.5],
                       rows: [MLlibModel.Row(fill: 0, indices: [good, bad], values: [2.0, -1.25])])
    let classifier = try model.classifier(spec)
    // MLlib: P(positive) = 1 / (1 + exp(−(w·x + b))).
    let p = classifier.predict(["good", "bad", "good bad"]).map { $0.probabilities[1] }
    for (got, margin) in zip(p, [2.0 - 0.5, -1.25 - 0.5, 2.0 - 1.25 - 0.5]) {
        #expect(abs(got - 1 / (1 + exp(-margin))) < 1e-15)
    }
    #expect(classifier.metadata.training.logisticRegression.c == 1 / (0.001 * 40))
    #expect(classifier.metadata.trainingData.labelCounts == ["negative": 25, "positive": 15])
    #expect(classifier.metadata.createdBy.contains("import-mllib (Spark 4.3.0 LogisticRegressionModel"))
}

@Test func multinomialNaiveBayesKeepsItsFillValues() throws {
    let spec = specification(["a", "b", "c"])
    let peace = column(of: "peace", spec)
    // θ rows: every unseen feature has log-probability −6, "peace" has its own value per class.
    let rows = [(-6.0, -1.0), (-6.0, -2.0), (-6.5, -4.0)].map { MLlibModel.Row(fill: $0.0, indices: [peace], values: [$0.1]) }
    let priors = [log(0.5), log(0.3), log(0.2)]
    let classifier = try export(.naiveBayes, classes: 3, intercepts: priors, rows: rows, modelType: "multinomial").classifier(spec)
    let other = column(of: "war", spec)
    #expect(other != peace)
    // x = peace + war: score_c = θ_c[peace] + θ_c[war] + π_c, probabilities their softmax.
    let scores = zip(rows, priors).map { row, prior in row.values[0] + row.fill + prior }
    let z = scores.map { exp($0) }.reduce(0, +)
    let got = classifier.predict("peace war").probabilities
    for (g, s) in zip(got, scores) { #expect(abs(g - exp(s) / z) < 1e-15) }
}

@Test func importRefusesExportsThatDoNotFitTheSpecification() throws {
    let spec = specification(["a", "b"])
    let row = MLlibModel.Row(fill: 0, indices: [1], values: [1])
    var wrongSize = export(.logisticRegression, classes: 2, intercepts: [0], rows: [row]); wrongSize.numFeatures = 1024
    var outside = export(.logisticRegression, classes: 2, intercepts: [0], rows: [row]); outside.coefficients[0].indices = [256]
    let cases: [(MLlibModel, String)] = [
        (wrongSize, "has 1024 features but the specification hashes into 2^8 = 256"),
        (export(.logisticRegression, classes: 3, intercepts: [0, 0, 0], rows: [row, row, row]), "3 classes but the specification lists 2 labels"),
        (export(.naiveBayes, classes: 2, intercepts: [0, 0], rows: [row, row], modelType: "bernoulli"), "naive Bayes of type 'bernoulli'"),
        (export(.logisticRegression, classes: 2, intercepts: [0, 0], rows: [row]), "needs 1 coefficient row(s) and intercept(s), got 1 and 2"),
        (outside, "has index 256, outside 0..<256"),
    ]
    for (model, message) in cases {
        do { _ = try model.classifier(spec); Issue.record("accepted: \(message)") } catch { #expect(error.description.contains(message), "\(error)") }
    }
}
