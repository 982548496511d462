"""The worked examples in the web modules' docstrings hold."""

import doctest

import pytest

from assistant.web import conversation, loader, render, uploads


@pytest.mark.parametrize("module", [render, uploads, conversation, loader], ids=lambda m: m.__name__)
def test_docstring_examples(module):
    result = doctest.testmod(module)
    assert result.failed == 0 and result.attempted > 0
