"""Forms: the questionnaire library (built-in and the organisation's own), with load problems."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from dpia_desk.errors import DpiaDeskError
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.models.rows import ColumnSpec
from dpia_desk.ui.pages.table_page import TablePage
from dpia_desk.ui.widgets import Banner
from dpia_desk.ui.workers import WorkContext


def _load_library(_work: WorkContext) -> Any:
    from dpia_desk.questionnaire import load_library

    return load_library()


class FormsPage(TablePage):
    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.problems = Banner("", "warning")
        self.problems.hide()
        self.body.insertWidget(2, self.problems)
        self._loading = False

    def page_title(self) -> str:
        return self.tr("Forms")

    def page_description(self) -> str:
        return self.tr(
            "The questionnaires assessments are answered with. Your organisation can add its "
            "own in the user forms folder."
        )

    def columns(self) -> Sequence[ColumnSpec]:
        origin = {"builtin": self.tr("Built-in"), "user": self.tr("Your organisation")}
        return [
            ColumnSpec(self.tr("Form"), lambda e: e.form.title),
            ColumnSpec(self.tr("Id"), lambda e: e.form.id),
            ColumnSpec(self.tr("Version"), lambda e: e.form.version),
            ColumnSpec(self.tr("Status"), lambda e: e.form.status),
            ColumnSpec(self.tr("Sections"), lambda e: str(len(e.form.sections)), align_right=True),
            ColumnSpec(
                self.tr("Questions"), lambda e: str(len(e.form.questions)), align_right=True
            ),
            ColumnSpec(
                self.tr("Source"),
                lambda e: origin.get(e.origin, e.origin),
                tooltip=lambda e: str(e.path),
            ),
        ]

    def load(self) -> None:
        # Reading and validating every YAML form takes a moment: off the UI thread.
        if self._loading:
            return
        self._loading = True
        self.count_label.setText(self.tr("Loading…"))
        self.context.runner.submit(
            _load_library,
            description="load forms",
            owner=self,
            on_result=self._show_library,
            on_error=self._show_error,
        )

    def _show_library(self, library: Any) -> None:
        self._loading = False
        entries = sorted(library.entries, key=lambda e: e.form.title.casefold())
        self.show_rows(
            entries, self.tr("%n form(s)", "", len(entries)), self.tr("No forms were found.")
        )
        if library.errors:
            lines = [
                self.tr("{file} was left out: {problem}").format(
                    file=error.path.name, problem=(error.lines() or [""])[0]
                )
                for error in library.errors
            ]
            self.problems.set_text("\n".join(lines))
            self.problems.show()
        else:
            self.problems.hide()

    def _show_error(self, error: BaseException) -> None:
        self._loading = False
        if isinstance(error, DpiaDeskError):
            self.show_rows([], "", str(error))
        else:
            self.show_rows([], "", self.tr("The forms could not be loaded."))
            sys.excepthook(type(error), error, error.__traceback__)
