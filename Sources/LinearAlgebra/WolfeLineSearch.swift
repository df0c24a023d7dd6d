/// A line search that returns a step satisfying the strong Wolfe conditions
/// (Nocedal & Wright, Algorithms 3.5 "line search" and 3.6 "zoom").
///
/// The bracketing phase doubles the step until it either violates sufficient decrease, stops
/// decreasing, or meets an upward slope; `zoom` then narrows the bracket with a safeguarded
/// cubic interpolation (falling back to bisection when the cubic lands near an end). Every trial
/// evaluates f and ∇f once, and the accepted trial's gradient is returned so the caller never
/// evaluates the same point twice.
struct WolfeLineSearch {
    struct Point {
        var step: Double
        var x: [Double]
        var value: Double
        var gradient: [Double]
        var slope: Double
    }

    let parameters: LBFGS.Parameters
    let x0: [Double]
    let f0: Double
    let direction: [Double]
    let slope0: Double
    let objective: LBFGS.Objective
    private(set) var evaluations = 0

    init(parameters: LBFGS.Parameters, x: [Double], f: Double, direction: [Double], slope: Double, objective: @escaping LBFGS.Objective) {
        self.parameters = parameters
        self.x0 = x
        self.f0 = f
        self.direction = direction
        self.slope0 = slope
        self.objective = objective
    }

    private mutating func evaluate(_ step: Double) -> Point {
        var x = x0
        x.addScaled(direction, by: step)
        var g = [Double](repeating: 0, count: x.count)
        let f = objective(x, &g)
        evaluations += 1
        return Point(step: step, x: x, value: f, gradient: g, slope: g.dot(direction))
    }

    private func sufficientDecrease(_ p: Point) -> Bool {
        p.value.isFinite && p.value <= f0 + parameters.c1 * p.step * slope0
    }

    private func curvature(_ p: Point) -> Bool { abs(p.slope) <= -parameters.c2 * slope0 }

    /// Returns the accepted point, or the best decreasing point seen if the budget runs out, or
    /// nil when no trial decreased f at all.
    mutating func run(initialStep: Double) -> Point? {
        var previous = Point(step: 0, x: x0, value: f0, gradient: [], slope: slope0)
        var step = initialStep
        var best: Point? = nil
        while evaluations < parameters.maxLineSearchEvaluations {
            let trial = evaluate(step)
            if trial.value < (best?.value ?? f0) { best = trial }
            if !sufficientDecrease(trial) || (previous.step > 0 && trial.value >= previous.value) {
                return zoom(low: previous, high: trial) ?? best
            }
            if curvature(trial) { return trial }
            if trial.slope >= 0 { return zoom(low: trial, high: previous) ?? best }
            previous = trial
            step *= 2
        }
        return best
    }

    private mutating func zoom(low: Point, high: Point) -> Point? {
        var lo = low, hi = high
        var best: Point? = lo.step > 0 ? lo : nil
        while evaluations < parameters.maxLineSearchEvaluations {
            let step = Self.interpolate(lo, hi)
            if abs(hi.step - lo.step) < 1e-16 * max(1, abs(lo.step)) { break }
            let trial = evaluate(step)
            if trial.value < (best?.value ?? f0) && sufficientDecrease(trial) { best = trial }
            if !sufficientDecrease(trial) || trial.value >= lo.value {
                hi = trial
            } else {
                if curvature(trial) { return trial }
                if trial.slope * (hi.step - lo.step) >= 0 { hi = lo }
                lo = trial
            }
        }
        return best
    }

    /// The minimiser of the cubic through (a, φa, φ'a) and (b, φb, φ'b), kept at least 10% of the
    /// interval away from either end; bisection when the cubic has no usable minimiser.
    static func interpolate(_ a: Point, _ b: Point) -> Double {
        let lower = min(a.step, b.step), upper = max(a.step, b.step)
        let margin = 0.1 * (upper - lower)
        let midpoint = (a.step + b.step) / 2
        guard a.value.isFinite, b.value.isFinite else { return midpoint }
        let d1 = a.slope + b.slope - 3 * (a.value - b.value) / (a.step - b.step)
        let radicand = d1 * d1 - a.slope * b.slope
        guard radicand >= 0 else { return midpoint }
        let d2 = (b.step > a.step ? 1.0 : -1.0) * radicand.squareRoot()
        let denominator = b.slope - a.slope + 2 * d2
        guard denominator != 0 else { return midpoint }
        let candidate = b.step - (b.step - a.step) * (b.slope + d2 - d1) / denominator
        guard candidate.isFinite, candidate >= lower + margin, candidate <= upper - margin else { return midpoint }
        return candidate
    }
}
