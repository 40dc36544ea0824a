"""Does this processing need a DPIA? (form ``dpia_screening``, WP248 rev.01 and GDPR Art. 35).

Verdicts, strongest first:

- ``required``: an Art. 35(3) case, or a match with the supervisory authority's list (Art. 35(4));
- ``likely_required``: two or more of the nine WP248 criteria ("in most cases" a DPIA);
- ``consider``: one criterion (a DPIA may still be needed: decide and document);
- ``not_required``: none of the above.

An override (``override_verdict``: ``required`` / ``not_required``) replaces the verdict only with
its mandatory justification (``override_justification``), and an override to ``not_required``
cannot set aside an Art. 35(3) case or a national-list match, which make the DPIA mandatory by law.
The computed verdict always stays in the result. An AI Act screening of the same system (given in
``related``) suggests criteria it implies, e.g. employees and candidates for criterion 7.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from dpia_desk.scoring import contract
from dpia_desk.scoring.answers import Answers, choice, choices, pick, visible_only, yes
from dpia_desk.scoring.contract import Verdict
from dpia_desk.scoring.model import Json, Reason, reasons_json
from dpia_desk.scoring.related import Related, find_related
from dpia_desk.scoring.rules import DpiaRules, load_rules

ENGINE = "dpia_screening"
OVERRIDE_QUESTION = "override_verdict"
JUSTIFICATION_QUESTION = "override_justification"
DECIDED_BY_QUESTION = "override_decided_by"


@dataclass(frozen=True, slots=True)
class Override:
    verdict: Verdict
    justification: str | None
    decided_by: str | None
    applied: bool
    why_not_applied: str | None

    def to_json(self) -> dict[str, Json]:
        return {
            "verdict": self.verdict,
            "justification": self.justification,
            "decided_by": self.decided_by,
            "applied": self.applied,
            "why_not_applied": self.why_not_applied,
        }


@dataclass(frozen=True, slots=True)
class SuggestedCriterion:
    criterion: str
    title: str
    because: str
    refs: tuple[str, ...]
    source: str  # the AI Act fact it comes from

    def to_json(self) -> dict[str, Json]:
        return {
            "criterion": self.criterion,
            "title": self.title,
            "because": self.because,
            "refs": list(self.refs),
            "from": self.source,
        }


@dataclass(frozen=True, slots=True)
class DpiaScreeningOutcome:
    verdict: Verdict
    computed_verdict: Verdict
    criteria_met: tuple[str, ...]
    art35_3_cases: tuple[str, ...]
    national_list_match: bool
    override: Override | None
    suggested_criteria: tuple[SuggestedCriterion, ...]
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Json]:
        return {
            "verdict": self.verdict,
            "computed_verdict": self.computed_verdict,
            "overridden": self.override is not None and self.override.applied,
            "criteria_met": list(self.criteria_met),
            "art35_3_cases": list(self.art35_3_cases),
            "national_list_match": self.national_list_match,
            "override": self.override.to_json() if self.override else None,
            "suggested_criteria": [item.to_json() for item in self.suggested_criteria],
            "reasons": reasons_json(self.reasons),
        }


def score_dpia_screening(
    answers: Answers,
    *,
    visible: Collection[str] | None = None,
    related: Related | None = None,
    rules: DpiaRules | None = None,
) -> DpiaScreeningOutcome:
    rules = rules or load_rules().dpia
    a = visible_only(answers, visible)
    reasons: list[Reason] = []

    criteria_met = tuple(c for c in contract.WP248_CRITERIA if yes(a, c))
    for criterion in criteria_met:
        rule = rules.criteria[criterion]
        reasons.append(
            Reason(
                f"WP248 criterion {rule.number} is met: {rule.title}.",
                rule.refs,
                pick(a, criterion),
            )
        )
    selected_cases = set(choices(a, "art35_3_case"))
    cases = tuple(case for case in contract.ART35_3_CASES if case in selected_cases)
    for case in cases:
        case_rule = rules.art35_3_cases[case]
        reasons.append(
            Reason(
                f"Art. 35(3) case: {case_rule.text} A DPIA is mandatory.",
                case_rule.refs,
                pick(a, "art35_3_case"),
            )
        )
    national = yes(a, "national_list_match")
    if national:
        reasons.append(
            Reason(
                " ".join(rules.national_list.text.split()) + " A DPIA is mandatory.",
                rules.national_list.refs,
                pick(a, "national_list_match", "national_list_authority", "national_list_entry"),
            )
        )

    computed: Verdict
    if cases or national:
        computed = "required"
    elif len(criteria_met) >= (rules.verdicts["likely_required"].min_criteria or 2):
        computed = "likely_required"
    elif len(criteria_met) >= (rules.verdicts["consider"].min_criteria or 1):
        computed = "consider"
    else:
        computed = "not_required"
    verdict_rule = rules.verdicts[computed]
    count = f" ({len(criteria_met)} of 9 criteria met)"
    reasons.append(
        Reason(
            f"Computed verdict: {computed}{count}. " + " ".join(verdict_rule.text.split()),
            verdict_rule.refs,
            {},
        )
    )

    override = _override(a, computed, rules, reasons)
    verdict = override.verdict if override is not None and override.applied else computed
    suggestions = _suggestions(related, criteria_met, rules, reasons)
    return DpiaScreeningOutcome(
        verdict=verdict,
        computed_verdict=computed,
        criteria_met=criteria_met,
        art35_3_cases=cases,
        national_list_match=national,
        override=override,
        suggested_criteria=suggestions,
        reasons=tuple(reasons),
    )


def _override(
    a: Answers, computed: Verdict, rules: DpiaRules, reasons: list[Reason]
) -> Override | None:
    wanted = choice(a, OVERRIDE_QUESTION)
    if wanted not in ("required", "not_required"):
        return None
    target: Verdict = "required" if wanted == "required" else "not_required"
    justification_value = a.get(JUSTIFICATION_QUESTION)
    justification = (
        " ".join(justification_value.split())
        if isinstance(justification_value, str) and justification_value.strip()
        else None
    )
    decided_value = a.get(DECIDED_BY_QUESTION)
    decided_by = decided_value.strip() if isinstance(decided_value, str) else None
    refs = rules.override.refs
    asked = pick(a, OVERRIDE_QUESTION, JUSTIFICATION_QUESTION, DECIDED_BY_QUESTION)
    why_not: str | None = None
    if justification is None:
        why_not = "an override needs a written justification, and none is given"
    elif target == "not_required" and computed == "required":
        why_not = (
            "an Art. 35(3) case or a national-list match makes the DPIA mandatory by law; an "
            "override cannot set it aside"
        )
        refs = (*refs, "gdpr:art35.3", "gdpr:art35.4")
    if why_not is not None:
        reasons.append(
            Reason(
                f"Override to '{target}' not applied: {why_not}. The computed verdict "
                f"'{computed}' stands.",
                refs,
                asked,
            )
        )
        return Override(target, justification, decided_by, False, why_not)
    if target == computed:
        text = (
            f"Override confirms the computed verdict '{computed}'. Justification: {justification}"
        )
    else:
        text = (
            f"Verdict overridden from '{computed}' to '{target}'. "
            + " ".join(rules.override.text.split())
            + f" Justification: {justification}"
        )
    reasons.append(Reason(text, refs, asked))
    return Override(target, justification, decided_by, True, None)


def _suggestions(
    related: Related | None,
    criteria_met: tuple[str, ...],
    rules: DpiaRules,
    reasons: list[Reason],
) -> tuple[SuggestedCriterion, ...]:
    view = find_related(related, "ai_act", "ai_act_screening")
    if view is None:
        return ()
    facts = set(view.texts("facts"))
    if view.text("tier") == "high":
        facts.add("high_risk")
    suggested: dict[str, SuggestedCriterion] = {}
    for fact, implication in rules.ai_act_implications.items():
        if fact not in facts:
            continue
        for criterion in implication.criteria:
            if criterion in criteria_met or criterion in suggested:
                continue
            suggested[criterion] = SuggestedCriterion(
                criterion=criterion,
                title=rules.criteria[criterion].title,
                because=" ".join(implication.text.split()),
                refs=implication.refs,
                source=fact,
            )
    ordered = tuple(suggested[c] for c in contract.WP248_CRITERIA if c in suggested)
    for item in ordered:
        number = rules.criteria[item.criterion].number
        reasons.append(
            Reason(
                f"The AI Act screening suggests WP248 criterion {number} ({item.title}), not "
                f"ticked here: {item.because} Review the answer.",
                item.refs,
                {},
            )
        )
    return ordered
