"""Prompt templates live in `prompts/*.txt`, are parsed once and validated at load.

A template file has a `[system]` and a `[user]` section; lines starting with
`#` before the first section are comments. Variables are `{name}`; literal
braces are doubled. Every template declares which variables it must use:

>>> t = PromptTemplate.parse("answer", "[system]\\nBe brief.\\n[user]\\n{evidence}\\nQ: {question}", {"evidence", "question"})
>>> t.render(evidence="[1] Sky is blue.", question="Colour?")[1]
'[1] Sky is blue.\\nQ: Colour?'

A missing or unknown variable, or a missing section, is a PromptError naming
the file, raised when the assistant starts, never in the middle of a question.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

from .errors import PromptError

REQUIRED = {  # template name -> variables it must use (and may not exceed)
    "answer": {"evidence", "question", "hint"},
    "condense": {"history", "question"},
    "check": {"text", "question", "answer"},
}
DEFAULT_DIR = Path(__file__).resolve().parent.parent / "prompts"


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    system: str
    user: str

    @classmethod
    def parse(cls, name: str, text: str, variables: set[str]) -> "PromptTemplate":
        sections = _sections(name, text)
        found = set()
        for part in sections.values():
            try:
                found |= {field for _, field, _, _ in string.Formatter().parse(part) if field is not None}
            except ValueError as err:
                raise PromptError(f"prompt {name!r}: {err} (double literal braces: {{{{ }}}})") from None
        if found != variables:
            missing, unknown = sorted(variables - found), sorted(found - variables)
            raise PromptError(f"prompt {name!r}: missing variables {missing}, unknown variables {unknown}")
        return cls(name, sections["system"], sections["user"])

    def render(self, **values: str) -> tuple[str, str]:
        """(system, user) messages with the variables filled in; values are not re-parsed."""
        return self.system.format(**values), self.user.format(**values)


def _sections(name: str, text: str) -> dict[str, str]:
    sections: dict[str, list[str]] = {}
    current = None
    for line in text.splitlines():
        header = line.strip().lower()
        if header in ("[system]", "[user]"):
            current = header[1:-1]
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
        elif line.strip() and not line.lstrip().startswith("#"):
            raise PromptError(f"prompt {name!r}: text before the first [system]/[user] section: {line[:60]!r}")
    if set(sections) != {"system", "user"}:
        raise PromptError(f"prompt {name!r}: needs a [system] and a [user] section")
    return {k: "\n".join(v).strip() for k, v in sections.items()}


def load_prompts(folder: str | Path = "") -> dict[str, PromptTemplate]:
    """Every required template from `folder` (default: the project's prompts/)."""
    folder = Path(folder) if folder else DEFAULT_DIR
    prompts = {}
    for name, variables in REQUIRED.items():
        path = folder / f"{name}.txt"
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as err:
            raise PromptError(f"prompt file {path} cannot be read: {err.strerror}") from None
        prompts[name] = PromptTemplate.parse(name, text, variables)
    return prompts
