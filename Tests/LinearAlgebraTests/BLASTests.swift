import LinearAlgebra
import Testing

@Test func dotAxpyScalNrm2MatchHandComputation() {
    let x: [Double] = [1, 2, 3]
    var y: [Double] = [4, -5, 6]
    #expect(x.dot(y) == 12)
    y.addScaled(x, by: 2)
    #expect(y == [6, -1, 12])
    y.scale(by: 0.5)
    #expect(y == [3, -0.5, 6])
    #expect([3.0, 4.0].norm2 == 5)
    #expect([1.0, -7, 2].normInfinity == 7)
    #expect([Double]().dot([]) == 0)
}

@Test func gemvAndGemmOnRowMajorMatrices() {
    let a = DenseMatrix(rows: 2, columns: 3, values: [1, 2, 3, 4, 5, 6])
    #expect(a.multiply([1, 0, -1]) == [-2, -2])
    #expect(a.multiply([1, 1], transposed: true) == [5, 7, 9])
    let b = DenseMatrix(rows: 3, columns: 2, values: [7, 8, 9, 10, 11, 12])
    #expect(a.multiply(b).values == [58, 64, 139, 154])
    #expect(a.multiply(a, transposeOther: true).values == [14, 32, 32, 77])
    #expect(a.multiply(a, transposeSelf: true).values == [17, 22, 27, 22, 29, 36, 27, 36, 45])
    #expect(a.transposed.values == [1, 4, 2, 5, 3, 6])
}
