"""The form library of this process, loaded once (built-in forms plus the user forms folder)."""

from __future__ import annotations

import threading

from dpia_desk.questionnaire import Form, FormLibrary, load_library

_lock = threading.Lock()
_library: FormLibrary | None = None


def form_library(*, reload: bool = False) -> FormLibrary:
    """The loaded library; ``reload=True`` reads the folders again (after a user edits a form)."""
    global _library
    with _lock:
        if _library is None or reload:
            _library = load_library()
        return _library


def current_form(form_id: str) -> Form:
    """The newest released version of a form, for starting a new assessment."""
    return form_library().get(form_id)
