"""Fixtures for the web tests.

The end-to-end tests (`-m e2e`) start the real app (`python app.py`, in a
subprocess, on a free loopback port) and drive it in headless Chromium. By
default they run over the REAL Assistant (documents: a copy of seeds/ in a
temporary folder, a temporary index). `ASSISTANT_WEB_FAKE=1` serves
`fakes.FakeAssistant` instead (`serve_fake.py`) to work on the UI without
models. Chromium comes from Debian (`.ci/browser-setup.sh`);
`PLAYWRIGHT_CHROMIUM` points elsewhere.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest

from .fakes import FakeAssistant

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEEDS = ROOT / "seeds"
USE_FAKE = os.environ.get("ASSISTANT_WEB_FAKE") == "1"
CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
LOAD_TIMEOUT_MS = 300_000  # real models and index (first run builds the index)
ANSWER_TIMEOUT_MS = 240_000  # one answer of the local LLM on a small CPU


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_seeds(folder: Path) -> Path:
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def fake_bot(tmp_path):
    """A ready FakeAssistant over a copy of the seeds (fast: no models)."""
    return FakeAssistant(docs=copy_seeds(tmp_path / "docs"), index=tmp_path / "index", load_seconds=0, word_delay=0)


def start_app(factory) -> SimpleNamespace:
    """Launch `build_app(factory)` in this process on a free loopback port (for fake factories)."""
    from assistant.web.app import build_app, serve

    demo = build_app(factory)
    port = free_port()
    serve(demo, host="127.0.0.1", port=port, prevent_thread_lock=True)
    return SimpleNamespace(demo=demo, url=f"http://127.0.0.1:{port}/", holder=demo.holder)


def launch(script: Path, base: Path, **env_overrides: str) -> SimpleNamespace:
    """Run `script` (app.py or serve_fake.py) in a subprocess over a copy of the seeds in `base`.

    A separate process keeps a crash in native model code from taking pytest down with it.
    """
    docs = base / "docs"
    if not docs.exists():
        copy_seeds(docs)
    port = free_port()
    env = {**os.environ, "GRADIO_SERVER_PORT": str(port), "ASSISTANT_DOCS": str(docs),
           "ASSISTANT_INDEX": str(base / "index"), **env_overrides}
    env.pop("GRADIO_SERVER_NAME", None)  # the default bind address is part of what is tested
    log_path = base / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen([sys.executable, str(script)], cwd=base, env=env, stdout=log,
                                   stderr=subprocess.STDOUT)
    server = SimpleNamespace(url=f"http://127.0.0.1:{port}/", port=port, docs=docs, process=process, log=log_path)
    deadline = time.monotonic() + 120
    while not _responds(server.url + "config"):
        if process.poll() is not None or time.monotonic() > deadline:
            stop(server)
            pytest.fail(f"the app did not start; its log:\n{log_path.read_text()[-3000:]}")
        time.sleep(0.3)
    return server


def stop(server: SimpleNamespace) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


def _responds(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """`python app.py` over a copy of the seeds: models load once for the session, like in production."""
    script = HERE / "serve_fake.py" if USE_FAKE else ROOT / "app.py"
    server = launch(script, tmp_path_factory.mktemp("webapp"))
    yield server
    stop(server)


@pytest.fixture(scope="session")
def fake_app(tmp_path_factory):
    """The app over the fake assistant, for behaviour of the page itself (queueing, focus)."""
    server = launch(HERE / "serve_fake.py", tmp_path_factory.mktemp("fakeapp"), FAKE_WORD_DELAY="0.05")
    yield server
    stop(server)


@pytest.fixture(scope="session")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="pip install playwright (see .ci/browser-setup.sh)")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM}: run .ci/browser-setup.sh or set PLAYWRIGHT_CHROMIUM")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watched:
    """A page plus what it did that it must not: dialogs opened, requests off this machine."""

    def __init__(self, page):
        self.page = page
        self.dialogs: list[str] = []
        self.outside_requests: list[str] = []
        page.on("dialog", self._dialog)
        page.on("request", self._request)

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _request(self, request):
        url = request.url
        if not url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:", "about:")):
            self.outside_requests.append(url)


@pytest.fixture
def open_page(browser):
    """open_page(url) -> Watched page, with a fresh browser context per test."""
    contexts = []

    def open_(url: str, wait_ready: bool = True) -> Watched:
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        context.set_default_timeout(60_000)  # a CPU busy with the LLM makes the page slow to respond
        contexts.append(context)
        watched = Watched(context.new_page())
        watched.page.goto(url)
        if wait_ready:
            watched.page.wait_for_selector(".status-ready", timeout=LOAD_TIMEOUT_MS)
        return watched

    yield open_
    for context in contexts:
        context.close()
