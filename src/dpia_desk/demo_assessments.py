"""Demo reviews: each demo vendor's review at the stage a first look should show.

:func:`populate_demo_reviews` plays a short story per demo vendor through the same services a user
drives (reviews, answers, comments, evidence, risks, actions, section ratings, sign-offs), so every
answer is validated against its frozen form and every change is in the audit trail. The stories
are data, in ``demo_data/<vendor>/`` inside the package:

- ``review.yaml``: the vendor and AI system, the steps in the order they were worked on, how the
  review stands (``in_progress`` or ``completed``) and whether the next review date follows the
  intake's review cadence (``next_review: cadence``);
- ``<form id>.yaml`` per step: ``answers`` and ``comments`` by question id, and what happened on
  the step: ``evidence`` (files from ``files/``), ``risks`` (the DPIA register, with an optional
  ``after_measures`` revision), ``actions``, ``actions_from_findings``, section ``ratings``,
  ``status`` and ``signoffs``.

Dates are written relative to the demo day (``today``, ``today+30d``, ``today-5d``) so the stories
stay true whenever the demo is created. Refreshing is idempotent: a vendor whose demo review (same
title) exists keeps it untouched, user changes included; only the cached vendor figures and the
cadence-based review date are brought up to date, and those record nothing when unchanged.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from dpia_desk.demo import DEMO_ACTOR, demo_id
from dpia_desk.errors import DpiaDeskError
from dpia_desk.questionnaire.answers_file import load_answers_text
from dpia_desk.services.assessments import (
    add_evidence,
    set_answers,
    set_comment,
    snapshot,
)
from dpia_desk.services.reviews import close_review, review_assessments, start_review, start_step
from dpia_desk.services.risks import actions_from_findings, add_action, add_risk, update_risk
from dpia_desk.services.signoff import rate_section, set_status, sign_off
from dpia_desk.services.summary import refresh_vendor_summary
from dpia_desk.store import Workspace, update_vendor
from dpia_desk.store.models import AISystem, Assessment, Review, Vendor

DATA_PACKAGE = "dpia_desk"
DATA_FOLDER = "demo_data"
REVIEW_FILE = "review.yaml"
FILES_FOLDER = "files"

_RELATIVE_DATE = re.compile(r"today(?:([+-])(\d{1,5})d)?")
_REVIEW_KEYS = frozenset({"vendor", "ai_system", "title", "steps", "status", "next_review"})
_STEP_KEYS = frozenset(
    {
        "answers",
        "comments",
        "evidence",
        "risks",
        "actions",
        "actions_from_findings",
        "ratings",
        "status",
        "signoffs",
    }
)
_RISK_KEYS = frozenset(
    {
        "key",
        "title",
        "feared_event",
        "sources",
        "impacts",
        "severity",
        "likelihood",
        "residual_severity",
        "residual_likelihood",
        "measures",
        "after_measures",
    }
)
_ACTION_KEYS = frozenset({"title", "owner", "due", "status", "risk", "finding"})


class DemoDataError(DpiaDeskError):
    """A demo data file that does not fit its format (a bug in the shipped data)."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(
            f"Demo data {where}: {reason}.",
            hint="The demo data shipped with this version is broken; please report it.",
        )


# --- the stories --------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoStep:
    form_id: str
    data: Mapping[str, Any]
    source: str  # file name, for messages

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.data.get(key) or {}
        if not isinstance(value, dict):
            raise DemoDataError(self.source, f"'{key}' must be a mapping")
        return value

    def items(self, key: str) -> list[dict[str, Any]]:
        value = self.data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise DemoDataError(self.source, f"'{key}' must be a list of mappings")
        return value


@dataclass(frozen=True)
class DemoStory:
    slug: str
    vendor: str
    ai_system: str | None
    title: str
    status: str  # in_progress | completed
    cadence_review_date: bool
    steps: tuple[DemoStep, ...]
    files: Traversable

    @property
    def vendor_id(self) -> str:
        return demo_id("vendor", self.vendor)

    @property
    def ai_system_id(self) -> str | None:
        return demo_id("ai_system", self.ai_system) if self.ai_system else None


def data_root() -> Traversable:
    """The ``demo_data`` folder inside the installed package (a wheel ships it)."""
    return resources.files(DATA_PACKAGE).joinpath(DATA_FOLDER)


def _read_mapping(file: Traversable, where: str) -> dict[str, Any]:
    # The project's guarded YAML reader: YAML 1.2, so "yes"/"no" stay choice ids.
    return dict(load_answers_text(file.read_bytes(), where))


def load_stories() -> list[DemoStory]:
    """Every demo story, in folder-name order."""
    root = data_root()
    if not root.is_dir():
        # A build that left the package data out (a frozen bundle must collect demo_data too).
        raise DemoDataError(DATA_FOLDER, "the folder is missing from this installation")
    stories: list[DemoStory] = []
    folders = sorted((entry for entry in root.iterdir() if entry.is_dir()), key=lambda e: e.name)
    for folder in folders:
        where = f"{folder.name}/{REVIEW_FILE}"
        review = _read_mapping(folder.joinpath(REVIEW_FILE), where)
        unknown = sorted(set(review) - _REVIEW_KEYS)
        if unknown:
            raise DemoDataError(where, f"unknown key '{unknown[0]}'")
        vendor = review.get("vendor")
        steps = review.get("steps")
        if not isinstance(vendor, str) or not isinstance(steps, list) or not steps:
            raise DemoDataError(where, "needs a vendor name and a list of steps")
        system = review.get("ai_system")
        if system is not None and not isinstance(system, str):
            raise DemoDataError(where, "'ai_system' must be a name")
        status = str(review.get("status", "in_progress"))
        if status not in ("in_progress", "completed"):
            raise DemoDataError(where, "'status' must be in_progress or completed")
        loaded: list[DemoStep] = []
        for form_id in steps:
            source = f"{folder.name}/{form_id}.yaml"
            data = _read_mapping(folder.joinpath(f"{form_id}.yaml"), source)
            unknown = sorted(set(data) - _STEP_KEYS)
            if unknown:
                raise DemoDataError(source, f"unknown key '{unknown[0]}'")
            loaded.append(DemoStep(str(form_id), data, source))
        title = review.get("title") or (f"{vendor} — {system}" if system else vendor)
        stories.append(
            DemoStory(
                slug=folder.name,
                vendor=vendor,
                ai_system=system,
                title=str(title),
                status=status,
                cadence_review_date=review.get("next_review") == "cadence",
                steps=tuple(loaded),
                files=folder.joinpath(FILES_FOLDER),
            )
        )
    return stories


def resolve_dates(value: Any, today: date) -> Any:
    """``today``, ``today+Nd`` and ``today-Nd`` anywhere in ``value`` become ISO dates."""
    if isinstance(value, str):
        match = _RELATIVE_DATE.fullmatch(value.strip())
        if match is None:
            return value
        sign, days = match.groups()
        offset = int(days) if days else 0
        return (today + timedelta(days=-offset if sign == "-" else offset)).isoformat()
    if isinstance(value, list):
        return [resolve_dates(item, today) for item in value]
    if isinstance(value, dict):
        return {key: resolve_dates(item, today) for key, item in value.items()}
    return value


def _as_date(value: Any, today: date, where: str) -> date | None:
    if value is None:
        return None
    resolved = resolve_dates(value, today)
    if isinstance(resolved, date):
        return resolved
    try:
        return date.fromisoformat(str(resolved))
    except ValueError:
        raise DemoDataError(where, f"'{value}' is not a date") from None


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (the month's last day when that month is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, monthrange(year, month)[1]))


# --- playing a story ----------------------------------------------------------------------------


def populate_demo_reviews(workspace: Workspace, *, today: date) -> int:
    """Create the demo reviews that are missing; returns how many were created.

    Every demo vendor's cached figures (AI Act tier, DPIA verdict, grade, open findings) are
    refreshed, and a completed review sets the vendor's next review date from the intake cadence.
    Runs in one transaction: a failure leaves the workspace as it was.
    """
    stories = load_stories()
    created = 0
    with workspace.session() as session:
        for story in stories:
            if session.get(Vendor, story.vendor_id) is None:
                continue  # populate_demo adds the vendors first; a caller may not have
            if story.ai_system_id is not None and session.get(AISystem, story.ai_system_id) is None:
                continue
            review = _existing_review(session, story)
            if review is None:
                review = _play_story(session, story, today)
                created += 1
            if story.cadence_review_date and review.status == "completed":
                _set_next_review_date(session, story, review, today)
            refresh_vendor_summary(session, story.vendor_id)
    return created


def _existing_review(session: Session, story: DemoStory) -> Review | None:
    return session.scalars(
        select(Review)
        .where(Review.vendor_id == story.vendor_id, Review.title == story.title)
        .order_by(Review.started_at)
    ).first()


def _play_story(session: Session, story: DemoStory, today: date) -> Review:
    review, intake = start_review(
        session,
        actor=DEMO_ACTOR,
        vendor_id=story.vendor_id,
        ai_system_id=story.ai_system_id,
        title=story.title,
    )
    for step in story.steps:
        assessment = (
            intake
            if step.form_id == "vendor_intake"
            else start_step(session, actor=DEMO_ACTOR, review_id=review.id, form_id=step.form_id)
        )
        _play_step(session, story, step, assessment, today)
    if story.status == "completed":
        close_review(session, actor=DEMO_ACTOR, review_id=review.id, status="completed")
    return review


def _play_step(
    session: Session, story: DemoStory, step: DemoStep, assessment: Assessment, today: date
) -> None:
    assessment_id = assessment.id
    for item in step.items("evidence"):
        _attach(session, story, step, assessment_id, item, today)
    answers = resolve_dates(step.mapping("answers"), today)
    set_answers(session, actor=DEMO_ACTOR, assessment_id=assessment_id, answers=answers)
    for question_id, comment in step.mapping("comments").items():
        set_comment(
            session,
            actor=DEMO_ACTOR,
            assessment_id=assessment_id,
            question_id=str(question_id),
            comment=" ".join(str(comment).split()),
        )
    risk_ids = _add_risks(session, step, assessment_id)
    for item in step.items("actions"):
        _add_action(session, step, assessment_id, item, risk_ids, today)
    _revise_risks(session, step, risk_ids)
    if step.data.get("actions_from_findings"):
        actions_from_findings(session, actor=DEMO_ACTOR, assessment_id=assessment_id)
    for item in step.items("ratings"):
        rate_section(
            session,
            actor=DEMO_ACTOR,
            assessment_id=assessment_id,
            section_id=str(item["section"]),
            rating=str(item["rating"]),
            comment=" ".join(str(item.get("comment", "")).split()),
            reviewer=item.get("reviewer"),
        )
    if step.data.get("status"):
        set_status(
            session, actor=DEMO_ACTOR, assessment_id=assessment_id, status=str(step.data["status"])
        )
    for item in step.items("signoffs"):
        sign_off(
            session,
            actor=DEMO_ACTOR,
            assessment_id=assessment_id,
            role=str(item["role"]),
            name=str(item["name"]),
            decision=str(item.get("decision", "approve")),
            statement=" ".join(str(item.get("statement", "")).split()),
        )


def _attach(
    session: Session,
    story: DemoStory,
    step: DemoStep,
    assessment_id: str,
    item: Mapping[str, Any],
    today: date,
) -> None:
    name = str(item.get("file", ""))
    file = story.files.joinpath(name)
    if not name or not file.is_file():
        raise DemoDataError(step.source, f"evidence file '{name}' is not in {story.slug}/files")
    add_evidence(
        session,
        actor=DEMO_ACTOR,
        assessment_id=assessment_id,
        question_id=item.get("question"),
        filename=name,
        content=file.read_bytes(),
        media_type=item.get("media_type"),
        expires_on=_as_date(item.get("expires"), today, step.source),
    )


def _add_risks(session: Session, step: DemoStep, assessment_id: str) -> dict[str, str]:
    ids: dict[str, str] = {}
    for item in step.items("risks"):
        unknown = sorted(set(item) - _RISK_KEYS)
        if unknown:
            raise DemoDataError(step.source, f"unknown risk key '{unknown[0]}'")
        fields = {
            key: (" ".join(value.split()) if isinstance(value, str) else value)
            for key, value in item.items()
            if key not in ("key", "after_measures")
        }
        risk = add_risk(session, actor=DEMO_ACTOR, assessment_id=assessment_id, **fields)
        ids[str(item.get("key", risk.id))] = risk.id
    return ids


def _revise_risks(session: Session, step: DemoStep, risk_ids: Mapping[str, str]) -> None:
    """Ratings after the measures an action put in place (the register's second reading)."""
    for item in step.items("risks"):
        revision = item.get("after_measures")
        if not revision:
            continue
        changes = {
            key: (" ".join(value.split()) if isinstance(value, str) else value)
            for key, value in dict(revision).items()
        }
        update_risk(session, actor=DEMO_ACTOR, risk_id=risk_ids[str(item["key"])], **changes)


def _add_action(
    session: Session,
    step: DemoStep,
    assessment_id: str,
    item: Mapping[str, Any],
    risk_ids: Mapping[str, str],
    today: date,
) -> None:
    unknown = sorted(set(item) - _ACTION_KEYS)
    if unknown:
        raise DemoDataError(step.source, f"unknown action key '{unknown[0]}'")
    risk = item.get("risk")
    if risk is not None and str(risk) not in risk_ids:
        raise DemoDataError(step.source, f"action names an unknown risk '{risk}'")
    add_action(
        session,
        actor=DEMO_ACTOR,
        assessment_id=assessment_id,
        title=" ".join(str(item["title"]).split()),
        owner=item.get("owner", ""),
        due_date=_as_date(item.get("due"), today, step.source),
        status=item.get("status", "open"),
        risk_id=risk_ids[str(risk)] if risk is not None else None,
        finding_ref=item.get("finding"),
    )


def _set_next_review_date(session: Session, story: DemoStory, review: Review, today: date) -> None:
    intake = review_assessments(session, review.id).get("vendor_intake")
    if intake is None:
        return
    result = snapshot(session, intake.id, with_related=False).result
    months = result.to_json().get("review_every_months") if result is not None else None
    if isinstance(months, int) and months > 0:
        update_vendor(
            session,
            story.vendor_id,
            actor=DEMO_ACTOR,
            next_review_date=add_months(today, months),
        )


def iter_steps() -> Iterator[tuple[DemoStory, DemoStep]]:
    """Every (story, step) pair, for checks of the shipped data."""
    for story in load_stories():
        for step in story.steps:
            yield story, step
