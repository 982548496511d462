"""The real parts: MiniLM embeddings, Chroma on disk and in server mode, the local LLM, the CLI."""

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEEDS

pytestmark = pytest.mark.slow


def test_dense_retrieval_finds_a_paraphrase_that_shares_no_words(real_bot):
    question = "Which body does the agreement create?"
    fused = [c.span.text for c in real_bot.retriever.retrieve(question, real_bot.config.top_k)]
    assert any("establishes a Canada–Korea Industrial Cooperation Committee" in t for t in fused)


@pytest.mark.parametrize("question", ["Name of the new committee", "What's this new committee called?"])
def test_a_question_for_a_name_is_shown_the_sentence_that_names_it(real_bot, question):
    from assistant.answering import with_naming_sentence

    shown = with_naming_sentence(question, real_bot.retriever.retrieve(question, 30), real_bot.config.top_k)
    assert len(shown) == real_bot.config.top_k
    assert any("Industrial Cooperation Committee" in c.span.text for c in shown)


def test_a_misspelled_word_is_read_as_the_documents_spell_it_and_an_english_word_is_not(real_bot):
    question = real_bot._speller.correct("What is the comittee for? like what is its job")
    assert question == "What is the committee for? like what is its job"
    def shown(q):
        return [c.span.text for c in real_bot.retriever.retrieve(q, real_bot.config.top_k)]

    assert any("committee will" in t for t in shown(question))  # what the committee will do
    assert not any("committee will" in t for t in shown("What is the comittee for? like what is its job"))  # as typed
    assert real_bot._speller.correct("Has Korea committed money to a meeting?") == "Has Korea committed money to a meeting?"


def test_hybrid_retrieval_puts_the_golden_evidence_in_the_top_3(real_bot):
    """Retrieval alone, over the seed golden set: 0.921 measured with the sentence+window vectors
    (0.841 when only the window was embedded); the bar allows two more misses."""
    from assistant.evaluation.golden import load_golden
    from assistant.evaluation.metrics import gold_rank

    rows = [r for r in load_golden(ROOT / "tests/golden/seed_qa.jsonl", docs=real_bot.docs_dir) if r.answerable and r.evidence]
    hits = 0
    for row in rows:
        text = real_bot.document_text(row.source)
        gold = [(text.find(e), text.find(e) + len(e)) for e in row.evidence]
        hits += gold_rank(real_bot.retriever.retrieve(row.question, 3), row.source, gold) is not None
    assert len(rows) >= 40 and hits / len(rows) >= 0.88, f"{hits} of {len(rows)}"


def test_who_signed_names_both_signatories_and_cites_the_signing_sentence(real_bot):
    answer = real_bot.ask("Who signed?")
    assert not answer.abstained
    assert "Joly" in answer.answer and "Kim Jung-kwan" in answer.answer
    assert any("signed on January 29" in c.quote for c in answer.citations)


def test_binding_investment_is_answered_no_with_the_negating_sentence(real_bot):
    answer = real_bot.ask("Is there a binding investment?")
    assert answer.answer.startswith("No")
    assert any("binding investment commitment" in c.quote for c in answer.citations)


def test_prime_minister_question_is_declined(real_bot):
    answer = real_bot.ask("Who is the Prime Minister of Canada?")
    assert answer.abstained and answer.citations == []


def test_the_model_reports_how_strongly_it_leaned_to_declining(real_bot):
    default = real_bot.config
    assert real_bot.ask("When was the memorandum signed?").decline_probability is None  # off by default: it costs time
    real_bot.config = default.replace(decline_threshold=0.99)
    try:
        answered = real_bot.ask("When was the memorandum signed?")
        tempting = real_bot.ask("How much will Korea invest?")  # the article names no amount
    finally:
        real_bot.config = default
    assert answered.decline_probability < 0.2 < 0.5 < tempting.decline_probability
    assert tempting.abstained and not answered.abstained


def test_a_copied_sentence_that_does_not_answer_is_declined_on_a_second_look(real_bot):
    """The model copies the sentence about South Korea; asked again, it doubts that the sentence names a president."""
    from assistant.checking import second_look
    from assistant.grounding import Verdict

    answer = real_bot.ask("Who is the president of South Korea?")
    assert answer.abstained and answer.check_probability is not None and answer.check_probability < 0.6
    assert "check_threshold" in answer.reason
    korea = next(s for s in real_bot._spans["canada-korea-mou.txt"] if s.text.startswith("South Korea, home to"))
    kept, p = second_look(real_bot.llm, real_bot.prompts["check"], "What is South Korea home to?",
                          Verdict(False, "major global automakers and battery manufacturers", [korea]), 0.6)
    assert not kept.abstained and p >= 0.6


def test_every_quote_is_the_source_text_at_its_offsets(real_bot):
    for q in ["When was the memorandum signed?", "What does the committee do?", "Does the memorandum replace the free trade agreement?"]:
        for c in real_bot.ask(q).citations:
            assert real_bot.document_text(c.source)[c.start:c.end] == c.quote


def test_the_shared_prompt_prefix_survives_a_follow_up_rewrite(real_bot):
    from assistant.answering import DECLINE
    from assistant.llm import ANCHOR_TAIL, FirstTokenOdds

    real_bot.warm_up()
    llm = real_bot.llm
    system = real_bot._answer_prompt("?", [])[0]
    tokens, _ = llm._anchors[system]
    kept = len(tokens) - ANCHOR_TAIL
    user = real_bot._answer_prompt("What does the memorandum establish?", real_bot._full_evidence[:3])[1]

    def reply_and_odds() -> tuple[str, float]:
        odds = FirstTokenOdds(DECLINE, "[")
        return "".join(llm.stream(system, user, None, 12, odds=odds)), odds.value

    before = reply_and_odds()
    assert before[1] is not None and before[0]
    list(llm.stream("You rewrite questions.", "And when?", None, 1))  # what a follow-up's rewrite does
    assert llm.model.input_ids[:kept].tolist() != tokens[:kept]
    llm._restore_anchor(system)
    assert llm.model.input_ids[:kept].tolist() == tokens[:kept]
    list(llm.stream("You rewrite questions.", "And who?", None, 1))
    reply, odds = reply_and_odds()  # the restored cache (restored inside stream) gives the same reply and odds;
    assert reply == before[0] and abs(odds - before[1]) < 0.02  # odds to within float noise: another batch split
    assert not real_bot.ask("When was the memorandum signed?").abstained


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_server_mode_against_a_real_chroma_server(tmp_path, real_bot):
    from assistant import Assistant, Config

    port = _free_port()
    chroma = Path(sys.executable).parent / "chroma"
    server = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.5)
        config = Config.load(None, environ={}, docs=str(SEEDS), chroma_host="127.0.0.1", chroma_port=port)
        bot = Assistant(config=config, llm=real_bot.llm, embedder=real_bot.embedder)
        assert bot.last_report.added == ["canada-korea-mou.txt"]
        assert bot.store.collection.count() == 22
        again = Assistant(config=config, llm=real_bot.llm, embedder=real_bot.embedder)
        assert again.last_report.unchanged == ["canada-korea-mou.txt"]
        answer = again.ask("Who signed?")
        assert not answer.abstained and "Joly" in answer.answer
        assert [c.quote for c in answer.citations] == [again.document_text(c.source)[c.start:c.end] for c in answer.citations]
    finally:
        server.terminate()
        server.wait(timeout=30)


def run_cli(*args, env=None, timeout=600):
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True,
                          timeout=timeout, env=full_env, cwd=ROOT)


def test_cli_ask_json_prints_one_object_per_question(tmp_path):
    index = tmp_path / "index"
    result = run_cli("ask", "--docs", str(SEEDS), "--index", str(index), "--json", "Who signed?", "How much will Korea invest?")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in rows] == ["Who signed?", "How much will Korea invest?"]
    assert set(rows[0]) == {"question", "answer", "abstained", "citations", "timings_ms"}
    assert set(rows[0]["timings_ms"]) >= {"retrieve", "generate", "total"}
    assert not rows[0]["abstained"] and "Joly" in rows[0]["answer"]
    assert rows[1]["abstained"] is True and rows[1]["citations"] == []
    text = SEEDS.joinpath("canada-korea-mou.txt").read_text(encoding="utf-8")
    assert all(text[c["start"]:c["end"]] == c["quote"] for c in rows[0]["citations"])


def test_cli_errors_are_one_line_with_non_zero_exit(tmp_path):
    missing = run_cli("ask", "--docs", str(tmp_path / "nope"), "--index", str(tmp_path / "i"), "Who?")
    assert missing.returncode == 1 and missing.stderr.strip().startswith("error: documents folder not found")
    assert "Traceback" not in missing.stderr
    bad_model = run_cli("ask", "--docs", str(SEEDS), "--index", str(tmp_path / "i"), "Who signed?",
                        env={"ASSISTANT_LLM_MODEL_PATH": str(tmp_path / "missing.gguf")})
    assert bad_model.returncode == 1 and "model file not found" in bad_model.stderr
    assert "Traceback" not in bad_model.stderr


def test_cli_reports_a_locked_store(tmp_path):
    from assistant.locking import WriteLock
    from assistant.store import LOCK_NAME

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("A new document about trade.", encoding="utf-8")
    index = tmp_path / "index"
    with WriteLock(index / LOCK_NAME):
        result = run_cli("ingest", "--docs", str(docs), "--index", str(index), env={"ASSISTANT_LOCK_TIMEOUT": "0.5"})
    assert result.returncode == 1 and "being written by another process" in result.stderr


def test_an_openai_compatible_server_answers_by_configuration_alone(tmp_path):
    """llama-cpp-python's OpenAI-compatible server on loopback, serving the packaged model;
    the CLI is pointed at it by ASSISTANT_* variables only."""
    from assistant.models import gguf_path

    port = _free_port()
    log = tmp_path / "server.log"
    with log.open("w") as out:
        server = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(gguf_path("", "qwen2.5-1.5b")),
                                   "--model_alias", "served-qwen", "--host", "127.0.0.1", "--port", str(port),
                                   "--n_ctx", "2048", "--n_threads", "2"], stdout=out, stderr=subprocess.STDOUT)
    try:
        _wait_for_http(f"http://127.0.0.1:{port}/v1/models", server, log)
        env = {"ASSISTANT_LLM_BACKEND": "openai", "ASSISTANT_LLM_BASE_URL": f"http://127.0.0.1:{port}/v1",
               "ASSISTANT_LLM_MODEL": "served-qwen", "ASSISTANT_DOCS": str(SEEDS), "ASSISTANT_INDEX": str(tmp_path / "index")}
        with_grammar = run_cli("ask", "--json", "Who signed?", "Is there a binding investment?",
                               "Who is the Prime Minister of Canada?", env={**env, "ASSISTANT_LLM_GRAMMAR_FIELD": "grammar"})
        assert with_grammar.returncode == 0, with_grammar.stderr
        signed, binding, prime = [json.loads(line) for line in with_grammar.stdout.splitlines()]
        assert "Joly" in signed["answer"] and "Kim Jung-kwan" in signed["answer"]
        assert "signed on January 29" in signed["citations"][0]["quote"]
        assert binding["answer"].startswith("No") and "binding investment commitment" in binding["citations"][0]["quote"]
        assert prime["abstained"] and prime["citations"] == []
        without_grammar = run_cli("ask", "--json", "Is there a binding investment?", env=env)
        assert without_grammar.returncode == 0, without_grammar.stderr
        plain = json.loads(without_grammar.stdout)
        assert plain["answer"].startswith("No") and "binding investment commitment" in plain["citations"][0]["quote"]
        text = SEEDS.joinpath("canada-korea-mou.txt").read_text(encoding="utf-8")
        assert all(text[c["start"]:c["end"]] == c["quote"] for row in (signed, binding, plain) for c in row["citations"])
        # Three questions went to the model (the Prime Minister one is declined before it): all to this server.
        assert log.read_text().count("POST /v1/chat/completions") == 3
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for_http(url: str, process, log: Path, seconds: float = 180) -> None:
    import httpx

    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the server exited with {process.returncode}: {log.read_text()[-2000:]}")
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    pytest.fail(f"the server at {url} did not come up in {seconds:.0f} s: {log.read_text()[-2000:]}")
