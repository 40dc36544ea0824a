"""Importing CNIL PIA software exports: what lands where, plain text only, foreign JSON refused.

The CNIL's files are GPL-licensed test data kept beside the repository (../shared/fixtures/cnil),
never inside it; the tests that read them skip when that folder is absent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from dpia_desk.exchange import ImportRefusedError, import_cnil_pia, import_file
from dpia_desk.exchange.cnil_mapping import measure_question
from dpia_desk.exchange.html_text import html_to_text
from dpia_desk.services.assessments import list_evidence, snapshot
from dpia_desk.services.risks import list_actions
from dpia_desk.services.signoff import latest_section_reviews
from dpia_desk.store import Workspace, add_vendor
from dpia_desk.store.models import AuditEvent, Evidence
from tests.exchange.conftest import CNIL_FIXTURES, content_hash

needs_fixtures = pytest.mark.skipif(
    not CNIL_FIXTURES.is_dir(),
    reason=f"the CNIL PIA test files are not at {CNIL_FIXTURES} (GPL test data kept beside the "
    "repository in ../shared/fixtures/cnil, never copied into it)",
)
CAPTOO = CNIL_FIXTURES / "2018-02-21-pia-example.json"
CYPRESS = CNIL_FIXTURES / "cypress-fixtures-pia.json"


@pytest.fixture
def workspace(make_workspace: Callable[[str], Workspace]) -> Workspace:
    return make_workspace("cnil")


@pytest.fixture
def vendor_id(workspace: Workspace) -> str:
    with workspace.session() as session:
        return add_vendor(session, actor="t", name="Dreamland", country="FR").id


def _state(workspace: Workspace, assessment_id: str) -> dict[str, Any]:
    with workspace.read_session() as session:
        current = snapshot(session, assessment_id)
        return {
            "answers": current.answers,
            "comments": current.comments,
            "status": current.status,
            "result": current.result.to_json() if current.result else None,
            "reviews": {
                section: (review.rating, review.comment, review.reviewer)
                for section, review in latest_section_reviews(session, assessment_id).items()
            },
            "actions": [
                (a.title, a.owner, a.due_date, a.finding_ref)
                for a in list_actions(session, assessment_id)
            ],
            "evidence": [
                (e.filename, e.media_type, e.size) for e in list_evidence(session, assessment_id)
            ],
        }


@needs_fixtures
def test_the_captoo_example_maps_onto_the_dpia_form(workspace: Workspace, vendor_id: str) -> None:
    report = import_cnil_pia(workspace, CAPTOO, actor="importer", vendor_id=vendor_id)
    state = _state(workspace, report.assessment_id)
    answers, comments = state["answers"], state["comments"]

    assert state["status"] == "draft"
    assert answers["processing_name"] == "Captoo"
    assert answers["controller_roles"].startswith("Les responsabilités sont les suivantes")
    assert "Responsable de traitement : Dreamland" in answers["controller_roles"]
    assert answers["purposes"].startswith("- Les données sont collectées pour fournir le service")
    assert "exécution du contrat" in answers["lawful_basis_explanation"]
    assert answers["retention"].startswith("Les données sont conservées tant que")
    assert answers["data_flows"].startswith("Les données sont traitées de la façon suivante")
    assert answers["supporting_assets"].startswith("Les supports des données")
    # the three risks: gauges to our 1-4 scales, the reviewer's re-rating as residual
    assert (answers["access_severity"], answers["access_likelihood"]) == (3, 4)
    assert (answers["access_residual_severity"], answers["access_residual_likelihood"]) == (3, 1)
    assert (answers["modification_severity"], answers["modification_likelihood"]) == (2, 2)
    assert (answers["disappearance_severity"], answers["disappearance_likelihood"]) == (2, 2)
    assert "modification_residual_severity" not in answers  # the reviewer gave no new gauge
    assert answers["access_impacts"].splitlines()[0] == "- Discrimination"
    assert "- Vol de données" in answers["access_threats"]
    assert answers["access_measures"].startswith("- Contrôle des accès logiques: Par identifiant")
    # DPO and the people concerned
    assert answers["dpo_advice_sought"] == "yes"
    assert answers["dpo_recommendation"] == "proceed"
    assert answers["dpo_opinion"].startswith("L’analyse menée montre")
    assert "Michael Thomas (DPO)" in comments["dpo_opinion"]
    assert answers["data_subject_views_sought"] == "yes"
    assert answers["data_subject_views_summary"].startswith("Le panel de clients")
    assert "Les clients potentiels" in comments["data_subject_views_summary"]
    # open answers where we ask for choices: comments, never guessed choices
    assert "data_categories" not in answers
    assert "adresse électronique" in comments["data_categories"]
    assert "Employé" in comments["access_risk_sources"] and "access_risk_sources" not in answers
    assert comments["measure_encryption"].startswith(
        "Measure described in the CNIL PIA: Chiffrement"
    )
    assert "Elisabeth York" in comments["processing_name"]
    assert "signed validation" in comments["processing_name"]
    assert "Le fondement juridique correspondant" in comments["lawful_basis_explanation"]
    # the CNIL reviewer: verdicts per section (the worst one) and the action plan
    reviews = state["reviews"]
    assert reviews["necessity"][0] == "improvable"
    assert reviews["description"][0] == "acceptable"
    assert reviews["risk_illegitimate_access"][0] == "improvable"
    assert reviews["necessity"][2] == "Eric Vincent"
    assert "Ce fondement n'est valable que pour le traitement" in reviews["necessity"][1]
    assert len(state["actions"]) == 24
    assert all(ref.startswith("cnil:") for _t, _o, _d, ref in state["actions"])
    assert answers["action_plan"].startswith("Action plan from the CNIL PIA:")
    # the scoring engine reads the imported ratings
    risks = {risk["id"]: risk for risk in state["result"]["risks"]}
    assert risks["illegitimate_access"]["inherent"]["level"] == "high"
    # nothing lost: the original is attached, and the report says what went where
    assert state["evidence"] == [("2018-02-21-pia-example.json", "application/json", 61328)]
    assert any("-> purposes" in line for line in report.mapped)
    assert any("kept as a comment on 'data_categories'" in line for line in report.unmapped)
    assert any("data_subject_views_method is left for you" in line for line in report.unmapped)


@needs_fixtures
def test_no_markup_survives(workspace: Workspace, vendor_id: str) -> None:
    report = import_cnil_pia(workspace, CYPRESS, actor="importer", vendor_id=vendor_id)
    state = _state(workspace, report.assessment_id)
    texts = [v for v in state["answers"].values() if isinstance(v, str)]
    texts += list(state["comments"].values())
    texts += [review[1] for review in state["reviews"].values()]
    assert texts
    for text in texts:
        assert "<span" not in text and "style=" not in text and "&nbsp;" not in text, text[:200]
    assert state["answers"]["controller_roles"].startswith("Lorem ipsum dolor sit amet")
    assert state["answers"]["access_severity"] == 3
    # "3.1.[object Object]": a review of a measure this PIA does not have; shown as such
    assert (
        "measure '[object Object]' (not in this PIA)" in state["reviews"]["technical_measures"][1]
    )


@needs_fixtures
def test_audit_and_backup_of_a_cnil_import(workspace: Workspace, vendor_id: str) -> None:
    report = import_cnil_pia(workspace, CAPTOO, actor="importer", vendor_id=vendor_id)
    assert report.backup is not None and report.backup.exists()
    with workspace.read_session() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "import")).one()
        assert event.new_value["format"] == "cnil_pia"
        assert event.new_value["file_sha256"] == report.file_sha256
        attached = session.scalars(select(Evidence)).one()
        assert attached.content == CAPTOO.read_bytes()


@needs_fixtures
def test_the_cli_detects_a_cnil_export(workspace: Workspace, vendor_id: str) -> None:
    report = import_file(workspace, CAPTOO, actor="t", vendor_id=vendor_id)
    assert report.format == "cnil_pia"
    with pytest.raises(ImportRefusedError, match="does not say which vendor"):
        import_file(workspace, CAPTOO, actor="t")


@needs_fixtures
@pytest.mark.parametrize(
    "name",
    [
        "2018-10-26-structure-example.json",
        "2018-11-21-structure-example-en.json",
        "2018-11-21-structure-example-fr.json",
    ],
)
def test_a_structure_file_is_not_a_pia(workspace: Workspace, vendor_id: str, name: str) -> None:
    before = content_hash(workspace)
    with pytest.raises(ImportRefusedError, match=r"CNIL PIA structure .* not a PIA"):
        import_file(workspace, CNIL_FIXTURES / name, actor="t", vendor_id=vendor_id)
    assert content_hash(workspace) == before


@needs_fixtures
@pytest.mark.parametrize("name", ["pia_architecture.json", "pia_knowledge-base.json"])
def test_other_cnil_files_are_refused(workspace: Workspace, vendor_id: str, name: str) -> None:
    with pytest.raises(ImportRefusedError, match="neither a dpia_desk"):
        import_file(workspace, CNIL_FIXTURES / name, actor="t", vendor_id=vendor_id)


# --- hostile and foreign CNIL-looking files (made here, no fixture needed) ----------------------


def _minimal(**changes: Any) -> dict[str, Any]:
    document: dict[str, Any] = {
        "pia": {"name": "Payroll", "dpo_status": 0, "dpo_opinion": "<p>Not yet.</p>"},
        "answers": [{"reference_to": 211, "data": {"text": "<b>Pay</b> people &amp; more"}}],
        "measures": [],
        "evaluations": [],
        "comments": [],
    }
    document.update(changes)
    return document


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"pia": "not an object"}, r"neither a dpia_desk assessment"),
        (_minimal(answers={"a": 1}), r"answers: must be a list"),
        (
            _minimal(answers=[{"reference_to": 325, "data": {"gauge": 9}}]),
            r"answers\[0\]\.data\.gauge: must be at most 4",
        ),
        (
            _minimal(answers=[{"reference_to": 325, "data": {"gauge": "high"}}]),
            r"answers\[0\]\.data\.gauge: ",
        ),
        (_minimal(answers=[{"data": {"text": "x"}}]), r"answers\[0\]\.reference_to: is missing"),
        (
            _minimal(pia={"name": "x" * 20_000}),
            r"pia\.name: is longer than 10,000 characters",
        ),
        (
            _minimal(evaluations=[{"reference_to": "3.2", "status": 7}]),
            r"evaluations\[0\]\.status: must be at most 3",
        ),
        (
            _minimal(evaluations=[{"reference_to": "3.2", "gauges": {"x": -1}}]),
            r"evaluations\[0\]\.gauges\.x: must be at least 0",
        ),
        (_minimal(pia={"dpo_status": 5}), r"pia\.dpo_status: must be at most 1"),
    ],
)
def test_foreign_or_hostile_cnil_json_is_refused(
    workspace: Workspace, vendor_id: str, tmp_path: Path, document: Any, message: str
) -> None:
    file = tmp_path / "pia.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    before = content_hash(workspace)
    with pytest.raises(ImportRefusedError, match=message):
        import_file(workspace, file, actor="t", vendor_id=vendor_id)
    assert content_hash(workspace) == before


def test_markup_and_script_in_a_cnil_export_become_plain_text(
    workspace: Workspace, vendor_id: str, tmp_path: Path
) -> None:
    hostile = (
        '<script>alert("x")</script><img src=x onerror=alert(1)>'
        '<a href="javascript:evil()">Purposes</a> &lt;b&gt;literal&lt;/b&gt; '
        "<style>body{}</style>\u202eevil\x07 <font color=red>pay</font>"
    )
    document = _minimal(
        answers=[
            {"reference_to": 211, "data": {"text": hostile}},
            {"reference_to": 999, "data": {"text": "<i>from a custom structure</i>"}},
        ],
        comments=[{"reference_to": 211, "description": "<div onclick=x>check</div>"}],
    )
    file = tmp_path / "pia.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    report = import_cnil_pia(workspace, file, actor="t", vendor_id=vendor_id)
    state = _state(workspace, report.assessment_id)
    purposes = state["answers"]["purposes"]
    assert purposes == "Purposes <b>literal</b> evil pay"
    assert "alert" not in purposes and "javascript" not in purposes
    assert state["answers"]["dpo_recommendation"] == "do_not_proceed"
    assert state["answers"]["dpo_opinion"] == "Not yet."
    assert "from a custom structure" in state["comments"]["processing_name"]
    assert "Comment in the CNIL PIA on question 211:\ncheck" in state["comments"]["purposes"]
    assert any("999" in line for line in report.unmapped)


def test_an_unknown_vendor_is_refused(workspace: Workspace, tmp_path: Path) -> None:
    file = tmp_path / "pia.json"
    file.write_text(json.dumps(_minimal()), encoding="utf-8")
    before = content_hash(workspace)
    with pytest.raises(ImportRefusedError, match="no vendor with id"):
        import_cnil_pia(
            workspace, file, actor="t", vendor_id="00000000-0000-4000-8000-000000000000"
        )
    assert content_hash(workspace) == before


def test_long_texts_are_shortened_to_fit_and_said_so(
    workspace: Workspace, vendor_id: str, tmp_path: Path
) -> None:
    document = _minimal(
        answers=[
            {"reference_to": 211, "data": {"text": "word " * 30_000}},
            {"reference_to": 214, "data": {"text": "accuracy " * 5_000}},
        ]
    )
    file = tmp_path / "pia.json"
    file.write_text(json.dumps(document), encoding="utf-8")
    report = import_cnil_pia(workspace, file, actor="t", vendor_id=vendor_id)
    state = _state(workspace, report.assessment_id)
    assert len(state["answers"]["purposes"]) == 100_000
    assert state["answers"]["purposes"].endswith("the whole text is in the attached CNIL export]")
    assert len(state["comments"]["data_accuracy"]) <= 20_000
    assert any("purposes: the CNIL text was shortened" in line for line in report.unmapped)
    assert any("'data_accuracy' was shortened" in line for line in report.unmapped)


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        ("", ""),
        ("plain", "plain"),
        ("<p>one</p><p>two</p>", "one\n\ntwo"),
        ("a<br>b<br/>c", "a\nb\nc"),
        ("<ul><li>x</li><li>y</li></ul>", "- x\n- y"),
        ("&eacute;t&eacute; &amp; &#8364; &nbsp;", "été & €"),
        ("<b>unclosed <i>tags", "unclosed tags"),
        ("a < b and c > d", "a < b and c > d"),
        ("<script>document.write('x')</script>safe", "safe"),
        ("<!-- a comment -->visible", "visible"),
        ("x\u202ey\u200bz\x00", "xyz"),
        ("<a<a<a", "<a<a<a"),
        ("<script>never closed <b>bold</b>", ""),
        ("<!-- never closed <b>x</b>", ""),
        ('<a title="1 > 0">link</a>', '0">link'),
    ],
)
def test_html_to_text(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


@pytest.mark.parametrize("unit", ["<a", "</", "<!", "<?", "<!--", "<script>", '<a b="'])
def test_html_to_text_stays_linear_on_malformed_input(unit: str) -> None:
    """html.parser needs minutes for some of these at this size; ours a fraction of a second
    (no timing assert: a quadratic regression would simply not finish)."""
    markup = unit * 400_000
    assert len(html_to_text(markup)) <= len(markup)


@pytest.mark.parametrize(
    ("title", "placeholder", "question", "matched"),
    [
        (
            "Chiffrement",
            "knowledge_base.slugs.PIA_TEC_CHIF.placeholder",
            "measure_encryption",
            True,
        ),
        (
            "Whatever",
            "knowledge_base.slugs.PIA_ORG_VIOL.placeholder",
            "measure_incident_management",
            True,
        ),
        ("Sauvegardes", "measures.default_placeholder", "measure_backup_continuity", True),
        ("Logical access control", None, "measure_access_control", True),
        ("Maintenance", "measures.default_placeholder", "measure_policies", False),
    ],
)
def test_measures_find_their_question(
    title: str, placeholder: str | None, question: str, matched: bool
) -> None:
    assert measure_question(title, placeholder) == (question, matched)
