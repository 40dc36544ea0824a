"""CLI commands: ``assess new | answer | show | list`` and ``review start | show``.

``assess new --vendor ID --form FORM_ID [--ai-system ID] [--json]``
    starts a draft assessment on the current version of the form (frozen into the assessment)
    and prints its id (``--json``: ``{"id", "form", "form_version", "vendor_id", ...}``)
``assess answer ID --answers FILE [--json]``
    stores the answers of FILE (YAML or JSON mapping question ids to values); every value is
    checked first, so an invalid file changes nothing
``assess show ID [--json]``
    answers, comments, completeness and the scores with their reasons
``assess list [--vendor ID] [--json]``
    the assessments of the workspace (or of one vendor)
``review start --vendor ID [--ai-system ID] [--title TEXT] [--json]``
    starts a guided review with its intake
``review show ID [--json]``
    every step's state, owner, result, the proposed next step with its reason, and the blockers
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from dpia_desk.cli.common import add_command, add_json_option, emit_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    assess = add_command(subparsers, "assess", "start, answer and show assessments")
    actions = assess.add_subparsers(dest="assess_command", metavar="ACTION", required=True)

    new = add_command(actions, "new", "start an assessment of a vendor on a form")
    new.add_argument("--vendor", required=True, metavar="ID", help="the vendor's id")
    new.add_argument("--form", required=True, metavar="FORM_ID", help="the form's id")
    new.add_argument("--ai-system", metavar="ID", help="the AI system assessed, if any")
    add_json_option(new)
    new.set_defaults(func=run_new)

    answer = add_command(actions, "answer", "store answers from a YAML or JSON file")
    answer.add_argument("assessment_id", metavar="ID")
    answer.add_argument("--answers", required=True, type=Path, metavar="FILE")
    add_json_option(answer)
    answer.set_defaults(func=run_answer)

    show = add_command(actions, "show", "answers, completeness and scores of an assessment")
    show.add_argument("assessment_id", metavar="ID")
    add_json_option(show)
    show.set_defaults(func=run_show)

    listing = add_command(actions, "list", "list assessments")
    listing.add_argument("--vendor", metavar="ID", help="only this vendor's assessments")
    add_json_option(listing)
    listing.set_defaults(func=run_list)

    review = add_command(subparsers, "review", "guided reviews: start one, see its next step")
    review_actions = review.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    start = add_command(review_actions, "start", "start a guided review with its intake")
    start.add_argument("--vendor", required=True, metavar="ID")
    start.add_argument("--ai-system", metavar="ID")
    start.add_argument("--title", metavar="TEXT")
    add_json_option(start)
    start.set_defaults(func=run_review_start)
    review_show = add_command(review_actions, "show", "the state of a guided review")
    review_show.add_argument("review_id", metavar="ID")
    add_json_option(review_show)
    review_show.set_defaults(func=run_review_show)


def _assessment_header(assessment: Any) -> dict[str, Any]:
    return {
        "id": assessment.id,
        "form": assessment.form_id,
        "form_version": assessment.form_version,
        "vendor_id": assessment.vendor_id,
        "ai_system_id": assessment.ai_system_id,
        "review_id": assessment.review_id,
        "status": assessment.status,
        "version": assessment.version,
    }


def run_new(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace
    from dpia_desk.services.assessments import start_assessment
    from dpia_desk.services.library import current_form

    form = current_form(args.form)
    with open_workspace(args) as workspace, workspace.session() as session:
        assessment = start_assessment(
            session,
            actor=workspace.actor,
            vendor_id=args.vendor,
            form=form,
            ai_system_id=args.ai_system,
        )
        document = _assessment_header(assessment)
    if args.json:
        emit_json(document)
    else:
        print(document["id"])
    return 0


def run_answer(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace
    from dpia_desk.questionnaire import load_answers_file
    from dpia_desk.services.assessments import get_assessment, set_answers
    from dpia_desk.services.summary import refresh_vendor_summary

    answers = load_answers_file(args.answers)
    with open_workspace(args) as workspace, workspace.session() as session:
        changed = set_answers(
            session, actor=workspace.actor, assessment_id=args.assessment_id, answers=answers
        )
        refresh_vendor_summary(session, get_assessment(session, args.assessment_id).vendor_id)
    if args.json:
        emit_json({"id": args.assessment_id, "changed": changed})
    else:
        print(f"{len(changed)} answer(s) changed.")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace
    from dpia_desk.scoring.summary import render_score
    from dpia_desk.services.assessments import snapshot

    with open_workspace(args, read_only=True) as workspace, workspace.read_session() as session:
        current = snapshot(session, args.assessment_id)
        document = current.to_json()
    if args.json:
        emit_json(document)
        return 0
    state = current.state
    print(f"{current.form.title} ({current.form.id} {current.form.version})")
    print(f"status: {current.status}, version {current.version}")
    print(
        f"answered: {state.overall.required_answered} of {state.overall.required} required "
        f"questions" + ("" if state.complete else f"; missing: {', '.join(state.missing)}")
    )
    for question_id, value in current.answers.items():
        comment = current.comments.get(question_id)
        print(f"  {question_id}: {value}" + (f"  # {comment}" if comment else ""))
    if current.result is not None:
        print()
        print(render_score(current.result.to_json()))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from dpia_desk.cli.context import open_workspace
    from dpia_desk.store.models import Assessment, Vendor

    with open_workspace(args, read_only=True) as workspace, workspace.read_session() as session:
        query = (
            select(Assessment, Vendor.name)
            .join(Vendor, Vendor.id == Assessment.vendor_id)
            .order_by(Vendor.sort_name, Assessment.created_at)
        )
        if args.vendor:
            query = query.where(Assessment.vendor_id == args.vendor)
        rows = [
            {**_assessment_header(assessment), "vendor": vendor_name}
            for assessment, vendor_name in session.execute(query)
        ]
    if args.json:
        emit_json(rows)
        return 0
    if not rows:
        print("No assessments yet. Start one with 'dpia-desk assess new --vendor ID --form ID'.")
    width = max((len(row["vendor"]) for row in rows), default=0)
    for row in rows:
        print(
            f"{row['id']}  {row['vendor']:<{width}}  {row['form']:<22} "
            f"v{row['version']}  {row['status']}"
        )
    return 0


def run_review_start(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace
    from dpia_desk.services.reviews import start_review

    with open_workspace(args) as workspace, workspace.session() as session:
        review, intake = start_review(
            session,
            actor=workspace.actor,
            vendor_id=args.vendor,
            ai_system_id=args.ai_system,
            title=args.title,
        )
        document = {"id": review.id, "title": review.title, "intake_assessment_id": intake.id}
    if args.json:
        emit_json(document)
    else:
        print(document["id"])
    return 0


def run_review_show(args: argparse.Namespace) -> int:
    from dpia_desk.cli.context import open_workspace
    from dpia_desk.services.reviews import review_overview

    with open_workspace(args, read_only=True) as workspace, workspace.read_session() as session:
        overview = review_overview(session, args.review_id)
        steps = [
            {
                "form": step.form_id,
                "need": step.need,
                "state": step.state,
                "reason": step.reason,
                "refs": list(step.refs),
                "depth": step.depth,
                "assessment_id": step.progress.assessment_id if step.progress else None,
                "result": step.progress.summary if step.progress else "",
                "owner_role": _owner_role(overview.steps.get(step.form_id)),
            }
            for step in overview.plan.steps
        ]
        next_step = overview.plan.next_step
        document = {
            "id": overview.review.id,
            "title": overview.review.title,
            "status": overview.review.status,
            "steps": steps,
            "next_step": next_step.form_id if next_step else None,
            "blockers": list(overview.plan.blockers),
        }
    if args.json:
        emit_json(document)
        return 0
    print(document["title"])
    for step in steps:
        result = f" — {step['result']}" if step["result"] else ""
        print(f"  [{step['state']:<11}] {step['form']:<22} {step['need']:<10}{result}")
        print(f"      {step['reason']}")
    if next_step is not None:
        print(f"next: {next_step.form_id}")
    for blocker in overview.plan.blockers:
        print(f"blocks sign-off: {blocker}")
    return 0


def _owner_role(current: Any) -> str | None:
    if current is None:
        return None
    roles = [section.owner_role for section in current.form.sections if section.owner_role]
    return max(set(roles), key=roles.count) if roles else None
