#!/usr/bin/env bash
# Builds a self-contained stance for machines without a Swift toolchain (Spark executors, say):
# the Swift runtime linked in statically (--static-swift-stdlib), OpenBLAS and the libraries it
# needs copied beside the binary (found through an $ORIGIN DT_RPATH, which unlike RUNPATH also
# serves the libraries OpenBLAS itself loads), and the bundled model.
# Then checks the result runs with no toolchain on PATH and no libswift in its dependencies.
#
#   scripts/dist.sh        -> dist/stance-linux-x86_64.tar.gz
set -euo pipefail
cd "$(dirname "$0")/.."
name="stance-linux-$(uname -m)"
out="dist/$name"
swift build -c release --product stance --static-swift-stdlib --scratch-path .build-dist \
  -Xlinker --disable-new-dtags -Xlinker -rpath -Xlinker '$ORIGIN/lib'
rm -rf "$out" && mkdir -p "$out/lib" "$out/Models"
cp .build-dist/release/stance "$out/stance"
cp Models/us-russia-stance.stance "$out/Models/"
# Every shared library outside the C library's own set (libc, libm, libpthread, ld.so, ...).
ldd "$out/stance" | awk '/=> \// { print $3 }' | while read -r lib; do
  case "$(basename "$lib")" in
    libc.so*|libm.so*|libpthread.so*|libdl.so*|librt.so*|ld-linux*|libgcc_s.so*|libstdc++.so*) ;;
    *) cp -L "$lib" "$out/lib/" ;;
  esac
done
# OpenBLAS's own dependencies (gfortran, quadmath) come along the same way.
for lib in "$out"/lib/*; do
  ldd "$lib" | awk '/=> \// { print $3 }' | while read -r dep; do
    case "$(basename "$dep")" in
      libc.so*|libm.so*|libpthread.so*|libdl.so*|librt.so*|ld-linux*|libgcc_s.so*|libstdc++.so*) ;;
      *) [ -e "$out/lib/$(basename "$dep")" ] || cp -L "$dep" "$out/lib/" ;;
    esac
  done
done
tar -C dist -czf "dist/$name.tar.gz" "$name"

# The check: no Swift runtime needed, and it scores from an unrelated folder with a bare PATH.
if ldd "$out/stance" | grep -E 'lib(openblas|gfortran|quadmath)' | grep -vq "$out/lib"; then
  echo "dist: some bundled libraries are not loaded from $out/lib:" >&2; ldd "$out/stance" >&2; exit 1
fi
if ldd "$out/stance" | grep -q libswift; then
  echo "dist: $out/stance still links a Swift runtime library:" >&2; ldd "$out/stance" | grep libswift >&2; exit 1
fi
check=$(mktemp -d)
tar -C "$check" -xzf "dist/$name.tar.gz"
result=$(cd / && env -i PATH=/usr/bin:/bin "$check/$name/stance" predict --text "We are ready to work with Moscow on this." --format jsonl)
rm -rf "$check"
echo "$result" | grep -q '"label"' || { echo "dist: the unpacked binary did not score a statement" >&2; exit 1; }
echo "dist: dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1)) runs without a Swift toolchain: $result"
