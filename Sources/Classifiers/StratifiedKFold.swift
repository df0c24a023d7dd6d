/// Stratified K-fold assignment: each fold gets about the same share of every class.
///
/// Each class's examples are shuffled with a seeded generator and dealt round-robin to the
/// folds, continuing the deal from class to class so fold sizes differ by at most one.
public struct StratifiedKFold: Sendable, Equatable {
    public let folds: Int
    public let seed: UInt64

    public init(folds: Int, seed: UInt64 = 42) {
        self.folds = folds
        self.seed = seed
    }

    /// The fold (0..<folds) of every example.
    public func assign(labels: [Int], classCount: Int) throws(TrainingError) -> [Int] {
        guard folds >= 2 else { throw .invalidParameter("folds must be at least 2, got \(folds)") }
        guard folds <= labels.count else {
            throw .invalidParameter("\(folds) folds need at least \(folds) examples; the data has \(labels.count)")
        }
        var members = [[Int]](repeating: [], count: classCount)
        for (i, y) in labels.enumerated() { members[y].append(i) }
        var generator = SeededGenerator(seed: seed)
        var assignment = [Int](repeating: 0, count: labels.count)
        var next = 0
        for var indices in members {
            generator.shuffle(&indices)
            for i in indices {
                assignment[i] = next
                next = (next + 1) % folds
            }
        }
        return assignment
    }
}
