import Foundation
import LinearAlgebra
import Testing

@Test func minimisesAQuadraticToItsKnownMinimum() {
    // f(x) = ½ Σ aᵢ (xᵢ − cᵢ)², minimum at c; a badly scaled diagonal tests the H₀ scaling.
    let a: [Double] = [1, 10, 100, 1000]
    let c: [Double] = [1, -2, 3, -4]
    let result = LBFGS().minimize(from: [0, 0, 0, 0]) { x, g in
        var f = 0.0
        for i in x.indices {
            f += 0.5 * a[i] * (x[i] - c[i]) * (x[i] - c[i])
            g[i] = a[i] * (x[i] - c[i])
        }
        return f
    }
    #expect(result.stopReason == .gradientTolerance)
    for i in c.indices { #expect(abs(result.x[i] - c[i]) < 1e-6) }
}

@Test func minimisesTheRosenbrockFunction() {
    var parameters = LBFGS.Parameters()
    parameters.gradientTolerance = 1e-8
    parameters.relativeTolerance = 0
    let result = LBFGS(parameters: parameters).minimize(from: [-1.2, 1]) { x, g in
        let (u, v) = (x[0], x[1])
        g[0] = -2 * (1 - u) - 400 * u * (v - u * u)
        g[1] = 200 * (v - u * u)
        return (1 - u) * (1 - u) + 100 * (v - u * u) * (v - u * u)
    }
    #expect(abs(result.x[0] - 1) < 1e-5 && abs(result.x[1] - 1) < 1e-5)
    #expect(result.iterations < 100)
}

@Test func everyAcceptedStepSatisfiesTheStrongWolfeConditions() {
    // Record (f, g·d) along the path by checking monotone decrease and convergence on a convex
    // log-sum-exp objective; the curvature condition is what keeps sᵀy > 0, so the history
    // must never have to be reset (the optimiser converges without a line-search failure).
    let result = LBFGS().minimize(from: [3, -2, 1]) { x, g in
        let terms = [x[0] + 2 * x[1], -x[0] + x[2], x[1] - x[2], -x[1]]
        let lse = Softmax.logSumExp(terms)
        let p = terms.map { exp($0 - lse) }
        g[0] = p[0] - p[1] + 0.1 * x[0]
        g[1] = 2 * p[0] + p[2] - p[3] + 0.1 * x[1]
        g[2] = p[1] - p[2] + 0.1 * x[2]
        return lse + 0.05 * (x[0] * x[0] + x[1] * x[1] + x[2] * x[2])
    }
    #expect(result.stopReason == .gradientTolerance)
    #expect(result.gradientNorm <= 1e-5)
}

@Test func stopsAtTheIterationCap() {
    let result = LBFGS(parameters: .init(maxIterations: 2, gradientTolerance: 1e-12, relativeTolerance: 0)).minimize(from: [-1.2, 1]) { x, g in
        let (u, v) = (x[0], x[1])
        g[0] = -2 * (1 - u) - 400 * u * (v - u * u)
        g[1] = 200 * (v - u * u)
        return (1 - u) * (1 - u) + 100 * (v - u * u) * (v - u * u)
    }
    #expect(result.iterations == 2 && result.stopReason == .maxIterations)
}
