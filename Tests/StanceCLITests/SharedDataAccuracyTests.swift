import Foundation
import Testing

/// The foundation's accuracy floor on MR (Pang & Lee 2005) with default features: 10-fold CV
/// accuracy ≥ 77.0% for logistic regression and ≥ 78.0% for naive Bayes. Needs ../shared/datasets
/// (or STANCE_DATA); skipped with a message when it is absent.
@Test(.enabled(if: CLI.sharedData != nil, "../shared/datasets not found (set STANCE_DATA); skipping the MR accuracy checks"),
      .enabled(if: ProcessInfo.processInfo.environment["STANCE_QUICK"] == nil, "STANCE_QUICK is set (sanitizer runs); the MR accuracy checks run in `make test`"),
      arguments: [("logreg", 0.770), ("nb", 0.780)])
func movieReviewCrossValidationReachesTheFloor(classifier: String, floor: Double) throws {
    let mr = CLI.sharedData!.appendingPathComponent("sentences/mr.tsv").path
    let start = Date()
    let result = try CLI.run(["cv", "--folds", "10", "--data", mr, "--classifier", classifier, "--format", "json"])
    #expect(result.status == 0, "\(result.stderr)")
    let report = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
    let accuracy = report["meanAccuracy"] as! Double
    let std = report["stdAccuracy"] as! Double
    print(String(format: "MR 10-fold CV, %@: accuracy %.2f%% ± %.2f (floor %.1f%%), %.1f s", classifier, 100 * accuracy, 100 * std, 100 * floor, Date().timeIntervalSince(start)))
    #expect(accuracy >= floor)
}
