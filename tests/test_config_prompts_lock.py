import multiprocessing
import time

import pytest

from assistant.config import Config
from assistant.errors import ConfigError, PromptError, StoreLockedError
from assistant.locking import WriteLock
from assistant.prompts import PromptTemplate, load_prompts


def test_environment_overrides_file_and_explicit_values_override_both(tmp_path):
    path = tmp_path / "a.toml"
    path.write_text('[assistant]\ntop_k = 4\ndocs = "from-file"\n', encoding="utf-8")
    config = Config.load(path, environ={"ASSISTANT_TOP_K": "7", "ASSISTANT_DOCS": "from-env"}, docs="explicit")
    assert (config.top_k, config.docs) == (7, "explicit")


def test_bad_settings_fail_early_naming_the_value(tmp_path):
    with pytest.raises(ConfigError, match="top_k must be int"):
        Config.load(None, environ={"ASSISTANT_TOP_K": "many"})
    with pytest.raises(ConfigError, match="unknown setting"):
        Config.from_dict({"topk": 3})
    with pytest.raises(ConfigError, match="needs llm_base_url"):
        Config.load(None, environ={"ASSISTANT_LLM_BACKEND": "openai"})
    with pytest.raises(ConfigError, match=r"decline_threshold must be in \(0, 1\], got 1.5"):
        Config.load(None, environ={"ASSISTANT_DECLINE_THRESHOLD": "1.5"})
    with pytest.raises(ConfigError, match=r"check_threshold must be in \[0, 1\), got 1.0"):
        Config.load(None, environ={"ASSISTANT_CHECK_THRESHOLD": "1.0"})
    with pytest.raises(ConfigError, match=r"short_check_threshold must be in \[0, 1\), got -0.1"):
        Config.load(None, environ={"ASSISTANT_SHORT_CHECK_THRESHOLD": "-0.1"})
    bad = tmp_path / "bad.toml"
    bad.write_text("top_k = = 3", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        Config.load(bad, environ={})


def test_project_prompts_load_and_render():
    prompts = load_prompts()
    system, user = prompts["answer"].render(evidence="[1] X.", question="Q?", hint="")
    assert "NOT ANSWERABLE" in system and user.endswith("Question: Q?")


def test_prompt_missing_or_unknown_variables_are_reported():
    with pytest.raises(PromptError, match=r"missing variables \['question'\], unknown variables \['query'\]"):
        PromptTemplate.parse("answer", "[system]\nS\n[user]\n{evidence} {query}", {"evidence", "question"})
    with pytest.raises(PromptError, match="needs a \\[system\\] and a \\[user\\]"):
        PromptTemplate.parse("answer", "[user]\n{evidence} {question}", {"evidence", "question"})


def test_prompt_values_with_braces_are_not_reformatted():
    t = PromptTemplate.parse("t", "[system]\ns\n[user]\n{question}", {"question"})
    assert t.render(question="{evil}")[1] == "{evil}"


def _hold(path, seconds):
    with WriteLock(path):
        time.sleep(seconds)


def test_second_writer_gets_a_clear_error_naming_the_holder(tmp_path):
    path = tmp_path / "store" / ".lock"
    holder = multiprocessing.get_context("fork").Process(target=_hold, args=(path, 3))
    holder.start()
    time.sleep(1)
    try:
        with pytest.raises(StoreLockedError, match=f"pid {holder.pid}"):
            with WriteLock(path, timeout=0.2):
                pass
    finally:
        holder.join()
    with WriteLock(path, timeout=0):  # released when the holder ends
        pass
