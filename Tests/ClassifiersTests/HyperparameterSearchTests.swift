import Classifiers
import TextFeatures
import Testing

@Test func searchIsReproducibleAndStartsFromTheDefaults() throws {
    let texts = (0..<30).map { i in i % 3 == 0 ? "we welcome talks \(i)" : i % 3 == 1 ? "we distrust them \(i)" : "meeting on tuesday \(i)" }
    let labels = (0..<30).map { ["pro", "con", "neutral"][$0 % 3] }
    var search = HyperparameterSearch()
    search.folds = 3
    search.maxTrials = 6
    search.space.kinds = [.logreg, .nb]
    let first = try search.run(documents: texts.map { Document(text: $0) }, labels: labels)
    let second = try search.run(documents: texts.map { Document(text: $0) }, labels: labels)
    #expect(first.map(\.settings) == second.map(\.settings))
    #expect(first.map(\.score) == second.map(\.score))
    #expect(first.count == 6)
    #expect(first[0].features == ClassifierKind.logreg.defaultFeatures && first[1].features == ClassifierKind.nb.defaultFeatures)
    #expect(Set(first.map(\.settings)).count == 6)   // no configuration is tried twice
}

@Test func settingsNameClassWeightsAndInterpolation() {
    var logreg = TrainingParameters(kind: .logreg)
    logreg.logisticRegression.classWeight = .balanced
    let features = ClassifierKind.logreg.defaultFeatures
    #expect(HyperparameterSearch.describe(logreg, features).contains("--class-weight balanced"))
    #expect(!HyperparameterSearch.describe(TrainingParameters(kind: .logreg), features).contains("--class-weight"))
    var nblr = TrainingParameters(kind: .nblr)
    nblr.nbLogisticRegression.interpolation = 0.25
    #expect(HyperparameterSearch.describe(nblr, ClassifierKind.nblr.defaultFeatures).contains("--interpolation 0.25"))
}
