#!/usr/bin/env bash
# Install what the browser tests (pytest -m e2e tests/web) need on a fresh Debian machine.
# Run as root with the project's virtualenv active:  . .venv/bin/activate && sudo -E .ci/browser-setup.sh
# Chromium comes from Debian; Playwright only drives it (no `playwright install`, no browser download).
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
    echo "error: run as root (apt-get needs it)" >&2
    exit 1
fi
if [ -z "${VIRTUAL_ENV:-}" ]; then
    echo "error: activate the project's virtualenv first (. .venv/bin/activate)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends chromium fonts-dejavu-core
"$VIRTUAL_ENV/bin/python" -m pip install playwright gradio_client

/usr/bin/chromium --version
"$VIRTUAL_ENV/bin/python" -c "import playwright, gradio_client; print('playwright and gradio_client ready')"
echo "Chromium at /usr/bin/chromium (set PLAYWRIGHT_CHROMIUM to use another). Run: pytest -m e2e tests/web"
