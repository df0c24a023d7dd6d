#!/usr/bin/env bash
# Installs what `stance` needs to build, if it is missing: OpenBLAS (CBLAS headers + library)
# and pkg-config. As root it uses apt-get (Debian/Ubuntu); otherwise it says what to run.
# With --test it also installs what the tests use beyond the build: Chromium (the HTML report
# is rendered headless) and fastText's command line (the speed smoke test compares against it).
set -euo pipefail

if [ "${1:-}" = "--test" ]; then
  "$0"
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v fasttext >/dev/null 2>&1 || missing+=(fasttext)
  [ ${#missing[@]} -eq 0 ] && exit 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing ${missing[*]} for the tests with apt-get"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: ${missing[*]} not installed; the tests that need them will be skipped (apt-get install ${missing[*]})" >&2
  fi
  exit 0
fi

if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    echo "setup: swift is not on PATH; add /opt/swift/usr/bin to PATH" >&2
  else
    echo "setup: the Swift toolchain (6.0 or newer) is missing; install it from swift.org" >&2
  fi
  exit 1
fi

have_openblas() { pkg-config --exists openblas 2>/dev/null && [ -e "$(pkg-config --variable=includedir openblas)/cblas.h" -o -e /usr/include/x86_64-linux-gnu/cblas.h -o -e /usr/include/cblas.h ]; }

if command -v pkg-config >/dev/null 2>&1 && have_openblas; then
  exit 0
fi

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "setup: installing OpenBLAS (libopenblas-dev) and pkg-config with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq libopenblas-dev pkg-config >/dev/null
  have_openblas || { echo "setup: OpenBLAS still not found after installing libopenblas-dev" >&2; exit 1; }
else
  echo "setup: OpenBLAS is missing. Install it, then run make again:" >&2
  echo "  sudo apt-get install -y libopenblas-dev pkg-config     # Debian/Ubuntu" >&2
  echo "  brew install openblas pkg-config                       # macOS" >&2
  exit 1
fi
