"""The worked examples in the docstrings are run, so they cannot drift from the code."""

import doctest
import importlib

import pytest

MODULES = ["aboutness", "answering", "asides", "casing", "checking", "claims", "config", "documents", "events", "fusion", "grounding", "lexical", "llm", "metonyms",
           "models", "names", "parts", "retrieval", "roles", "sentences", "spans", "store", "text"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(f"assistant.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
