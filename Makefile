# The two commands of the README, and the rest. Everything installs what it needs first
# (tools/install-deps) and builds with Ninja into build/ (kept between builds, ccache on).
.PHONY: run test build deps bench soak crash fuzz tsan format tidy clean

JOBS ?= 2
CRASH_KILLS ?= 20
SOAK_MINUTES ?= 10
LISTEN ?= 127.0.0.1:8080
DATA_DIR ?= sigap-data

deps:
	@tools/install-deps

# build/ is compiled with AddressSanitizer + UndefinedBehaviorSanitizer at -O0 (CMakePresets.json,
# preset debug): make run and make test use it, so every test runs under both (docs/reliability.md).
# An older build/ (other flags) is reconfigured here.
build: deps
	@grep -qs '^CMAKE_CXX_FLAGS_DEBUG:STRING=-g1 -O0$$' build/CMakeCache.txt || cmake --preset debug >/dev/null
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

# The benchmark suite (not part of make test): every benchmark on SQLite and on PostgreSQL, one
# table in bench/RESULTS.md (bench/README.md). BACKENDS=sqlite to leave PostgreSQL out.
bench: deps
	@test -f build-release/build.ninja || cmake --preset release >/dev/null
	cmake --build build-release -j$(JOBS)
	bench/run-all build-release/sigap

# SOAK_MINUTES of mixed load on the release build; memory and answers checked, summary in
# bench/SOAK.md (docs/reliability.md, "Soak"). Not in CI.
soak: deps
	@test -f build-release/build.ninja || cmake --preset release >/dev/null
	cmake --build build-release -j$(JOBS)
	SOAK_MINUTES=$(SOAK_MINUTES) bench/soak/run build-release/sigap

# The fuzz targets (tests/fuzz, docs/reliability.md "Fuzzing") under libFuzzer: build-fuzz with
# clang-14 (-fsanitize=fuzzer,address,undefined), only the targets and the parsers they call;
# each target runs FUZZ_SECONDS under nice -n 19, one at a time, from its seed corpus. New inputs
# go to build-fuzz/fuzz-corpus/, crashers to build-fuzz/fuzz-findings/. make test replays the
# seed corpora. `make fuzz FUZZ_TARGETS=json_body FUZZ_SECONDS=600` for one target.
FUZZ_SECONDS ?= 120
FUZZ_TARGETS ?=
fuzz: deps
	@test -f build-fuzz/build.ninja || cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-14 \
	  -DCMAKE_BUILD_TYPE=Debug "-DCMAKE_CXX_FLAGS_DEBUG=-g -O1" -DSIGAP_SANITIZE=fuzzer-no-link,address,undefined \
	  -DSIGAP_FUZZING=ON -DSIGAP_BUILD_TESTS=OFF -DSIGAP_BUILD_BENCH=OFF >/dev/null
	cmake --build build-fuzz -j$(JOBS) --target fuzz_targets
	FUZZ_SECONDS=$(FUZZ_SECONDS) tools/fuzz $(FUZZ_TARGETS)

# ThreadSanitizer over the concurrency tests (docs/reliability.md "ThreadSanitizer"; not in CI:
# a full build in build-tsan, then the tests). Fails on any report.
tsan: deps
	@test -f build-tsan/build.ninja || cmake --preset tsan >/dev/null
	cmake --build build-tsan -j$(JOBS) --target sigap http_tests storage_contract_tests integration_tests crash_tests
	tools/with-postgres tools/tsan

format:
	find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

tidy: build
	run-clang-tidy -p build -j $(JOBS) src/ 2>/dev/null || clang-tidy -p build $$(find src -name '*.cpp')

clean:
	rm -rf build build-release build-tsan build-fuzz web/dist web/test-results
