import LinearAlgebra
import Testing

/// f(x) = ½ Σ aᵢ(xᵢ − cᵢ)² + λ Σ|xᵢ| has the closed-form minimum xᵢ = soft(cᵢ, λ/aᵢ):
/// sign(cᵢ)·max(|cᵢ| − λ/aᵢ, 0). Coordinates with |cᵢ| ≤ λ/aᵢ must be exactly zero.
@Test func owlqnFindsTheSoftThresholdedMinimumWithExactZeros() {
    let a: [Double] = [1, 2, 4, 1, 3]
    let c: [Double] = [3, -0.2, 0.1, -2, 0.5]
    let lambda = 1.0
    let result = OWLQN(l1: lambda, penalised: 5).minimize(from: [0, 0, 0, 0, 0]) { x, g in
        var f = 0.0
        for i in x.indices {
            f += 0.5 * a[i] * (x[i] - c[i]) * (x[i] - c[i])
            g[i] = a[i] * (x[i] - c[i])
        }
        return f
    }
    let expected = c.indices.map { i in (c[i] > 0 ? 1.0 : -1.0) * max(abs(c[i]) - lambda / a[i], 0) }
    for i in c.indices { #expect(abs(result.x[i] - expected[i]) < 1e-6, "x[\(i)] = \(result.x[i]), expected \(expected[i])") }
    #expect(result.x[1] == 0 && result.x[2] == 0 && result.x[4] > 0)
}

@Test func owlqnLeavesUnpenalisedEntriesAlone() {
    // Only the first entry is penalised; the second (an "intercept") reaches its minimum c = 0.3.
    let result = OWLQN(l1: 10, penalised: 1).minimize(from: [1, 1]) { x, g in
        g[0] = x[0] - 2
        g[1] = x[1] - 0.3
        return 0.5 * ((x[0] - 2) * (x[0] - 2) + (x[1] - 0.3) * (x[1] - 0.3))
    }
    #expect(result.x[0] == 0)
    #expect(abs(result.x[1] - 0.3) < 1e-6)
}
