"""The few things that can go wrong for a user, as domain errors.

Every error a person can fix carries a message that says what to do. The CLI
and the web app turn them into one readable line at a single boundary; nothing
else in the package prints or exits.
"""


class AssistantError(Exception):
    """Base class: a problem the user can act on. `str(err)` is the message."""


class ConfigError(AssistantError):
    """A setting is missing, malformed or contradictory."""


class DocumentsError(AssistantError):
    """The documents folder is missing, or holds no readable document."""


class ModelError(AssistantError):
    """A model file is missing, corrupt, or a remote LLM endpoint failed."""


class IndexMismatchError(AssistantError):
    """The store was written with another embedding model: re-index needed."""


class StoreError(AssistantError):
    """The store cannot be read (damaged, or changed under this process by another one)."""


class StoreLockedError(AssistantError):
    """Another process is writing the same store."""


class QuestionError(AssistantError):
    """The question is empty or too long."""


class PromptError(AssistantError):
    """A prompt template in prompts/ is missing or lacks a required variable."""


class GoldenSetError(AssistantError):
    """A golden Q&A file is malformed (the message names the line)."""
