"""LLM backends with one small interface: stream the reply to a chat prompt.

>>> llm = FakeLLM(["[1] Joly signed it."])
>>> "".join(llm.stream("system text", "user text"))
'[1] Joly signed it.'

`LocalLlama` runs a GGUF file in-process with llama-cpp-python and can force
the reply into a GBNF grammar; `OpenAICompatible` talks to any server with an
OpenAI-style `/chat/completions` (vLLM, llama.cpp server, Ollama) and sends
the grammar only to servers configured to take one (`llm_grammar_field`), so
callers always parse and verify what comes back.
Generation is greedy (temperature 0) everywhere: the same question gives the
same answer. Deliberately not done: no retries, no tool calls, no batching.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from .errors import ModelError


ANCHOR_TAIL = 16  # tokens at the end of an anchored prompt that real prompts do not share (template, "?")


class FirstTokenOdds:
    """How strongly the model leaned to reply A rather than B, read at its first token.

    Greedy decoding hides how close a call was: a model that puts 45% on
    "NOT ANSWERABLE" and 55% on "[2] …" answers just as firmly as one at 1%.
    Passed to `stream(..., odds=...)`, a backend that can see the logits fills
    `value`: the probability mass on tokens that begin reply A, over the mass on
    tokens that begin A or B (the tokens that spell a prefix of each, e.g. "N",
    "NO", "NOT" for "NOT ANSWERABLE"). It is read from the raw logits, before
    any grammar, so it is defined even when a grammar forbids A.

    >>> odds = FirstTokenOdds("NOT ANSWERABLE", "[")
    >>> odds.value is None      # until a backend that can tell has filled it
    True

    Deliberately not done: no logprobs beyond the first token; remote servers and
    the fake backend leave `value` as None.
    """

    def __init__(self, a: str, b: str):
        self.a, self.b = a, b
        self.value: float | None = None

    def read(self, logits, ids_a: list[int], ids_b: list[int]) -> None:
        """Fill `value` from one row of logits (only the first call counts)."""
        import numpy as np

        if self.value is not None or not ids_a or not ids_b:
            return
        row = np.asarray(logits, dtype=np.float64)
        mass_a, mass_b = np.logaddexp.reduce(row[ids_a]), np.logaddexp.reduce(row[ids_b])
        self.value = float(np.exp(mass_a - np.logaddexp(mass_a, mass_b)))


class LocalLlama:
    """A GGUF model in this process. Calls are serialised: one model, one context."""

    reports_odds = True  # fills FirstTokenOdds (the second look and decline_threshold need it)

    def __init__(self, path, n_ctx: int = 2048, n_threads: int = 0, name: str = ""):
        self.path = Path(path)
        try:
            from llama_cpp import Llama
        except ImportError:
            raise ModelError("llama-cpp-python is not installed: pip install llama-cpp-python==0.3.36") from None
        threads = n_threads or os.cpu_count() or 2
        try:
            self.model = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
                               verbose=False, seed=0)
        except (ValueError, RuntimeError) as err:
            raise ModelError(f"could not load the model {path}: {err}") from None
        self.name = name or os.path.basename(str(path))
        self.n_ctx = n_ctx
        self._lock = threading.Lock()
        self._grammars: dict[str, object] = {}
        self._anchors: dict[str, tuple[list[int], object]] = {}  # system prompt -> (tokens, saved state)
        self._prefix_tokens: dict[str, list[int]] = {}

    def count_tokens(self, text: str) -> int:
        return len(self.model.tokenize(text.encode("utf-8"), add_bos=False, special=False))

    def prefix_tokens(self, text: str) -> list[int]:
        """Vocabulary ids that spell a prefix of `text` on their own ("N", "NO", "NOT" for "NOT ANSWERABLE")."""
        if text not in self._prefix_tokens:
            found = []
            for k in range(1, min(len(text), 24) + 1):
                ids = self.model.tokenize(text[:k].encode("utf-8"), add_bos=False, special=False)
                if len(ids) == 1 and ids[0] not in found:
                    found.append(ids[0])
            self._prefix_tokens[text] = found
        return self._prefix_tokens[text]

    def _grammar(self, grammar: str | None):
        if grammar is None:
            return None
        if grammar not in self._grammars:
            from llama_cpp import LlamaGrammar

            self._grammars[grammar] = LlamaGrammar.from_string(grammar, verbose=False)
        return self._grammars[grammar]

    def warm_prefix(self, system: str, user: str, cache_file=None) -> str:
        """Evaluate a prompt whose prefix later prompts share, once; keep it on disk.

        llama.cpp reuses the evaluated prefix of the previous call, so a prompt
        that starts with all the documents costs only its question afterwards.
        The evaluated state is saved to `cache_file` (about 30 MB for 1,000
        tokens) and restored by the next process instead of evaluating again.
        The state is also kept in memory as an anchor, one per system text: when
        another prompt (a follow-up's rewrite, the second look at an answer) has
        displaced it, the next prompt with the same system text restores it
        instead of evaluating the prefix again.
        Returns "loaded", "computed" or "computed+saved".
        """
        with self._lock:
            if cache_file is not None and Path(cache_file).exists() and self._load_state(Path(cache_file)):
                self._set_anchor(system)
                return "loaded"
        for _ in self.stream(system, user, None, 1):
            pass
        with self._lock:
            self._set_anchor(system)
            if cache_file is None:
                return "computed"
            self._save_state(Path(cache_file))
        return "computed+saved"

    def _set_anchor(self, system: str) -> None:
        """Keep the evaluated tokens' KV cache in memory (about 28 KB a token for the 1.5B model).

        Not llama-cpp-python's `save_state`: it also copies the logits of every
        token (600 KB a token), and its `load_state` scans the whole logits
        buffer, so restoring took about 1.2 s; this takes a few milliseconds.
        """
        import ctypes

        import llama_cpp

        ctx = self.model._ctx.ctx
        size = llama_cpp.llama_state_get_size(ctx)
        data = (ctypes.c_uint8 * size)()
        used = llama_cpp.llama_state_get_data(ctx, data, size)
        self._anchors[system] = (self.model.input_ids[:self.model.n_tokens].tolist(), (data, used))

    def _restore_anchor(self, system: str) -> None:
        """Put the anchored prefix back if the last prompt displaced it (cheap: a memory copy)."""
        if system not in self._anchors:
            return
        tokens, (data, used) = self._anchors[system]
        current = self.model.input_ids[:self.model.n_tokens].tolist()
        shared = next((i for i, (a, b) in enumerate(zip(tokens, current)) if a != b), min(len(tokens), len(current)))
        if shared < len(tokens) - ANCHOR_TAIL:
            import llama_cpp

            llama_cpp.llama_state_set_data(self.model._ctx.ctx, data, used)
            self.model.input_ids[:len(tokens)] = tokens
            self.model.n_tokens = len(tokens)
            self.model._requires_eval = True  # logits are refreshed by the next decode

    def _odds_reader(self, odds: FirstTokenOdds | None):
        """A llama-cpp logits processor that fills `odds` at the first token and changes nothing."""
        if odds is None:
            return None
        ids_a, ids_b = self.prefix_tokens(odds.a), self.prefix_tokens(odds.b)

        def observe(_input_ids, logits):
            odds.read(logits, ids_a, ids_b)
            return logits

        from llama_cpp import LogitsProcessorList

        return LogitsProcessorList([observe])

    def _save_state(self, path: Path) -> None:
        import llama_cpp

        n = self.model.n_tokens
        tokens = (llama_cpp.llama_token * n)(*self.model.input_ids[:n].tolist())
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        if llama_cpp.llama_state_save_file(self.model._ctx.ctx, str(tmp).encode(), tokens, n):
            tmp.replace(path)  # atomic: readers never see half a file
        else:
            tmp.unlink(missing_ok=True)

    def _load_state(self, path: Path) -> bool:
        import ctypes

        import llama_cpp

        capacity = self.n_ctx
        tokens = (llama_cpp.llama_token * capacity)()
        count = ctypes.c_size_t(0)
        if not llama_cpp.llama_state_load_file(self.model._ctx.ctx, str(path).encode(), tokens, capacity, ctypes.byref(count)):
            return False
        n = count.value
        self.model.input_ids[:n] = tokens[:n]
        self.model.n_tokens = n
        self.model._requires_eval = True  # logits are refreshed by the next decode
        return True

    def stream(self, system: str, user: str, grammar: str | None = None, max_tokens: int = 160,
               odds: FirstTokenOdds | None = None) -> Iterator[str]:
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        with self._lock:
            self._restore_anchor(system)
            chunks = self.model.create_chat_completion(
                messages=messages, grammar=self._grammar(grammar), max_tokens=max_tokens,
                temperature=0.0, top_k=1, repeat_penalty=1.0, stream=True,
                logits_processor=self._odds_reader(odds),
            )
            for chunk in chunks:
                piece = chunk["choices"][0]["delta"].get("content")
                if piece:
                    yield piece


class OpenAICompatible:
    """Any OpenAI-style chat endpoint; `base_url` like http://127.0.0.1:8080/v1."""

    reports_odds = False  # no logits over HTTP: the second look is skipped

    def __init__(self, base_url: str, model: str, api_key: str = "", timeout: float = 120.0, grammar_field: str = ""):
        self.base_url, self.name, self.api_key, self.timeout = base_url.rstrip("/"), model, api_key, timeout
        self.grammar_field = grammar_field  # e.g. "grammar" (llama.cpp servers); "" sends no grammar
        self.n_ctx = 4096

    def count_tokens(self, text: str) -> int:
        return len(text) // 4 + 1  # an estimate: the server's tokenizer is not available here

    def stream(self, system: str, user: str, grammar: str | None = None, max_tokens: int = 160,
               odds: FirstTokenOdds | None = None) -> Iterator[str]:
        import httpx

        body = {
            "model": self.name, "stream": True, "temperature": 0, "max_tokens": max_tokens,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
        }
        if grammar and self.grammar_field:
            body[self.grammar_field] = grammar
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        try:
            with httpx.stream("POST", f"{self.base_url}/chat/completions", json=body, headers=headers,
                              timeout=self.timeout) as response:
                if response.status_code != 200:
                    response.read()
                    raise ModelError(f"LLM server {self.base_url} answered {response.status_code}: {response.text[:200]}")
                yield from _sse_content(response.iter_lines())
        except httpx.HTTPError as err:
            raise ModelError(f"cannot reach the LLM server at {self.base_url}: {err}") from None


def _sse_content(lines) -> Iterator[str]:
    """Content pieces of an OpenAI-style server-sent event stream."""
    for line in lines:
        if not line.startswith("data:"):
            continue
        data = line[5:].strip()
        if data == "[DONE]":
            return
        try:
            choice = json.loads(data)["choices"][0]
        except (ValueError, KeyError, IndexError):
            continue
        piece = (choice.get("delta") or {}).get("content") or (choice.get("message") or {}).get("content")
        if piece:
            yield piece


class FakeLLM:
    """A deterministic stand-in for tests: replies are queued, prompts are recorded."""

    reports_odds = True  # the queued `odds`, when a test queues them

    def __init__(self, replies: list[str] | None = None, default: str = "NOT ANSWERABLE"):
        self.replies, self.default, self.name, self.n_ctx = list(replies or []), default, "fake", 4096
        self.prompts: list[tuple[str, str]] = []  # (system, user) of each call
        self.odds: list[float | None] = []  # first-token odds to report, one per call, if queued

    def enqueue(self, *replies: str) -> None:
        self.replies.extend(replies)

    def count_tokens(self, text: str) -> int:
        return len(text.split())

    def stream(self, system: str, user: str, grammar: str | None = None, max_tokens: int = 160,
               odds: FirstTokenOdds | None = None) -> Iterator[str]:
        self.prompts.append((system, user))
        reply = self.replies.pop(0) if self.replies else self.default
        if odds is not None and self.odds:
            odds.value = self.odds.pop(0)
        for i in range(0, len(reply), 4):
            yield reply[i:i + 4]


def load_llm(config) -> object:
    """The backend the configuration asks for (models are loaded here, once)."""
    if config.llm_backend == "openai":
        return OpenAICompatible(config.llm_base_url, config.llm_model, config.llm_api_key, config.llm_timeout_s,
                                config.llm_grammar_field)
    if config.llm_backend == "fake":
        return FakeLLM()
    from .models import gguf_path

    path = gguf_path(config.llm_model_path, config.llm_model)
    return LocalLlama(path, n_ctx=config.n_ctx, n_threads=config.n_threads, name=config.llm_model_path or config.llm_model)
