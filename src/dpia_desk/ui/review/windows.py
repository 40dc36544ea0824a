"""Opening assessments and reviews: the entry points the pages and menus call.

* :func:`open_assessment` shows an assessment in its own window (raising it when already open);
* :func:`open_review` shows a review's overview window;
* :func:`ask_start_review` asks what to review and starts it (the intake opens at once);
* :func:`start_step` starts one step of a review from its overview;
* :func:`open_action` opens the assessment that holds an action, on its action plan.

Reading an assessment (answers, scores with the related forms, evidence list) and starting steps
(the form library loads the first time) run on the work runner; the windows appear when the work
is done. With the test runner that happens before these functions return, so they also return
the window when they can.

Windows are children of the main window (``parent.window()``), so locking the workspace, which
deletes the main window, closes them too.
"""

from __future__ import annotations

import gc
import sys
from typing import Any

from PySide6.QtWidgets import QApplication, QWidget

from dpia_desk.errors import DpiaDeskError
from dpia_desk.services.reviews import start_review
from dpia_desk.services.reviews import start_step as service_start_step
from dpia_desk.ui.assessment.controller import AssessmentController
from dpia_desk.ui.assessment.data import AssessmentData, load_assessment_data
from dpia_desk.ui.assessment.window import AssessmentWindow
from dpia_desk.ui.context import WorkspaceContext
from dpia_desk.ui.crash import error_box
from dpia_desk.ui.review.overview import ReviewWindow
from dpia_desk.ui.review.queries import assessment_of_action
from dpia_desk.ui.review.start_dialog import StartReviewDialog
from dpia_desk.ui.workers import WorkContext

#: The last start-review dialog (tests and keyboard users reach it here).
last_dialog: StartReviewDialog | None = None


def _host(parent: QWidget | None) -> QWidget | None:
    """The main window: assessment and review windows are siblings under it, never children of
    each other (closing one must not close the others)."""
    host = parent.window() if parent is not None else None
    while isinstance(host, AssessmentWindow | ReviewWindow):
        above = host.parentWidget()
        host = above.window() if above is not None else None
    return host


def _report(error: BaseException, parent: QWidget | None) -> None:
    if isinstance(error, DpiaDeskError):
        error_box(error, parent).open()
    else:
        sys.excepthook(type(error), error, error.__traceback__)


def _windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if not w.isHidden()]


def find_assessment_window(
    context: WorkspaceContext, assessment_id: str
) -> AssessmentWindow | None:
    for widget in _windows():
        if (
            isinstance(widget, AssessmentWindow)
            and widget.context is context
            and widget.controller.assessment_id == assessment_id
        ):
            return widget
    return None


def find_review_window(context: WorkspaceContext, review_id: str) -> ReviewWindow | None:
    for widget in _windows():
        if (
            isinstance(widget, ReviewWindow)
            and widget.context is context
            and widget.review_id == review_id
        ):
            return widget
    return None


def _raise(window: QWidget) -> None:
    window.show()
    window.raise_()
    window.activateWindow()


def _load_job(_work: WorkContext, context: WorkspaceContext, assessment_id: str) -> AssessmentData:
    with context.workspace.read_session() as session:
        return load_assessment_data(session, assessment_id)


def open_assessment(
    context: WorkspaceContext,
    assessment_id: str,
    parent: QWidget | None = None,
    *,
    tab: str | None = None,
    question_id: str | None = None,
    action_id: str | None = None,
) -> AssessmentWindow | None:
    """Shows the assessment (see the module docstring); returns its window once it exists."""
    host = _host(parent)
    opened: list[AssessmentWindow] = []

    def show(window: AssessmentWindow) -> None:
        _raise(window)
        if tab is not None:
            window.show_tab(tab)
        if question_id is not None:
            window.jump_to_question(question_id)
        if action_id is not None:
            window.show_tab("risks")
            window.risks.select_action(action_id)
        opened.append(window)

    existing = find_assessment_window(context, assessment_id)
    if existing is not None:
        show(existing)
        return existing

    def loaded(data: Any) -> None:
        assert isinstance(data, AssessmentData)
        again = find_assessment_window(context, assessment_id)
        if again is not None:  # opened twice quickly: keep the first
            show(again)
            return
        controller = AssessmentController(context, data)
        window = AssessmentWindow(controller, host)
        window.open_assessment_requested.connect(
            lambda other: open_assessment(context, other, window)
        )
        window.open_review_requested.connect(lambda review: open_review(context, review, window))
        show(window)
        # The form, its scores and a window of widgets now live as long as the window: move
        # everything alive into the collector's permanent generation, so that later full
        # collections (which otherwise stall the UI thread for 50-80 ms with this many
        # objects) only look at what is created while answering.
        gc.freeze()

    context.runner.submit(
        _load_job,
        context,
        assessment_id,
        description="open assessment",
        on_result=loaded,
        on_error=lambda error: _report(error, host),
    )
    return opened[0] if opened else None


def _open_quietly(context: WorkspaceContext, assessment_id: str, parent: QWidget) -> None:
    open_assessment(context, assessment_id, parent)


def open_review(
    context: WorkspaceContext, review_id: str, parent: QWidget | None = None
) -> ReviewWindow:
    existing = find_review_window(context, review_id)
    if existing is not None:
        _raise(existing)
        existing.overview.refresh()
        return existing
    host = _host(parent)
    window = ReviewWindow(
        context,
        review_id,
        on_start=lambda review, form_id: start_step(context, review, form_id, window),
        on_open=lambda assessment: _open_quietly(context, assessment, window),
        parent=host,
    )
    _raise(window)
    window.overview.refresh()
    return window


def _start_step_job(
    _work: WorkContext, context: WorkspaceContext, actor: str, review_id: str, form_id: str
) -> str:
    with context.workspace.session() as session:
        return service_start_step(session, actor=actor, review_id=review_id, form_id=form_id).id


def start_step(
    context: WorkspaceContext, review_id: str, form_id: str, parent: QWidget | None = None
) -> None:
    """Starts a step of the review and opens its assessment."""

    def started(assessment_id: Any) -> None:
        context.notify_changed("assessment")
        open_assessment(context, str(assessment_id), parent)

    context.runner.submit(
        _start_step_job,
        context,
        context.actor,
        review_id,
        form_id,
        description="start review step",
        on_result=started,
        on_error=lambda error: _report(error, _host(parent)),
    )


def _start_review_job(
    _work: WorkContext,
    context: WorkspaceContext,
    actor: str,
    vendor_id: str,
    ai_system_id: str | None,
    title: str | None,
) -> tuple[str, str]:
    with context.workspace.session() as session:
        review, intake = start_review(
            session, actor=actor, vendor_id=vendor_id, ai_system_id=ai_system_id, title=title
        )
        return review.id, intake.id


def begin_review(
    context: WorkspaceContext,
    vendor_id: str,
    ai_system_id: str | None = None,
    title: str | None = None,
    parent: QWidget | None = None,
) -> None:
    """Starts a review now: its overview opens, and the intake on top of it."""

    def started(ids: Any) -> None:
        review_id, intake_id = ids
        context.notify_changed("review")
        context.notify_changed("assessment")
        overview = open_review(context, review_id, parent)
        open_assessment(context, intake_id, overview)

    context.runner.submit(
        _start_review_job,
        context,
        context.actor,
        vendor_id,
        ai_system_id,
        title,
        description="start review",
        on_result=started,
        on_error=lambda error: _report(error, _host(parent)),
    )


def ask_start_review(
    context: WorkspaceContext,
    vendor_id: str,
    parent: QWidget | None = None,
    ai_system_id: str | None = None,
) -> StartReviewDialog | None:
    """The start-review dialog (window-modal, non-blocking); returns it."""
    global last_dialog
    if context.read_only:
        return None
    dialog = StartReviewDialog(context, vendor_id, ai_system_id, parent)

    def accepted() -> None:
        system, title = dialog.choice()
        begin_review(context, vendor_id, system, title, parent)

    dialog.accepted.connect(accepted)
    dialog.open_review_requested.connect(lambda review: open_review(context, review, parent))
    last_dialog = dialog
    dialog.open()
    return dialog


def open_action(context: WorkspaceContext, action_id: str, parent: QWidget | None = None) -> None:
    """Opens the assessment that holds the action, on the action plan with the action selected."""
    with context.read() as session:
        assessment_id = assessment_of_action(session, action_id)
    if assessment_id is not None:
        open_assessment(context, assessment_id, parent, action_id=action_id)
