"""Vendors side by side (issue 5, "compare and track").

* :class:`~dpia_desk.ui.compare.page.ComparePage`: the Compare page (a vendor picker and the
  comparison table);
* :class:`~dpia_desk.ui.compare.model.CompareModel`: columns = vendors, rows = measures;
* :class:`~dpia_desk.ui.compare.bars.BarDelegate`: bars with printed values, and badges;
* :func:`show_comparison`: switch the main window to the Compare page with these vendors (the
  vendor registry's "Compare selected" calls it).

The figures come from :func:`dpia_desk.services.compare.compare_vendors`, run on the work runner.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QWidget

PAGE_KEY = "compare"


def show_comparison(widget: QWidget, vendor_ids: Sequence[str]) -> bool:
    """Shows the Compare page of ``widget``'s main window comparing ``vendor_ids``; False when
    the window has no Compare page (a window without the page registry's pages)."""
    from dpia_desk.ui.compare.page import ComparePage

    window = widget.window()
    navigation_model = getattr(window, "navigation_model", None)
    if navigation_model is None or navigation_model.row_of(PAGE_KEY) < 0:
        return False
    page = window.page(PAGE_KEY)  # type: ignore[attr-defined]
    if not isinstance(page, ComparePage):
        return False
    page.set_vendors(vendor_ids)
    window.show_page(navigation_model.row_of(PAGE_KEY))  # type: ignore[attr-defined]
    page.table.setFocus()
    return True
