# wfm — see README.md. `make run` and `make test` install GLPK if it is missing.
SWIFT ?= swift
OUT ?= out
DEMO ?= Inputs/demo

.PHONY: run test build deps demo bench clean

deps:
	@scripts/ensure-glpk.sh

build: deps
	$(SWIFT) build -c release --product wfm

# The main job on the shipped demo: requirements for the demo week, written to $(OUT)/.
run: build
	@mkdir -p $(OUT)
	$$($(SWIFT) build -c release --show-bin-path)/wfm staff --config $(DEMO)/center.yaml \
		--forecast $(DEMO)/forecast.csv --out $(OUT)/requirements.csv --force

test: deps
	$(SWIFT) test

# Regenerate the demo's history.csv, agents.csv and forecast.csv from its center.yaml.
demo: deps
	$(SWIFT) run wfm-demo-generator $(DEMO)

bench: deps
	cd Benchmarks && $(SWIFT) package benchmark

clean:
	rm -rf .build $(OUT) Benchmarks/.build
