# stance: the two commands of the README's quick start are `make demo` and `make test`.
SWIFT ?= swift
STANCE := .build/release/stance
DEMO_MODEL := .build/demo.stance

.PHONY: setup build demo test model benchmarks clean

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
test: setup
	$(SWIFT) build -c release --product stance
	$(SWIFT) test -c release
	python3 benchmarks/extraction.py $$(mktemp -d)

## Regenerates the reports in benchmarks/results/ (needs ../shared/datasets or STANCE_DATA).
benchmarks: build
	python3 benchmarks/extraction.py

clean:
	rm -rf .build
