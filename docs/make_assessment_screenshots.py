"""Screenshots of the assessment workspace, the review overview and the heat map.

Run: ``.venv/bin/python docs/make_assessment_screenshots.py`` (or under ``xvfb-run -a``). It
builds a review of one vendor in a throw-away ``DPIA_DESK_HOME`` with an in-memory keychain,
answers the forms through the services, opens the real windows and saves
``docs/screenshots/assessment_*.png``, ``review_*.png`` and ``heatmap_*.png`` with
``QWidget.grab()``. ``--pseudo`` runs the same with the pseudo-translation (every string 40%
longer, accented) to find clipped labels; ``--dark`` uses the dark theme.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from typing import Any

from screenshot_support import install_memory_keyring, prepare_environment, save_png, settle

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT, help="folder for the PNG files")
    parser.add_argument("--pseudo", action="store_true", help="pseudo-translated strings")
    parser.add_argument("--dark", action="store_true", help="the dark theme")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dpia-shots-") as temporary:
        home = Path(temporary)
        prepare_environment(home, pseudo=args.pseudo)
        return _shoot(home, out, "_pseudo" if args.pseudo else "", args.dark)


def _golden(form_id: str, name: str) -> dict[str, Any]:
    import yaml

    path = ROOT / "tests" / "golden" / form_id / f"{name}.yaml"
    answers: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))["answers"]
    return answers


def _shoot(home: Path, out: Path, suffix: str, dark: bool) -> int:
    from PySide6.QtWidgets import QWidget

    install_memory_keyring()

    from dpia_desk.services.assessments import add_evidence, set_answers, set_comment
    from dpia_desk.services.reviews import start_review, start_step
    from dpia_desk.services.risks import actions_from_findings, add_risk, update_action
    from dpia_desk.services.signoff import rate_section
    from dpia_desk.store import KeychainKey, Workspace, add_vendor
    from dpia_desk.ui.app import create_application
    from dpia_desk.ui.context import WorkspaceContext
    from dpia_desk.ui.i18n import install_translators
    from dpia_desk.ui.review.windows import open_assessment, open_review
    from dpia_desk.ui.settings import Preferences
    from dpia_desk.ui.theme import apply_theme
    from dpia_desk.ui.workers import SynchronousWorkRunner

    app = create_application()
    install_translators(app)
    apply_theme(app, "dark" if dark else "light")

    def save(widget: QWidget, name: str) -> None:
        path = out / f"{name}{suffix}.png"
        save_png(widget, path)
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)

    workspace, _recovery = Workspace.create(home / "screenshots.dpia", KeychainKey())
    actor = "Hanna Berg"
    with workspace.session() as session:
        vendor = add_vendor(
            session, actor=actor, name="Talentwise GmbH", country="DE", website="talentwise.example"
        )
        review, intake = start_review(session, actor=actor, vendor_id=vendor.id)
        set_answers(
            session,
            actor=actor,
            assessment_id=intake.id,
            answers=_golden("vendor_intake", "ai_cv_ranking_ats_tier1"),
        )
        ai = start_step(session, actor=actor, review_id=review.id, form_id="ai_act_screening")
        screening_answers = {
            "intended_purpose": (
                "Ranks applicants for each vacancy from their CV and a short questionnaire; "
                "recruiters see the ranking and decide whom to interview."
            ),
            "is_ai_system": "yes",
            "scope_exclusion": "none",
            "our_role": "deployer",
            "provider_triggers": ["none"],
            "prohibited_practices": ["none"],
            "emotion_recognition": "no",
            "biometric_categorisation": "none",
            "biometric_identification": "none",
            "employment_uses": ["recruitment_filtering_applications"],
            "other_annex_iii_uses": ["none"],
            "annex_i_safety_component": "no",
            "profiling": "yes",
        }
        set_answers(session, actor=actor, assessment_id=ai.id, answers=screening_answers)
        set_comment(
            session,
            actor=actor,
            assessment_id=ai.id,
            question_id="profiling",
            comment="The ranking scores each applicant's suitability: profiling under Art. 4(4).",
        )
        add_evidence(
            session,
            actor=actor,
            assessment_id=ai.id,
            question_id="is_ai_system",
            filename="Talentwise model card 2026.pdf",
            content=b"%PDF-1.4 model card",
        )
        rate_section(
            session,
            actor="Dora Pohl",
            assessment_id=ai.id,
            section_id="system_and_scope",
            rating="improvable",
            comment="Describe the questionnaire scoring as well as the CV ranking.",
        )
        screening = start_step(session, actor=actor, review_id=review.id, form_id="dpia_screening")
        set_answers(
            session,
            actor=actor,
            assessment_id=screening.id,
            answers=_golden("dpia_screening", "ai_video_interviews_required"),
        )
        dpia = start_step(session, actor=actor, review_id=review.id, form_id="dpia")
        set_answers(
            session,
            actor=actor,
            assessment_id=dpia.id,
            answers={
                "access_severity": 3,
                "access_likelihood": 3,
                "access_residual_severity": 3,
                "access_residual_likelihood": 1,
                "modification_severity": 3,
                "modification_likelihood": 2,
                "disappearance_severity": 2,
                "disappearance_likelihood": 2,
                "disappearance_residual_severity": 2,
                "disappearance_residual_likelihood": 1,
            },
        )
        for title, ratings in (
            ("Ranking disadvantages older applicants", (4, 3, 3, 2)),
            ("Applicants cannot contest an automated rejection", (3, 3, None, None)),
            ("Recruiters over-rely on the ranking", (2, 4, 2, 2)),
        ):
            severity, likelihood, r_severity, r_likelihood = ratings
            add_risk(
                session,
                actor=actor,
                assessment_id=dpia.id,
                title=title,
                severity=severity,
                likelihood=likelihood,
                residual_severity=r_severity,
                residual_likelihood=r_likelihood,
                measures="Quarterly bias test; human review of every rejection.",
            )
        from dpia_desk.services.risks import add_action, list_risks

        first_risk = list_risks(session, dpia.id)[0]
        from datetime import date, timedelta

        add_action(
            session,
            actor=actor,
            assessment_id=dpia.id,
            title="Remove age-related features and re-run the bias test",
            owner="Ivo Tan",
            due_date=date.today() - timedelta(days=9),
            risk_id=first_risk.id,
        )
        add_action(
            session,
            actor=actor,
            assessment_id=dpia.id,
            title="Offer applicants a human review of every rejection",
            owner="Hanna Berg",
            due_date=date.today() + timedelta(days=30),
            status="in_progress",
        )
        findings = actions_from_findings(session, actor=actor, assessment_id=intake.id)
        update_action(
            session,
            actor=actor,
            action_id=findings[0].id,
            owner="Dora Pohl",
            due_date=date.today() - timedelta(days=5),
        )
        review_id, ai_id, dpia_id = review.id, ai.id, dpia.id

    context = WorkspaceContext(workspace, SynchronousWorkRunner(), Preferences(reviewer_name=actor))

    # 1. an assessment in progress: answered questions, help open, a comment and evidence
    window = open_assessment(context, ai_id)
    assert window is not None
    window.resize(1280, 800)
    window.questions.splitter.setSizes([230, 640, 410])
    card = window.questions.jump_to_question("is_ai_system")
    settle(300)
    assert card is not None
    card.show_help(True)
    settle(300)
    window.questions.show_section("system_and_scope")
    page = window.questions.current_page()
    assert page is not None
    settle(300)
    page.verticalScrollBar().setValue(card.y() - 160)
    window.questions.results.rebuild_now()
    window.questions.results.expand_key("headline")
    save(window, "assessment_in_progress")

    # 2. the results panel expanded to its reasons (references, answers)
    card.show_help(False)
    window.questions.show_section("annex_iii")
    window.questions.splitter.setSizes([200, 500, 580])
    results = window.questions.results
    tree = results.tree
    headline = results.expand_key("headline")
    for row in range(results.model.rowCount(headline)):
        child = results.model.index(row, 0, headline)
        if "Annex III" in str(child.data()) or row == 0:
            tree.expand(child)
    obligations = results.expand_key("obligations")
    if obligations.isValid():
        tree.expand(results.model.index(1, 0, obligations))
    save(window, "assessment_results_reasons")
    save(results, "assessment_results_panel")

    # 3. review and sign-off tab
    window.show_tab("review")
    save(window, "assessment_review_signoff")
    window.close()

    # 4. the review overview
    overview = open_review(context, review_id)
    overview.resize(960, 1000)
    settle(300)
    save(overview, "review_overview")
    overview.close()

    # 5. the DPIA risk register and heat maps
    dpia_window = open_assessment(context, dpia_id)
    assert dpia_window is not None
    dpia_window.resize(1280, 900)
    dpia_window.show_tab("risks")
    save(dpia_window, "heatmap_dpia_register")
    maps = dpia_window.risks.maps_box
    save(maps, "heatmap_maps")
    dpia_window.close()
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
