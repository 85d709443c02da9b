# Frontline Figures. Two commands: `make serve` and `make test`. Each installs what is missing
# first (scripts/setup.sh, pinned versions, idempotent).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# wasm-bindgen-test takes GECKODRIVER before SAFARIDRIVER before CHROMEDRIVER: each run below
# sets its own and unsets the others.
ONLY = env -u GECKODRIVER -u SAFARIDRIVER -u CHROMEDRIVER
PORT ?= 8080
## ARTICLE: the article folder a build is for (e.g. make build ARTICLE=tests/fixtures/second-article);
## build.rs reads it, and the e2e tests read their expectations from it.
ARTICLE ?= data/north-korea-troops
export ARTICLE
# The second article every generic test also runs over, and where its site is built.
SECOND_ARTICLE = tests/fixtures/second-article
SECOND_DIST = target/dist-second
# The third: every kind of hedge, a decimal, a scale word with a rate, two sources that disagree.
THIRD_ARTICLE = tests/fixtures/third-article
THIRD_DIST = target/dist-third
# The e2e files whose expectations all come from the article's data (the rest pin this
# article's facts): they run over this article in `make e2e` and over the second in `make second`.
GENERIC_E2E = tests/generic.test.mjs tests/fidelity.test.mjs tests/csp.test.mjs tests/nojs.test.mjs \
	tests/resilience.test.mjs tests/slowphone.test.mjs tests/network.test.mjs tests/embed.test.mjs tests/reader.test.mjs \
	tests/share.test.mjs tests/explorer.test.mjs tests/bindings.test.mjs tests/a11y.test.mjs \
	tests/pages.test.mjs
# The site's wasm is built with the nightly in tools/wasm-toolchain, its standard library
# rebuilt for size and panics aborting at once (-13.7 KiB brotli, BENCHMARKS.md): a panic then
# traps, and index.html's first script shows the failure panel (before the app runs: every
# figure, under a note that the view could not be opened). Everything else (clippy, the
# tests, the prerender hook) uses the toolchain of rust-toolchain.toml.
WASM_TOOLCHAIN := $(shell cat tools/wasm-toolchain)
WASM_BUILD = RUSTUP_TOOLCHAIN=$(WASM_TOOLCHAIN) CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"

.PHONY: check-data new-article check fuzz serve build build-site-url test bench setup-build setup-test setup-bench fmt-check clippy unit wasm-test size e2e e2e-cross second third

## make serve: build the release site and serve it at http://127.0.0.1:$(PORT)/
serve: build
	node e2e/serve.mjs --root dist --port $(PORT) --host 127.0.0.1 --base /

# The author's tools, a crate of their own (author/): they build in seconds and never build the app.
AUTHOR = cargo run --offline --quiet -p frontline-author --bin

## make check-data: every check of the data of ARTICLE (default this article) in one run, in
## seconds, without building the site: each error and warning once; exits 1 on an error
check-data:
	$(AUTHOR) check-data -- $(ARTICLE)

## make new-article TEXT=path/to/article.txt FOLDER=data/<folder>: a draft folder for a new
## article (its text, each numeral as a figure to fill or a not_figures entry to justify, a
## minimal explorer.json); make check-data ARTICLE=data/<folder> then leads to a working explorer
new-article:
	$(AUTHOR) new-article -- "$(TEXT)" "$(FOLDER)"

## make build: the release site in dist/ (prerendered; the app replaces the prerendered view), with
## each text and wasm file's .br and .gz beside it and Netlify's and Cloudflare's _headers
## (scripts/host-files.mjs). With SITE_URL set (e.g.
## SITE_URL=https://example.org/frontline/ make build) the page gets absolute addresses
## (canonical, link-preview images, oEmbed discovery) and the site an oembed.json.
build: setup-build
	cargo fetch --locked
	$(AUTHOR) check-data -- $(ARTICLE)
	$(WASM_BUILD) trunk build --release --offline
	node scripts/host-files.mjs dist

# The same site built for an address, for the tests (the wasm is already built: only the
# bindings, wasm-opt and the prerender step run again).
SITE_URL_DIST = target/dist-site-url
build-site-url: setup-build
	SITE_URL=https://example.org/frontline/ $(WASM_BUILD) trunk build --release --offline --dist $(SITE_URL_DIST)
	node scripts/host-files.mjs $(SITE_URL_DIST)

## make check: the fast loop for everyday work: formatting, clippy (native and wasm32) and the
## native tests; no browser, no release build
check: setup-build fmt-check clippy unit

## make test: every check, in order, failing fast; last, the generic tests over the second and
## third articles
test: setup-test fmt-check clippy unit wasm-test build build-site-url size e2e e2e-cross second third

## make fuzz: the URL parser against a million hostile query strings (make test runs 2,000)
fuzz: setup-build
	PROPTEST_CASES=$${PROPTEST_CASES:-1000000} cargo test --offline --release --features ssr --test view_state fuzz_ -- --nocapture

## make bench: sizes, cold loads, click-to-paint, Lighthouse and the 1,000-figure scale run
bench: setup-bench build
	node e2e/bench.mjs

setup-build:
	scripts/setup.sh build

setup-test:
	scripts/setup.sh test

setup-bench:
	scripts/setup.sh bench

fmt-check:
	cargo fmt --all --check

clippy:
	cargo fetch --locked
	cargo clippy --offline --features ssr --all-targets -- -D warnings
	cargo clippy --offline -p frontline-author --all-targets -- -D warnings
	cargo clippy --offline --target wasm32-unknown-unknown --features csr --lib --bins --test browser --test panic_browser --test scale_browser -- -D warnings

unit:
	cargo test --offline --features ssr
	cargo test --offline -p frontline-author

# The component tests in the three engines (WebKit's MiniBrowser needs a display: Xvfb).
# The runner gives a test binary 20 s by default; WebKit under Xvfb once took over 10 s for its
# first mount alone (debug build, loaded machine), where a run is 5 s. Still a bound, not a hang.
WASM_TEST = env WASM_BINDGEN_TEST_TIMEOUT=60 cargo test --offline --target wasm32-unknown-unknown --features csr --test browser --test panic_browser
wasm-test:
	$(ONLY) CHROMEDRIVER=/usr/bin/chromedriver $(WASM_TEST)
	$(ONLY) GECKODRIVER=$(HOME)/.cargo/bin/geckodriver $(WASM_TEST)
	$(ONLY) SAFARIDRIVER=/usr/bin/WebKitWebDriver xvfb-run -a $(WASM_TEST)

# The generic tests over the second article (a fictional fixture): native, the component tests
# in Chromium, its site built, and the generic e2e tests against it. It runs last: switching
# ARTICLE rebuilds the crate (not its dependencies).
second:
	ARTICLE=$(SECOND_ARTICLE) cargo test --offline --features ssr
	ARTICLE=$(SECOND_ARTICLE) $(ONLY) CHROMEDRIVER=/usr/bin/chromedriver $(WASM_TEST)
	$(AUTHOR) check-data -- $(SECOND_ARTICLE)
	ARTICLE=$(SECOND_ARTICLE) $(WASM_BUILD) trunk build --release --offline --dist $(SECOND_DIST)
	node scripts/host-files.mjs $(SECOND_DIST)
	cd e2e && ARTICLE=$(SECOND_ARTICLE) DIST=$(SECOND_DIST) node --test --test-concurrency=1 $(GENERIC_E2E)

# The same over the third article (every kind of hedge).
third:
	ARTICLE=$(THIRD_ARTICLE) cargo test --offline --features ssr
	ARTICLE=$(THIRD_ARTICLE) $(ONLY) CHROMEDRIVER=/usr/bin/chromedriver $(WASM_TEST)
	ARTICLE=$(THIRD_ARTICLE) $(WASM_BUILD) trunk build --release --offline --dist $(THIRD_DIST)
	node scripts/host-files.mjs $(THIRD_DIST)
	cd e2e && ARTICLE=$(THIRD_ARTICLE) DIST=$(THIRD_DIST) node --test --test-concurrency=1 $(GENERIC_E2E)

# Sizes are deterministic, so they are checked here; timings live only in `make bench`.
size:
	node e2e/bench.mjs sizes

e2e:
	cd e2e && npm test

# The smoke path in Firefox and WebKit over WebDriver.
e2e-cross:
	cd e2e && xvfb-run -a node --test --test-concurrency=1 cross/
