"""Importing a CNIL PIA software export as a new draft assessment on our ``dpia`` form.

What goes where is in :mod:`dpia_desk.exchange.cnil_mapping`; in short:

* texts with a home become answers (purposes, legal bases, data flows, assets, retention,
  the responsibilities, the three risks' impacts, threats and measures, the DPO's opinion, the
  views of the people concerned), made plain text (:func:`html_to_text`: no markup survives);
* the gauges become our 1-4 severity and likelihood ratings, the CNIL reviewer's re-rating after
  the action plan our residual ratings;
* open answers where our form asks for a choice, the PIA's own details (authors, status, dates)
  and the reviewers' comments become comments on the nearest question, so nothing is dropped;
* the CNIL reviewer's verdicts become section ratings (the worst verdict of a section, with
  every comment), and the action plan becomes actions (owner and date where given) and the
  ``action_plan`` answer;
* the original export is attached to the assessment as evidence, so even a text that had to be
  shortened to fit a field is kept whole.

The assessment starts as a draft: a CNIL validation is not a sign-off in this workspace. Each
answer, comment, rating and action is recorded in the audit trail as if typed, plus one
"import" event with the file's SHA-256. Foreign or hostile JSON (not a CNIL export, wrong
types, values out of range) is refused with one message before anything is written.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from sqlalchemy.orm import Session

from dpia_desk.exchange.cnil_mapping import (
    DPIA_FORM_ID,
    EVALUATION_RATINGS,
    GAUGE_LABELS,
    ITEM_LABELS,
    ITEM_SECTIONS,
    PIA_STATUSES,
    RATING_ORDER,
    RISKS,
    TEXT_QUESTIONS,
    RiskTarget,
    measure_question,
)
from dpia_desk.exchange.cnil_model import CnilEvaluation, CnilExport, CnilMeasure
from dpia_desk.exchange.errors import ImportRefusedError
from dpia_desk.exchange.html_text import html_to_text
from dpia_desk.exchange.jsonfile import LoadedJson, read_json_file
from dpia_desk.exchange.report import ImportReport
from dpia_desk.exchange.transaction import ImportTarget, run_import
from dpia_desk.exchange.validation import describe_error, place
from dpia_desk.questionnaire import Form, LongTextQuestion, TextQuestion
from dpia_desk.services.assessments import (
    MAX_COMMENT_LENGTH,
    MAX_EVIDENCE_BYTES,
    add_evidence,
    normalise_for,
    safe_filename,
    set_answer,
    set_comment,
    start_assessment,
)
from dpia_desk.services.errors import AnswerRejectedError
from dpia_desk.services.library import current_form
from dpia_desk.services.risks import add_action
from dpia_desk.services.signoff import MAX_STATEMENT_LENGTH, rate_section
from dpia_desk.services.summary import refresh_vendor_summary
from dpia_desk.store import record_event
from dpia_desk.store.models import AISystem, Vendor

CNIL_FORMAT = "cnil_pia"
SHORTENED = " [... shortened to fit this field; the whole text is in the attached CNIL export]"
_ISO_DAY = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})")


def is_cnil_export(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("pia"), dict)


def parse_cnil_export(loaded: LoadedJson) -> CnilExport:
    """The export's structure, or one :class:`ImportRefusedError` naming the place."""
    data = loaded.data
    source = loaded.source
    if isinstance(data, dict) and "pia" not in data and isinstance(data.get("structure"), dict):
        raise ImportRefusedError(
            source,
            None,
            "this is a CNIL PIA structure (a questionnaire template), not a PIA; export the PIA "
            "itself from the CNIL software",
        )
    if not isinstance(data, dict):
        raise ImportRefusedError(source, None, "it is not a CNIL PIA export (no 'pia' object)")
    if "pia" not in data:
        raise ImportRefusedError(
            source,
            None,
            "it is neither a dpia_desk exchange file nor a CNIL PIA export (it has no 'format' "
            "and no 'pia' field)",
        )
    try:
        return CnilExport.model_validate(data)
    except ValidationError as failure:
        errors = failure.errors(include_url=False, include_input=False)
        first = errors[0]
        reason = describe_error(first)
        if len(errors) > 1:
            more = len(errors) - 1
            reason += f" (and {more} more problem{'s' if more > 1 else ''})"
        raise ImportRefusedError(source, place(*first["loc"]), reason) from None


# --- the mapping (pure: no workspace) -----------------------------------------------------------


@dataclass
class CnilMapping:
    """What the import writes, decided before anything is written."""

    answers: dict[str, Any] = field(default_factory=dict)
    comments: dict[str, list[str]] = field(default_factory=dict)
    section_reviews: list[tuple[str, str, str]] = field(default_factory=list)
    actions: list[dict[str, Any]] = field(default_factory=list)
    reviewer: str | None = None
    mapped: list[str] = field(default_factory=list)
    unmapped: list[str] = field(default_factory=list)

    def comment(self, question: str, text: str) -> None:
        if text.strip():
            self.comments.setdefault(question, []).append(text.strip())


def _fit(text: str, limit: int) -> tuple[str, bool]:
    if len(text) <= limit:
        return text, False
    return text[: max(0, limit - len(SHORTENED))].rstrip() + SHORTENED, True


def _reference(value: object) -> int | None:
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def _answer_limit(form: Form, question_id: str) -> int:
    question = form.find_question(question_id)
    if isinstance(question, TextQuestion | LongTextQuestion):
        return question.max_length
    return MAX_COMMENT_LENGTH


def map_cnil_export(export: CnilExport, form: Form) -> CnilMapping:
    """Decide every answer, comment, rating and action (see the module doc)."""
    mapping = CnilMapping()
    pia = export.pia
    mapping.reviewer = " ".join((pia.evaluator_name or "").split())[:200] or None

    texts: dict[int, list[str]] = {}
    gauges: dict[int, int] = {}
    lists: dict[int, list[str]] = {}
    for answer in export.answers:
        reference = _reference(answer.reference_to)
        data = answer.data
        text = html_to_text(data.text)
        items = [item for item in (html_to_text(i) for i in data.items or []) if item]
        if reference is None or (reference not in TEXT_QUESTIONS and not _risk_question(reference)):
            shown = str(answer.reference_to)[:40]
            body = "\n".join([text, *items]).strip()
            if body:
                mapping.comment(
                    "processing_name",
                    f"Answer to CNIL question {shown} (not in the standard CNIL structure):\n"
                    f"{body}",
                )
                mapping.unmapped.append(
                    f"CNIL question {shown}: not a question of the standard CNIL PIA; kept as "
                    "a comment on 'processing_name'"
                )
            continue
        if text:
            texts.setdefault(reference, []).append(text)
        if items:
            lists.setdefault(reference, []).extend(items)
        if data.gauge:
            gauges[reference] = data.gauge

    _map_pia_details(export, mapping)
    _map_texts(texts, mapping)
    measures_by_title = {
        " ".join((measure.title or "").split()).casefold(): measure for measure in export.measures
    }
    evaluations = {str(e.reference_to).strip(): e for e in export.evaluations}
    for risk in RISKS:
        _map_risk(
            risk, texts, lists, gauges, evaluations.get(risk.item), measures_by_title, mapping
        )
    _map_measures(export.measures, mapping)
    _map_opinions(export, mapping)
    _map_evaluations(export, mapping)
    _map_comments(export, mapping)
    _fit_everything(form, mapping)
    return mapping


def _risk_question(reference: int) -> bool:
    return any(
        reference in (r.impacts, r.threats, r.sources, r.measures, r.severity, r.likelihood)
        for r in RISKS
    )


def _map_pia_details(export: CnilExport, mapping: CnilMapping) -> None:
    pia = export.pia
    name = " ".join((pia.name or "").split())
    if name:
        mapping.answers["processing_name"] = name
        mapping.mapped.append("PIA name -> processing_name")
    details = [f"Imported from the CNIL PIA software: PIA '{name or '(no name)'}'"]
    if pia.id is not None:
        details[0] += f" (id {str(pia.id)[:40]})"
    people = [
        ("author", pia.author_name),
        ("evaluator", pia.evaluator_name),
        ("validator", pia.validator_name),
    ]
    named = [f"{role}: {html_to_text(who)}" for role, who in people if who and who.strip()]
    if named:
        details.append("; ".join(named))
    if pia.status is not None:
        details.append(
            f"status in the CNIL tool: {PIA_STATUSES.get(pia.status, f'code {pia.status}')}"
        )
    if pia.category:
        details.append(f"category: {html_to_text(pia.category)}")
    if pia.structure_name:
        sector = (
            f" ({html_to_text(pia.structure_sector_name)})" if pia.structure_sector_name else ""
        )
        details.append(f"structure: {html_to_text(pia.structure_name)}{sector}")
    if pia.created_at:
        details.append(f"created {pia.created_at[:40]}")
    if pia.updated_at:
        details.append(f"last changed {pia.updated_at[:40]}")
    rejection = html_to_text(pia.rejection_reason or pia.rejected_reason)
    if rejection:
        details.append(f"reason given for a rejection: {rejection}")
    adjustments = html_to_text(pia.applied_adjustments or pia.applied_adjustements)
    if adjustments:
        details.append(f"adjustments applied: {adjustments}")
    mapping.comment("processing_name", ". ".join(details) + ".")
    mapping.unmapped.append(
        "PIA details (authors, CNIL status, dates, category): kept as a comment on "
        "'processing_name'; the assessment starts as a draft, a CNIL validation is not a sign-off"
    )


def _map_texts(texts: dict[int, list[str]], mapping: CnilMapping) -> None:
    for reference, target in TEXT_QUESTIONS.items():
        found = texts.get(reference)
        if not found:
            continue
        text = "\n\n".join(found)
        if target.as_comment:
            mapping.comment(target.question, f"{target.label} (CNIL question {reference}):\n{text}")
            mapping.unmapped.append(
                f"CNIL question {reference} ({target.label}): no matching answer field; kept as "
                f"a comment on '{target.question}'"
            )
        else:
            mapping.answers[target.question] = text
            mapping.mapped.append(
                f"CNIL question {reference} ({target.label}) -> {target.question}"
            )


def _bullets(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items)


def _measure_lines(names: list[str], measures_by_title: dict[str, CnilMeasure]) -> str:
    lines: list[str] = []
    for name in names:
        measure = measures_by_title.get(" ".join(name.split()).casefold())
        content = html_to_text(measure.content) if measure is not None else ""
        lines.append(f"- {name}: {content}" if content else f"- {name}")
    return "\n".join(lines)


def _map_risk(
    risk: RiskTarget,
    texts: dict[int, list[str]],
    lists: dict[int, list[str]],
    gauges: dict[int, int],
    evaluation: CnilEvaluation | None,
    measures_by_title: dict[str, CnilMeasure],
    mapping: CnilMapping,
) -> None:
    label = risk.label
    for part, reference in (("impacts", risk.impacts), ("threats", risk.threats)):
        items = lists.get(reference, []) + texts.get(reference, [])
        if items:
            mapping.answers[risk.ours(part)] = _bullets(items)
            mapping.mapped.append(f"{label}: {part} (CNIL {reference}) -> {risk.ours(part)}")
    sources = lists.get(risk.sources, []) + texts.get(risk.sources, [])
    if sources:
        mapping.comment(
            risk.ours("risk_sources"),
            "Risk sources named in the CNIL PIA:\n" + _bullets(sources),
        )
        mapping.unmapped.append(
            f"{label}: risk sources (CNIL {risk.sources}) are free text, not our choices; kept as "
            f"a comment on '{risk.ours('risk_sources')}'"
        )
    names = lists.get(risk.measures, [])
    extra = texts.get(risk.measures, [])
    if names or extra:
        body = _measure_lines(names, measures_by_title)
        if extra:
            body = "\n\n".join([body, *extra]).strip()
        mapping.answers[risk.ours("measures")] = body
        mapping.mapped.append(
            f"{label}: measures (CNIL {risk.measures}) -> {risk.ours('measures')}"
        )
    for part, reference in (("severity", risk.severity), ("likelihood", risk.likelihood)):
        gauge = gauges.get(reference)
        if gauge:
            mapping.answers[risk.ours(part)] = gauge
            mapping.mapped.append(
                f"{label}: {part} {gauge} ({GAUGE_LABELS[gauge]}, CNIL {reference}) -> "
                f"{risk.ours(part)}"
            )
        else:
            mapping.unmapped.append(f"{label}: {part} not rated in the CNIL PIA")
        justification = "\n\n".join(texts.get(reference, []))
        if justification:
            mapping.comment(
                risk.ours(part),
                f"Justification in the CNIL PIA (question {reference}):\n{justification}",
            )
    if gauges.get(risk.severity) or gauges.get(risk.likelihood):
        mapping.unmapped.append(
            f"{label}: the CNIL rating already counts the existing and planned measures; it is "
            "used as our rating before measures, so check it"
        )
    reviewed = evaluation.gauges if evaluation is not None else None
    if reviewed is not None:
        for part, gauge in (("severity", reviewed.x), ("likelihood", reviewed.y)):
            if gauge:
                mapping.answers[risk.ours(f"residual_{part}")] = gauge
                mapping.mapped.append(
                    f"{label}: {part} re-rated with the action plan {gauge} "
                    f"({GAUGE_LABELS[gauge]}, CNIL review {risk.item}) -> "
                    f"{risk.ours(f'residual_{part}')}"
                )


def _map_measures(measures: list[CnilMeasure], mapping: CnilMapping) -> None:
    for measure in measures:
        title = " ".join(html_to_text(measure.title).split()) or "(untitled measure)"
        content = html_to_text(measure.content)
        question, matched = measure_question(title, measure.placeholder)
        heading = (
            f"Measure described in the CNIL PIA: {title}"
            if matched
            else f"Other measure described in the CNIL PIA (no matching question): {title}"
        )
        mapping.comment(question, f"{heading}\n{content}" if content else heading)
        mapping.unmapped.append(
            f"measure '{title}': our measure questions are yes/partly/no; its description is "
            f"kept as a comment on '{question}'" + ("" if matched else " (no closer question)")
        )


def _map_opinions(export: CnilExport, mapping: CnilMapping) -> None:
    pia = export.pia
    dpo_names = html_to_text(pia.dpos_names)
    dpo_opinion = html_to_text(pia.dpo_opinion)
    if dpo_names or dpo_opinion or pia.dpo_status is not None:
        mapping.answers["dpo_advice_sought"] = "yes"
        mapping.mapped.append("DPO's opinion recorded -> dpo_advice_sought: yes")
        if dpo_opinion:
            mapping.answers["dpo_opinion"] = dpo_opinion
            mapping.mapped.append("DPO's opinion -> dpo_opinion")
        if pia.dpo_status is not None:
            choice = "proceed" if pia.dpo_status == 1 else "do_not_proceed"
            mapping.answers["dpo_recommendation"] = choice
            mapping.mapped.append(f"DPO's position -> dpo_recommendation: {choice}")
        if dpo_names:
            mapping.comment("dpo_opinion", f"DPO named in the CNIL PIA: {dpo_names}")
    else:
        mapping.unmapped.append("no DPO opinion in the CNIL PIA")

    people = html_to_text(pia.people_names)
    opinion = html_to_text(pia.concerned_people_opinion)
    reason = html_to_text(pia.concerned_people_searched_content)
    sought = pia.concerned_people_searched_opinion
    if sought is None:
        sought = True if (people or opinion) else None
    if sought is None:
        mapping.unmapped.append("the CNIL PIA does not say whether the people's views were sought")
        return
    mapping.answers["data_subject_views_sought"] = "yes" if sought else "no"
    mapping.mapped.append(
        f"views of the people concerned sought -> data_subject_views_sought: "
        f"{'yes' if sought else 'no'}"
    )
    if sought:
        if opinion:
            mapping.answers["data_subject_views_summary"] = opinion
            mapping.mapped.append("their views -> data_subject_views_summary")
        notes: list[str] = []
        if people:
            notes.append(f"People consulted: {people}")
        if pia.concerned_people_status is not None:
            verdict = "should" if pia.concerned_people_status == 1 else "should not"
            notes.append(f"Their position: the processing {verdict} go ahead")
        if reason:
            notes.append(f"Note in the CNIL PIA: {reason}")
        if notes:
            mapping.comment("data_subject_views_summary", "\n".join(notes))
        mapping.unmapped.append(
            "how the views were sought is not recorded by the CNIL tool: "
            "data_subject_views_method is left for you"
        )
    elif reason:
        mapping.answers["data_subject_views_not_sought_reason"] = reason
        mapping.mapped.append(
            "why the views were not sought -> data_subject_views_not_sought_reason"
        )


def _evaluation_label(reference: str, measures: dict[str, CnilMeasure]) -> str:
    parts = reference.split(".")
    item = ".".join(parts[:2])
    base = ITEM_LABELS.get(item, f"CNIL item {item}")
    if len(parts) > 2:
        tail = ".".join(parts[2:])
        number = _reference(tail)
        if item == "3.1":
            measure = measures.get(tail)
            if measure is None:
                return f"{base}, measure '{tail[:40]}' (not in this PIA)"
            return f"{base}, measure '{html_to_text(measure.title) or tail[:40]}'"
        if number is not None and number in TEXT_QUESTIONS:
            return f"{base}, question {number} ({TEXT_QUESTIONS[number].label})"
        return f"{base}, {tail[:40]}"
    return base


def _due_date(raw: str | None) -> date | None:
    if not raw:
        return None
    match = _ISO_DAY.match(raw.strip())
    if match is None:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _map_evaluations(export: CnilExport, mapping: CnilMapping) -> None:
    measures = {str(m.id): m for m in export.measures if m.id is not None}
    by_section: dict[str, list[tuple[str, str]]] = {}
    plan_lines: list[str] = []
    for evaluation in export.evaluations:
        reference = str(evaluation.reference_to).strip()[:60]
        item = ".".join(reference.split(".")[:2])
        label = _evaluation_label(reference, measures)
        comment = html_to_text(evaluation.evaluation_comment)
        rating = EVALUATION_RATINGS.get(evaluation.status or 0)
        section = ITEM_SECTIONS.get(item)
        if section is None:
            if rating or comment:
                mapping.unmapped.append(
                    f"CNIL review of '{reference}': not an item of the standard CNIL PIA; kept "
                    "in the attached original only"
                )
        elif rating is not None:
            line = f"{label}: {rating.replace('_', ' ')}"
            by_section.setdefault(section, []).append(
                (rating, f"{line}. {comment}" if comment else line)
            )
        elif comment:
            by_section.setdefault(section, []).append(("", f"{label} (not yet rated): {comment}"))

        plan = html_to_text(evaluation.action_plan_comment)
        if not plan:
            continue
        owner = " ".join(html_to_text(evaluation.person_in_charge).split())
        due = _due_date(evaluation.estimated_implementation_date)
        # The plan's first line names the action; where it came from is in finding_ref.
        first_line = next((line.strip() for line in plan.splitlines() if line.strip()), plan)
        mapping.actions.append(
            {
                "title": first_line,
                "owner": owner,
                "due_date": due,
                "finding_ref": f"cnil:{reference}",
            }
        )
        extras = ", ".join(
            part
            for part in (f"owner {owner}" if owner else "", f"due {due}" if due else "")
            if part
        )
        plan_lines.append(f"- {label}: {plan}" + (f" ({extras})" if extras else ""))
        if evaluation.estimated_implementation_date and due is None:
            mapping.unmapped.append(
                f"action plan for '{reference}': the date "
                f"{evaluation.estimated_implementation_date[:40]!r} is not a date; left empty"
            )

    for section, entries in by_section.items():
        ratings = [rating for rating, _ in entries if rating]
        if not ratings:
            mapping.unmapped.append(
                f"CNIL review comments on section '{section}' without a verdict; kept as its "
                "unrated remarks"
            )
            continue
        worst = min(ratings, key=RATING_ORDER.index)
        text = "Review in the CNIL PIA:\n" + "\n".join(f"- {line}" for _, line in entries)
        mapping.section_reviews.append((section, worst, text))
        mapping.mapped.append(
            f"CNIL review verdicts ({len(ratings)}) -> section rating '{section}': {worst}"
        )
    if plan_lines:
        mapping.answers["action_plan"] = "Action plan from the CNIL PIA:\n" + "\n".join(plan_lines)
        mapping.mapped.append(
            f"CNIL action plan ({len(plan_lines)} entries) -> action_plan and "
            f"{len(plan_lines)} action(s)"
        )


def _comment_target(reference: int | None) -> str:
    """Our question nearest to a CNIL question id (the PIA's name for anything else)."""
    if reference is None:
        return "processing_name"
    if reference in TEXT_QUESTIONS:
        return TEXT_QUESTIONS[reference].question
    for risk in RISKS:
        parts = {
            risk.impacts: "impacts",
            risk.threats: "threats",
            risk.sources: "risk_sources",
            risk.measures: "measures",
            risk.severity: "severity",
            risk.likelihood: "likelihood",
        }
        if reference in parts:
            return risk.ours(parts[reference])
    return "processing_name"


def _map_comments(export: CnilExport, mapping: CnilMapping) -> None:
    for comment in export.comments:
        text = html_to_text(comment.description)
        if not text:
            continue
        target = _comment_target(_reference(comment.reference_to))
        when = f" ({comment.created_at[:40]})" if comment.created_at else ""
        shown = str(comment.reference_to)[:40]
        mapping.comment(target, f"Comment in the CNIL PIA on question {shown}{when}:\n{text}")
        mapping.unmapped.append(
            f"CNIL comment on question {shown}: kept as a comment on '{target}'"
        )


def _fit_everything(form: Form, mapping: CnilMapping) -> None:
    for question_id, value in list(mapping.answers.items()):
        if isinstance(value, str):
            fitted, shortened = _fit(value, _answer_limit(form, question_id))
            mapping.answers[question_id] = fitted
            if shortened:
                mapping.unmapped.append(f"{question_id}: the CNIL text was shortened to fit")
    for index, (section, rating, text) in enumerate(mapping.section_reviews):
        fitted, shortened = _fit(text, MAX_STATEMENT_LENGTH)
        mapping.section_reviews[index] = (section, rating, fitted)
        if shortened:
            mapping.unmapped.append(f"section rating '{section}': its comment was shortened")
    for action in mapping.actions:
        title = " ".join(action["title"].split())
        action["title"] = title if len(title) <= 300 else title[:297] + "..."
        action["owner"] = action["owner"][:200]
        action["finding_ref"] = action["finding_ref"][:200]


def _joined_comments(mapping: CnilMapping) -> dict[str, str]:
    joined: dict[str, str] = {}
    for question_id, paragraphs in mapping.comments.items():
        text, shortened = _fit("\n\n".join(paragraphs), MAX_COMMENT_LENGTH)
        joined[question_id] = text
        if shortened:
            mapping.unmapped.append(f"the comment on '{question_id}' was shortened to fit")
    return joined


# --- the import ---------------------------------------------------------------------------------


def import_cnil_pia(
    target: ImportTarget,
    path: Path | str,
    *,
    actor: str,
    vendor_id: str,
    ai_system_id: str | None = None,
) -> ImportReport:
    """Import the CNIL PIA export at ``path`` as a new draft ``dpia`` assessment of a vendor."""
    return import_cnil_data(
        target, read_json_file(path), actor=actor, vendor_id=vendor_id, ai_system_id=ai_system_id
    )


def _original_bytes(loaded: LoadedJson) -> bytes | None:
    """The file as read, for the attachment (None when it is too large to attach)."""
    if loaded.size > MAX_EVIDENCE_BYTES:
        return None
    try:
        raw = loaded.source.read_bytes()
    except OSError as error:
        raise ImportRefusedError(
            loaded.source, None, error.strerror or "it cannot be read again"
        ) from None
    if hashlib.sha256(raw).hexdigest() != loaded.sha256:
        raise ImportRefusedError(loaded.source, None, "the file changed while it was imported")
    return raw


def import_cnil_data(
    target: ImportTarget,
    loaded: LoadedJson,
    *,
    actor: str,
    vendor_id: str,
    ai_system_id: str | None = None,
) -> ImportReport:
    source = loaded.source
    export = parse_cnil_export(loaded)
    form = current_form(DPIA_FORM_ID)
    mapping = map_cnil_export(export, form)
    # Every value through the form engine before anything is written.
    answers: dict[str, Any] = {}
    for question_id, value in mapping.answers.items():
        try:
            answers[question_id] = normalise_for(form, question_id, value)
        except AnswerRejectedError as error:  # pragma: no cover (the mapping fits the form)
            raise ImportRefusedError(source, question_id, error.reason) from None
    comments = _joined_comments(mapping)
    original = _original_bytes(loaded)
    if original is None:
        mapping.unmapped.append(
            f"the original export is larger than {MAX_EVIDENCE_BYTES // 1_048_576} MB and was "
            "not attached"
        )

    def plan(session: Session) -> None:
        if session.get(Vendor, vendor_id) is None:
            raise ImportRefusedError(
                source,
                None,
                f"there is no vendor with id {vendor_id} in this workspace",
                hint="List the vendors with 'dpia-desk vendor list'. Nothing was imported.",
            )
        if ai_system_id is not None:
            system = session.get(AISystem, ai_system_id)
            if system is None or system.vendor_id != vendor_id:
                raise ImportRefusedError(
                    source, None, f"the vendor has no AI system with id {ai_system_id}"
                )

    def write(session: Session, _plan: None) -> str:
        assessment = start_assessment(
            session, actor=actor, vendor_id=vendor_id, form=form, ai_system_id=ai_system_id
        )
        for question_id, value in answers.items():
            if value is not None:
                set_answer(
                    session,
                    actor=actor,
                    assessment_id=assessment.id,
                    question_id=question_id,
                    value=value,
                )
        for question_id, text in comments.items():
            set_comment(
                session,
                actor=actor,
                assessment_id=assessment.id,
                question_id=question_id,
                comment=text,
            )
        for section, rating, text in mapping.section_reviews:
            rate_section(
                session,
                actor=actor,
                assessment_id=assessment.id,
                section_id=section,
                rating=rating,
                comment=text,
                reviewer=mapping.reviewer,
            )
        for action in mapping.actions:
            add_action(session, actor=actor, assessment_id=assessment.id, **action)
        if original is not None:
            name = safe_filename(source.name)
            if not name.lower().endswith(".json"):
                name = "cnil-pia-export.json"
            add_evidence(
                session,
                actor=actor,
                assessment_id=assessment.id,
                question_id=None,
                filename=name,
                content=original,
                media_type="application/json",
            )
        record_event(
            session,
            actor,
            "import",
            "assessment",
            assessment.id,
            None,
            None,
            {
                "file_sha256": loaded.sha256,
                "format": CNIL_FORMAT,
                "pia_name": (export.pia.name or "")[:200],
                "answers": len(answers),
                "comments": len(comments),
                "section_reviews": len(mapping.section_reviews),
                "actions": len(mapping.actions),
            },
        )
        refresh_vendor_summary(session, vendor_id)
        return assessment.id

    assessment_id, backup = run_import(target, plan, write)
    mapped = list(mapping.mapped)
    if original is not None:
        mapped.append("the original CNIL export -> attached to the assessment as evidence")
    return ImportReport(
        format=CNIL_FORMAT,
        assessment_id=assessment_id,
        vendor_id=vendor_id,
        source=str(source),
        file_sha256=loaded.sha256,
        backup=backup,
        mapped=mapped,
        unmapped=list(mapping.unmapped),
    )
