/// Orthant-wise limited-memory quasi-Newton (OWL-QN; Andrew & Gao 2007) for
///
///     minimise  f(x) + λ · Σ_{i < penalised} |xᵢ|
///
/// with f smooth — L1 and elastic-net regularised models, whose solutions have exact zeros.
///
/// |x| has no gradient at 0, so L-BFGS cannot be used as is. OWL-QN keeps L-BFGS's curvature
/// pairs (built from f's gradient only) but steers with the *pseudo-gradient* (the steepest
/// one-sided slope of the whole objective), restricts each step to the orthant the pseudo-
/// gradient points into, and projects every trial point back onto that orthant: a coordinate
/// that would cross zero stops at zero. That projection is what sets weights exactly to zero.
/// Its line search is a projected backtracking (Armijo) search, as in the paper, since the
/// Wolfe curvature condition is not defined across orthants. Entries at index ≥ `penalised`
/// (intercepts) are not penalised.
public struct OWLQN: Sendable {
    public var parameters: LBFGS.Parameters
    public var l1: Double
    public var penalised: Int

    public init(l1: Double, penalised: Int, parameters: LBFGS.Parameters = .init()) {
        precondition(l1 >= 0, "OWLQN: λ must be non-negative")
        self.l1 = l1
        self.penalised = penalised
        self.parameters = parameters
    }

    func regulariser(_ x: [Double]) -> Double {
        var s = 0.0
        for i in 0..<penalised { s += Swift.abs(x[i]) }
        return l1 * s
    }

    /// The pseudo-gradient ◇F(x): f's gradient plus the sub-gradient of λ|x| that points downhill.
    func pseudoGradient(_ x: [Double], _ g: [Double]) -> [Double] {
        var pg = g
        for i in 0..<penalised {
            if x[i] > 0 { pg[i] = g[i] + l1 }
            else if x[i] < 0 { pg[i] = g[i] - l1 }
            else if g[i] + l1 < 0 { pg[i] = g[i] + l1 }
            else if g[i] - l1 > 0 { pg[i] = g[i] - l1 }
            else { pg[i] = 0 }
        }
        return pg
    }

    public func minimize(from x0: [Double], objective: LBFGS.Objective, progress: LBFGS.Progress? = nil) -> LBFGS.Result {
        let n = x0.count
        var x = x0
        var g = [Double](repeating: 0, count: n)
        var f = objective(x, &g)
        var total = f + regulariser(x)
        var evaluations = 1
        var history = CurvatureHistory(capacity: parameters.memory, dimension: n)
        var iteration = 0
        var pg = pseudoGradient(x, g)

        func finish(_ reason: LBFGS.StopReason) -> LBFGS.Result {
            LBFGS.Result(x: x, value: total, gradientNorm: pg.normInfinity, iterations: iteration, evaluations: evaluations, stopReason: reason)
        }
        if pg.normInfinity <= parameters.gradientTolerance { return finish(.gradientTolerance) }

        while iteration < parameters.maxIterations {
            var d = history.direction(for: pg)
            // Keep only the components that agree with steepest descent on the pseudo-gradient.
            for i in 0..<n where d[i] * pg[i] >= 0 { d[i] = 0 }
            if d.normInfinity == 0 {
                history.reset()
                d = pg
                d.scale(by: -1)
            }
            let orthant = (0..<n).map { i -> Double in x[i] != 0 ? (x[i] > 0 ? 1 : -1) : (pg[i] < 0 ? 1 : pg[i] > 0 ? -1 : 0) }
            var step = history.isEmpty ? min(1, 1 / Swift.max(pg.normInfinity, 1e-12)) : 1
            var accepted: (x: [Double], f: Double, total: Double, g: [Double])? = nil
            for _ in 0..<parameters.maxLineSearchEvaluations {
                var trial = x
                trial.addScaled(d, by: step)
                for i in 0..<penalised where trial[i] * orthant[i] <= 0 { trial[i] = 0 }
                var trialGradient = [Double](repeating: 0, count: n)
                let trialF = objective(trial, &trialGradient)
                evaluations += 1
                let trialTotal = trialF + regulariser(trial)
                var decrease = 0.0
                for i in 0..<n { decrease += pg[i] * (trial[i] - x[i]) }
                if trialTotal.isFinite && trialTotal <= total + parameters.c1 * decrease {
                    accepted = (trial, trialF, trialTotal, trialGradient)
                    break
                }
                step *= 0.5
            }
            guard let next = accepted else { return finish(.lineSearchFailed) }
            var s = next.x
            s.addScaled(x, by: -1)
            var y = next.g
            y.addScaled(g, by: -1)
            history.append(s: s, y: y)
            let previous = total
            (x, f, total, g) = (next.x, next.f, next.total, next.g)
            pg = pseudoGradient(x, g)
            iteration += 1
            progress?(iteration, total, pg.normInfinity)
            if pg.normInfinity <= parameters.gradientTolerance { return finish(.gradientTolerance) }
            if (previous - total) / Swift.max(Swift.abs(previous), Swift.abs(total), 1) <= parameters.relativeTolerance {
                return finish(.relativeTolerance)
            }
        }
        return finish(.maxIterations)
    }
}
