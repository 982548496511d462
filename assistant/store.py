"""The vector store: one embedding per sentence in Chroma, through llama-index.

Each sentence's vector is the sum of two embeddings: the sentence alone and the
sentence with one neighbour each side (its window), compared with a question
by inner product, i.e. the sum of the two cosines. The sentence alone matches
questions about that sentence; the window helps when the sentence leans on its
neighbours ("It was signed on …"). Measured on SQuAD v1.1 dev (2,986 questions
over 12 articles, gold sentence in the top 3 after fusion with BM25): window
alone 0.794, sentence alone 0.824, the sum 0.842; on the seed golden set (63
questions) 0.841, 0.905, 0.921.

One Chroma collection holds one entry per sentence. Entry ids are derived from
the document's path, the sha256 of its text and the sentence number, so:
unchanged documents cost nothing on re-ingest, a changed document replaces
its own entries (deleted by `ref_doc_id`, which is its path), and a document
that left the folder disappears.

The collection's metadata records the embedding model, its dimension and the
retrieval-unit scheme; opening it with another model or dimension raises
IndexMismatchError ("re-index needed") instead of mixing vectors. A local
store written by this project with the same model but an older unit scheme is
rebuilt on open (its documents are embedded again); a Chroma server's store
is never dropped implicitly: it raises the same error.

Deliberately not done: no in-place update of single sentences, no migration
other than rebuilding this project's own older layout. Local mode is a
`PersistentClient` folder; server mode is an `HttpClient` to `chroma run`
(config.chroma_host / chroma_port).
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .documents import Document
from .errors import ConfigError, IndexMismatchError, StoreError
from .locking import WriteLock
from .spans import window_text
from .types import Span

UNIT_SCHEME = "sentence+window-1"  # one sentence: its embedding plus that of its ±1-sentence window, inner product
LOCK_NAME = ".assistant-write.lock"


class OutdatedLayoutError(IndexMismatchError):
    """The store holds this model's vectors in an older retrieval-unit scheme of this project."""


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
            collection_name, metadata=expected, configuration={"hnsw": {"space": "ip"}}, embedding_function=None,
        )
        found = {k: (self.collection.metadata or {}).get(k) for k in expected}
        if found != expected:
            raise (OutdatedLayoutError if _outdated_layout(found, expected) else IndexMismatchError)(
                f"the index was built with {found['embed_model']} ({found['embed_dim']} dims, {found['unit_scheme']}), "
                f"not {model_name} ({dimension} dims, {UNIT_SCHEME}): re-index needed — "
                "run `assistant ingest --rebuild` (or delete the index folder)"
            )
        self.vectors = ChromaVectorStore(chroma_collection=self.collection)
        self.lock_path = lock_path

    @classmethod
    def open(cls, config, model_name: str, dimension: int) -> "VectorStore":
        client, lock_path = _client(config)
        try:
            return cls(client, config.collection, model_name, dimension, lock_path)
        except OutdatedLayoutError:
            if lock_path is None:  # a shared server: never dropped behind its other users' backs
                raise
        with WriteLock(lock_path, timeout=config.lock_timeout):  # our own older layout: drop it, embed again
            try:
                return cls(client, config.collection, model_name, dimension, lock_path)
            except OutdatedLayoutError:  # nobody migrated it while we waited for the lock
                client.delete_collection(config.collection)
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
        vectors = unit_vectors([s.text for s in batch], texts, embedder)
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
        """The `k` nearest sentences as (source, sentence index, inner product with `embedding`), best first.

        llama-index reports exp(-distance), and the collection's distance is 1 - inner
        product: the inner product is recovered so that fusion sees the scores' real margins.
        """
        from llama_index.core.vector_stores.types import VectorStoreQuery

        if self.collection.count() == 0:
            return []
        from chromadb.errors import ChromaError

        try:
            result = self.vectors.query(VectorStoreQuery(query_embedding=embedding, similarity_top_k=k))
        except ChromaError as err:
            raise StoreError(f"the index could not be read ({err}); if another process has just rebuilt it, "
                             "start again; otherwise run `assistant ingest --rebuild`") from None
        return [(n.metadata["source"], int(n.metadata["sentence"]), 1.0 + math.log(sim) if sim > 0 else float("-inf"))
                for n, sim in zip(result.nodes, result.similarities)]


def _outdated_layout(found: dict, expected: dict) -> bool:
    """Same model and dimension, an older retrieval-unit scheme of this project: safe to rebuild.

    >>> _outdated_layout({"embed_model": "m", "embed_dim": 384, "unit_scheme": "sentence-window-1"},
    ...                  {"embed_model": "m", "embed_dim": 384, "unit_scheme": "sentence+window-1"})
    True
    """
    return (found["embed_model"], found["embed_dim"]) == (expected["embed_model"], expected["embed_dim"]) \
        and found["unit_scheme"] is not None and found["unit_scheme"] != expected["unit_scheme"]


def unit_vectors(sentences: list[str], windows: list[str], embedder) -> list[list[float]]:
    """The stored vector of each sentence: embedding(sentence) + embedding(window).

    >>> class Fake:
    ...     def get_text_embedding_batch(self, texts): return [[float(len(t)), 1.0] for t in texts]
    >>> unit_vectors(["Ab.", "C."], ["Ab. C.", "Ab. C."], Fake())
    [[9.0, 2.0], [8.0, 2.0]]

    Not normalised: a question's inner product with it is the sum of its two cosines.
    """
    vectors = embedder.get_text_embedding_batch(list(sentences) + list(windows))
    n = len(sentences)
    return [[a + b for a, b in zip(vectors[i], vectors[n + i])] for i in range(n)]


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
