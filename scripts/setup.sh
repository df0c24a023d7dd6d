#!/usr/bin/env bash
# Installs what `stance` needs to build, if it is missing: OpenBLAS (CBLAS headers + library)
# and pkg-config. As root it uses apt-get (Debian/Ubuntu); otherwise it says what to run.
set -euo pipefail

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
