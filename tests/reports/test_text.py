"""Safe text: XML-forbidden characters, markup escaping, formula prefixes, chunking, labels."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dpia_desk.reports import labels
from dpia_desk.reports.text import (
    REPLACEMENT_CHARACTER,
    chunk_text,
    clean_text,
    escape_markup,
    neutralise_formula,
)


def test_clean_text_replaces_what_xml_forbids_and_keeps_the_rest() -> None:
    raw = "a\x00b\x07c\x1fd\ud800e\ufffef\uffffg\th\ni é ß 日 😀 \u202e"
    cleaned = clean_text(raw)
    assert cleaned == ("a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\th\ni é ß 日 😀 \u202e")


def test_clean_text_normalises_line_ends() -> None:
    assert clean_text("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


@given(st.text())
def test_clean_text_output_is_always_xml_safe(value: str) -> None:
    from lxml import etree

    cleaned = clean_text(value)
    element = etree.Element("t")
    element.text = cleaned  # lxml raises ValueError on anything XML 1.0 forbids
    assert len(cleaned) == len(value.replace("\r\n", "\n"))


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r", "\n"])
def test_formula_prefixes_get_an_apostrophe(prefix: str) -> None:
    assert neutralise_formula(prefix + "1+1").startswith("'")


def test_ordinary_text_is_not_touched_by_formula_neutralisation() -> None:
    assert neutralise_formula("Vendor = good") == "Vendor = good"
    assert neutralise_formula("") == ""


def test_markup_escaping_leaves_no_tag_of_the_user() -> None:
    markup = escape_markup('<a href="x">y</a> & <img src="z"/> <unclosed\nnext')
    assert "<a" not in markup and "<img" not in markup and "<unclosed" not in markup
    assert markup == (
        '&lt;a href="x"&gt;y&lt;/a&gt; &amp; &lt;img src="z"/&gt; &lt;unclosed<br/>next'
    )


@given(st.text(min_size=0, max_size=3000), st.integers(min_value=2, max_value=500))
def test_chunks_respect_the_limit_and_lose_only_the_cut_separators(value: str, limit: int) -> None:
    pieces = list(chunk_text(value, limit))
    assert all(len(piece) <= limit for piece in pieces)
    assert "".join("".join(piece.split()) for piece in pieces) == "".join(value.split())


def test_chunks_prefer_line_ends_then_spaces() -> None:
    assert list(chunk_text("aaaa\nbbbb cccc", 10)) == ["aaaa", "bbbb cccc"]
    assert list(chunk_text("aaaa bbbb cccc", 10)) == ["aaaa bbbb", "cccc"]
    assert list(chunk_text("x" * 25, 10)) == ["x" * 10, "x" * 10, "x" * 5]


def test_replacement_character_is_the_documented_one() -> None:
    assert REPLACEMENT_CHARACTER == "\ufffd"


@pytest.mark.parametrize(
    ("ref", "shown"),
    [
        ("gdpr:art35.7.a", "GDPR Art. 35(7)(a)"),
        ("ai_act:art5.1.f", "AI Act Art. 5(1)(f)"),
        ("ai_act:art4", "AI Act Art. 4"),
        ("wp248:criterion.7", "WP248 Criterion 7"),
        ("gdpr:recital.75", "GDPR Recital 75"),
        ("ai_act:annex3.4.a", "AI Act Annex III point 4(a)"),
        ("ai_act:annex3", "AI Act Annex III"),
        ("no colon here", "no colon here"),
    ],
)
def test_references_read_like_citations(ref: str, shown: str) -> None:
    assert labels.format_ref(ref) == shown


def test_dates_sizes_and_unknown_labels() -> None:
    assert labels.format_date(date(2026, 8, 2)) == "2 August 2026"
    assert labels.format_date(None) == "—"
    assert (
        labels.format_datetime(datetime(2026, 3, 1, 9, 5, tzinfo=UTC)) == "1 March 2026 09:05 UTC"
    )
    assert labels.format_size(999) == "999 bytes"
    assert labels.format_size(2_481_233) == "2.4 MB"
    assert labels.label(labels.AI_ACT_TIER, "some_new_tier") == "Some new tier"
