"""Legal references in words (``ai_act:art5.1.f`` -> "AI Act, Art. 5(1)(f)") and their sources,
for chips, tooltips and the results panel. The words come from ``dpia_desk.scoring``'s reference
data; answers are shown with the question's own wording and choice labels."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from functools import cache

from dpia_desk.questionnaire import Form
from dpia_desk.scoring import describe_ref, load_rules


@cache
def ref_text(ref: str) -> str:
    return describe_ref(ref)


@cache
def ref_source_title(ref: str) -> str:
    source_id = ref.partition(":")[0]
    source = load_rules().references.sources.get(source_id)
    return source.title if source is not None else ""


def ref_tooltip(ref: str) -> str:
    """Rich text: the citation in bold, then the source it belongs to."""
    title = ref_source_title(ref)
    body = f"<b>{html.escape(ref_text(ref))}</b>"
    if title:
        body += f"<br>{html.escape(title)}"
    return f"<qt>{body}</qt>"


def refs_sentence(refs: Iterable[str]) -> str:
    return "; ".join(ref_text(ref) for ref in refs)


def answer_text(form: Form, question_id: str, value: object) -> str:
    """An answer as the user chose it: choice labels rather than ids."""
    question = form.find_question(question_id)
    if question is None:
        return _plain(value)
    if question.is_choice:
        ids: Sequence[object] = value if isinstance(value, list | tuple) else [value]
        labels = []
        for choice_id in ids:
            choice = question.option(str(choice_id))
            labels.append(choice.label if choice is not None and choice.label else str(choice_id))
        return ", ".join(labels)
    labels_map = getattr(question, "labels", None)
    if isinstance(labels_map, dict) and isinstance(value, int) and value in labels_map:
        return f"{value} ({labels_map[value]})"
    return _plain(value)


def question_text(form: Form, question_id: str) -> str:
    question = form.find_question(question_id)
    return question.text if question is not None else question_id


def _plain(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    text = " ".join(str(value).split())
    return text if len(text) <= 120 else text[:119] + "…"
