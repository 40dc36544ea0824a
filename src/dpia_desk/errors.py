"""The root of every error we expect and explain to a user.

An error that derives from :class:`DpiaDeskError` is "the environment failed" (wrong key, bad
file, invalid form): the CLI prints it as one line, the GUI shows it in a dialog with its hint.
Anything else is "we have a bug" and goes to the crash handler.
"""

from __future__ import annotations


class DpiaDeskError(Exception):
    """An expected failure with a message for the user and, where there is one, a way forward."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if not self.hint:
            return self.message
        # message and hint are two sentences, whether or not the message ends with a full stop
        separator = " " if self.message.rstrip().endswith((".", "!", "?", ":")) else ". "
        return f"{self.message.rstrip()}{separator}{self.hint}"
