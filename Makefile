# ergraph: two commands on a fresh Debian machine.
#   make demo   installs what is missing, builds, checks the default dataset and draws it into Output/
#   make test   installs what is missing, builds, and runs every test
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

SWIFT ?= swift
GRAPH ?= Graph/ice-surveillance.yaml
VENV := .venv
PYTHON := $(VENV)/bin/python
# apt-get needs root: use sudo when we are not root.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
ERGRAPH := .build/debug/ergraph

.PHONY: demo test build deps venv bench bench-smoke bench-store datasets site clean fuzz fuzz-build fuzz-smoke test-sanitize

## System packages: Graphviz (library, headers, CLI), pkg-config, a font for raster output, venv support,
## SQLite (library for GRDB, CLI for the tests), what followthemoney's PyICU dependency compiles
## against (ICU headers, a C++ compiler, Python headers), a headless browser and its driver for the
## web tests (selenium drives Debian's, never a downloaded one), wrk for the server's benchmark, and
## a Java runtime for Spark (pyspark, from the venv, runs in local mode on it).
deps:
	@missing=""; \
	command -v dot >/dev/null 2>&1 || missing="$$missing graphviz"; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists libgvc 2>/dev/null || missing="$$missing libgraphviz-dev"; \
	pkg-config --exists libxml-2.0 2>/dev/null || missing="$$missing libxml2-dev"; \
	[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing="$$missing fonts-dejavu-core"; \
	python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	pkg-config --exists icu-uc 2>/dev/null || missing="$$missing libicu-dev"; \
	pkg-config --exists sqlite3 2>/dev/null || missing="$$missing libsqlite3-dev"; \
	command -v sqlite3 >/dev/null 2>&1 || missing="$$missing sqlite3"; \
	command -v g++ >/dev/null 2>&1 || missing="$$missing g++"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null 2>&1 || missing="$$missing chromium-driver"; \
	command -v wrk >/dev/null 2>&1 || missing="$$missing wrk"; \
	command -v java >/dev/null 2>&1 || missing="$$missing openjdk-17-jre-headless"; \
	python3 -c 'import sysconfig, os, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' \
		|| missing="$$missing python3-dev"; \
	if [ -n "$$missing" ]; then \
		echo "make: installing$$missing"; \
		$(SUDO) apt-get update -qq; \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## Python tools the tests compare against, pinned, in a venv under the repository (ignored by git).
venv: $(VENV)/.installed
$(VENV)/.installed: requirements-test.txt | deps
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

build: deps
	$(SWIFT) build

demo: build
	$(ERGRAPH) validate --strict $(GRAPH)
	@echo
	$(ERGRAPH) stats --graph $(GRAPH)
	@# ergraph writes every file to a temporary name and renames it, so a failed run never
	@# leaves half a file; the stats JSON goes through the same dance here.
	$(ERGRAPH) stats --graph $(GRAPH) --format json > Output/ice-surveillance.stats.json.tmp
	mv Output/ice-surveillance.stats.json.tmp Output/ice-surveillance.stats.json
	$(ERGRAPH) export --graph $(GRAPH) --format dot -o Output/ice-surveillance.dot
	$(ERGRAPH) render --graph $(GRAPH) -o Output/ice-surveillance.svg
	$(ERGRAPH) render --graph $(GRAPH) -o Output/ice-surveillance.png
	$(ERGRAPH) render --graph $(GRAPH) -o Output/ice-surveillance.pdf
	$(ERGRAPH) path ICE "AE Industrial" --graph $(GRAPH) --render Output/ice-to-ae-industrial.svg > /dev/null
	$(ERGRAPH) site --graph $(GRAPH) -o Output/site
	@echo
	@echo "Wrote Output/ice-surveillance.{stats.json,dot,svg,png,pdf}, Output/ice-to-ae-industrial.svg and the site Output/site/"
	@echo "Browse it live with: $(ERGRAPH) serve   (then open http://127.0.0.1:8080/)"

# The smoke runs come first so that the test runner's summary is the last thing printed.
test: build venv
	python3 scripts/check-dependencies.py
	$(MAKE) --no-print-directory bench-smoke
	$(MAKE) --no-print-directory fuzz-smoke
	ERGRAPH_PYTHON="$(CURDIR)/$(PYTHON)" $(SWIFT) test

## The benchmark harness on the small size, against networkx only: checks that it runs and that
## the answers agree (speed is measured by `make bench`, never in tests).
bench-smoke: build venv
	$(SWIFT) build --product ergraph-bench
	$(PYTHON) bench/report.py --smoke --bench .build/debug/ergraph-bench --data .bench-data/smoke --sizes S --peers networkx

## Benchmarks, release build, side by side with networkx, igraph, rustworkx and NetworKit on the
## same generated files; tables and ratios in bench/results/. BENCH_SIZES="S M L" adds the large one.
BENCH_SIZES ?= S M
BENCH_VENV := .bench-venv
bench: deps $(BENCH_VENV)/.installed
	$(SWIFT) build -c release --product ergraph-bench
	$(BENCH_VENV)/bin/python bench/report.py --bench .build/release/ergraph-bench --data .bench-data --sizes $(BENCH_SIZES)
	$(SWIFT) build -c release --product ergraph
	$(BENCH_VENV)/bin/python bench/imports.py --ergraph .build/release/ergraph --folder .bench-data/import
	$(BENCH_VENV)/bin/python bench/batch.py --ergraph .build/release/ergraph --data .bench-data/M
	$(BENCH_VENV)/bin/python bench/serve.py --ergraph .build/release/ergraph
	$(BENCH_VENV)/bin/python bench/render_dense.py --ergraph .build/release/ergraph
	$(BENCH_VENV)/bin/python bench/spark.py --ergraph .build/release/ergraph --bench .build/release/ergraph-bench --data .bench-data/M

$(BENCH_VENV)/.installed: bench/requirements.txt | deps
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r bench/requirements.txt
	touch $@

## Regenerate the datasets made from tables (a test checks the committed files are current).
datasets: build
	$(ERGRAPH) import --from csv --mapping Graph/ice-contracts-fy2018.mapping.yaml \
		Graph/sources/ice-awards-fy2018/ice_awards_explorer.csv -o Graph/ice-contracts-fy2018.yaml

## Build time and memory of a 1M-entity / 10M-relationship store (release build).
bench-store: deps
	$(SWIFT) build -c release --product ergraph-bench
	.build/release/ergraph-bench store 1000000 10000000

clean:
	rm -rf .build $(VENV) $(BENCH_VENV) .bench-data

## Coverage-guided fuzzing (libFuzzer) of every reader, under AddressSanitizer and LeakSanitizer:
## the package in Fuzz/ builds one binary whose target ERGRAPH_FUZZ_TARGET picks; ergraph's own
## libraries are instrumented for coverage too. Graphviz is Debian's build, so its parser is
## fuzzed through cgraph's API but not guided by its own coverage.
FUZZ_SECONDS ?= 60
# Release mode: five to ten times the executions a second of a debug build, bounds checks kept.
FUZZ_BINARY := .build/fuzz/release/ergraph-fuzz
fuzz-build: deps
	cd Fuzz && $(SWIFT) build -c release --product ergraph-fuzz --build-path $(CURDIR)/.build/fuzz \
		--sanitize=fuzzer --sanitize=address \
		-Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xcc -fsanitize=fuzzer-no-link

fuzz: fuzz-build
	python3 scripts/fuzz.py $(FUZZ_BINARY) --seconds $(FUZZ_SECONDS) --results Fuzz/results.md

## What `make test` runs: every target on its seeds and 1,000 inputs grown from them with a fixed
## seed (a few seconds each, the same inputs every run), so a change that breaks a target, or a
## reader that starts crashing on its seeds, fails CI without a new random finding making it flaky.
# A debug build: 1.3 minutes to build instead of 5.6 for release, and 52 s instead of 34 s to
# run the thousand inputs of every target (measured on the 2-core machine), which keeps
# `make test` inside its fifteen minutes.
FUZZ_SMOKE_BINARY := .build/fuzz-debug/debug/ergraph-fuzz
fuzz-smoke: deps
	cd Fuzz && $(SWIFT) build --product ergraph-fuzz --build-path $(CURDIR)/.build/fuzz-debug \
		--sanitize=fuzzer --sanitize=address \
		-Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp -Xcc -fsanitize=fuzzer-no-link
	python3 scripts/fuzz.py $(FUZZ_SMOKE_BINARY) --runs 1000

## The test suite under AddressSanitizer, then ThreadSanitizer (the concurrent rendering tests and
## the server), each in a build folder of its own.
test-sanitize: build venv
	LSAN_OPTIONS="suppressions=$(CURDIR)/scripts/sanitize.supp:print_suppressions=0" \
		ERGRAPH_PYTHON="$(CURDIR)/$(PYTHON)" $(SWIFT) test --sanitize=address --build-path .build/asan
	ERGRAPH_PYTHON="$(CURDIR)/$(PYTHON)" $(SWIFT) test --sanitize=thread --build-path .build/tsan
