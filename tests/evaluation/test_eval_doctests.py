"""The worked examples in the evaluation modules' docstrings are true."""

import doctest
import importlib

import pytest

MODULES = ["golden", "metrics", "runner", "report", "svg", "compare", "gate", "squad", "cli", "replay"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    module = importlib.import_module(f"assistant.evaluation.{name}")
    failed, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failed == 0
