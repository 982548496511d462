"""Embed a question with NumPy alone: the same vector as sentence-transformers, without torch.

A cold `assistant ask` spent most of its start importing sentence-transformers
(torch, transformers, scikit-learn: 6-12 s on 2 cores) to embed one short
question. When the index is already built that is the only use of the model, so
questions go through this small forward pass of the same weights instead:
BERT's embeddings, its encoder layers, mean pooling over the tokens and L2
normalisation, read from the model folder's `model.safetensors` and
`tokenizer.json`. The tests check it against sentence-transformers to 1e-5.

>>> enc = BertQueryEncoder.load(embedding_model_path(""))     # doctest: +SKIP
>>> v = enc.encode("Who signed?"); len(v), round(sum(x * x for x in v), 4)   # doctest: +SKIP
(384, 1.0)

Deliberately not done: documents are still embedded by sentence-transformers
(batched, multi-threaded torch); only BERT-family folders with mean pooling and
absolute positions are read (`load` returns None for anything else, and the
caller uses sentence-transformers); one text at a time, no padding or batching.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

ST_MODULES = ("sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
              "sentence_transformers.models.Normalize")


class BertQueryEncoder:
    """A BERT sentence encoder (mean pooling, normalised) evaluated with NumPy."""

    def __init__(self, weights: dict, config: dict, tokenizer):
        self.w, self.config, self.tokenizer = weights, config, tokenizer
        self.heads = config["num_attention_heads"]
        self.eps = config.get("layer_norm_eps", 1e-12)

    @classmethod
    def load(cls, folder) -> BertQueryEncoder | None:
        """The encoder for a sentence-transformers folder, or None when this pass cannot reproduce it."""
        folder = Path(folder)
        config = _supported_config(folder)
        if config is None:
            return None
        import numpy as np
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        max_tokens = min(_json(folder / "sentence_bert_config.json").get("max_seq_length") or 512,
                         config["max_position_embeddings"])
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=max_tokens)
        weights = {k.removeprefix("bert."): v.astype(np.float32) for k, v in load_file(str(folder / "model.safetensors")).items()}
        return cls(weights, config, tokenizer)

    def encode(self, text: str) -> list[float]:
        """The normalised mean-pooled embedding of `text` (truncated to the model's token limit)."""
        import numpy as np

        ids = self.tokenizer.encode(text).ids
        w = self.w
        x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:len(ids)] \
            + w["embeddings.token_type_embeddings.weight"][0]
        x = self._norm(x, "embeddings.LayerNorm")
        for layer in range(self.config["num_hidden_layers"]):
            x = self._layer(x, f"encoder.layer.{layer}.")
        pooled = x.mean(axis=0)
        return (pooled / max(float(np.linalg.norm(pooled)), 1e-12)).tolist()

    def _layer(self, x, p: str):
        import numpy as np

        n, d = x.shape
        h = self.heads

        def heads(name):  # (heads, tokens, head size)
            return self._dense(x, p + f"attention.self.{name}").reshape(n, h, d // h).transpose(1, 0, 2)

        q, k, v = heads("query"), heads("key"), heads("value")
        scores = q @ k.transpose(0, 2, 1) / math.sqrt(d // h)
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        context = (scores / scores.sum(axis=-1, keepdims=True)) @ v
        attended = self._norm(self._dense(context.transpose(1, 0, 2).reshape(n, d), p + "attention.output.dense") + x,
                              p + "attention.output.LayerNorm")
        inner = _gelu(self._dense(attended, p + "intermediate.dense"))
        return self._norm(self._dense(inner, p + "output.dense") + attended, p + "output.LayerNorm")

    def _dense(self, x, name: str):
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def _norm(self, x, name: str):
        mean = x.mean(axis=-1, keepdims=True)
        var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        return (x - mean) / (var + self.eps) ** 0.5 * self.w[name + ".weight"] + self.w[name + ".bias"]


def _gelu(x):
    """BERT's exact GELU, x·Φ(x), with math.erf (NumPy has no erf)."""
    import numpy as np

    return x * 0.5 * (1.0 + np.frompyfunc(math.erf, 1, 1)(x / math.sqrt(2.0)).astype(x.dtype))


def _supported_config(folder: Path) -> dict | None:
    """The BERT config of `folder` if it is Transformer → mean Pooling (→ Normalize), else None.

    The output is always normalised, as the embedder that writes the store does (normalize=True).
    """
    modules = [m.get("type") for m in (_json(folder / "modules.json") or [])]
    if not modules or any(m not in ST_MODULES for m in modules):
        return None
    pooling = _json(folder / "1_Pooling" / "config.json")
    config = _json(folder / "config.json")
    mean_only = pooling.get("pooling_mode_mean_tokens") and not any(
        v for k, v in pooling.items() if k.startswith("pooling_mode_") and k != "pooling_mode_mean_tokens")
    bert = (config.get("model_type") == "bert" and config.get("hidden_act") == "gelu"
            and config.get("position_embedding_type", "absolute") == "absolute")
    files = all((folder / f).is_file() for f in ("model.safetensors", "tokenizer.json"))
    return config if mean_only and bert and files else None


def _json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
