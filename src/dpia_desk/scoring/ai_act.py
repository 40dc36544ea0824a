"""EU AI Act classification of one AI system (form ``ai_act_screening``).

The tests run in the order the law applies them: AI system (Art. 3(1)) and scope (Art. 2), our
role (Art. 3, Art. 25), prohibited practices (Art. 5), Annex I (Art. 6(1)), Annex III (Art. 6(2))
with the Art. 6(3) filter, transparency (Art. 50), minimal risk. The tier is the highest ground
found; a high-risk system keeps its Art. 50 duties (Art. 50(6)). Obligations are those of our role
after Art. 25; as a plain deployer, the provider's duties are listed apart, as what to demand from
the vendor. Every date comes from ``forms/rules/ai_act.yaml``.

Interpretive choices, each stated again in the reasons it produces:

- Emotion recognition of workers or students "for their own use only" (results never reach the
  employer or institution): not prohibited, following the Commission's guidelines C(2025) 884; the
  system stays high-risk (Annex III 1(c)) and owes the Art. 50(3) notice.
- Emotion recognition of workers or students whose purpose is not answered is treated as
  prohibited: an exception must be established, not presumed.
- Art. 25(1) makes a deployer, distributor or importer the provider of a *high-risk* system only;
  the triggers change nothing for other tiers.
- The Art. 6(3) filter needs an explicit "no" to profiling; an unanswered profiling question
  keeps the system high-risk.
- An unanswered role is read as "deployer", the usual case for an organisation buying a tool.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field

from dpia_desk.scoring import contract
from dpia_desk.scoring.answers import (
    Answers,
    answered,
    choice,
    choices,
    no,
    pick,
    visible_only,
    yes,
)
from dpia_desk.scoring.contract import Role, Tier
from dpia_desk.scoring.model import Json, Reason, reasons_json
from dpia_desk.scoring.rules import AiActRules, load_rules

ENGINE = "ai_act"

_PROVIDER_SIDE = frozenset({"provider", "provider_and_deployer"})
_DEPLOYER_SIDE = frozenset({"deployer", "provider_and_deployer"})
_PUBLIC_FRIA_TYPES = frozenset({"public_body", "private_providing_public_services"})
_TRIGGER_POINTS = {
    "own_name_or_trademark": ("25(1)(a)", "ai_act:art25.1.a"),
    "substantial_modification": ("25(1)(b)", "ai_act:art25.1.b"),
    "changed_intended_purpose": ("25(1)(c)", "ai_act:art25.1.c"),
}


@dataclass(frozen=True, slots=True)
class Obligation:
    """A duty with its legal basis and the date it applies from (with that date's provenance)."""

    id: str
    title: str
    text: str
    refs: tuple[str, ...]
    owed_by: str
    applies_from: dt.date
    date_source: str
    date_confidence: str
    date_note: str
    because: str

    def to_json(self) -> dict[str, Json]:
        return {
            "id": self.id,
            "title": self.title,
            "text": self.text,
            "refs": list(self.refs),
            "applies_from": self.applies_from.isoformat(),
            "owed_by": self.owed_by,
            "because": self.because,
            "date_source": self.date_source,
            "date_confidence": self.date_confidence,
            "date_note": self.date_note,
        }


@dataclass(frozen=True, slots=True)
class AiActOutcome:
    tier: Tier
    role: Role | None
    declared_role: Role | None
    obligations: tuple[Obligation, ...]
    vendor_obligations: tuple[Obligation, ...]
    prohibited_points: tuple[str, ...]
    high_risk_routes: tuple[str, ...]
    annex_iii_points: tuple[str, ...]
    art6_3_exemption: bool
    transparency: tuple[str, ...]
    facts: tuple[str, ...]
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Json]:
        return {
            "tier": self.tier,
            "role": self.role,
            "declared_role": self.declared_role,
            "obligations": [obligation.to_json() for obligation in self.obligations],
            "vendor_obligations": [o.to_json() for o in self.vendor_obligations],
            "prohibited_points": list(self.prohibited_points),
            "high_risk_routes": list(self.high_risk_routes),
            "annex_iii_points": list(self.annex_iii_points),
            "art6_3_exemption": self.art6_3_exemption,
            "transparency": list(self.transparency),
            "facts": list(self.facts),
            "reasons": reasons_json(self.reasons),
        }


@dataclass(slots=True)
class _Work:
    """The classification as it is built up, step by step."""

    rules: AiActRules
    answers: Answers
    reasons: list[Reason] = field(default_factory=list)
    prohibited: list[str] = field(default_factory=list)  # Art. 5 points
    cease_routes: set[str] = field(default_factory=set)
    annex_iii: list[str] = field(default_factory=list)  # Annex III points, in law order
    routes: list[str] = field(default_factory=list)  # annex_i, annex_iii
    transparency: list[str] = field(default_factory=list)  # 50(1) ... 50(4)
    art6_3: bool = False
    facts: list[str] = field(default_factory=list)

    def reason(self, text: str, refs: Sequence[str], *questions: str) -> None:
        self.reasons.append(Reason(text, tuple(refs), pick(self.answers, *questions)))

    def add_point(self, point: str) -> None:
        if point not in self.annex_iii:
            self.annex_iii.append(point)

    def fact(self, name: str) -> None:
        if name not in self.facts:
            self.facts.append(name)


def score_ai_act(
    answers: Answers,
    *,
    visible: Collection[str] | None = None,
    rules: AiActRules | None = None,
) -> AiActOutcome:
    """Classify a system from normalised ``ai_act_screening`` answers.

    ``visible``: the ids of the questions visible for these answers; answers to other questions
    are ignored (a caller may send a complete answer set). ``None`` trusts every answer.
    """
    rules = rules or load_rules().ai_act
    work = _Work(rules, visible_only(answers, visible))
    a = work.answers

    # 1. AI system and scope (Art. 3(1), Art. 2)
    out_of_scope = _scope(work)
    declared = _declared_role(a)
    if out_of_scope:
        obligations = _gpai_only(work, declared)
        return _finish(work, "out_of_scope", None, declared, obligations, ())

    # 2. Art. 5, Annex I, Annex III with Art. 6(3), Art. 50, in the order of the law
    _prohibited_practices(work)
    _biometrics(work)
    if yes(a, "annex_i_safety_component"):
        work.routes.append("annex_i")
        work.reason(
            "The system is a safety component of a product (or is a product) covered by the "
            "Union harmonisation legislation of Annex I: high-risk under Art. 6(1).",
            ["ai_act:art6.1", "ai_act:annex1"],
            "annex_i_safety_component",
        )
    _annex_iii(work)
    _transparency(work)
    _facts(work)

    if work.prohibited:
        tier: Tier = "prohibited"
    elif work.routes:
        tier = "high"
    elif work.transparency:
        tier = "limited"
    else:
        tier = "minimal"

    role = _role_after_art25(work, tier, declared)
    obligations, vendor = _obligations(work, tier, role, declared)
    return _finish(work, tier, role, declared, obligations, vendor)


# ---------------------------------------------------------------------------------------------
# steps


def _scope(work: _Work) -> bool:
    a = work.answers
    if no(a, "is_ai_system"):
        work.reason(
            "Not an AI system: the tool does not infer from its inputs how to generate outputs "
            "with some autonomy (rules set entirely by people, simple calculations or plain data "
            "handling). The AI Act does not apply to it.",
            ["ai_act:art3.1", "ai_act:recital.12", "ec_guidelines:c2025_5053"],
            "is_ai_system",
        )
        return True
    if not answered(a, "is_ai_system"):
        work.reason(
            "Whether the tool is an AI system is not answered yet: the classification below "
            "assumes it is.",
            ["ai_act:art3.1"],
        )
    exclusion = choice(a, "scope_exclusion")
    rule = work.rules.scope_exclusions.get(exclusion or "")
    if rule is not None:
        work.reason(f"Outside the AI Act: {rule.text}", rule.refs, "scope_exclusion")
        return True
    return False


def _declared_role(a: Answers) -> Role | None:
    value = choice(a, "our_role")
    for role in contract.ROLES:
        if role == value:
            return role
    return None


def _prohibited_practices(work: _Work) -> None:
    selected = set(choices(work.answers, "prohibited_practices"))
    for practice_id in contract.PROHIBITED_PRACTICES:
        if practice_id not in selected:
            continue
        rule = work.rules.prohibited_practices[practice_id]
        work.prohibited.append(rule.point or practice_id)
        work.cease_routes.add(rule.date_route or "default")
        work.reason(
            f"Prohibited practice (Art. {rule.point}): {rule.text}",
            rule.refs,
            "prohibited_practices",
        )


def _biometrics(work: _Work) -> None:
    a, rules = work.answers, work.rules
    if yes(a, "emotion_recognition"):
        subjects = choice(a, "emotion_recognition_subjects")
        purpose = choice(a, "emotion_recognition_purpose")
        asked = ("emotion_recognition", "emotion_recognition_subjects")
        if subjects in ("workers_or_candidates", "students"):
            if purpose == "medical_or_safety":
                rule = rules.emotion_recognition["medical_or_safety"]
                work.reason(rule.text, rule.refs, *asked, "emotion_recognition_purpose")
                work.add_point("1(c)")
            elif purpose == "worker_own_use_only":
                rule = rules.emotion_recognition["worker_own_use_only"]
                work.reason(rule.text, rule.refs, *asked, "emotion_recognition_purpose")
                work.add_point("1(c)")
            else:
                rule = rules.emotion_recognition["prohibited"]
                why = (
                    "no medical or safety reason is given"
                    if purpose == "other"
                    else "its purpose is not answered, and an exception must be established"
                )
                work.prohibited.append(rule.point or "5(1)(f)")
                work.cease_routes.add("default")
                work.reason(
                    f"Prohibited practice (Art. {rule.point}): {rule.text} Here {why}.",
                    rule.refs,
                    *asked,
                    "emotion_recognition_purpose",
                )
        else:
            rule = rules.emotion_recognition["other_subjects"]
            text = rule.text
            if subjects is None:
                text += " (Who is analysed is not answered: at least this applies.)"
            work.reason(text, rule.refs, *asked)
            work.add_point("1(c)")

    categorisation = choice(a, "biometric_categorisation")
    if categorisation == "sensitive_traits":
        rule = rules.biometric_categorisation["sensitive_traits"]
        work.prohibited.append(rule.point or "5(1)(g)")
        work.cease_routes.add("default")
        work.reason(
            f"Prohibited practice (Art. {rule.point}): {rule.text}",
            rule.refs,
            "biometric_categorisation",
        )
    elif categorisation == "other_protected_attributes":
        rule = rules.biometric_categorisation["other_protected_attributes"]
        work.reason(rule.text, rule.refs, "biometric_categorisation")
        work.add_point("1(b)")
    elif categorisation == "non_sensitive_attributes":
        rule = rules.biometric_categorisation["non_sensitive_attributes"]
        work.reason(rule.text, rule.refs, "biometric_categorisation")

    identification = choice(a, "biometric_identification")
    if identification == "remote_identification":
        rule = rules.biometric_identification["remote_identification"]
        work.reason(rule.text, rule.refs, "biometric_identification")
        work.add_point("1(a)")
    elif identification == "verification_only":
        rule = rules.biometric_identification["verification_only"]
        work.reason(rule.text, rule.refs, "biometric_identification")


def _annex_iii(work: _Work) -> None:
    a, rules = work.answers, work.rules
    uses = set(choices(a, "employment_uses")) | set(choices(a, "other_annex_iii_uses"))
    for use_id in contract.EMPLOYMENT_USES + contract.OTHER_ANNEX_III_USES:
        if use_id not in uses:
            continue
        rule = rules.annex_iii_uses[use_id]
        question = (
            "employment_uses" if use_id in contract.EMPLOYMENT_USES else "other_annex_iii_uses"
        )
        work.reason(f"Annex III point {rule.point}: {rule.text}", rule.refs, question)
        work.add_point(rule.point or use_id)
    if not work.annex_iii:
        return
    work.annex_iii.sort(key=_point_order)
    points = ", ".join(work.annex_iii)
    if yes(a, "profiling"):
        work.reason(
            f"The system profiles natural persons, so the Art. 6(3) derogation can never apply: "
            f"high-risk under Art. 6(2) (Annex III {points}).",
            ["ai_act:art6.3", "ai_act:art6.2", "gdpr:art4.4"],
            "profiling",
        )
        work.routes.append("annex_iii")
        return
    condition = choice(a, "art6_3_condition")
    condition_rule = rules.art6_3_conditions.get(condition or "")
    if no(a, "profiling") and condition_rule is not None:
        work.art6_3 = True
        work.reason(
            f"Art. 6(3) derogation: {condition_rule.text} The system does not profile people, so "
            f"it is not considered high-risk despite Annex III {points}, provided it poses no "
            "significant risk of harm. The provider must document this assessment before placing "
            "it on the market and register the system (Art. 6(4), Art. 49(2)); authorities may "
            "ask for the documentation.",
            [*condition_rule.refs, "ai_act:art6.3", "ai_act:art6.4", "ai_act:art49.2"],
            "profiling",
            "art6_3_condition",
        )
        return
    if not answered(a, "profiling"):
        why = (
            "whether it profiles people is not answered, so the Art. 6(3) derogation cannot "
            "be relied on"
        )
    else:
        why = "none of the Art. 6(3) conditions is met"
    work.reason(
        f"High-risk under Art. 6(2) (Annex III {points}): {why}.",
        ["ai_act:art6.2", "ai_act:art6.3"],
        "profiling",
        "art6_3_condition",
    )
    work.routes.append("annex_iii")


def _point_order(point: str) -> tuple[int, str]:
    number = "".join(ch for ch in point.split("(")[0] if ch.isdigit())
    return (int(number) if number else 99, point)


def _transparency(work: _Work) -> None:
    a = work.answers
    if yes(a, "interacts_with_people"):
        work.transparency.append("50(1)")
        work.reason(
            "The system interacts directly with people: they must be told they are dealing with "
            "an AI system unless that is obvious (Art. 50(1)).",
            ["ai_act:art50.1"],
            "interacts_with_people",
        )
    synthetic = choice(a, "generates_synthetic_content")
    if synthetic == "yes":
        work.transparency.append("50(2)")
        work.reason(
            "The system generates synthetic audio, image, video or text: its outputs must be "
            "marked as AI-generated in a machine-readable way (Art. 50(2)).",
            ["ai_act:art50.2"],
            "generates_synthetic_content",
        )
    elif synthetic == "assistive_editing_only":
        work.reason(
            "The system only assists standard editing or does not substantially alter the input: "
            "the Art. 50(2) marking duty does not apply to it.",
            ["ai_act:art50.2", "ai_act:recital.133"],
            "generates_synthetic_content",
        )
    emotion = yes(a, "emotion_recognition")
    categorisation = choice(a, "biometric_categorisation") not in (None, "none")
    if emotion or categorisation:
        work.transparency.append("50(3)")
        what = " and ".join(
            name
            for name, present in (
                ("emotion recognition", emotion),
                ("biometric categorisation", categorisation),
            )
            if present
        )
        work.reason(
            f"The system performs {what}: the people exposed to it must be informed of its "
            "operation (Art. 50(3)).",
            ["ai_act:art50.3"],
            "emotion_recognition",
            "biometric_categorisation",
        )
    if yes(a, "deep_fake_or_public_interest_text"):
        work.transparency.append("50(4)")
        work.reason(
            "The system produces deep fakes or text published to inform the public on matters of "
            "public interest: that must be disclosed (Art. 50(4)).",
            ["ai_act:art50.4"],
            "deep_fake_or_public_interest_text",
        )


def _facts(work: _Work) -> None:
    a = work.answers
    employment = choices(a, "employment_uses")
    if (
        yes(a, "used_on_workers")
        or employment
        or choice(a, "emotion_recognition_subjects") == "workers_or_candidates"
    ):
        work.fact("workers_or_candidates")
    if employment:
        work.fact("annex_iii_employment")
    if "monitoring_evaluating_performance_behaviour" in employment:
        work.fact("performance_monitoring")
    if yes(a, "profiling"):
        work.fact("profiling")
    if (
        yes(a, "emotion_recognition")
        or choice(a, "biometric_categorisation") not in (None, "none")
        or choice(a, "biometric_identification") not in (None, "none")
    ):
        work.fact("biometric")
    if yes(a, "significant_decision_effect"):
        work.fact("significant_decisions")


def _role_after_art25(work: _Work, tier: Tier, declared: Role | None) -> Role | None:
    a = work.answers
    selected = set(choices(a, "provider_triggers"))
    triggers = [t for t in contract.PROVIDER_TRIGGERS if t in selected]
    if declared not in ("deployer", "distributor_or_importer") or not triggers:
        return declared
    points = [_TRIGGER_POINTS[t] for t in triggers]
    listed = ", ".join(f"Art. {point}" for point, _ in points)
    if tier == "high":
        role: Role = "provider_and_deployer" if declared == "deployer" else "provider"
        work.reason(
            f"Art. 25(1) ({listed}): by what we did with this high-risk system we are its "
            f"provider by operation of law; our role becomes '{role}'. The original provider "
            "must cooperate and hand over the information and access we need (Art. 25(2)).",
            ["ai_act:art25.1", *(ref for _, ref in points), "ai_act:art25.2"],
            "our_role",
            "provider_triggers",
        )
        return role
    if tier != "prohibited":
        work.reason(
            f"Art. 25(1) ({listed}) makes a deployer, distributor or importer the provider of a "
            "high-risk system only; this system is not high-risk, so our role stays "
            f"'{declared}'. Selling it under our own name can still make us its provider under "
            "Art. 3(3): check with counsel if we market it.",
            ["ai_act:art25.1", "ai_act:art3.3"],
            "our_role",
            "provider_triggers",
        )
    return declared


def _obligations(
    work: _Work, tier: Tier, role: Role | None, declared: Role | None
) -> tuple[list[Obligation], list[Obligation]]:
    a = work.answers
    own: list[Obligation] = []
    vendor: list[Obligation] = []
    if role is None:
        work.reason(
            "Our role is not answered: the duties below assume we are the deployer, the usual "
            "case for an organisation that buys the tool.",
            ["ai_act:art3.4"],
        )
        role = "deployer"
    provider_side = role in _PROVIDER_SIDE
    deployer_side = role in _DEPLOYER_SIDE
    routes = tuple(work.routes)

    def add(target: list[Obligation], obligation_id: str, because: str, *route: str) -> None:
        target.append(_make_obligation(work.rules, obligation_id, because, route or ("default",)))

    if role == "distributor_or_importer":
        work.reason(
            "As a distributor or importer (not the provider) our duties are those of Arts. 23 and "
            "24 (checking the CE marking, documentation and registration before making a "
            "high-risk system available); none of the provider or deployer duties listed here "
            "are ours.",
            ["ai_act:art23", "ai_act:art24"],
            "our_role",
        )
    if provider_side or deployer_side:
        add(own, "art4_ai_literacy", "Every provider and deployer of an AI system owes it.")

    if tier == "prohibited":
        add(
            own,
            "art5_cease",
            "The system falls under a prohibited practice of Art. 5.",
            *sorted(work.cease_routes),
        )
        work.reason(
            "A prohibited system may not be placed on the market, put into service or used, so "
            "no further duties are listed for it.",
            ["ai_act:art5"],
        )
    elif tier == "high":
        if provider_side:
            add(
                own,
                "provider_high_risk_duties",
                "We are the provider of a high-risk system.",
                *routes,
            )
            if role != declared:
                add(
                    own,
                    "art25_provider_by_operation_of_law",
                    "Art. 25(1) makes us the provider of this high-risk system.",
                    *routes,
                )
        elif deployer_side:
            add(
                vendor,
                "provider_high_risk_duties",
                "Demand evidence of these from the vendor (the provider).",
                *routes,
            )
        if deployer_side:
            _deployer_duties(work, own, routes)
    elif work.art6_3:
        if provider_side:
            add(
                own,
                "art6_4_document_and_register",
                "We rely on the Art. 6(3) derogation as provider.",
            )
        elif deployer_side:
            add(
                vendor,
                "art6_4_document_and_register",
                "Ask the vendor for its documented Art. 6(3) assessment and EU database entry.",
            )

    if tier in ("high", "limited", "minimal"):
        _transparency_duties(work, own, vendor, provider_side, deployer_side, tier)

    if yes(a, "gpai_model_provider"):
        add(own, "gpai_provider_duties", "We provide a general-purpose AI model.")
        work.reason(
            "We provide a general-purpose AI model: the Chapter V duties of Art. 53 apply (and "
            "Art. 55 if the model has systemic risk), whatever the tier of this system.",
            ["ai_act:art53.1", "ai_act:art3.63", "ai_act:art55.1"],
            "gpai_model_provider",
        )
    return own, vendor


def _deployer_duties(work: _Work, own: list[Obligation], routes: tuple[str, ...]) -> None:
    a, rules = work.answers, work.rules

    def add(obligation_id: str, because: str, *route: str) -> None:
        own.append(_make_obligation(rules, obligation_id, because, route or ("default",)))

    add("art26_deployer_duties", "We deploy a high-risk system.", *routes)
    if yes(a, "used_on_workers"):
        add(
            "art26_7_inform_workers_and_reps",
            "We use the high-risk system at the workplace, on our workers.",
            *routes,
        )
        work.reason(
            "The high-risk system is used on our workers: before it goes into service the "
            "workers' representatives and the affected workers must be informed (Art. 26(7)).",
            ["ai_act:art26.7"],
            "used_on_workers",
        )
    annex_iii = "annex_iii" in routes
    beyond_point_2 = [p for p in work.annex_iii if p not in rules.critical_infrastructure_points]
    if annex_iii and yes(a, "decides_about_people"):
        add(
            "art26_11_inform_affected_persons",
            "The Annex III system makes or assists decisions about natural persons.",
        )
    if annex_iii and beyond_point_2 and yes(a, "significant_decision_effect"):
        add(
            "art86_explanation",
            "Decisions based on its output have legal or similarly significant effects.",
        )
    deployer_type = choice(a, "deployer_type")
    fria_points = [p for p in work.annex_iii if p in rules.fria_points]
    if annex_iii and (fria_points or (deployer_type in _PUBLIC_FRIA_TYPES and beyond_point_2)):
        grounds = []
        if deployer_type in _PUBLIC_FRIA_TYPES and beyond_point_2:
            grounds.append(
                "we are a public body"
                if deployer_type == "public_body"
                else "we are a private entity providing public services"
            )
        if fria_points:
            grounds.append(f"the system is used for Annex III {', '.join(fria_points)}")
        add("art27_fria", "; ".join(grounds).capitalize() + ".")
        work.reason(
            f"A fundamental rights impact assessment is owed before first use because "
            f"{' and '.join(grounds)} (Art. 27(1)).",
            ["ai_act:art27.1"],
            "deployer_type",
            *(("other_annex_iii_uses",) if fria_points else ()),
        )
    else:
        basis = (
            "the system is high-risk only under Annex I"
            if not annex_iii
            else "we are neither a public body nor a private entity providing public services, "
            "and the system is not used for credit scoring or life and health insurance pricing "
            "(Annex III 5(b), 5(c))"
            if beyond_point_2
            else "Annex III point 2 (critical infrastructure) systems are excluded"
        )
        work.reason(
            f"No fundamental rights impact assessment is owed: Art. 27(1) names only public "
            f"bodies, private entities providing public services and deployers of Annex III 5(b) "
            f"and 5(c) systems, not every deployer of a high-risk system; here {basis}.",
            ["ai_act:art27.1"],
            "deployer_type",
        )
    if annex_iii and beyond_point_2 and deployer_type == "public_body":
        add(
            "art49_3_public_deployer_registration",
            "We are a public body deploying a high-risk Annex III system.",
        )


def _transparency_duties(
    work: _Work,
    own: list[Obligation],
    vendor: list[Obligation],
    provider_side: bool,
    deployer_side: bool,
    tier: Tier,
) -> None:
    rules = work.rules
    present = set(work.transparency)
    if present and tier == "high":
        work.reason(
            "A high-risk system keeps its Art. 50 transparency duties on top of the high-risk "
            "requirements (Art. 50(6)).",
            ["ai_act:art50.6"],
        )
    for paragraph, obligation_id in (
        ("50(1)", "art50_1_ai_interaction_disclosure"),
        ("50(2)", "art50_2_machine_readable_marking"),
    ):
        if paragraph not in present:
            continue
        if provider_side:
            own.append(_make_obligation(rules, obligation_id, "We are the provider.", ("default",)))
        elif deployer_side:
            vendor.append(
                _make_obligation(
                    rules,
                    obligation_id,
                    f"Art. {paragraph} is a provider duty: check the vendor meets it.",
                    ("default",),
                )
            )
    for paragraph, obligation_id in (
        ("50(3)", "art50_3_emotion_biometric_notice"),
        ("50(4)", "art50_4_deepfake_disclosure"),
    ):
        if paragraph in present and deployer_side:
            own.append(
                _make_obligation(
                    rules, obligation_id, f"Art. {paragraph} binds the deployer.", ("default",)
                )
            )


def _make_obligation(
    rules: AiActRules, obligation_id: str, because: str, routes: Sequence[str]
) -> Obligation:
    rule = rules.obligations[obligation_id]
    keys = [rule.applies_from[route] for route in routes if route in rule.applies_from]
    if not keys:
        keys = [rule.applies_from.get("default") or next(iter(rule.applies_from.values()))]
    entries = sorted((rules.dates[key] for key in keys), key=lambda entry: entry.date)
    entry = entries[0]
    return Obligation(
        id=obligation_id,
        title=rule.title,
        text=" ".join(rule.text.split()),
        refs=rule.refs,
        owed_by=rule.owed_by,
        applies_from=entry.date,
        date_source=" ".join(entry.source.split()),
        date_confidence=entry.confidence,
        date_note=" ".join(entry.note.split()),
        because=because,
    )


def _gpai_only(work: _Work, declared: Role | None) -> list[Obligation]:
    # A general-purpose AI model is regulated as a model, even where no AI system is in scope.
    if not yes(work.answers, "gpai_model_provider"):
        return []
    work.reason(
        "We provide a general-purpose AI model: Art. 53 applies to the model itself, whatever "
        "the classification of this system.",
        ["ai_act:art53.1", "ai_act:art3.63"],
        "gpai_model_provider",
    )
    return [
        _make_obligation(
            work.rules,
            "gpai_provider_duties",
            "We provide a general-purpose AI model.",
            ("default",),
        )
    ]


_TIER_SUMMARY: Mapping[str, tuple[str, tuple[str, ...]]] = {
    "prohibited": ("Tier: prohibited (Art. 5).", ("ai_act:art5",)),
    "high": ("Tier: high-risk (Art. 6).", ("ai_act:art6",)),
    "limited": (
        "Tier: limited risk: transparency duties of Art. 50 apply, no high-risk ground.",
        ("ai_act:art50",),
    ),
    "minimal": (
        "Tier: minimal risk: no prohibited practice, high-risk use or transparency duty applies; "
        "AI literacy (Art. 4) and voluntary codes of conduct (Art. 95) remain.",
        ("ai_act:art4", "ai_act:art95"),
    ),
    "out_of_scope": ("Tier: outside the AI Act.", ("ai_act:art2", "ai_act:art3.1")),
}


def _finish(
    work: _Work,
    tier: Tier,
    role: Role | None,
    declared: Role | None,
    obligations: Sequence[Obligation],
    vendor: Sequence[Obligation],
) -> AiActOutcome:
    text, refs = _TIER_SUMMARY[tier]
    work.reasons.append(Reason(text, refs, {}))
    return AiActOutcome(
        tier=tier,
        role=role,
        declared_role=declared,
        obligations=_in_contract_order(obligations),
        vendor_obligations=_in_contract_order(vendor),
        prohibited_points=tuple(
            sorted(set(work.prohibited), key=lambda p: (not p.startswith("5(1)"), p))
        ),
        high_risk_routes=tuple(sorted(work.routes, key=("annex_i", "annex_iii").index))
        if tier == "high"
        else (),
        annex_iii_points=tuple(work.annex_iii),
        art6_3_exemption=work.art6_3,
        transparency=tuple(sorted(work.transparency)),
        facts=tuple(work.facts) if tier != "out_of_scope" else (),
        reasons=tuple(work.reasons),
    )


def _in_contract_order(obligations: Sequence[Obligation]) -> tuple[Obligation, ...]:
    unique = {obligation.id: obligation for obligation in obligations}
    order = contract.OBLIGATION_IDS
    return tuple(sorted(unique.values(), key=lambda obligation: order.index(obligation.id)))
