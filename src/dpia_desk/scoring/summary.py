"""Results as plain text for people: a headline per engine, then the reasons with their sources.

Works from the public JSON shape (``ScoreResult.to_json()``, ``BiasAuditResult.to_json()``), so a
stored result renders the same way as a fresh one.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from dpia_desk.scoring.references import describe_ref

Document = Mapping[str, Any]


def _refs(refs: Sequence[str]) -> str:
    return "; ".join(describe_ref(ref) for ref in refs)


def _value(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value) or "(none)"
    text = " ".join(str(value).split())
    return text if len(text) <= 80 else text[:77] + "..."


def _reasons(document: Document) -> list[str]:
    lines = ["", "Why:"]
    for number, reason in enumerate(document.get("reasons") or [], start=1):
        lines.append(f"  {number}. {reason['text']}")
        lines.append(f"     Sources: {_refs(reason['refs'])}")
        answers = reason.get("answers") or {}
        if answers:
            given = ", ".join(f"{key} = {_value(value)}" for key, value in answers.items())
            lines.append(f"     Answers: {given}")
    return lines


def _obligations(title: str, obligations: Sequence[Document]) -> list[str]:
    if not obligations:
        return []
    lines = ["", title]
    for item in obligations:
        confidence = item.get("date_confidence")
        flag = "" if confidence in (None, "high") else f", date confidence {confidence}"
        lines.append(f"  - from {item['applies_from']}: {item['title']} [{item['id']}{flag}]")
        lines.append(f"    {item['text']}")
        lines.append(f"    Sources: {_refs(item['refs'])}")
    return lines


def _ai_act(document: Document) -> list[str]:
    lines = [f"Tier: {document['tier']}"]
    if document.get("role"):
        role = document["role"]
        declared = document.get("declared_role")
        changed = f" (declared: {declared}; changed by Art. 25)" if declared != role else ""
        lines.append(f"Role: {role}{changed}")
    for key, label in (
        ("prohibited_points", "Prohibited (Art.)"),
        ("annex_iii_points", "Annex III points"),
        ("transparency", "Transparency (Art.)"),
    ):
        if document.get(key):
            lines.append(f"{label}: {', '.join(document[key])}")
    lines += _obligations("Our obligations:", document.get("obligations") or [])
    lines += _obligations(
        "Provider duties to demand from the vendor:", document.get("vendor_obligations") or []
    )
    return lines


def _dpia_screening(document: Document) -> list[str]:
    verdict = document["verdict"]
    computed = document.get("computed_verdict")
    lines = [f"Verdict: {verdict}" + (f" (computed: {computed})" if computed != verdict else "")]
    lines.append(f"Criteria met: {_value(document.get('criteria_met') or [])}")
    if document.get("art35_3_cases"):
        lines.append(f"Art. 35(3) cases: {_value(document['art35_3_cases'])}")
    for item in document.get("suggested_criteria") or []:
        lines.append(f"Suggested by the AI Act screening: {item['criterion']} ({item['title']})")
    return lines


def _dpia(document: Document) -> list[str]:
    lines = [
        f"Prior consultation (Art. 36): {'required' if document['prior_consultation'] else 'no'}",
        "Risks (severity x likelihood = level):",
    ]
    for risk in document.get("risks") or []:
        inherent, residual = risk.get("inherent"), risk.get("residual")
        if inherent is None:
            lines.append(f"  - {risk['title']}: not rated")
            continue
        text = (
            f"  - {risk['title']}: {inherent['severity']} x {inherent['likelihood']} = "
            f"{inherent['level']}"
        )
        if residual is not None and risk.get("residual_rated"):
            text += (
                f" -> after measures {residual['severity']} x {residual['likelihood']} = "
                f"{residual['level']}"
            )
        lines.append(text)
    return lines


def _vendor_intake(document: Document) -> list[str]:
    if document.get("tier") is None:
        return ["Tier: not determined yet"]
    return [
        f"Tier: {document['tier']} ({document['tier_label']}), inherent risk "
        f"{document['risk'] if document['risk'] is not None else 'n/a'}/100",
        f"Due diligence: {document['depth']}; review every {document['review_every_months']} "
        "months",
    ]


def _findings(document: Document) -> list[str]:
    findings = document.get("findings") or []
    if not findings:
        return []
    lines = ["", "Findings:"]
    lines += [f"  - [{f['severity']}] {f['text']} ({f['id']})" for f in findings]
    return lines


def _vendor_due_diligence(document: Document) -> list[str]:
    grade = document.get("grade")
    if grade is None:
        return ["Grade: not determined yet (no scored answer)"]
    cap = f", capped from {document['computed_grade']}" if document.get("grade_cap") else ""
    thresholds = ", ".join(f"{t['grade']} >= {t['min']:g}" for t in document["thresholds"])
    lines = [
        f"Grade: {grade} (overall {document['overall']}/100{cap}; thresholds {thresholds})",
        "Domains:",
    ]
    for domain in document.get("domains") or []:
        score = "n/a" if domain["score"] is None else f"{domain['score']:.1f}"
        share = domain.get("evidence_share")
        evidence = "" if share is None else f", {share:.0%} evidence-backed"
        unanswered = f", {len(domain['unanswered'])} unanswered" if domain["unanswered"] else ""
        lines.append(f"  - {domain['title']}: {score}{evidence}{unanswered}")
    residual = document.get("residual_risk")
    if residual:
        lines.append(f"Residual risk: {residual['label']} (tier {residual['inherent_tier']})")
    return lines + _findings(document)


def _fria(document: Document) -> list[str]:
    lines = [f"Status: {document['status']}"]
    for element in document.get("elements") or []:
        lines.append(f"  - Art. {element['id']}: {element['status']}")
    return lines + _findings(document)


def _ll144(document: Document) -> list[str]:
    applies = {True: "yes", False: "no", None: "not settled"}[document.get("applies")]
    lines = [f"Local Law 144 applies: {applies}", f"Status: {document['status']}"]
    if document.get("audit_valid_until"):
        lines.append(f"Last audit covers use until: {document['audit_valid_until']}")
    return lines + _findings(document)


_HEADLINES: Mapping[str, Callable[[Document], list[str]]] = {
    "ai_act": _ai_act,
    "dpia_screening": _dpia_screening,
    "dpia": _dpia,
    "vendor_intake": _vendor_intake,
    "vendor_due_diligence": _vendor_due_diligence,
    "fria": _fria,
    "ll144": _ll144,
}


def render_score(document: Document) -> str:
    """A readable summary of a ``ScoreResult.to_json()`` document."""
    head = f"{document['form']} {document['form_version']} ({document['engine']})"
    if document["complete"]:
        state = "complete"
    else:
        missing = document.get("missing") or []
        state = f"incomplete: {len(missing)} required answers missing ({_value(missing)})"
    lines = [head, state, ""]
    headline = _HEADLINES.get(document["engine"])
    if headline is not None:
        lines += headline(document)
    lines += _reasons(document)
    return "\n".join(lines)


def render_bias_audit(document: Document) -> str:
    """A readable summary of a ``BiasAuditResult.to_json()`` document."""
    rate_name = "selection rate" if document["kind"] == "selection" else "scoring rate"
    lines = [
        f"Bias audit ({document['kind']}) of {document['source']}: {document['total']:,} people"
    ]
    if document.get("median_score") is not None:
        lines.append(f"Median score of the full sample: {document['median_score']:g}")
    titles = {"sex": "Sex", "race_ethnicity": "Race/ethnicity", "intersection": "Intersectional"}
    for dimension, title in titles.items():
        lines += ["", f"{title} (unknown: {document['unknown'][dimension]:,})"]
        lines.append(f"  {'category':<48} {'n':>8} {rate_name:>14} {'impact ratio':>13}")
        for group in document["groups"][dimension]:
            ratio = (
                "excluded"
                if group["excluded"]
                else ("n/a" if group["impact_ratio"] is None else f"{group['impact_ratio']:.3f}")
            )
            marks = ""
            if group["below_four_fifths"]:
                marks += "  < 4/5 (information)"
            if group["excludable"]:
                marks += "  < 2% of data"
            lines.append(
                f"  {group['label']:<48} {group['applicants']:>8,} {group['rate']:>14.3f} "
                f"{ratio:>13}{marks}"
            )
    lines += _reasons(document)
    return "\n".join(lines)
