# NeuroDrive - make help lists the targets. Every target installs what it needs first (scripts/setup.sh).
SHELL := /bin/bash
PORT ?= 8080
JOBS ?= 2
export NODE_PATH := /usr/share/nodejs

NATIVE := build/native
WASM := build/wasm
WASM1 := build/wasm-single

.PHONY: help setup dist scorm scorm-args run native cli test fuzz bench validate docs clean
FUZZ_SECONDS ?= 300
# make dist BASE_URL=https://...: link previews (Open Graph, oEmbed); make scorm LESSON=... PRESET=...: a SCORM package.
BASE_URL ?=
LESSON ?=
PRESET ?=
export BASE_URL LESSON PRESET

help: ## list the targets
	@echo "NeuroDrive - make targets:"
	@grep -E '^[a-z0-9-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z0-9-]+):.*## (.*)/  make \1\t\2/' | expand -t 22
	@echo "Variables: PORT=$(PORT) (make run), JOBS=$(JOBS) (parallel compile jobs), BASE_URL (make dist: link previews), LESSON, PRESET (make scorm)"

setup: ## install and build every dependency (idempotent; seconds when cached)
	@bash scripts/setup.sh

$(WASM)/CMakeCache.txt:
	cmake --preset wasm >/dev/null

$(NATIVE)/CMakeCache.txt:
	cmake --preset native >/dev/null

dist: setup $(WASM)/CMakeCache.txt ## build the browser version into dist/, the single file dist/neurodrive.html and the SCORM 1.2 package dist/neurodrive-scorm12.zip (BASE_URL=https://... adds link previews: Open Graph, oembed.json)
	cmake --build $(WASM) -j$(JOBS) --target neurodrive neurodrive-single
	node scripts/make_dist.mjs $(WASM) dist
	node scripts/make_scorm.mjs dist
	@node scripts/page_size.mjs dist
	@echo "dist/ is ready: copy it to any static web host (or use dist/neurodrive.html alone)."

scorm-args:
	@if [ -z "$$LESSON" ]; then echo "make scorm: give LESSON=<id> (and optionally PRESET=<id>); the lessons are in assets/lessons.json (make dist already writes dist/neurodrive-scorm12.zip for the first one)" >&2; exit 2; fi
	@node scripts/make_scorm.mjs dist --lesson "$$LESSON" --preset "$$PRESET" --check

scorm: scorm-args dist ## a SCORM 1.2 package for one lesson: make scorm LESSON=<lesson id> [PRESET=<preset id>] -> dist/neurodrive-scorm12-<lesson>[-<preset>].zip
	node scripts/make_scorm.mjs dist --lesson "$$LESSON" --preset "$$PRESET"

run: dist ## build and serve the browser version on http://127.0.0.1:8080/ (PORT=... for another port; embed example: /embed-example.html)
	node scripts/serve.mjs --root dist --port $(PORT)

native: setup $(NATIVE)/CMakeCache.txt ## build the native app (build/native/src/app/neurodrive) and neurodrive-cli
	cmake --build $(NATIVE) -j$(JOBS)

cli: native ## build the command-line runner build/native/neurodrive-cli
	@echo "build/native/neurodrive-cli list   # every input, output, preset and experiment"

test: setup ## build and run every test: native (CTest, also under ASan+UBSan), fuzzing, wasm doctest under Node, browser end-to-end
	@bash scripts/test.sh

fuzz: setup ## run every libFuzzer target for FUZZ_SECONDS (default 300) each; crashes land in build/crash-*
	bash scripts/fuzz.sh $(FUZZ_SECONDS) $(JOBS)

validate: native ## check every published finding, then with every parameter perturbed by 20% and by 30% (100 samples each); writes docs/VALIDATION.md
	bash scripts/update_docs.sh $(NATIVE)/neurodrive-cli --validate

docs: native ## regenerate the parameter table in docs/MODEL.md from params.hpp
	bash scripts/update_docs.sh $(NATIVE)/neurodrive-cli

bench: dist ## measure the app against a bare Dear ImGui page built the same way: ratio table in build/bench.md (docs/PERFORMANCE.md; BENCH_MINUTES=10)
	@JOBS=$(JOBS) bash scripts/bench.sh

.PHONY: worksheets
worksheets: ## write only the printable worksheets into dist/worksheets/ from assets/ (no build needed; make dist writes them too)
	node scripts/make_worksheets.mjs dist/worksheets

clean: ## remove build outputs (keeps the dependency cache .deps/)
	rm -rf build dist
