# The two commands of the README, and the rest. Everything installs what it needs first
# (tools/install-deps) and builds with Ninja into build/ (kept between builds, ccache on).
.PHONY: run test build deps bench crash format tidy clean

JOBS ?= 2
CRASH_KILLS ?= 20
LISTEN ?= 127.0.0.1:8080
DATA_DIR ?= sigap-data

deps:
	@tools/install-deps

build: deps
	@test -f build/build.ninja || cmake --preset debug >/dev/null
	cmake --build build -j$(JOBS)
	cd web && npm run --silent build

# Serve the Palembang demo on an embedded SQLite database (kept in $(DATA_DIR)/).
run: build
	./build/sigap demo --listen $(LISTEN) --data-dir $(DATA_DIR)

# Every test: unit, storage contract (SQLite and a throw-away PostgreSQL), HTTP integration,
# browser tests in Debian's Chromium (web/tests/e2e; screenshots land in web/test-results/).
test: build
	tools/with-postgres ctest --test-dir build --output-on-failure -j$(JOBS) --timeout 300
	tools/check-no-personal-data build/Testing/Temporary/LastTest.log

# The crash test's long form (docs/reliability.md): the server killed with SIGKILL CRASH_KILLS
# times per backend under intake load; prints runs, acknowledged, found and lost (lost must be 0).
# make test runs the short form (3 kills per backend).
crash: deps
	@test -f build/build.ninja || cmake --preset debug >/dev/null
	cmake --build build -j$(JOBS) --target sigap crash_tests
	tools/with-postgres env SIGAP_CRASH_KILLS=$(CRASH_KILLS) build/tests/crash_tests

# Throughput and latency of the server (not part of make test).
bench: deps
	@test -f build-release/build.ninja || cmake --preset release >/dev/null
	cmake --build build-release -j$(JOBS)
	bench/http/run build-release/sigap
	bench/intake/run build-release/sigap
	bench/list/run build-release/sigap

format:
	find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

tidy: build
	run-clang-tidy -p build -j $(JOBS) src/ 2>/dev/null || clang-tidy -p build $$(find src -name '*.cpp')

clean:
	rm -rf build build-release build-asan web/dist web/test-results
