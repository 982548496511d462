"""One explicit configuration object, read from a TOML file and the environment.

Precedence, lowest first: the defaults below, the file (``assistant.toml`` in
the working directory, or the path in ``ASSISTANT_CONFIG``), ``ASSISTANT_*``
environment variables, then explicit keyword overrides (CLI flags, API
arguments). Every field is named the same everywhere:

>>> Config.load(environ={"ASSISTANT_TOP_K": "8"}, path=None).top_k
8

The object is passed explicitly to the parts that need it; nothing reads the
environment behind your back, and llama-index's global ``Settings`` are never
used (they fall back to OpenAI).
"""

from __future__ import annotations

import dataclasses
import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path

from .errors import ConfigError

LLM_BACKENDS = ("local", "openai", "fake")


@dataclass(frozen=True)
class Config:
    docs: str = "seeds"  # folder of .txt/.md documents
    index: str = "index"  # folder of the local Chroma store
    collection: str = "documents"
    # Chroma server mode: set chroma_host to talk to `chroma run` instead of the folder.
    chroma_host: str = ""
    chroma_port: int = 8000
    # Embeddings: "" means the packaged all-MiniLM-L6-v2.
    embed_model: str = ""
    # LLM: "local" (llama-cpp-python, GGUF) or "openai" (any OpenAI-compatible server).
    llm_backend: str = "local"
    llm_model_path: str = ""  # GGUF file; "" means the packaged default model
    llm_model: str = "qwen2.5-1.5b"  # name of a packaged model, or the served model name
    llm_base_url: str = ""  # e.g. http://127.0.0.1:8080/v1
    llm_api_key: str = ""
    # OpenAI-compatible servers that accept a GBNF grammar in the request body, under this field:
    # "grammar" for llama.cpp's server and llama-cpp-python's. "" (the default) sends none: the
    # official API rejects unknown fields, and replies are parsed and verified either way.
    llm_grammar_field: str = ""
    llm_timeout_s: float = 120.0
    n_threads: int = 0  # 0: all cores
    n_ctx: int = 2048
    max_answer_tokens: int = 64
    # Evidence: "retrieval" gives the model the top_k retrieved sentences; "full" gives it
    # every sentence (numbered, in a prompt prefix the model caches across questions);
    # "auto" picks "full" when the documents fit in full_context_tokens.
    context: str = "retrieval"
    full_context_tokens: int = 1200
    # Abstention: decline when the model puts at least this probability on "NOT ANSWERABLE"
    # at its first token, even if greedy decoding went on to answer. 1.0 (the default) turns this
    # off and skips reading the odds, which costs about 1 s per answer with the local model;
    # 0.99 records them (Answer.decline_probability, eval results) nearly without effect.
    decline_threshold: float = 1.0
    # A second look (assistant/checking.py): a long answer copied from the evidence is declined
    # when the model, asked whether the cited text states it, puts less than this probability on
    # "Yes". Costs about 1-2 s an answer (local backend only); 0 turns the second look off altogether.
    check_threshold: float = 0.6
    check_min_words: int = 10  # answers shorter than this are short ones, checked against:
    short_check_threshold: float = 0.5  # lower, as the model doubts right short answers more; 0 skips their look
    # Retrieval
    top_k: int = 3  # evidence sentences given to the LLM in "retrieval" mode (each costs about 1 s of prompt evaluation on 2 cores)
    candidates_k: int = 30  # per retriever, before fusion
    # Limits
    max_question_chars: int = 1000
    max_document_bytes: int = 5_000_000
    prompts_dir: str = ""  # "" means the project's prompts/ folder
    lock_timeout: float = 30.0  # seconds a second writer waits for the store's write lock

    @classmethod
    def load(cls, path: str | Path | None = "", environ=None, **overrides) -> "Config":
        """Defaults < file < environment < overrides (None values are ignored)."""
        environ = os.environ if environ is None else environ
        values: dict = {}
        if path == "":
            path = environ.get("ASSISTANT_CONFIG") or ("assistant.toml" if Path("assistant.toml").exists() else None)
        if path:
            values.update(_read_file(Path(path)))
        values.update(_read_environ(environ))
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.from_dict(values)

    @classmethod
    def from_dict(cls, values: dict) -> "Config":
        """Build a config, converting strings and rejecting unknown or bad values."""
        known = {f.name: f for f in fields(cls)}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(known)}")
        converted = {name: _convert(name, value, known[name].type) for name, value in values.items()}
        config = cls(**converted)
        config.validate()
        return config

    def replace(self, **changes) -> "Config":
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})

    def validate(self) -> None:
        if self.context not in ("auto", "retrieval", "full"):
            raise ConfigError(f"context must be auto, retrieval or full, got {self.context!r}")
        if self.llm_backend not in LLM_BACKENDS:
            raise ConfigError(f"llm_backend must be one of {LLM_BACKENDS}, got {self.llm_backend!r}")
        if self.llm_backend == "openai" and not self.llm_base_url:
            raise ConfigError("llm_backend 'openai' needs llm_base_url (ASSISTANT_LLM_BASE_URL), e.g. http://127.0.0.1:8080/v1")
        for name in ("top_k", "candidates_k", "check_min_words", "max_question_chars", "max_document_bytes", "n_ctx", "max_answer_tokens"):
            if getattr(self, name) <= 0:
                raise ConfigError(f"{name} must be positive, got {getattr(self, name)}")
        if self.candidates_k < self.top_k:
            raise ConfigError(f"candidates_k ({self.candidates_k}) must be >= top_k ({self.top_k})")
        for name in ("check_threshold", "short_check_threshold"):
            if not 0.0 <= getattr(self, name) < 1.0:
                raise ConfigError(f"{name} must be in [0, 1), got {getattr(self, name)}")
        if not 0.0 < self.decline_threshold <= 1.0:
            raise ConfigError(f"decline_threshold must be in (0, 1], got {self.decline_threshold}")


def _read_file(path: Path) -> dict:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config file not found: {path}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        raise ConfigError(f"config file {path} is not valid TOML: {err}") from None
    return data.get("assistant", data)


def _read_environ(environ) -> dict:
    names = {f.name for f in fields(Config)}
    prefix = "ASSISTANT_"
    return {
        key[len(prefix):].lower(): value
        for key, value in environ.items()
        if key.startswith(prefix) and key[len(prefix):].lower() in names
    }


def _convert(name: str, value, type_name) -> object:
    kind = type_name if isinstance(type_name, str) else type_name.__name__
    try:
        if kind == "int":
            return int(value)
        if kind == "float":
            return float(value)
        return str(value)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {name} must be {kind}, got {value!r}") from None
