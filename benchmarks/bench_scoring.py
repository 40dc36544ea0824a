"""Scoring speed: one 300-question assessment, and re-scoring 10,000 stored assessments.

Run: ``.venv/bin/python benchmarks/bench_scoring.py [--runs N] [--assessments N]``.

1. A generated 300-question due-diligence form (10 domains, conditions, flags), fully answered:
   the median time of ``score_form`` (form evaluation + scoring), against the form engine's
   ``evaluate`` alone measured in the same run. Goal (DESIGN section 11): under 5 ms.
2. 10,000 assessments spread over the shipped forms (random valid answer sets, as a workspace
   would store them), each re-scored from its raw answers. Goal: under 10 s in total.

Everything that depends on a form alone is prepared once per form (the first call) and reused.
Exit code 1 when a goal is missed, so CI can run it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from dpia_desk.questionnaire import Form, evaluate, load_form_text, load_library
from dpia_desk.scoring import score_form

GOAL_ONE_MS = 5.0
GOAL_BATCH_S = 10.0


def big_form(domains: int = 10, per_domain: int = 30) -> Form:
    """A due-diligence form of ``domains * per_domain`` questions (first one: review_depth)."""
    lines = [
        "schema_version: 1",
        "id: bench_due_diligence",
        "version: 1.0.0",
        "status: draft",
        "title: Benchmark due diligence",
        "scoring: vendor_due_diligence",
        "source: {author: benchmarks, licence: CC0-1.0}",
        "default_scores:",
        "  yes_no_partial_na: {yes: 100, partial: 50, no: 0}",
        "outcomes:",
        "  domains:",
    ]
    lines += [f"    d{d}: {{title: Domain {d}, weight: {1 + d % 3}}}" for d in range(domains)]
    lines += [
        "sections:",
        "  - id: depth",
        "    title: Depth",
        "    questions:",
        "      - id: review_depth",
        "        type: single_choice",
        "        text: Depth",
        "        weight: 0",
        "        choices: [{id: light, label: L}, {id: standard, label: S}, {id: full, label: F}]",
    ]
    remaining = domains * per_domain - 1
    for d in range(domains):
        lines += [f"  - id: d{d}", f"    title: Domain {d}", f"    domain: d{d}", "    questions:"]
        count = min(per_domain - (1 if d == 0 else 0), remaining)
        remaining -= count
        for q in range(count):
            qid = f"d{d}_q{q}"
            lines += [
                f"      - id: {qid}",
                "        type: yes_no_partial_na",
                f"        text: Control {d}.{q}",
                f"        weight: {1 + q % 3}",
            ]
            if q % 10 == 9:  # every tenth question only at full depth
                lines.append("        show_if: {question: review_depth, equals: full}")
            if q % 7 == 0:
                severity = ("low", "medium", "high", "critical")[q % 4]
                lines += [
                    "        choices:",
                    f'          - {{id: "no", flag: {{severity: {severity}, text: Gap {qid}.}}}}',
                ]
    return load_form_text("\n".join(lines) + "\n", "bench_due_diligence.yaml")


def random_answers(form: Form, rnd: random.Random, fill: float = 1.0) -> dict[str, Any]:
    """A valid answer set: each question answered with probability ``fill``."""
    answers: dict[str, Any] = {}
    for question in form.questions:
        if rnd.random() > fill:
            continue
        kind = question.kind
        if kind in ("yes_no", "yes_no_partial_na", "single_choice"):
            answers[question.id] = rnd.choice(question.options).id
        elif kind == "multi_choice":
            plain = [c.id for c in question.options if not c.exclusive]
            answers[question.id] = rnd.sample(plain, rnd.randint(1, min(3, len(plain))))
        elif kind == "scale":
            answers[question.id] = rnd.randint(question.min, question.max)  # type: ignore[attr-defined]
        elif kind == "number":
            low = question.min if question.min is not None else 0  # type: ignore[attr-defined]
            answers[question.id] = int(low) + rnd.randint(0, 100)
        elif kind == "date":
            answers[question.id] = f"2026-0{rnd.randint(1, 9)}-1{rnd.randint(0, 9)}"
        elif kind == "evidence":
            answers[question.id] = ["report.pdf"]
        else:
            answers[question.id] = "Some text written by a reviewer."
    return answers


def median_ms(action: Callable[[], object], runs: int) -> float:
    action()  # warm-up: per-form preparation, rules loading
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--assessments", type=int, default=10_000)
    args = parser.parse_args()
    rnd = random.Random(20260727)

    form = big_form()
    answers = random_answers(form, rnd)
    answers["review_depth"] = "full"
    assert len(form.questions) == 300
    evaluate_ms = median_ms(lambda: evaluate(form, answers), args.runs)
    score_ms = median_ms(lambda: score_form(form, answers, strict=False), args.runs)
    print(f"300-question assessment ({len(answers)} answers):")
    print(f"  form engine evaluate (baseline): {evaluate_ms:7.3f} ms median")
    print(f"  score_form (evaluate + score):   {score_ms:7.3f} ms median")
    print(f"  scoring on top of evaluation:    {score_ms / evaluate_ms:7.2f} x the baseline")
    print(f"  goal: under {GOAL_ONE_MS:g} ms -> {'met' if score_ms < GOAL_ONE_MS else 'MISSED'}")

    library = [f for f in load_library() if f.scoring is not None]
    stored = []
    for index in range(args.assessments):
        shipped = library[index % len(library)]
        stored.append((shipped, random_answers(shipped, rnd, fill=rnd.uniform(0.3, 1.0))))
    for shipped in library:  # the app loads its forms once; prepare them like a warm app
        score_form(shipped, {}, strict=False)
    start = time.perf_counter()
    for shipped, stored_answers in stored:
        score_form(shipped, stored_answers, strict=False)
    batch_s = time.perf_counter() - start
    print(f"re-scoring {len(stored):,} stored assessments over {len(library)} forms:")
    print(f"  total {batch_s:6.2f} s, {batch_s / len(stored) * 1000:6.3f} ms each")
    print(f"  goal: under {GOAL_BATCH_S:g} s -> {'met' if batch_s < GOAL_BATCH_S else 'MISSED'}")
    return 0 if score_ms < GOAL_ONE_MS and batch_s < GOAL_BATCH_S else 1


if __name__ == "__main__":
    sys.exit(main())
