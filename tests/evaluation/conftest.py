"""Shared fixtures for the evaluation tests (the fakes themselves are in fakes.py)."""

import pytest

from .fakes import FRUIT, FakeBot, fruit_script


@pytest.fixture
def fruit_bot() -> FakeBot:
    return FakeBot(fruit_script(), {"fruit.txt": FRUIT})
