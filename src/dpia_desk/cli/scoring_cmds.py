"""CLI commands: ``dpia-desk score`` and ``dpia-desk bias-audit`` (stateless, no workspace).

``score --form FORM_ID --answers FILE [--json]`` scores an answers file (YAML or JSON mapping
question ids to values) with the form's scoring engine. Invalid answers exit 1 with the reason;
answers to questions hidden by their conditions are ignored. ``bias-audit --data FILE.csv
[--json] [--exclude-small]`` computes NYC Local Law 144 selection or scoring rates and impact
ratios from a CSV (header ``sex,race_ethnicity,applicants,selected`` or
``sex,race_ethnicity,score``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from dpia_desk.cli.common import add_command, add_json_option, emit_json


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    score = add_command(
        subparsers,
        "score",
        "score an answers file against a form (AI Act tier, DPIA verdict, vendor grade...), "
        "with the reasons; no workspace needed",
    )
    score.add_argument("--form", required=True, metavar="FORM_ID", help="the form's id")
    score.add_argument(
        "--answers",
        required=True,
        type=Path,
        metavar="FILE",
        help="YAML or JSON mapping question ids to answers (a list for multi choice)",
    )
    add_json_option(score)
    score.set_defaults(func=run_score)

    audit = add_command(
        subparsers,
        "bias-audit",
        "NYC Local Law 144 bias-audit figures (selection or scoring rates, impact ratios by sex, "
        "race/ethnicity and their intersections) from a CSV file",
    )
    audit.add_argument(
        "--data",
        required=True,
        type=Path,
        metavar="FILE.csv",
        help="CSV with header sex,race_ethnicity,applicants,selected (counts per group) "
        "or sex,race_ethnicity,score (one row per person)",
    )
    audit.add_argument(
        "--exclude-small",
        action="store_true",
        help="leave categories under 2%% of the data out of the impact ratios "
        "(6 RCNY 5-301(d); they are still listed with their counts and rates)",
    )
    add_json_option(audit)
    audit.set_defaults(func=run_bias_audit)


def run_score(args: argparse.Namespace) -> int:
    from dpia_desk.questionnaire import load_answers_file, load_library
    from dpia_desk.scoring import score_form
    from dpia_desk.scoring.summary import render_score

    form = load_library().get(args.form)
    answers = load_answers_file(args.answers)
    result = score_form(form, answers)
    document = result.to_json()
    if args.json:
        emit_json(document)
    else:
        print(render_score(document))
    return 0


def run_bias_audit(args: argparse.Namespace) -> int:
    from dpia_desk.scoring import compute_bias_audit, load_bias_csv
    from dpia_desk.scoring.summary import render_bias_audit

    result = compute_bias_audit(load_bias_csv(args.data), exclude_small=args.exclude_small)
    document = result.to_json()
    if args.json:
        emit_json(document)
    else:
        print(render_bias_audit(document))
    return 0
