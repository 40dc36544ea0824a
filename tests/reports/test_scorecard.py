"""The vendor scorecard: one A4 page, whatever the input; the facts procurement needs."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pypdf
import pytest

from dpia_desk.reports import write_scorecard_pdf
from dpia_desk.reports.model import DomainScore, Finding
from dpia_desk.reports.sample import HOSTILE_TEXTS, huge_text, sample_scorecard
from tests.reports.readback import hostile_card, pdf_text, squash


def _pages(path: Path) -> list[pypdf.PageObject]:
    return list(pypdf.PdfReader(str(path)).pages)


def test_one_a4_page_with_the_key_facts(sample_exports: dict[str, Path]) -> None:
    pages = _pages(sample_exports["scorecard"])
    assert len(pages) == 1
    width, height = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert (round(width), round(height)) == (595, 842)
    text = pages[0].extract_text()
    flat = squash(text)
    card = sample_scorecard()
    for expected in (
        card.vendor_name,
        card.system_name,
        "OVERALL GRADE",
        "score 63 of 100",
        "High risk",  # AI Act tier
        "DPIA required",
        "In negotiation",  # DPA and contract
        "1 March 2027",  # next review
        "INHERENT RISK TIER",
        "review every 12 months",
    ):
        assert squash(expected) in flat, expected
    for domain in card.domain_scores:
        assert squash(domain.title) in flat
        assert f"{domain.score:.0f}" in text  # values printed on the bars
    for finding in card.findings:
        assert squash(finding.text) in flat


def test_severity_is_written_out_not_only_coloured(sample_exports: dict[str, Path]) -> None:
    text = _pages(sample_exports["scorecard"])[0].extract_text()
    for word in ("CRITICAL", "HIGH", "MEDIUM", "LOW"):
        assert word in text
    assert "solid" in text and "hatched" in text


def test_many_findings_are_cut_with_and_n_more(tmp_path: Path) -> None:
    many = tuple(
        Finding("high" if i % 3 else "critical", f"Finding number {i} with some words", "Security")
        for i in range(60)
    )
    card = dataclasses.replace(sample_scorecard(), findings=many)
    path = tmp_path / "many.pdf"
    write_scorecard_pdf(card, path)
    assert len(_pages(path)) == 1
    text = pdf_text(path)
    assert "more findings" in text
    # the most severe come first
    assert "Finding number 0 " in text
    shown = sum(1 for i in range(60) if f"Finding number {i} " in text)
    assert f"and {60 - shown} more findings" in text


def test_a_provisional_grade_says_so(tmp_path: Path) -> None:
    card = dataclasses.replace(
        sample_scorecard(), provisional_reason="provisional: 12 of 54 required answers missing"
    )
    path = tmp_path / "provisional.pdf"
    write_scorecard_pdf(card, path)
    text = squash(pdf_text(path)).lower()
    assert len(_pages(path)) == 1
    assert squash("grade (provisional)") in text
    assert squash("12 of 54 required answers missing") in text


@pytest.mark.parametrize("case", sorted(HOSTILE_TEXTS))
def test_hostile_text_keeps_one_page(tmp_path: Path, case: str) -> None:
    card = hostile_card(sample_scorecard(), HOSTILE_TEXTS[case])
    path = tmp_path / f"{case}.pdf"
    write_scorecard_pdf(card, path)
    assert len(_pages(path)) == 1


def test_long_names_huge_findings_and_many_domains_keep_one_page(tmp_path: Path) -> None:
    long_name = "Überlange Personaldienstleistungs- und Bewerbermanagementsysteme " * 12
    card = dataclasses.replace(
        sample_scorecard(),
        vendor_name=long_name,
        system_name=HOSTILE_TEXTS["long_word"],
        grade_cap_reason=huge_text(50_000),
        review_cadence=huge_text(20_000),
        domain_scores=tuple(
            DomainScore(f"d{i}", f"Domain {i} " + "with a long title " * 5, float(i * 5), 1, 2)
            for i in range(20)
        ),
        findings=tuple(Finding("critical", huge_text(2_000_000), "x" * 500) for _ in range(3)),
    )
    path = tmp_path / "long.pdf"
    write_scorecard_pdf(card, path)
    assert len(_pages(path)) == 1
    text = pdf_text(path)
    assert "Überlange" in text
    assert "and 8 more domains" in text


def test_markup_in_the_scorecard_prints_literally(tmp_path: Path) -> None:
    card = dataclasses.replace(
        sample_scorecard(), vendor_name='<a href="https://evil.example">X</a>'
    )
    path = tmp_path / "markup.pdf"
    write_scorecard_pdf(card, path)
    page = _pages(path)[0]
    assert squash('<a href="https://evil.example">X</a>') in squash(page.extract_text())
    assert "/Annots" not in page
