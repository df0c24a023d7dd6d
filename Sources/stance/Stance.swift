import ArgumentParser
import LinearAlgebra
import Classifiers

/// The `stance` command: a thin shell over the library. Each subcommand parses its options,
/// calls the library, and prints; no modelling logic lives here.
@main
struct Stance: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stance",
        abstract: "Train, evaluate and apply bag-of-n-grams text classifiers (stance, sentiment, any labels).",
        discussion: """
        Examples:
          stance train --data train.jsonl --output model.stance
          stance evaluate --model model.stance --data test.jsonl
          stance predict --model model.stance statements.txt --format jsonl
          stance cv --folds 10 --data corpus.tsv --classifier nb
        """,
        version: "0.1.0",
        subcommands: [Train.self, Evaluate.self, Predict.self, CrossValidate.self, Tune.self, Explain.self, Inspect.self,
                      Featurize.self, ImportMLlib.self]
    )

    /// Installs the interrupt handler (no half-written files on Ctrl-C) and quiets OpenBLAS's
    /// idle threads (see ``BLAS/singleThreaded``), then runs the command.
    static func main() {
        InterruptCleanup.install()
        _ = BLAS.singleThreaded
        main(nil)
    }
}
