"""The Dashboard page (issue 5, "compare and track"): reviews due, overdue actions, reviews with
blockers, and vendors counted by AI Act tier and grade.

* :class:`~dpia_desk.ui.dashboard.page.DashboardPage`: the page;
* :class:`~dpia_desk.ui.dashboard.models.RecordTableModel`: its table models.

The figures come from :mod:`dpia_desk.services.dashboard`, read on the work runner.
"""
