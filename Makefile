# stance: the two commands of the README's quick start are `make demo` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
STANCE := .build/release/stance
DEMO_MODEL := .build/demo.stance

.PHONY: setup build demo test model benchmarks fuzz fuzz-smoke sanitizers dist spark-check clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product stance

## The main job: score the sample article with the bundled model (every quoted statement,
## its speaker and its stance), then the sample statements one per line.
demo: build
	$(STANCE) predict --articles datasets/articles/sample-article.txt --format table
	$(STANCE) predict datasets/samples/statements.txt --format table

## Rebuilds the bundled model from the project's corpus (deterministic: same bytes every time).
model: build
	$(STANCE) train --data datasets/us-russia-statements/train.jsonl --classifier nblr --min-df 2 --output Models/us-russia-stance.stance

## Every test: unit, end-to-end CLI, and the shared-data accuracy checks (when ../shared exists).
## Release mode: the accuracy checks train real models and run ~20x faster optimised.
test:
	@scripts/setup.sh --test
	$(SWIFT) build -c release --product stance
	$(SWIFT) test -c release
	python3 benchmarks/extraction.py $$(mktemp -d)
	python3 benchmarks/accuracy.py --smoke
	python3 benchmarks/speed.py --smoke
	python3 Tests/ErrorTable/check_errors.py
	python3 Tests/Scale/stream_predict.py --gigabytes 2
	python3 examples/spark/check_local.py
	python3 examples/spark/check_training.py

## A self-contained tarball for machines without Swift (Spark executors): dist/stance-linux-*.tar.gz.
dist: setup
	scripts/dist.sh

## Local Spark jobs: scoring every FNC-1 and BBC body equals one-process scoring; models trained
## by MLlib on `stance featurize` rows and imported agree with MLlib and with `stance train`.
spark-check: build
	python3 examples/spark/check_local.py
	python3 examples/spark/check_training.py

## libFuzzer harnesses (Tests/Fuzz): build with the fuzzer and AddressSanitizer, run each one.
FUZZERS := FuzzTokenizer FuzzQuoteExtractor FuzzDataReader FuzzModelFile
FUZZ_SECONDS ?= 600
FUZZ_FLAGS := -c debug --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld -Xswiftc -DFUZZING
fuzz: setup
	@for f in $(FUZZERS); do $(SWIFT) build $(FUZZ_FLAGS) --product $$f || exit 1; done
	@mkdir -p .build-fuzz/crashes
	@for f in $(FUZZERS); do \
	  mkdir -p .build-fuzz/corpus/$$f; \
	  echo "fuzzing $$f for $(FUZZ_SECONDS) s"; \
	  .build-fuzz/debug/$$f .build-fuzz/corpus/$$f Tests/Fuzz/Corpus/$$f -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=.build-fuzz/crashes/$$f- -print_final_stats=1 2>&1 | grep -E "^(stat::|Done|==|SUMMARY)" ; \
	  test $${PIPESTATUS[0]} -eq 0 || exit 1; \
	done
fuzz-smoke:
	$(MAKE) fuzz FUZZ_SECONDS=60

## The unit and end-to-end tests under AddressSanitizer and ThreadSanitizer (debug builds; the
## shared-data accuracy checks are skipped there, they run in `make test`).
sanitizers: setup
	STANCE_QUICK=1 LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan-suppressions.txt $(SWIFT) test --scratch-path .build-asan --sanitize=address
	STANCE_QUICK=1 $(SWIFT) test --scratch-path .build-tsan --sanitize=thread

## Regenerates the reports in benchmarks/results/ (needs ../shared/datasets or STANCE_DATA).
benchmarks: build
	python3 benchmarks/extraction.py
	python3 benchmarks/accuracy.py

clean:
	rm -rf .build
