"""The assessment workspace: answering a form section by section, with live results.

:class:`~dpia_desk.ui.assessment.window.AssessmentWindow` holds three tabs: the questions
(:mod:`.questions_view`: section list, section pages of question cards, results panel), the risks
and actions (:mod:`dpia_desk.ui.risks`) and the review and sign-off (:mod:`.review_panel`).
:class:`~dpia_desk.ui.assessment.controller.AssessmentController` does every change through the
services, keeps the undo stack and emits what changed. Open one with
:func:`dpia_desk.ui.review.windows.open_assessment`.
"""
