import Foundation
import LinearAlgebra
import Testing

@Test func logSumExpIsStableForLargeAndTinyInputs() {
    #expect(abs(Softmax.logSumExp([1000, 1000]) - (1000 + log(2))) < 1e-12)
    #expect(abs(Softmax.logSumExp([-1000, -1000]) - (-1000 + log(2))) < 1e-12)
    #expect(Softmax.logSumExp([]) == -.infinity)
    #expect(Softmax.logSumExp([-.infinity, -.infinity]) == -.infinity)
}

@Test func softmaxSumsToOneAndNeverReturnsNaN() {
    let p = Softmax.softmax([1, 2, 3])
    #expect(abs(p.reduce(0, +) - 1) < 1e-15)
    #expect(abs(p[2] - exp(3) / (exp(1) + exp(2) + exp(3))) < 1e-15)
    #expect(Softmax.softmax([800, 0]) == [1, 0])
    #expect(Softmax.softmax([-.infinity, -.infinity]) == [0.5, 0.5])
}
