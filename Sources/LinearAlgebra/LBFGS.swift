/// Limited-memory BFGS for smooth unconstrained minimisation.
///
/// The algorithm is Nocedal & Wright's (Numerical Optimization, 2nd ed.): Algorithm 7.4 (the
/// two-loop recursion) for the search direction, and Algorithms 3.5/3.6 for a line search that
/// returns a step satisfying the *strong* Wolfe conditions
///
///     f(x + αd) ≤ f(x) + c₁·α·∇f(x)ᵀd            (sufficient decrease)
///     |∇f(x + αd)ᵀd| ≤ c₂·|∇f(x)ᵀd|               (curvature)
///
/// The curvature condition guarantees sᵀy > 0, which keeps the implicit inverse-Hessian
/// approximation positive definite; a weak-Wolfe or backtracking search would not. All vector
/// arithmetic (dots and axpys over vectors as long as the model) goes through BLAS.
public struct LBFGS: Sendable {
    public struct Parameters: Sendable, Equatable, Codable {
        /// Number of (s, y) pairs kept; 10 as in scikit-learn and most L-BFGS codes.
        public var memory: Int = 10
        /// Iteration cap (one iteration = one accepted step).
        public var maxIterations: Int = 200
        /// Stop when max |∇f| ≤ this (scikit-learn's `tol` plays the same role).
        public var gradientTolerance: Double = 1e-5
        /// Stop when (f_prev − f) / max(|f_prev|, |f|, 1) ≤ this.
        public var relativeTolerance: Double = 1e-10
        /// Sufficient-decrease constant c₁ and curvature constant c₂ (0 < c₁ < c₂ < 1).
        public var c1: Double = 1e-4
        public var c2: Double = 0.9
        /// Function evaluations allowed inside one line search.
        public var maxLineSearchEvaluations: Int = 40

        public init(memory: Int = 10, maxIterations: Int = 200, gradientTolerance: Double = 1e-5,
                    relativeTolerance: Double = 1e-10) {
            self.memory = memory
            self.maxIterations = maxIterations
            self.gradientTolerance = gradientTolerance
            self.relativeTolerance = relativeTolerance
        }
    }

    public enum StopReason: String, Sendable, Codable {
        case gradientTolerance = "gradient norm below tolerance"
        case relativeTolerance = "relative loss change below tolerance"
        case maxIterations = "iteration cap reached"
        case lineSearchFailed = "line search found no further decrease"
    }

    public struct Result: Sendable {
        public var x: [Double]
        public var value: Double
        public var gradientNorm: Double
        public var iterations: Int
        public var evaluations: Int
        public var stopReason: StopReason
    }

    /// Called after every iteration with (iteration, loss, max |gradient|).
    public typealias Progress = (Int, Double, Double) -> Void

    /// The objective: returns f(x) and writes ∇f(x) into `gradient` (already sized like x).
    public typealias Objective = (_ x: [Double], _ gradient: inout [Double]) -> Double

    public var parameters: Parameters

    public init(parameters: Parameters = Parameters()) {
        precondition(parameters.memory > 0 && parameters.maxIterations >= 0, "LBFGS: invalid parameters")
        precondition(0 < parameters.c1 && parameters.c1 < parameters.c2 && parameters.c2 < 1, "LBFGS: need 0 < c1 < c2 < 1")
        self.parameters = parameters
    }

    public func minimize(from x0: [Double], objective: Objective, progress: Progress? = nil) -> Result {
        let n = x0.count
        var x = x0
        var g = [Double](repeating: 0, count: n)
        var f = objective(x, &g)
        var evaluations = 1
        var history = CurvatureHistory(capacity: parameters.memory, dimension: n)
        var iteration = 0

        func finish(_ reason: StopReason) -> Result {
            Result(x: x, value: f, gradientNorm: g.normInfinity, iterations: iteration, evaluations: evaluations, stopReason: reason)
        }

        if g.normInfinity <= parameters.gradientTolerance { return finish(.gradientTolerance) }

        while iteration < parameters.maxIterations {
            var d = history.direction(for: g)
            var slope = d.dot(g)
            if !(slope < 0) {
                // Not a descent direction (numerical trouble): forget the curvature pairs.
                history.reset()
                d = g
                d.scale(by: -1)
                slope = d.dot(g)
            }
            // First step: a unit step along −g can be wildly off scale, so start at 1/‖g‖∞.
            let initialStep = history.isEmpty ? min(1, 1 / max(g.normInfinity, 1e-12)) : 1

            let (found, used) = withoutActuallyEscaping(objective) { objective in
                var search = WolfeLineSearch(parameters: parameters, x: x, f: f, direction: d, slope: slope, objective: objective)
                let found = search.run(initialStep: initialStep)
                return (found, search.evaluations)
            }
            evaluations += used
            guard let accepted = found else { return finish(.lineSearchFailed) }

            // s = x_new − x, y = g_new − g
            var s = accepted.x
            s.addScaled(x, by: -1)
            var y = accepted.gradient
            y.addScaled(g, by: -1)
            history.append(s: s, y: y)

            let previous = f
            x = accepted.x
            f = accepted.value
            g = accepted.gradient
            iteration += 1
            progress?(iteration, f, g.normInfinity)

            if g.normInfinity <= parameters.gradientTolerance { return finish(.gradientTolerance) }
            if (previous - f) / max(abs(previous), abs(f), 1) <= parameters.relativeTolerance {
                return finish(.relativeTolerance)
            }
        }
        return finish(.maxIterations)
    }
}

/// The last m curvature pairs and the two-loop recursion over them.
struct CurvatureHistory {
    let capacity: Int
    let dimension: Int
    private var s: [[Double]] = []
    private var y: [[Double]] = []
    private var rho: [Double] = []

    init(capacity: Int, dimension: Int) {
        self.capacity = capacity
        self.dimension = dimension
    }

    var isEmpty: Bool { s.isEmpty }

    mutating func reset() {
        s.removeAll()
        y.removeAll()
        rho.removeAll()
    }

    mutating func append(s newS: [Double], y newY: [Double]) {
        let sy = newS.dot(newY)
        // The strong Wolfe search makes sᵀy > 0; guard anyway against round-off.
        guard sy > 1e-16 * max(newS.norm2 * newY.norm2, 1e-300) else { return }
        if s.count == capacity {
            s.removeFirst()
            y.removeFirst()
            rho.removeFirst()
        }
        s.append(newS)
        y.append(newY)
        rho.append(1 / sy)
    }

    /// −H·g by the two-loop recursion, with H₀ = (sᵀy / yᵀy)·I from the newest pair.
    func direction(for g: [Double]) -> [Double] {
        var q = g
        var alpha = [Double](repeating: 0, count: s.count)
        for i in stride(from: s.count - 1, through: 0, by: -1) {
            alpha[i] = rho[i] * s[i].dot(q)
            q.addScaled(y[i], by: -alpha[i])
        }
        if let lastS = s.last, let lastY = y.last {
            q.scale(by: lastS.dot(lastY) / lastY.dot(lastY))
        }
        for i in 0..<s.count {
            let beta = rho[i] * y[i].dot(q)
            q.addScaled(s[i], by: alpha[i] - beta)
        }
        q.scale(by: -1)
        return q
    }
}
