"""The vector store: sentence-window embeddings in Chroma, through llama-index.

One Chroma collection holds one entry per sentence. Entry ids are derived from
the document's path, the sha256 of its text and the sentence number, so:
unchanged documents cost nothing on re-ingest, a changed document replaces
its own entries (deleted by `ref_doc_id`, which is its path), and a document
that left the folder disappears.

The collection's metadata records the embedding model, its dimension and the
retrieval-unit scheme; opening it with anything else raises
IndexMismatchError ("re-index needed") instead of mixing vectors.

Deliberately not done: no in-place update of single sentences, no cross-store
migrations. Local mode is a `PersistentClient` folder; server mode is an
`HttpClient` to `chroma run` (config.chroma_host / chroma_port).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .documents import Document
from .errors import ConfigError, IndexMismatchError
from .locking import WriteLock
from .spans import window_text
from .types import Span

UNIT_SCHEME = "sentence-window-1"  # one sentence, embedded with one neighbour each side
LOCK_NAME = ".assistant-write.lock"


@dataclass
class SyncReport:
    """What an ingest changed, by document path."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # unreadable files, see warnings
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.updated)} updated, {len(self.removed)} removed, "
                f"{len(self.unchanged)} unchanged, {len(self.skipped)} skipped")


def entry_id(doc: Document, sentence_index: int) -> str:
    """Stable id of one sentence entry, e.g. 'c0ffee…' (32 hex digits)."""
    key = f"{doc.source}\0{doc.sha256}\0{sentence_index}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


class VectorStore:
    """A Chroma collection tied to one embedding model (see module docstring)."""

    def __init__(self, client, collection_name: str, model_name: str, dimension: int, lock_path: Path | None):
        from llama_index.vector_stores.chroma import ChromaVectorStore

        expected = {"embed_model": model_name, "embed_dim": dimension, "unit_scheme": UNIT_SCHEME}
        self.collection = client.get_or_create_collection(
            collection_name, metadata=expected, configuration={"hnsw": {"space": "cosine"}}, embedding_function=None,
        )
        found = {k: (self.collection.metadata or {}).get(k) for k in expected}
        if found != expected:
            raise IndexMismatchError(
                f"the index was built with {found['embed_model']} ({found['embed_dim']} dims, {found['unit_scheme']}), "
                f"not {model_name} ({dimension} dims, {UNIT_SCHEME}): re-index needed — "
                "run `assistant ingest --rebuild` (or delete the index folder)"
            )
        self.vectors = ChromaVectorStore(chroma_collection=self.collection)
        self.lock_path = lock_path

    @classmethod
    def open(cls, config, model_name: str, dimension: int) -> "VectorStore":
        client, lock_path = _client(config)
        return cls(client, config.collection, model_name, dimension, lock_path)

    @staticmethod
    def drop(config) -> None:
        """Delete the whole collection (`ingest --rebuild`), whatever model wrote it."""
        client, lock_path = _client(config)
        with WriteLock(lock_path, timeout=config.lock_timeout) if lock_path else _NoLock():
            if config.collection in [c.name for c in client.list_collections()]:
                client.delete_collection(config.collection)

    def indexed(self) -> dict[str, set[str]]:
        """Document path -> the text hashes stored for it (normally exactly one)."""
        found: dict[str, set[str]] = {}
        for meta in self.collection.get(include=["metadatas"])["metadatas"]:
            found.setdefault(meta["source"], set()).add(meta["doc_sha256"])
        return found

    def plan(self, documents: list[Document]) -> SyncReport:
        """What `sync` would do, without doing it (cheap: reads metadata only)."""
        stored, report = self.indexed(), SyncReport()
        for doc in documents:
            hashes = stored.get(doc.source)
            bucket = report.added if hashes is None else report.unchanged if hashes == {doc.sha256} else report.updated
            bucket.append(doc.source)
        present = {d.source for d in documents}
        report.removed = sorted(s for s in stored if s not in present)
        return report

    def sync(self, documents: list[Document], spans: dict[str, list[Span]], embedder,
             progress: Callable[[int, int, str], None] | None = None, lock_timeout: float = 30.0) -> SyncReport:
        """Bring the collection up to date with `documents`; one writer at a time."""
        lock = WriteLock(self.lock_path, timeout=lock_timeout) if self.lock_path else _NoLock()
        with lock:
            report = self.plan(documents)  # re-plan under the lock: another writer may have finished
            for source in report.updated + report.removed:
                self.vectors.delete(source)
            todo = [d for d in documents if d.source in set(report.added + report.updated)]
            total = sum(len(spans[d.source]) for d in todo)
            done = 0
            for doc in todo:
                for batch in _batches(spans[doc.source], 64):
                    self._add(doc, spans[doc.source], batch, embedder)
                    done += len(batch)
                    if progress:
                        progress(done, total, doc.source)
        return report

    def _add(self, doc: Document, all_spans: list[Span], batch: list[Span], embedder) -> None:
        from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

        texts = [window_text(all_spans, s.index) for s in batch]
        vectors = embedder.get_text_embedding_batch(texts)
        nodes = [
            TextNode(
                id_=entry_id(doc, s.index), text=text, embedding=vector,
                metadata={"source": doc.source, "doc_sha256": doc.sha256, "sentence": s.index, "start": s.start, "end": s.end},
                relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=doc.source)},
            )
            for s, text, vector in zip(batch, texts, vectors)
        ]
        self.vectors.add(nodes)

    def query(self, embedding: list[float], k: int) -> list[tuple[str, int, float]]:
        """The `k` nearest sentences as (source, sentence index, cosine similarity)."""
        from llama_index.core.vector_stores.types import VectorStoreQuery

        if self.collection.count() == 0:
            return []
        result = self.vectors.query(VectorStoreQuery(query_embedding=embedding, similarity_top_k=k))
        return [(n.metadata["source"], int(n.metadata["sentence"]), float(sim))
                for n, sim in zip(result.nodes, result.similarities)]

def _client(config):
    """(Chroma client, write-lock path or None) for local or server mode."""
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False)
    if config.chroma_host:
        try:
            client = chromadb.HttpClient(host=config.chroma_host, port=config.chroma_port, settings=settings)
            client.heartbeat()
        except Exception as err:
            raise ConfigError(f"cannot reach the Chroma server at {config.chroma_host}:{config.chroma_port}: {err}") from None
        return client, None
    Path(config.index).mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(config.index), settings=settings), Path(config.index) / LOCK_NAME


class _NoLock:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return None


def _batches(items: list, size: int):
    for i in range(0, len(items), size):
        yield items[i:i + size]
