#!/usr/bin/env bash
# Installs what `make build`, `make serve` and `make test` need and this machine lacks, at pinned
# versions, and says what it installs. Idempotent: a second run installs nothing.
#   scripts/setup.sh [build|test|bench]   (test and bench also install the browser, the web
#   servers the host tests run and the e2e packages; bench also Lighthouse)
set -euo pipefail
cd "$(dirname "$0")/.."

want="${1:-test}"
TRUNK_VERSION="0.22.1"
GECKODRIVER_VERSION="0.37.1"
# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
export PATH="$HOME/.cargo/bin:$PWD/tools/node_modules/.bin:$PATH"

say() { printf 'setup: %s\n' "$*"; }

# 1. Rust, as pinned in rust-toolchain.toml (channel, wasm32 target, rustfmt, clippy).
if ! command -v rustup >/dev/null; then
  say "rustup is missing; install it (https://rustup.rs) and run this again" >&2
  exit 1
fi
channel="$(awk -F'"' '/^channel/ { print $2 }' rust-toolchain.toml)"
if ! rustup run "$channel" rustc --version >/dev/null 2>&1 ||
  ! rustup target list --installed --toolchain "$channel" | grep -qx wasm32-unknown-unknown ||
  ! rustup component list --installed --toolchain "$channel" | grep -q '^clippy'; then
  say "installing Rust $channel with wasm32-unknown-unknown, rustfmt and clippy (rust-toolchain.toml)"
  rustup toolchain install "$channel" --profile minimal --target wasm32-unknown-unknown --component rustfmt,clippy
fi

# 1b. The nightly the site's wasm is built with (tools/wasm-toolchain), with the standard
# library's source and the crates it needs (build-std), fetched now so builds run offline.
wasm_toolchain="$(cat tools/wasm-toolchain)"
if ! rustup component list --installed --toolchain "$wasm_toolchain" 2>/dev/null | grep -q '^rust-src'; then
  say "installing Rust $wasm_toolchain with rust-src (tools/wasm-toolchain: the site's wasm build)"
  rustup toolchain install "$wasm_toolchain" --profile minimal --component rust-src
fi
library="$(rustup run "$wasm_toolchain" rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
rustup run "$wasm_toolchain" cargo fetch --quiet --manifest-path "$library"

# 2. Trunk.
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (cargo install, a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# 3. wasm-bindgen-cli at the Cargo.lock version (plain install: --locked fails to resolve).
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION, the version in Cargo.lock (a few minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# npm ci in $1 unless its node_modules already matches its package-lock.json.
npm_ci() {
  local dir="$1" stamp="$1/node_modules/.installed-lock.sha256" sum
  sum="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ]; then
    say "installing the npm packages of $dir/package-lock.json (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$sum" >"$stamp"
  fi
}

# 4. wasm-opt, from the npm package binaryen@132 in tools/ (Debian's binaryen is too old).
command -v npm >/dev/null || { say "Node.js and npm are missing; install Node.js 20 or newer" >&2; exit 1; }
npm_ci tools

# 4b. DejaVu Sans, regular and bold, from Debian: the prerender step draws the link-preview
# images with these two files and no other (src/prerender/preview.rs, FONT_FILES).
if [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || [ ! -e /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf ]; then
  say "installing from apt: fonts-dejavu-core (the font of the link-preview images)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq fonts-dejavu-core >/dev/null
fi

if [ "$want" = "test" ] || [ "$want" = "bench" ]; then
  # 5. Chromium and its driver, from Debian (never a downloaded browser build).
  # Firefox ESR and WebKitGTK's WebDriver (with Xvfb: its MiniBrowser has no headless mode)
  # for the cross-browser smoke tests and wasm-bindgen tests.
  missing=""
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] || missing="$missing chromium chromium-driver"
  [ -x /usr/bin/firefox-esr ] || missing="$missing firefox-esr"
  [ -x /usr/bin/WebKitWebDriver ] || missing="$missing webkit2gtk-driver"
  command -v xvfb-run >/dev/null || missing="$missing xvfb"
  # w3m: the text browser the no-JavaScript e2e test reads the page with.
  command -v w3m >/dev/null || missing="$missing w3m"
  # pdftotext: the cross-browser reader test reads the PDF Firefox prints.
  command -v pdftotext >/dev/null || missing="$missing poppler-utils"
  # nginx with ngx_brotli's brotli_static, and Caddy: e2e/tests/hosts.test.mjs serves the site
  # with README's configurations for them (deploy/), each in the foreground on a free port.
  [ -x /usr/sbin/nginx ] || missing="$missing nginx"
  [ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$missing libnginx-mod-http-brotli-static"
  [ -x /usr/bin/caddy ] || missing="$missing caddy"
  if [ -n "$missing" ]; then
    say "installing from apt:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq $missing >/dev/null
  fi
  if [ "$(geckodriver --version 2>/dev/null | head -n 1 | cut -d' ' -f2)" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION (cargo install, about 2 minutes)"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
  # 6. Playwright (playwright-core only) and axe-core for the e2e tests.
  npm_ci e2e
fi
if [ "$want" = "bench" ]; then
  # 7. Lighthouse 12.2.3 (the last that runs on Node 20), for `make bench` only.
  npm_ci bench
fi
say "ready: $(rustup run "$channel" rustc --version), $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version)"
