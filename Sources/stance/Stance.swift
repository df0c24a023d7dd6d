import ArgumentParser
import Classifiers
import CAllocator

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

    /// Installs the interrupt handler (no half-written files on Ctrl-C), then runs the command.
    static func main() {
        InterruptCleanup.install()
        returnFreedMemory()
        main(nil)
    }

    /// Featurising a corpus builds its matrix in pieces of a megabyte or so, on worker threads,
    /// then stacks them and frees them. glibc keeps freed pieces of that size in its heaps (its
    /// mmap threshold rises to 32 MB after the first large frees), so the peak held the pieces
    /// and the stacked matrix at once: 1.4 GB on 300,000 news documents where 1 GB is needed.
    /// Blocks from 256 KB up get their own mapping, returned to the system when freed.
    private static func returnFreedMemory() {
        stance_map_blocks_from(256 << 10)
    }
}
