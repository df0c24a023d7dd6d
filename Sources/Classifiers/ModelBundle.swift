import TextFeatures

/// What a model file holds: one classifier, or one per group with routing.
///
/// Per-group training (`--group-field target`) fits a separate classifier for each value of a
/// field — SemEval-2016 trains one model per target, because "against" means something different
/// for atheism and for climate — and keeps them in one file. Each input is then routed to the
/// classifier of its group. Labels are the union over groups, so one report covers all of them.
public struct ModelBundle: Sendable, Equatable {
    /// The field that names a record's group; nil for a single classifier.
    public let groupField: String?
    /// Group names, in the order of ``members`` (sorted); `[""]` for a single classifier.
    public let groups: [String]
    public let members: [TextClassifier]
    /// Every label of every member, sorted.
    public let labels: [String]

    public init(single classifier: TextClassifier) {
        groupField = nil
        groups = [""]
        members = [classifier]
        labels = classifier.labels
    }

    public init(groupField: String, groups: [String], members: [TextClassifier]) {
        precondition(groups.count == members.count && !groups.isEmpty, "ModelBundle: \(groups.count) groups, \(members.count) members")
        self.groupField = groupField
        self.groups = groups
        self.members = members
        self.labels = Array(Set(members.flatMap(\.labels))).sorted()
    }

    /// The classifier itself when there are no groups.
    public var single: TextClassifier? { groupField == nil ? members[0] : nil }

    /// Predictions with label indices and probabilities over ``labels``. `groups` gives each
    /// document's group (ignored without a group field).
    public func predict(_ documents: [Document], groups documentGroups: [String?]) throws(RoutingError) -> [Prediction] {
        guard let groupField else { return members[0].predict(documents) }
        precondition(documents.count == documentGroups.count, "ModelBundle.predict: one group per document")
        var buckets: [Int: [Int]] = [:]
        for (i, group) in documentGroups.enumerated() {
            guard let group, let member = groups.firstIndex(of: group) else {
                throw .unknownGroup(field: groupField, value: documentGroups[i], known: groups, index: i)
            }
            buckets[member, default: []].append(i)
        }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        var out = [Prediction?](repeating: nil, count: documents.count)
        for (member, rows) in buckets {
            let classifier = members[member]
            for (row, p) in zip(rows, classifier.predict(rows.map { documents[$0] })) {
                var probabilities = [Double](repeating: 0, count: labels.count)
                for (c, label) in classifier.labels.enumerated() { probabilities[index[label]!] = p.probabilities[c] }
                out[row] = Prediction(labelIndex: index[p.label]!, label: p.label, probabilities: probabilities)
            }
        }
        return out.map { $0! }
    }

    public func predict(_ documents: [Document]) throws(RoutingError) -> [Prediction] {
        try predict(documents, groups: [String?](repeating: nil, count: documents.count))
    }
}

public enum RoutingError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownGroup(field: String, value: String?, known: [String], index: Int)

    public var description: String {
        switch self {
        case .unknownGroup(let field, let value, let known, let index):
            let what = value.map { "\"\($0)\" is not one of the model's groups" } ?? "has no \(field) field"
            return "record \(index + 1): the group field \(field) \(what); the model has sub-models for: \(known.joined(separator: ", "))"
        }
    }
}

extension TextClassifierTrainer {
    /// One classifier per distinct value of `groups`, in one bundle.
    public func trainGrouped(documents: [Document], labels: [String], groups: [String], groupField: String,
                             progress: ((String) -> Void)? = nil) throws(TrainingError) -> ModelBundle {
        precondition(documents.count == labels.count && labels.count == groups.count, "trainGrouped: lengths differ")
        let names = Array(Set(groups)).sorted()
        var members: [TextClassifier] = []
        for name in names {
            progress?(name)
            let rows = groups.indices.filter { groups[$0] == name }
            do {
                members.append(try train(documents: rows.map { documents[$0] }, labels: rows.map { labels[$0] }))
            } catch .singleClass(let label) {
                throw .invalidParameter("group \"\(name)\" (\(groupField)) has only the label \"\(label)\"; every group needs examples of at least two labels")
            }
        }
        return ModelBundle(groupField: groupField, groups: names, members: members)
    }
}
