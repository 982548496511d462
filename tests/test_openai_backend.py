"""The OpenAI-compatible backend against a small stand-in server on loopback.

The stand-in speaks just enough of `/v1/chat/completions` (server-sent events)
to check what the backend sends and how it reads replies and failures. The
same backend against a real server (llama-cpp-python's) is in
tests/test_real_models.py.
"""

from __future__ import annotations

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from assistant import Assistant
from assistant.config import Config
from assistant.errors import ModelError
from assistant.llm import OpenAICompatible, load_llm


class StandIn:
    """A thread serving queued replies as an OpenAI-style event stream; records each request."""

    def __init__(self, replies: list[str] | None = None, status: int = 200):
        self.replies, self.status = list(replies or []), status
        self.requests: list[dict] = []  # {"path", "headers", "body"}
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                owner.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
                if owner.status != 200:
                    self.send_response(owner.status)
                    self.end_headers()
                    self.wfile.write(b'{"error": "model not loaded"}')
                    return
                reply = owner.replies.pop(0) if owner.replies else "NOT ANSWERABLE"
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.end_headers()
                for i in range(0, len(reply), 5):
                    chunk = {"choices": [{"delta": {"content": reply[i:i + 5]}}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def stand_in():
    servers = []

    def start(replies=None, status=200):
        servers.append(StandIn(replies, status))
        return servers[-1]

    yield start
    for server in servers:
        server.close()


def test_the_reply_streams_in_pieces_and_the_request_is_greedy_chat(stand_in):
    server = stand_in(["[1] Joly and Kim signed it."])
    llm = OpenAICompatible(server.url, "some-model")
    pieces = list(llm.stream("system text", "user text", max_tokens=40))
    assert len(pieces) > 1 and "".join(pieces) == "[1] Joly and Kim signed it."
    sent = server.requests[0]
    assert sent["path"] == "/v1/chat/completions"
    assert sent["body"]["model"] == "some-model" and sent["body"]["temperature"] == 0 and sent["body"]["stream"] is True
    assert sent["body"]["max_tokens"] == 40
    assert sent["body"]["messages"] == [{"role": "system", "content": "system text"}, {"role": "user", "content": "user text"}]
    assert "Authorization" not in sent["headers"]


def test_the_api_key_is_sent_as_a_bearer_token(stand_in):
    server = stand_in(["NOT ANSWERABLE"])
    list(OpenAICompatible(server.url, "m", api_key="sk-local-123").stream("s", "u"))
    assert server.requests[0]["headers"]["Authorization"] == "Bearer sk-local-123"


def test_a_grammar_is_sent_only_under_the_configured_field(stand_in):
    server = stand_in(["[1] x", "[1] x"])
    list(OpenAICompatible(server.url, "m").stream("s", "u", grammar="root ::= \"x\""))
    list(OpenAICompatible(server.url, "m", grammar_field="grammar").stream("s", "u", grammar="root ::= \"x\""))
    assert "grammar" not in server.requests[0]["body"]
    assert server.requests[1]["body"]["grammar"] == "root ::= \"x\""


def test_a_server_error_is_a_model_error_that_quotes_the_server(stand_in):
    server = stand_in(status=503)
    with pytest.raises(ModelError, match="answered 503.*model not loaded"):
        list(OpenAICompatible(server.url, "m").stream("s", "u"))


def test_an_unreachable_server_is_a_model_error_naming_the_address():
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ModelError, match=f"cannot reach the LLM server at http://127.0.0.1:{port}/v1"):
        list(OpenAICompatible(f"http://127.0.0.1:{port}/v1", "m", timeout=5).stream("s", "u"))


def test_the_backend_and_its_grammar_field_come_from_the_configuration():
    config = Config.load(None, environ={"ASSISTANT_LLM_BACKEND": "openai", "ASSISTANT_LLM_BASE_URL": "http://h:1/v1/",
                                        "ASSISTANT_LLM_MODEL": "served", "ASSISTANT_LLM_GRAMMAR_FIELD": "grammar"})
    llm = load_llm(config)
    assert isinstance(llm, OpenAICompatible)
    assert (llm.base_url, llm.name, llm.grammar_field) == ("http://h:1/v1", "served", "grammar")


def test_a_bare_yes_or_no_from_a_server_without_grammar_is_quoted_from_the_sentence_it_rests_on(stand_in, seed_docs, tmp_path, toy_embedder):
    server = stand_in(["No", "Yes"])
    config = Config(docs=str(seed_docs), index=str(tmp_path / "index"), llm_backend="openai", llm_base_url=server.url,
                    llm_model="m")
    bot = Assistant(config=config, embedder=toy_embedder)
    answer = bot.ask("Does the memorandum replace the Free Trade Agreement?")
    assert not answer.abstained and answer.answer.startswith("No. The documents say:")
    assert "does not replace that agreement" in answer.citations[0].quote
    assert answer.answer.endswith(f"“{answer.citations[0].quote}”")
    assert "grammar" not in server.requests[0]["body"]  # not configured: none sent
    said_yes = bot.ask("Was the memorandum signed by Mélanie Joly?")
    assert said_yes.answer.startswith("Yes. The documents say:") and "Mélanie Joly" in said_yes.citations[0].quote
