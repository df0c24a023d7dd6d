import Foundation
import CPrefetch
import LinearAlgebra

/// Multinomial logistic regression learned one example at a time: stochastic gradient steps
/// with AdaGrad's per-coordinate step sizes (Duchi, Hazan & Singer 2011).
///
/// Why it is here: L-BFGS needs the whole matrix in memory and dozens to hundreds of full
/// passes; a few passes of AdaGrad reach nearly the same accuracy on large sparse corpora
/// (Vowpal Wabbit's and fastText's experience), and each pass reads every example once, so it
/// can stream from a file (``StreamingTrainer``). AdaGrad divides each coordinate's step by the
/// root of its accumulated squared gradients, so rare n-grams keep large steps while frequent
/// ones settle — what sparse text needs, with one learning rate that rarely needs tuning.
///
/// The penalty is L2 with strength 1/(C·n) per example, as in the batch objective
/// (C·Σ loss + ½‖W‖²) spread over its n examples; it is applied to the weights an example
/// touches (the usual lazy form for sparse data). Weights and accumulators are `Float`: half
/// the memory traffic of `Double`, ample precision for a stochastic method.
public struct AdaGradSoftmax: Sendable {
    public let featureCount: Int
    public let classCount: Int
    public let learningRate: Float
    public let l2: Float
    /// Per feature, its k weights then its k accumulated squared gradients, side by side: an
    /// update touches both, and one cache line instead of two halves the memory stalls that
    /// dominate sparse SGD on millions of hashed buckets.
    private var state: [Float]
    private var bias: [Float]
    private var biasSquares: [Float]
    private var scores: [Float]
    /// Σ sample weight × log-loss over the examples seen since the last ``takeAverageLoss()``,
    /// measured before each update (progressive validation, as VW reports).
    private var lossSum = 0.0
    private var weightSum = 0.0

    public init(featureCount: Int, classCount: Int, learningRate: Double, l2: Double) {
        self.featureCount = featureCount
        self.classCount = classCount
        self.learningRate = Float(learningRate)
        self.l2 = Float(l2)
        state = HugePages.array(repeating: Float(0), count: featureCount * classCount * 2)
        bias = [Float](repeating: 0, count: classCount)
        biasSquares = [Float](repeating: 0, count: classCount)
        scores = [Float](repeating: 0, count: classCount)
    }

    /// One step on the example with features (`columns`, `values`) and class `label`.
    /// `upcoming`, the next example's columns, is only read to prefetch its weights.
    public mutating func update(columns: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Float>,
                                label: Int, sampleWeight: Float = 1, upcoming: UnsafeBufferPointer<Int32>? = nil) {
        let k = classCount, stride = 2 * classCount
        let rate = learningRate, l2 = self.l2
        var loss = 0.0
        state.withUnsafeMutableBufferPointer { w in
            scores.withUnsafeMutableBufferPointer { s in
                for c in 0..<k { s[c] = bias[c] }
                for p in 0..<columns.count {
                    let base = Int(columns[p]) * stride, x = values[p]
                    for c in 0..<k { s[c] += x * w[base + c] }
                }
                // Softmax in place, then s[c] becomes the loss gradient w.r.t. score c.
                var top = s[0]
                for c in 1..<k where s[c] > top { top = s[c] }
                var total: Float = 0
                for c in 0..<k { s[c] = exp(s[c] - top); total += s[c] }
                loss = -log(Swift.max(Double(s[label] / total), 1e-15))
                for c in 0..<k { s[c] = sampleWeight * (s[c] / total - (c == label ? 1 : 0)) }
                // The next example's weights are asked for one per entry updated here, spread
                // over this loop rather than all at once (a burst of a hundred prefetches
                // overflows the core's miss buffers and stalls).
                let next = upcoming ?? UnsafeBufferPointer(start: nil, count: 0)
                for p in 0..<columns.count {
                    if p < next.count { stance_prefetch_write(w.baseAddress! + Int(next[p]) * stride) }
                    let base = Int(columns[p]) * stride, x = values[p]
                    for c in 0..<k {
                        let gradient = s[c] * x + l2 * w[base + c]
                        guard gradient != 0 else { continue }
                        let squares = w[base + k + c] + gradient * gradient
                        w[base + k + c] = squares
                        w[base + c] -= rate * gradient / squares.squareRoot()
                    }
                }
                for p in columns.count..<Swift.max(next.count, columns.count) { stance_prefetch_write(w.baseAddress! + Int(next[p]) * stride) }
            }
        }
        lossSum += Double(sampleWeight) * loss
        weightSum += Double(sampleWeight)
        for c in 0..<k where scores[c] != 0 {
            biasSquares[c] += scores[c] * scores[c]
            bias[c] -= rate * scores[c] / biasSquares[c].squareRoot()
        }
    }

    /// The mean log-loss of the examples seen since the last call (before their updates).
    public mutating func takeAverageLoss() -> Double {
        defer { lossSum = 0; weightSum = 0 }
        return weightSum > 0 ? lossSum / weightSum : 0
    }

    /// One step per row of `x`, in `order`, prefetching each next row's weights.
    public mutating func pass(over x: SparseMatrix, order: [Int], label: (Int) -> Int, sampleWeight: (Int) -> Float = { _ in 1 }) {
        x.columnIndices.withUnsafeBufferPointer { columns in
            x.values.withUnsafeBufferPointer { values in
                for (t, i) in order.enumerated() {
                    let range = x.rowStart[i]..<x.rowStart[i + 1]
                    let next = t + 1 < order.count ? x.rowStart[order[t + 1]]..<x.rowStart[order[t + 1] + 1] : 0..<0
                    update(columns: UnsafeBufferPointer(rebasing: columns[range]), values: UnsafeBufferPointer(rebasing: values[range]),
                           label: label(i), sampleWeight: sampleWeight(i), upcoming: UnsafeBufferPointer(rebasing: columns[next]))
                }
            }
        }
    }

    /// Runs `epochs` passes over rows held in memory, visiting them in a new seeded random order
    /// each pass (so data sorted by label does no harm), and reports each pass's mean loss.
    public mutating func fit(_ x: SparseMatrix, labels: [Int], sampleWeights: [Double]?, epochs: Int, seed: UInt64,
                             progress: ((Int, Double) -> Void)? = nil) {
        var generator = SeededGenerator(seed: seed)
        var order = Array(0..<x.rows)
        for epoch in 1...max(epochs, 1) {
            generator.shuffle(&order)
            pass(over: x, order: order, label: { labels[$0] }, sampleWeight: { i in sampleWeights.map { Float($0[i]) } ?? 1 })
            progress?(epoch, takeAverageLoss())
        }
    }

    /// The learned weights as a ``LinearModel`` (d×k, `Double`).
    public var model: LinearModel {
        var weights = [Double](repeating: 0, count: featureCount * classCount)
        for j in 0..<featureCount {
            for c in 0..<classCount { weights[j * classCount + c] = Double(state[j * 2 * classCount + c]) }
        }
        return LinearModel(weights: DenseMatrix(rows: featureCount, columns: classCount, values: weights),
                    intercepts: bias.map(Double.init))
    }
}
