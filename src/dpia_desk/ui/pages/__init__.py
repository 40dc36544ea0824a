"""The pages of the main window and how they are registered.

A page is a :class:`Page` (a QWidget) in its own module. The main window builds its navigation
side bar and its stack from :func:`page_specs`, in ``order``; to add a page, write the module and
append a :class:`PageSpec` to :data:`_BUILT_IN` (or call :func:`register_page` before the main
window is created). The factory receives the shared
:class:`~dpia_desk.ui.context.WorkspaceContext` and the parent widget.

Pages are built lazily, the first time they are shown, so start-up pays only for the first one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from dpia_desk.ui.context import WorkspaceContext


class Page(QWidget):
    """Base class of the main window's pages."""

    #: A short message for the status bar ("Vendor added").
    status_message = Signal(str)

    def __init__(self, context: WorkspaceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def activated(self) -> None:
        """Called each time the page is shown; refresh what may have changed elsewhere."""

    def focus_primary(self) -> None:
        """Give keyboard focus to the page's main control (after switching to it)."""
        self.setFocus()


PageFactory = Callable[["WorkspaceContext", QWidget | None], Page]


@dataclass(frozen=True)
class PageSpec:
    key: str  # stable id, saved in the settings as the last page shown
    title_source: str  # English title; shown through QCoreApplication.translate("Pages", ...)
    icon: str  # a name from dpia_desk.ui.icons.ICON_NAMES
    factory: PageFactory
    order: int

    @property
    def title(self) -> str:
        return QCoreApplication.translate("Pages", self.title_source)


def _vendors(context: WorkspaceContext, parent: QWidget | None) -> Page:
    from dpia_desk.ui.pages.vendors import VendorsPage

    return VendorsPage(context, parent)


def _assessments(context: WorkspaceContext, parent: QWidget | None) -> Page:
    # The lazy list whose rows open the assessment workspace (ui/review/assessment_list.py).
    from dpia_desk.ui.review.assessment_list import AssessmentListPage

    return AssessmentListPage(context, parent)


def _actions(context: WorkspaceContext, parent: QWidget | None) -> Page:
    from dpia_desk.ui.pages.actions import ActionsPage

    return ActionsPage(context, parent)


def _forms(context: WorkspaceContext, parent: QWidget | None) -> Page:
    from dpia_desk.ui.pages.forms import FormsPage

    return FormsPage(context, parent)


def _audit(context: WorkspaceContext, parent: QWidget | None) -> Page:
    from dpia_desk.ui.pages.audit_log import AuditLogPage

    return AuditLogPage(context, parent)


def _dashboard(context: WorkspaceContext, parent: QWidget | None) -> Page:
    from dpia_desk.ui.dashboard.page import DashboardPage

    return DashboardPage(context, parent)


def _compare(context: WorkspaceContext, parent: QWidget | None) -> Page:
    from dpia_desk.ui.compare.page import ComparePage

    return ComparePage(context, parent)


# The titles are listed here as literals so translation tools extract them.
def _titles() -> None:  # pragma: no cover - never called; marks strings for pyside6-lupdate
    QCoreApplication.translate("Pages", "Vendors")
    QCoreApplication.translate("Pages", "Assessments")
    QCoreApplication.translate("Pages", "Actions")
    QCoreApplication.translate("Pages", "Forms")
    QCoreApplication.translate("Pages", "Audit log")
    QCoreApplication.translate("Pages", "Dashboard")
    QCoreApplication.translate("Pages", "Compare")


_BUILT_IN: list[PageSpec] = [
    PageSpec("vendors", "Vendors", "vendors", _vendors, 10),
    PageSpec("assessments", "Assessments", "assessments", _assessments, 20),
    PageSpec("actions", "Actions", "actions", _actions, 30),
    PageSpec("forms", "Forms", "forms", _forms, 40),
    PageSpec("audit", "Audit log", "audit", _audit, 50),
    PageSpec("dashboard", "Dashboard", "dashboard", _dashboard, 60),
    PageSpec("compare", "Compare", "compare", _compare, 70),
]


def register_page(spec: PageSpec) -> None:
    """Adds or replaces (same key) a page; call before the main window is built."""
    _BUILT_IN[:] = [existing for existing in _BUILT_IN if existing.key != spec.key]
    _BUILT_IN.append(spec)


def page_specs() -> list[PageSpec]:
    return sorted(_BUILT_IN, key=lambda spec: spec.order)
