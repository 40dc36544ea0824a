"""Reference ids in words: ``ai_act:art5.1.f`` -> ``AI Act, Art. 5(1)(f)``.

The sources are listed in ``forms/rules/references.yaml``; the locator grammar is ours:
``artN[.p[.x]]`` (an article, paragraph and point), ``annexR.p.x`` (an annex point, the annex
number in arabic digits), ``recital.N``, ``criterion.N``; anything else is shown as written,
after the source's own list of named locators.
"""

from __future__ import annotations

import re

from dpia_desk.scoring.rules import ReferenceRules, load_rules

_ARTICLE = re.compile(r"^art(\d+[a-z]?)((?:\.[0-9a-z]+)*)$")
_ANNEX = re.compile(r"^annex(\d+)((?:\.[0-9a-z]+)*)$")
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX",
          10: "X", 11: "XI", 12: "XII", 13: "XIII"}  # fmt: skip


def _subdivisions(rest: str) -> str:
    return "".join(f"({part})" for part in rest.split(".") if part)


def describe_locator(locator: str) -> str:
    article = _ARTICLE.match(locator)
    if article:
        return f"Art. {article.group(1)}{_subdivisions(article.group(2))}"
    annex = _ANNEX.match(locator)
    if annex:
        annex_number = int(annex.group(1))
        parts = [part for part in annex.group(2).split(".") if part]
        point = ""
        if parts:
            point = f", point {parts[0]}" + "".join(f"({part})" for part in parts[1:])
        return f"Annex {_ROMAN.get(annex_number, str(annex_number))}{point}"
    kind, _, number = locator.partition(".")
    if kind in {"recital", "criterion"} and number:
        return f"{kind.capitalize()} {number}"
    return locator.replace("_", " ")


def describe_ref(ref: str, references: ReferenceRules | None = None) -> str:
    """A reference id as a reader would cite it; unknown sources are shown as written."""
    references = references or load_rules().references
    source_id, _, locator = ref.partition(":")
    source = references.sources.get(source_id)
    if source is None:
        return ref
    named = source.locators.get(locator)
    if named is not None:
        return f"{source.short} {named}"
    return f"{source.short}, {describe_locator(locator)}"
