"""The chat's event handlers over a fake assistant (no browser, no models)."""

from __future__ import annotations

from pathlib import Path

import gradio as gr
import pytest

from assistant.errors import StoreLockedError
from assistant.web.app import ChatApp, build_app
from assistant.web.conversation import Turn
from assistant.web.loader import BotHolder

SIGNING_SENTENCE = "The memorandum was signed on January 29 by Canadian Industry Minister Mélanie Joly"


def ready_app(bot) -> ChatApp:
    holder = BotHolder(lambda: bot).start()
    holder.wait(timeout=5)
    return ChatApp(holder)


def ask(app: ChatApp, turns: list[Turn], question: str) -> list[tuple]:
    """Every update the answer handler yields for `question`."""
    app.add_question(question, turns)
    return list(app.answer(turns))


def test_an_answer_streams_then_shows_sources_and_the_document(fake_bot):
    app, turns = ready_app(fake_bot), []
    updates = ask(app, turns, "Who signed?")

    partial_chat = updates[0][1]
    assert 'class="answer streaming"' in partial_chat[-1]["content"]
    _, chat, sources, focus, dropdown, viewer = updates[-1]
    assert "Joly" in chat[-1]["content"] and 'href="#src-0-1"' in chat[-1]["content"]
    assert 'id="src-0-1"' in sources and f"<mark>{SIGNING_SENTENCE}" in sources
    assert focus == 0
    assert dropdown.value == "canada-korea-mou.txt"
    assert f'<mark data-cite="1">{SIGNING_SENTENCE}' in viewer
    assert turns[0].state == "done" and turns[0].answer_text.startswith("The memorandum was signed by")


def test_a_follow_up_is_asked_with_the_earlier_turns(fake_bot):
    seen = []
    original = fake_bot.ask_stream
    fake_bot.ask_stream = lambda q, history=None: (seen.append(history), (yield from original(q, history)))[1]
    app, turns = ready_app(fake_bot), []
    ask(app, turns, "Who signed?")
    *_, last = ask(app, turns, "And when?")

    assert seen == [[], [("Who signed?", turns[0].answer_text)]]
    assert "January 29" in last[1][-1]["content"]
    assert "<summary>Understood as</summary>" in last[1][-1]["content"]


def test_a_declined_answer_is_a_notice(fake_bot):
    *_, last = ask(ready_app(fake_bot), [], "Who is the Prime Minister of Canada?")
    assert 'class="notice notice-abstain"' in last[1][-1]["content"]
    assert "The documents do not answer this question." in last[1][-1]["content"]


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "The question is empty: type a question about the documents."),
     ("x" * 1001, "The question is 1001 characters long; the limit is 1000.")],
)
def test_a_bad_question_becomes_a_readable_error(fake_bot, question, message):
    turns = []
    *_, last = ask(ready_app(fake_bot), turns, question)
    assert last[1][-1]["content"] == (
        '<div class="reply reply-error"><div class="notice notice-error" role="status">'
        f'<div class="notice-title">{message}</div></div></div>'
    )
    assert turns[0].state == "failed"


def test_a_store_locked_error_is_shown_as_its_message(fake_bot):
    def locked(question, history=None):
        raise StoreLockedError("another process is writing the index; try again when it is done")
        yield

    fake_bot.ask_stream = locked
    *_, last = ask(ready_app(fake_bot), [], "Who signed?")
    assert "Another process is writing the index; try again when it is done" in last[1][-1]["content"]


def test_an_unexpected_error_shows_a_generic_message_and_is_logged(fake_bot, caplog):
    def crash(question, history=None):
        yield "partial"
        raise RuntimeError("secret detail /srv/path")

    fake_bot.ask_stream = crash
    *_, last = ask(ready_app(fake_bot), [], "Who signed?")
    assert "Something went wrong on the server (the details are in its log)" in last[1][-1]["content"]
    assert "secret detail" not in last[1][-1]["content"]
    assert "secret detail /srv/path" in caplog.text


def test_a_question_waits_politely_while_loading(fake_bot):
    import threading

    gate = threading.Event()
    holder = BotHolder(lambda: gate.wait() and fake_bot).start()
    app, turns = ChatApp(holder), []
    app.add_question("Who signed?", turns)
    updates = app.answer(turns)
    first = next(updates)
    assert "Loading models and index…" in first[1][-1]["content"]
    gate.set()
    *_, last = updates
    assert "Joly" in last[1][-1]["content"]


def test_a_failed_load_is_reported_in_the_chat():
    from assistant.errors import ModelError

    def fail():
        raise ModelError("model file qwen.gguf is missing: run `assistant models fetch`")

    holder = BotHolder(fail).start()
    app, turns = ChatApp(holder), []
    *_, last = ask(app, turns, "Who signed?")
    assert "The assistant could not start: model file qwen.gguf is missing" in last[1][-1]["content"]
    assert "could not start" in app.status_html()


def test_api_ask_returns_the_answer_dict_or_a_gradio_error(fake_bot):
    app = ready_app(fake_bot)
    result = app.api_ask("Who signed?")
    assert set(result) == {"question", "answer", "abstained", "citations", "timings_ms"}
    assert result["citations"][0]["quote"].startswith(SIGNING_SENTENCE)
    with pytest.raises(gr.Error, match="The question is empty"):
        app.api_ask("   ")


def test_upload_stores_safely_indexes_and_reports(fake_bot, tmp_path):
    app = ready_app(fake_bot)
    good = tmp_path / "up" / "orchard notes.txt"
    good.parent.mkdir()
    good.write_text("The Willowbrook orchard harvested 420 crates of quince in October.\n")
    bad = tmp_path / "up" / "latin1.txt"
    bad.write_bytes("caf\xe9".encode("latin-1"))

    report, cleared, status, dropdown = app.upload([str(good), str(bad)], progress=lambda *a, **k: None)

    assert report == (
        '<div class="upload-report"><ul>'
        '<li class="refused">latin1.txt: not UTF-8 text (invalid byte at position 3)</li>'
        '<li class="ok">orchard notes.txt: saved as orchard_notes.txt</li>'
        '<li class="ok">indexed, ready for your next question: orchard_notes.txt</li></ul></div>'
    )
    assert cleared is None
    assert "orchard_notes.txt" in status and dropdown.choices[-1][0] == "orchard_notes.txt"
    assert (Path(fake_bot.docs_dir) / "orchard_notes.txt").exists()
    assert not (Path(fake_bot.docs_dir) / "latin1.txt").exists()
    turns = []
    *_, last = ask(app, turns, "How many crates of quince did the Willowbrook orchard harvest?")
    assert "420 crates" in last[1][-1]["content"]


def test_build_app_exposes_only_the_ask_endpoint(fake_bot):
    demo = build_app(lambda: fake_bot)
    api = demo.get_api_info()
    assert list(api["named_endpoints"]) == ["/ask"]
    assert [p["parameter_name"] for p in api["named_endpoints"]["/ask"]["parameters"]] == ["question"]
