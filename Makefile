# SayWho — the two commands a newcomer needs are `make demo` and `make test`.
.PHONY: all build wasm demo test test-go test-fuzz test-node test-e2e lint fuzz bench bench-compare eval clean

GO ?= go
# node_modules holds a stray Go package of an npm dependency: name ours explicitly.
GO_PKGS := ./internal/... ./scripts/...
SAMPLE := testdata/sample/harbor-bridge.html

all: build

# The engine as WASM, the unpacked extension in dist/unpacked and one zip per browser in dist/.
build:
	bash scripts/build.sh

wasm:
	bash scripts/build.sh --wasm-only

# Runs the engine (as WASM, in Node) on the bundled sample page and prints who said what.
demo: wasm
	node scripts/saywho.mjs --url https://lakeside-courier.example/local/harbor-bridge/ $(SAMPLE)

node_modules: package-lock.json
	npm ci --no-audit --no-fund
	@touch node_modules

# Every test: Go (native), Go fuzz smoke runs, the WASM in Node, and the extension in real Chromium and Firefox.
test: lint test-go test-fuzz build node_modules test-node test-e2e

lint:
	@out=$$(gofmt -l internal wasm scripts); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet $(GO_PKGS)
	GOOS=js GOARCH=wasm $(GO) vet ./wasm

test-go:
	$(GO) test $(GO_PKGS)

test-node:
	node --test tests/node/

test-e2e:
	node --test --test-concurrency=1 tests/e2e/

# Short fuzzing runs of every fuzz target from its committed seeds, part of `make test`.
test-fuzz:
	FUZZ_FRESH=1 bash scripts/fuzz.sh 30s

# Long fuzzing runs: make fuzz FUZZTIME=1h
FUZZTIME ?= 10m
fuzz:
	bash scripts/fuzz.sh $(FUZZTIME)

# Go benchmarks of each package (native).
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/...

# The side-by-side benchmark: native, WASM in Node, Readability.js and SayWho in Chromium,
# with the budgets checked (docs/PERFORMANCE.md). Needs ../shared. BENCH_FLAGS=--quick for a short run.
bench-compare: build node_modules
	node scripts/bench.mjs $(BENCH_FLAGS)

# Extraction quality against the shared corpora, with Readability.js in the same run (docs/EXTRACTION.md).
eval: node_modules
	node scripts/eval-extract.mjs

clean:
	rm -rf dist extension/engine/saywho.wasm extension/engine/wasm_exec.js test-artifacts
