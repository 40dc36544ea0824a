"""No result without a why: every engine's result has reasons, each citing a known source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dpia_desk.questionnaire import Form, load_library
from dpia_desk.scoring import (
    ENGINES,
    compute_bias_audit,
    describe_ref,
    load_rules,
    read_bias_csv,
    score_form,
)
from tests.scoring.helpers import all_reasons, golden_files, read_golden

_LIBRARY = load_library()
_SCORED_FORMS = [form for form in _LIBRARY if form.scoring is not None]


def check_reasons(document: dict[str, Any]) -> None:
    assert document["reasons"], "a result without a reason"
    sources = load_rules().references.sources
    for reason in all_reasons(document):
        assert set(reason) == {"text", "refs", "answers"}
        assert reason["text"].strip()
        assert reason["refs"], f"a reason without a reference: {reason['text']}"
        for ref in reason["refs"]:
            assert ref.partition(":")[0] in sources, f"unknown source in {ref!r}"
            assert describe_ref(ref)


def test_every_engine_has_a_shipped_form() -> None:
    assert {form.scoring for form in _SCORED_FORMS} == set(ENGINES)


@pytest.mark.parametrize("path", golden_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_every_golden_result_explains_itself(path: Path) -> None:
    golden = read_golden(path)
    form = _LIBRARY.get(golden["form"])
    check_reasons(score_form(form, golden.get("answers") or {}, strict=False).to_json())


def test_empty_answer_sets_explain_themselves() -> None:
    for form in _SCORED_FORMS:
        check_reasons(score_form(form, {}).to_json())


def test_bias_audit_explains_itself() -> None:
    data = "sex,race_ethnicity,applicants,selected\nmale,white,10,5\nfemale,asian,10,2\n"
    check_reasons(compute_bias_audit(read_bias_csv(data)).to_json())


def _value(question: Any) -> st.SearchStrategy[Any]:
    kind = question.kind
    if kind in ("yes_no", "yes_no_partial_na", "single_choice"):
        return st.sampled_from([choice.id for choice in question.options])
    if kind == "multi_choice":
        ids = [choice.id for choice in question.options if not choice.exclusive]
        exclusive = [choice.id for choice in question.options if choice.exclusive]
        options: list[st.SearchStrategy[Any]] = [
            st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids), unique=True)
        ]
        options += [st.just([choice]) for choice in exclusive]
        return st.one_of(options)
    if kind == "scale":
        return st.integers(question.min, question.max)
    if kind == "number":
        low = question.min if question.min is not None else 0
        high = question.max if question.max is not None else 1_000_000
        return st.integers(int(low), int(high))
    if kind == "date":
        return st.dates(dt.date(2020, 1, 1), dt.date(2030, 12, 31)).map(dt.date.isoformat)
    if kind == "evidence":
        return st.just(["file.pdf"])
    return st.text(alphabet="abc def", min_size=1, max_size=20)


def _answers(form: Form) -> st.SearchStrategy[dict[str, Any]]:
    return st.fixed_dictionaries(
        {},
        optional={question.id: _value(question) for question in form.questions},
    )


@pytest.mark.parametrize("form", _SCORED_FORMS, ids=lambda form: form.id)
def test_random_answer_sets_never_crash_and_always_explain(form: Form) -> None:
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_answers(form))
    def run(answers: dict[str, Any]) -> None:
        check_reasons(score_form(form, answers, strict=False).to_json())

    run()
