# wfm — see README.md. `make run` and `make test` install GLPK and SQLite's headers if missing.
SWIFT ?= swift
OUT ?= out
DEMO ?= Inputs/demo
# Extra flags for the release build (the Containerfile adds --static-swift-stdlib).
SWIFT_BUILD_FLAGS ?=

.PHONY: run test build deps demo bench clean serve check-server

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build -c release --product wfm $(SWIFT_BUILD_FLAGS)

# The main job on the shipped demo: `wfm plan` forecasts the demo week from its history,
# staffs it, schedules the agents and reports on the roster (formula, 30 simulated weeks,
# HTML); every file goes to $(OUT)/. Exit 2 (targets missed in some interval) still counts as
# a finished run: the summary says what was missed.
run: build
	@status=0; $$($(SWIFT) build -c release --show-bin-path)/wfm plan $(DEMO)/center.yaml --out $(OUT) \
		--time-limit 60s --force || status=$$?; \
	if [ $$status -eq 2 ]; then echo "make run: plan written; some targets are missed (see above)"; \
	elif [ $$status -ne 0 ]; then exit $$status; fi

test: deps
	$(SWIFT) test

# The planner in the browser: the demo center loaded into demo-data/, at http://127.0.0.1:8080/.
serve: build
	$$($(SWIFT) build -c release --show-bin-path)/wfm serve --data demo-data --import $(DEMO)/center.yaml

# wfm serve end to end (scripts/check-server.sh, on the debug build `make test` made): real
# Chromium through Selenium, schemathesis against the OpenAPI document, and kill -9 during
# publishing. On CI a missing browser or tool fails; elsewhere its check reports itself skipped.
check-server: deps
	scripts/check-server.sh

# Regenerate the demo's history.csv, agents.csv and forecast.csv from its center.yaml, then
# its published roster.csv: the staffing of that forecast, scheduled.
demo: build
	$(SWIFT) run wfm-demo-generator $(DEMO)
	@bin=$$($(SWIFT) build -c release --show-bin-path); \
	$$bin/wfm staff --config $(DEMO)/center.yaml --forecast $(DEMO)/forecast.csv --out $(DEMO)/.requirements.csv --force --quiet && \
	$$bin/wfm schedule --config $(DEMO)/center.yaml --requirements $(DEMO)/.requirements.csv --out $(DEMO)/roster.csv --force --quiet; \
	status=$$?; rm -f $(DEMO)/.requirements.csv; exit $$status

# All benchmark suites; the forecast suite backtests WFM_BENCH_HISTORY (default: the bank data).
bench: deps
	cd Benchmarks && rm -f schedule-results.txt report-results.txt && $(SWIFT) package benchmark && cat schedule-results.txt report-results.txt

clean:
	rm -rf .build $(OUT) Benchmarks/.build
