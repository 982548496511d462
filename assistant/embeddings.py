"""The embedding model, loaded once, offline: llama-index's HuggingFace wrapper for documents,
a NumPy pass of the same weights for questions (see `Embedder`).

>>> emb = Embedder("")                            # doctest: +SKIP
>>> len(emb.get_query_embedding("Who signed?"))   # doctest: +SKIP
384

`identity()` names the model and its dimension; the store records it so that
a store written by another model is refused instead of silently mixing vectors.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from .errors import ModelError
from .models import embedding_model_path

PACKAGED_NAME = "sentence-transformers/all-MiniLM-L6-v2"


def offline_environment() -> None:
    """Make sure no library tries to reach a model hub or send telemetry."""
    for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY", "ANONYMIZED_TELEMETRY"):
        os.environ.setdefault(key, "1" if key != "ANONYMIZED_TELEMETRY" else "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


class Embedder:
    """The embedding model, split by use: questions through the NumPy pass, documents through sentence-transformers.

    sentence-transformers (and torch) are imported only when documents need
    embedding, so a process that asks questions of a built index never pays for
    them. Both paths give the same vectors (checked in the tests); a model folder
    the NumPy pass cannot read (`BertQueryEncoder.load` returns None) sends
    questions to sentence-transformers too.

    >>> emb = Embedder("")                            # doctest: +SKIP
    >>> len(emb.get_query_embedding("Who signed?"))   # doctest: +SKIP
    384
    """

    def __init__(self, name: str = "", batch_size: int = 32):
        offline_environment()
        self.path = embedding_model_path(name)
        self.batch_size = batch_size
        self._full = None
        self._lock = threading.Lock()
        from .query_encoder import BertQueryEncoder

        try:
            self.query_encoder = BertQueryEncoder.load(self.path)
        except Exception:  # noqa: BLE001 - an unreadable folder: sentence-transformers reports it properly
            self.query_encoder = None
        if self.query_encoder is None:
            _ = self.full  # fail now, with its message, rather than at the first question

    @property
    def full(self):
        """llama-index's `HuggingFaceEmbedding` over sentence-transformers, loaded on first use."""
        with self._lock:
            if self._full is None:
                self._full = load_embedder(self.path, self.batch_size)
            return self._full

    def known_words(self) -> set[str]:
        """The whole words of the model's WordPiece vocabulary (`vocab.txt`), for `spelling.Speller`:
        about 21,000 English words for all-MiniLM-L6-v2; empty for a model folder without one."""
        vocab = Path(self.path) / "vocab.txt"
        if not vocab.is_file():
            return set()
        return {w for w in vocab.read_text(encoding="utf-8").split() if w.isalpha() and w.islower()}

    def get_query_embedding(self, question: str) -> list[float]:
        if self.query_encoder is not None:
            return self.query_encoder.encode(question)
        return self.full.get_query_embedding(question)

    def get_text_embedding_batch(self, texts: list[str], **kwargs) -> list[list[float]]:
        return self.full.get_text_embedding_batch(texts, **kwargs)


def load_embedder(path: str, batch_size: int = 32):
    """A llama-index `HuggingFaceEmbedding` on the CPU for the model folder `path`."""
    offline_environment()
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    try:
        return HuggingFaceEmbedding(model_name=path, device="cpu", embed_batch_size=batch_size, normalize=True)
    except Exception as err:  # a broken folder surfaces as many different library errors
        raise ModelError(f"could not load the embedding model from {path}: {err}") from None


def identity(name: str, embedder) -> tuple[str, int]:
    """(model name, dimension) recorded in the store, e.g. ('sentence-transformers/all-MiniLM-L6-v2', 384)."""
    model_name = PACKAGED_NAME if not name else Path(name).name
    return model_name, len(embedder.get_query_embedding("dimension probe"))
