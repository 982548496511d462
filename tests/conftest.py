"""Shared fixtures: a deterministic toy embedder, a fake LLM, small document folders."""

from __future__ import annotations

import hashlib
import math
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


class ToyEmbedder:
    """Bag of hashed word stems in 64 dimensions, L2-normalised: same text, same vector.

    Implements the two methods of llama-index's BaseEmbedding that the project calls.
    """

    dim = 64

    def _embed(self, text: str) -> list[float]:
        from assistant.text import stems

        vec = [0.0] * self.dim
        for s in stems(text):
            vec[int(hashlib.md5(s.encode()).hexdigest(), 16) % self.dim] += 1.0
        norm = math.sqrt(sum(v * v for v in vec)) or 1.0
        return [v / norm for v in vec]

    def get_query_embedding(self, text: str) -> list[float]:
        return self._embed(text)

    def get_text_embedding_batch(self, texts: list[str], **_) -> list[list[float]]:
        return [self._embed(t) for t in texts]


@pytest.fixture(autouse=True)
def isolated_environment(monkeypatch, tmp_path):
    """No test reads the developer's ASSISTANT_* settings or ./assistant.toml."""
    import os

    for key in list(os.environ):
        if key.startswith("ASSISTANT_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)


@pytest.fixture
def toy_embedder():
    return ToyEmbedder()


@pytest.fixture
def seed_docs(tmp_path) -> Path:
    docs = tmp_path / "docs"
    shutil.copytree(SEEDS, docs)
    return docs


@pytest.fixture
def make_fake_bot(tmp_path, toy_embedder):
    """Build an Assistant over `docs` with the toy embedder and a FakeLLM (real Chroma on disk)."""
    from assistant import Assistant, Config
    from assistant.llm import FakeLLM

    def make(docs: Path, replies=(), **settings):
        settings.setdefault("short_check_threshold", 0.0)  # tests script the answers; the short answers' second look has its own
        config = Config.load(path=None, environ={}, docs=str(docs), index=str(tmp_path / "index"), **settings)
        llm = FakeLLM(list(replies))
        return Assistant(config=config, llm=llm, embedder=toy_embedder), llm

    return make


@pytest.fixture(scope="session")
def real_bot(tmp_path_factory):
    """The real Assistant (MiniLM, Chroma on disk, the default local LLM) over a copy of seeds/."""
    from assistant import Assistant, Config

    base = tmp_path_factory.mktemp("real")
    docs = base / "docs"
    shutil.copytree(SEEDS, docs)
    return Assistant(config=Config.load(None, environ={}, docs=str(docs), index=str(base / "index")))
