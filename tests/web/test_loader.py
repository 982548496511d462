"""Loading the assistant in the background."""

import threading

import pytest

from assistant.errors import ModelError
from assistant.web.loader import BotHolder, LoadFailed, NotReady


def test_the_holder_is_loading_until_the_factory_returns():
    gate = threading.Event()
    holder = BotHolder(lambda: gate.wait() and "bot").start()
    assert holder.state == "loading"
    with pytest.raises(NotReady, match="still loading"):
        holder.wait(timeout=0.01)
    gate.set()
    assert holder.wait(timeout=5) == "bot"
    assert holder.state == "ready"


def test_an_assistant_error_while_loading_is_kept_as_a_readable_reason():
    def fail():
        raise ModelError("the model file models/x.gguf is missing")

    holder = BotHolder(fail).start()
    with pytest.raises(LoadFailed, match="^The assistant could not start: the model file models/x.gguf is missing$"):
        holder.wait(timeout=5)
    assert holder.state == "failed"


def test_an_unexpected_error_while_loading_gives_a_generic_reason(caplog):
    def crash():
        raise ZeroDivisionError("boom")

    holder = BotHolder(crash).start()
    with pytest.raises(LoadFailed, match="unexpected error"):
        holder.wait(timeout=5)
    assert "boom" not in holder.error
    assert "the assistant failed to load" in caplog.text
