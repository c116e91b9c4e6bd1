# wfm — see README.md. `make run` and `make test` install GLPK if it is missing.
SWIFT ?= swift
OUT ?= out
DEMO ?= Inputs/demo

.PHONY: run test build deps demo bench clean

deps:
	@scripts/ensure-glpk.sh

build: deps
	$(SWIFT) build -c release --product wfm

# The main job on the shipped demo: forecast the demo week from its history, staff it, then
# schedule the agents; results in $(OUT)/.
run: build
	@mkdir -p $(OUT)
	$$($(SWIFT) build -c release --show-bin-path)/wfm forecast --config $(DEMO)/center.yaml \
		--out $(OUT)/forecast.csv --force
	$$($(SWIFT) build -c release --show-bin-path)/wfm staff --config $(DEMO)/center.yaml \
		--forecast $(OUT)/forecast.csv --out $(OUT)/requirements.csv --force
	$$($(SWIFT) build -c release --show-bin-path)/wfm schedule --config $(DEMO)/center.yaml \
		--requirements $(OUT)/requirements.csv --out $(OUT)/roster.csv --time-limit 60s --force

test: deps
	$(SWIFT) test

# Regenerate the demo's history.csv, agents.csv and forecast.csv from its center.yaml.
demo: deps
	$(SWIFT) run wfm-demo-generator $(DEMO)

# All benchmark suites; the forecast suite backtests WFM_BENCH_HISTORY (default: the bank data).
bench: deps
	cd Benchmarks && rm -f schedule-results.txt && $(SWIFT) package benchmark && cat schedule-results.txt

clean:
	rm -rf .build $(OUT) Benchmarks/.build
