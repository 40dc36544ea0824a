"""Properties of the AI Act classification over random complete answer sets (hypothesis)."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from dpia_desk.questionnaire import Form, load_library
from dpia_desk.scoring import score_ai_act, score_form
from dpia_desk.scoring.contract import AI_ACT_QUESTIONS, PROHIBITED_PRACTICES, TIER_RANK, TIERS

_FORM: Form = load_library().get("ai_act_screening")


def _answer(kind: str, choices: tuple[str, ...]) -> st.SearchStrategy[Any]:
    if kind == "yes_no":
        return st.sampled_from(["yes", "no"])
    if kind == "single_choice":
        return st.sampled_from(choices)
    real = [choice for choice in choices if choice != "none"]
    return st.one_of(
        st.just(["none"]),
        st.lists(st.sampled_from(real), min_size=1, max_size=len(real), unique=True),
    )


complete_answers = st.fixed_dictionaries(
    {question: _answer(kind, choices) for question, (kind, choices) in AI_ACT_QUESTIONS.items()}
)


@settings(max_examples=300, deadline=None)
@given(complete_answers)
def test_every_complete_answer_set_gets_exactly_one_tier(answers: dict[str, Any]) -> None:
    for outcome in (score_ai_act(answers), score_form(_FORM, answers).outcome):
        document = outcome.to_json()
        assert document["tier"] in TIERS
        assert document["reasons"], "a result without a reason"
        assert all(reason["refs"] for reason in document["reasons"])


@settings(max_examples=300, deadline=None)
@given(complete_answers, st.sampled_from(PROHIBITED_PRACTICES))
def test_adding_a_prohibited_practice_never_lowers_the_tier(
    answers: dict[str, Any], practice: str
) -> None:
    before = score_form(_FORM, answers).to_json()["tier"]
    selected = [p for p in answers["prohibited_practices"] if p != "none"]
    more = dict(answers, prohibited_practices=sorted({*selected, practice}))
    after = score_form(_FORM, more).to_json()["tier"]
    assert TIER_RANK[after] >= TIER_RANK[before]
    if before != "out_of_scope":
        assert after == "prohibited"


@settings(max_examples=200, deadline=None)
@given(complete_answers, st.randoms(use_true_random=False))
def test_the_result_never_depends_on_answer_order(answers: dict[str, Any], rnd: Any) -> None:
    items = list(answers.items())
    rnd.shuffle(items)
    shuffled: dict[str, Any] = {}
    for key, value in items:
        if isinstance(value, list):
            value = list(value)
            rnd.shuffle(value)
        shuffled[key] = value
    assert score_form(_FORM, shuffled).to_json() == score_form(_FORM, answers).to_json()
    assert score_ai_act(shuffled).to_json() == score_ai_act(answers).to_json()


@settings(max_examples=200, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(sorted(AI_ACT_QUESTIONS)),
        st.one_of(
            st.none(),
            st.booleans(),
            st.integers(),
            st.text(max_size=20),
            st.lists(st.text(max_size=20), max_size=4),
        ),
    )
)
def test_any_partial_or_odd_answer_set_never_crashes(answers: dict[str, Any]) -> None:
    outcome = score_ai_act(answers)
    assert outcome.tier in TIERS
    assert outcome.reasons
