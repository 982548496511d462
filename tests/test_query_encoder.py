"""The NumPy question encoder: which folders it reads, and (real model) that it matches sentence-transformers."""

import json
import subprocess
import sys

import pytest

from conftest import ROOT

from assistant.query_encoder import BertQueryEncoder, _supported_config

BERT = {"model_type": "bert", "hidden_act": "gelu", "hidden_size": 8, "num_attention_heads": 2,
        "num_hidden_layers": 1, "max_position_embeddings": 16}
MODULES = [{"type": "sentence_transformers.models.Transformer"}, {"type": "sentence_transformers.models.Pooling"},
           {"type": "sentence_transformers.models.Normalize"}]


def _folder(tmp_path, config=BERT, modules=MODULES, pooling=None, files=("model.safetensors", "tokenizer.json")):
    (tmp_path / "1_Pooling").mkdir()
    (tmp_path / "config.json").write_text(json.dumps(config))
    (tmp_path / "modules.json").write_text(json.dumps(modules))
    (tmp_path / "1_Pooling" / "config.json").write_text(json.dumps(pooling or {"pooling_mode_mean_tokens": True,
                                                                              "pooling_mode_cls_token": False}))
    for name in files:
        (tmp_path / name).write_bytes(b"")
    return tmp_path


def test_a_bert_folder_with_mean_pooling_is_read(tmp_path):
    assert _supported_config(_folder(tmp_path)) == BERT


@pytest.mark.parametrize("change", [
    {"config": {**BERT, "model_type": "xlm-roberta"}},
    {"config": {**BERT, "position_embedding_type": "relative_key"}},
    {"pooling": {"pooling_mode_cls_token": True, "pooling_mode_mean_tokens": False}},
    {"pooling": {"pooling_mode_mean_tokens": True, "pooling_mode_max_tokens": True}},
    {"modules": MODULES + [{"type": "sentence_transformers.models.Dense"}]},
    {"files": ("model.safetensors",)},
], ids=["not-bert", "relative-positions", "cls-pooling", "mean-and-max", "dense-head", "no-tokenizer-json"])
def test_anything_else_is_left_to_sentence_transformers(tmp_path, change):
    assert _supported_config(_folder(tmp_path, **change)) is None
    assert BertQueryEncoder.load(tmp_path) is None


def test_a_folder_without_the_files_is_not_read(tmp_path):
    assert BertQueryEncoder.load(tmp_path) is None


@pytest.mark.slow
def test_question_vectors_equal_sentence_transformers():
    import numpy as np

    from assistant.embeddings import load_embedder
    from assistant.models import embedding_model_path

    path = embedding_model_path("")
    fast, reference = BertQueryEncoder.load(path), load_embedder(path)
    texts = ["Who signed?", "Is there a binding investment commitment?", "Mélanie Joly, Kim Jung-kwan — 한국어, ünïcode",
             " ".join(f"word{i}" for i in range(400)),  # longer than the model's 256 tokens: both truncate
             "Which body does the agreement create?"]
    for text in texts:
        diff = np.abs(np.array(fast.encode(text)) - np.array(reference.get_query_embedding(text))).max()
        assert diff < 1e-5, (text, diff)


@pytest.mark.slow
def test_asking_a_built_index_never_imports_torch(tmp_path):
    """The reason for the NumPy pass: a question alone does not load sentence-transformers."""
    index = tmp_path / "index"
    build = [sys.executable, "-m", "assistant", "ingest", "--docs", str(ROOT / "seeds"), "--index", str(index)]
    subprocess.run(build, check=True, capture_output=True, timeout=300)
    probe = ("import sys; from assistant import Assistant; "
             f"bot = Assistant(docs={str(ROOT / 'seeds')!r}, index={str(index)!r}, preload_llm=False); "
             "c = bot.retriever.retrieve('Which body does the agreement create?', 3); "
             "print('torch' in sys.modules, 'sentence_transformers' in sys.modules, "
             "any('Industrial Cooperation Committee' in x.span.text for x in c))")
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True, timeout=300)
    assert out.stdout.split() == ["False", "False", "True"]
