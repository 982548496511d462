"""The embedding model, loaded once, offline, through llama-index's HuggingFace wrapper.

>>> emb = load_embedder("")                       # doctest: +SKIP
>>> len(emb.get_query_embedding("Who signed?"))   # doctest: +SKIP
384

`identity()` names the model and its dimension; the store records it so that
a store written by another model is refused instead of silently mixing vectors.
"""

from __future__ import annotations

import os
from pathlib import Path

from .errors import ModelError
from .models import embedding_model_path

PACKAGED_NAME = "sentence-transformers/all-MiniLM-L6-v2"


def offline_environment() -> None:
    """Make sure no library tries to reach a model hub or send telemetry."""
    for key in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY", "ANONYMIZED_TELEMETRY"):
        os.environ.setdefault(key, "1" if key != "ANONYMIZED_TELEMETRY" else "False")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


def load_embedder(name: str = "", batch_size: int = 32):
    """A llama-index `HuggingFaceEmbedding` on the CPU; `name` "" means the packaged MiniLM."""
    offline_environment()
    path = embedding_model_path(name)
    from llama_index.embeddings.huggingface import HuggingFaceEmbedding

    try:
        return HuggingFaceEmbedding(model_name=path, device="cpu", embed_batch_size=batch_size, normalize=True)
    except Exception as err:  # a broken folder surfaces as many different library errors
        raise ModelError(f"could not load the embedding model from {path}: {err}") from None


def identity(name: str, embedder) -> tuple[str, int]:
    """(model name, dimension) recorded in the store, e.g. ('sentence-transformers/all-MiniLM-L6-v2', 384)."""
    model_name = PACKAGED_NAME if not name else Path(name).name
    return model_name, len(embedder.get_query_embedding("dimension probe"))
