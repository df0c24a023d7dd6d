# stance: the two commands of the README's quick start are `make demo` and `make test`.
SWIFT ?= swift
STANCE := .build/release/stance
DEMO_MODEL := .build/demo.stance

.PHONY: setup build demo test clean

setup:
	@scripts/setup.sh

build: setup
	$(SWIFT) build -c release --product stance

## Trains a model on the statement corpus in datasets/ and scores the sample statements.
demo: build
	$(STANCE) train --data datasets/us-russia-statements/train.jsonl --output $(DEMO_MODEL)
	$(STANCE) evaluate --model $(DEMO_MODEL) --data datasets/us-russia-statements/test.jsonl
	$(STANCE) predict --model $(DEMO_MODEL) datasets/samples/statements.txt --format table

## Every test: unit, end-to-end CLI, and the shared-data accuracy checks (when ../shared exists).
## Release mode: the accuracy checks train real models and run ~20x faster optimised.
test: setup
	$(SWIFT) build -c release --product stance
	$(SWIFT) test -c release

clean:
	rm -rf .build
