#!/usr/bin/env bash
# Build llama-cpp-python once, for any x86-64 CPU with AVX2 (not -march=native:
# a native build on a CPU that reports AMX/AVX-512 died here with "Illegal
# instruction"), and keep the wheel in a cache folder keyed by version and flags.
# pip's own wheel cache is keyed by URL only, so it could hand back a wheel
# built with other flags; this script never uses it (--no-cache-dir).
set -euo pipefail
VERSION=0.3.36
WHEELS="${ASSISTANT_WHEEL_CACHE:-$HOME/.cache/cited-assistant/wheels}"
if [ "$(uname -m)" = "x86_64" ]; then
  FLAGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
  TAG=avx2
else
  FLAGS="-DGGML_NATIVE=OFF"
  TAG=generic
fi
DEST="$WHEELS/$VERSION-$TAG"
if ! ls "$DEST"/llama_cpp_python-*.whl >/dev/null 2>&1; then
  echo "Building llama-cpp-python $VERSION ($TAG); this takes about 15 minutes on 2 cores, once." >&2
  mkdir -p "$DEST"
  CMAKE_ARGS="$FLAGS" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
    python -m pip wheel --no-deps --no-cache-dir -w "$DEST" "llama-cpp-python==$VERSION" >&2  # stdout is the path
fi
ls "$DEST"/llama_cpp_python-*.whl | head -n 1
