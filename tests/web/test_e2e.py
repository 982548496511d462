"""The chat in headless Chromium, over the real Assistant (see conftest.py).

Run: `pytest -m e2e tests/web` (after `.ci/browser-setup.sh`);
`ASSISTANT_WEB_FAKE=1 pytest -m e2e tests/web` to check the UI without models.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from .conftest import ANSWER_TIMEOUT_MS, ROOT, copy_seeds, launch, start_app, stop
from .fakes import FakeAssistant

pytestmark = [
    pytest.mark.e2e,
    # noise from inside Gradio's queue (pandas 3 deprecations), not from this project
    pytest.mark.filterwarnings("ignore:'future.no_silent_downcasting' is deprecated"),
    pytest.mark.filterwarnings("ignore:The copy keyword is deprecated"),
]

FINAL = "#chat .reply-answer, #chat .reply-abstain, #chat .reply-error"
SIGNING = "The memorandum was signed on January 29 by Canadian Industry Minister Mélanie Joly"
SHOT = Path("/tmp/ui-shot.png")
ORCHARD = "Orchard report\nThe Willowbrook orchard harvested 420 crates of quince in October.\n"
PAYLOAD = (
    "Zebra fund memo\n"
    "The zebra budget is forty dollars.\n"
    '<script>alert("script-ran")</script>\n'
    '<img src=x onerror=alert("img-ran")> Tracking pixel: ![pixel](http://evilhost/pixel.png)\n'
    'Template: ${alert("tpl")} {{value}}\n'
)


WATCH_STREAMING = """() => {
  window.sawStreaming = false;
  new MutationObserver(() => {
    if (document.querySelector('#chat .reply-streaming')) window.sawStreaming = true;
  }).observe(document.querySelector('#chat'), {childList: true, subtree: true, characterData: true});
}"""


def ask(page, question: str):
    """Type `question`, press Enter, wait for the final reply; return its locator."""
    before = page.locator(FINAL).count()
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")
    page.wait_for_function(
        "([selector, n]) => document.querySelectorAll(selector).length > n", arg=[FINAL, before],
        timeout=ANSWER_TIMEOUT_MS,
    )
    return page.locator(FINAL).last


def upload(page, *paths: Path) -> str:
    """Add files through the upload box; return the upload report's text."""
    if not page.locator("#upload input[type=file]").count():
        page.get_by_text("Add documents").click()
    page.set_input_files("#upload input[type=file]", [str(p) for p in paths])
    page.wait_for_selector("#upload-report li", timeout=ANSWER_TIMEOUT_MS)
    return page.inner_text("#upload-report")


def show_document(page, name: str) -> None:
    page.click("#doc-select input")
    page.click(f'#doc-select [data-testid=dropdown-option][aria-label="{name}"]')
    page.wait_for_function("(n) => document.querySelector('#doc-select input').value === n", arg=name)


def test_who_signed_streams_an_answer_beside_the_highlighted_signing_sentence(live_app, open_page):
    watched = open_page(live_app.url)
    page = watched.page
    page.evaluate(WATCH_STREAMING)
    reply = ask(page, "Who signed?")
    page.screenshot(path=str(SHOT), full_page=True)  # before asserting, so a failure can be looked at

    assert page.evaluate("window.sawStreaming") is True  # partial text was shown while generating
    assert "Joly" in reply.inner_text()
    marker = reply.locator("a.cite").first
    target = marker.get_attribute("href")
    assert page.locator(f"#sources-panel {target} mark").count() == 1  # each marker leads to its card
    assert any(SIGNING in text for text in page.locator("#sources-panel mark").all_inner_texts())
    assert "canada-korea-mou.txt" in page.inner_text("#sources-panel")
    assert any(SIGNING in text for text in page.locator("#doc-viewer mark").all_inner_texts())
    marker.click()
    assert page.evaluate("location.hash") == target
    assert watched.dialogs == [] and watched.outside_requests == []


def test_a_follow_up_is_understood_from_the_conversation(live_app, open_page):
    page = open_page(live_app.url).page
    assert "Joly" in ask(page, "Who signed?").inner_text()
    follow_up = ask(page, "And when?")

    assert "January 29" in follow_up.inner_text()
    details = follow_up.locator("details.standalone")
    assert details.count() == 1
    details.locator("summary").click()
    assert details.locator("p").inner_text().strip() != ""


def test_a_question_the_documents_do_not_answer_is_declined_plainly(live_app, open_page):
    page = open_page(live_app.url).page
    reply = ask(page, "Who is the Prime Minister of Canada?")
    assert reply.get_attribute("class") == "reply reply-abstain"
    assert "The documents do not answer this question." in reply.inner_text()
    assert page.locator("#sources-panel .sources-empty").count() == 1


def test_empty_and_too_long_questions_show_readable_errors(live_app, open_page):
    page = open_page(live_app.url).page
    page.click("#ask")  # nothing typed
    page.wait_for_selector("#chat .reply-error")
    assert "empty" in page.locator("#chat .reply-error").last.inner_text().lower()

    reply = ask(page, "why " * 400)
    assert reply.get_attribute("class") == "reply reply-error"
    assert "limit is 1,000" in reply.inner_text() or "limit is 1000" in reply.inner_text()
    assert "Traceback" not in page.inner_text("#chat")


def test_an_example_question_is_asked_with_one_click(live_app, open_page):
    page = open_page(live_app.url).page
    page.get_by_role("button", name="Which body does the agreement create?").click()
    page.wait_for_selector(FINAL, timeout=ANSWER_TIMEOUT_MS)
    assert "Committee" in page.locator(FINAL).last.inner_text()


def test_clear_conversation_empties_the_chat_and_the_sources(live_app, open_page):
    page = open_page(live_app.url).page
    ask(page, "Is there a binding investment?")
    page.click("#clear")
    page.wait_for_function("() => document.querySelectorAll('#chat .reply').length === 0")
    assert "appear here" in page.inner_text("#sources-panel")


def test_an_uploaded_document_is_indexed_and_answers_the_next_question(live_app, open_page, tmp_path):
    page = open_page(live_app.url).page
    notes = tmp_path / "orchard notes.txt"
    notes.write_text(ORCHARD, encoding="utf-8")

    report = upload(page, notes)
    assert "saved as orchard_notes.txt" in report and "indexed" in report
    page.wait_for_function("() => document.querySelector('#status').innerText.includes('orchard_notes.txt')")
    reply = ask(page, "How many crates of quince did the Willowbrook orchard harvest?")

    assert "420" in reply.inner_text()
    assert "orchard_notes.txt" in page.inner_text("#sources-panel")
    assert (live_app.docs / "orchard_notes.txt").read_text(encoding="utf-8") == ORCHARD


def test_a_refused_upload_says_why_and_stores_nothing(live_app, open_page, tmp_path):
    page = open_page(live_app.url).page
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Caf\xe9 au lait".encode("latin-1"))
    assert "latin1.txt: not UTF-8 text" in upload(page, latin)
    assert not (live_app.docs / "latin1.txt").exists()


def test_a_document_with_html_and_script_runs_nothing_and_shows_as_text(live_app, open_page, tmp_path):
    watched = open_page(live_app.url)
    page = watched.page
    memo = tmp_path / "zebra memo.txt"
    memo.write_text(PAYLOAD, encoding="utf-8")
    upload(page, memo)
    reply = ask(page, "What is the zebra budget?")
    show_document(page, "zebra_memo.txt")

    viewer = page.inner_text("#doc-viewer")
    assert '<script>alert("script-ran")</script>' in viewer
    assert '<img src=x onerror=alert("img-ran")>' in viewer
    assert "![pixel](http://evilhost/pixel.png)" in viewer and '${alert("tpl")} {{value}}' in viewer
    assert page.locator("#doc-viewer script, #doc-viewer img, #chat img[src=x], #sources-panel img").count() == 0
    assert "forty" in reply.inner_text() or reply.get_attribute("class") == "reply reply-abstain"
    page.wait_for_timeout(500)  # give any injected handler a chance to fire
    assert watched.dialogs == []
    assert watched.outside_requests == []


def test_the_ask_endpoint_answers_through_gradio_client(live_app):
    from gradio_client import Client

    client = Client(live_app.url, verbose=False)
    result = client.predict("Who signed?", api_name="/ask")

    assert set(result) == {"question", "answer", "abstained", "citations", "timings_ms"}
    assert result["abstained"] is False and "Joly" in result["answer"]
    text = (live_app.docs / "canada-korea-mou.txt").read_text(encoding="utf-8")
    assert all(text[c["start"]:c["end"]] == c["quote"] for c in result["citations"])
    assert any("Joly" in c["quote"] for c in result["citations"])


def test_a_question_asked_while_another_is_answered_is_answered_next(fake_app, open_page):
    page = open_page(fake_app.url).page
    page.fill("#question textarea", "Who signed?")
    page.press("#question textarea", "Enter")
    page.wait_for_selector("#chat .reply-streaming")
    page.fill("#question textarea", "And when?")
    page.press("#question textarea", "Enter")
    page.wait_for_function("(s) => document.querySelectorAll(s).length === 2", arg=FINAL, timeout=30_000)

    replies = page.locator(FINAL).all_inner_texts()
    assert "Joly" in replies[0] and "January 29" in replies[1]


def test_clicking_an_earlier_answer_shows_its_sources(fake_app, open_page):
    page = open_page(fake_app.url).page
    ask(page, "Who signed?")
    ask(page, "Which body does the agreement create?")
    assert "Which body" in page.inner_text("#sources-panel .sources-title")

    page.locator("#chat .reply-answer").first.click()
    page.wait_for_function(
        "() => document.querySelector('#sources-panel .sources-title').innerText.includes('Who signed?')")
    assert any(SIGNING in text for text in page.locator("#sources-panel mark").all_inner_texts())


def test_the_page_says_it_is_loading_and_questions_wait_until_ready(open_page, tmp_path):
    gate = threading.Event()
    docs = copy_seeds(tmp_path / "docs")
    app = start_app(lambda: gate.wait() and FakeAssistant(docs=docs, index=tmp_path / "index", load_seconds=0))
    try:
        page = open_page(app.url, wait_ready=False).page
        page.wait_for_selector(".status-loading")
        assert "Loading models and index…" in page.inner_text("#status")
        page.fill("#question textarea", "Who signed?")
        page.press("#question textarea", "Enter")
        page.wait_for_selector("#chat .reply-waiting >> text=Loading models and index…")
        gate.set()
        page.wait_for_selector("#chat .reply-answer", timeout=30_000)
        page.wait_for_selector(".status-ready", timeout=10_000)
        assert "fake-model" in page.inner_text("#status")
    finally:
        gate.set()
        app.demo.close()


def test_a_model_that_fails_to_load_is_reported_on_the_page(open_page):
    from assistant.errors import ModelError

    def fail():
        raise ModelError("model file models/missing.gguf not found: run `assistant models fetch`")

    app = start_app(fail)
    try:
        page = open_page(app.url, wait_ready=False).page
        page.wait_for_selector(".status-failed")
        assert "could not start: model file models/missing.gguf not found" in page.inner_text("#status")
        reply = ask(page, "Who signed?")
        assert "could not start" in reply.inner_text() and "Traceback" not in reply.inner_text()
    finally:
        app.demo.close()


def test_python_app_py_serves_on_loopback_at_the_port_from_the_environment(tmp_path):
    server = launch(ROOT / "app.py", tmp_path)  # GRADIO_SERVER_PORT set, GRADIO_SERVER_NAME unset
    try:
        config = json.loads(urllib.request.urlopen(server.url + "config", timeout=10).read())
        assert config["title"] == "Document Q&A with cited sources"
        assert _listening_addresses(server.port) == {"127.0.0.1"}
        seed = server.docs / "canada-korea-mou.txt"
        assert _status(f"{server.url}gradio_api/file={seed}") == 403  # documents are not served as files
    finally:
        stop(server)


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def _listening_addresses(port: int) -> set[str]:
    """Local addresses listening on `port`, read from /proc/net/tcp (IPv4) and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                if len(address) == 8:
                    found.add(".".join(str(int(address[i:i + 2], 16)) for i in (6, 4, 2, 0)))
                else:
                    found.add("::" if set(address) == {"0"} else address)
    return found
