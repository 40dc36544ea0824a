"""The vendor table's listing at scale: the trigram filter, the severity sorts, empty values last,
paging, both access paths (a session and a plain read connection) and the indexes each query
uses. The reference is a plain Python filter-and-sort over the same rows."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from dpia_desk.store import (
    RecoveryKey,
    Workspace,
    add_vendor,
    count_matching,
    count_vendors,
    list_matching,
    list_vendors,
    set_vendor_summary,
    update_vendor,
)
from dpia_desk.store import vendor_list as module
from dpia_desk.store.folding import fold_for_search
from dpia_desk.store.models import Vendor
from dpia_desk.store.vendor_list import SORT_COLUMNS, TIER_SEVERITY, VERDICT_SEVERITY

NAMES = [
    "Zoë Analytics", "ZOE Payroll", "Zoe\u0308 Decomposed", "Acme", "Acme", "acme", "Ächme",
    "100% HR", "100 HR", "Under_score", "Under score", "It's Talent", 'Say "Hire" Bot',
    "Back\\slash Ltd", "Straße Recruiting", "Strasse Recruiting", "İstanbul Talent", "Ab",
    "x", "Talentflow GmbH", "TalentFlow GmbH", "Hirebot", "hire bot", "Workforce AI",
    "Peoplé Hub", "Ω Omega", "Cherokee ꭰ Ꭰ", "%", "_", "'", '"',
]  # fmt: skip
TIERS = (None, *TIER_SEVERITY, "future_tier")
VERDICTS = (None, *VERDICT_SEVERITY)
GRADES = (None, "A", "B", "C", "D", "E")


@dataclass(frozen=True)
class Stored:
    id: str
    sort_name: str
    values: dict[str, Any]


def _seed(workspace: Workspace, extra: int = 120) -> list[Stored]:
    rng = random.Random(5)
    names = NAMES + [
        "".join(rng.choice("abcéz %_'\"ta") for _ in range(rng.randint(1, 9))).strip() or "z"
        for _ in range(extra)
    ]
    with workspace.session() as session:
        for number, name in enumerate(names):
            vendor = add_vendor(
                session, actor="t", name=name,
                country=rng.choice((None, "DE", "FR", "US")),
                contract_status=rng.choice(("none", "signed", "expired")),
                dpa_status=rng.choice(("not_started", "signed")),
                next_review_date=rng.choice((None, date(2027, 1, 1 + number % 3))),
            )  # fmt: skip
            grade = rng.choice(GRADES)
            set_vendor_summary(
                session, vendor.id, ai_act_tier=rng.choice(TIERS),
                dpia_verdict=rng.choice(VERDICTS), grade=grade,
                open_findings=None if grade is None else rng.randint(0, 3),
            )  # fmt: skip
    with workspace.read_session() as session:
        vendors = session.scalars(select(Vendor)).all()
        return [
            Stored(
                v.id,
                v.sort_name,
                {
                    "country": v.country,
                    "contract_status": v.contract_status,
                    "dpa_status": v.dpa_status,
                    "ai_act_tier": None
                    if v.ai_act_tier is None
                    else (*TIER_SEVERITY, "?").index(
                        v.ai_act_tier if v.ai_act_tier in TIER_SEVERITY else "?"
                    ),
                    "dpia_verdict": None
                    if v.dpia_verdict is None
                    else VERDICT_SEVERITY.index(v.dpia_verdict),
                    "grade": v.grade,
                    "open_findings": v.open_findings,
                    "next_review_date": v.next_review_date,
                    "created_at": v.created_at,
                    "updated_at": v.updated_at,
                },
            )
            for v in vendors
        ]


def reference(stored: list[Stored], filter_text: str, order_by: str, descending: bool) -> list[str]:
    needle = fold_for_search(" ".join(filter_text.split()))
    rows = [row for row in stored if needle in row.sort_name]
    if order_by == "name":
        return [r.id for r in sorted(rows, key=lambda r: (r.sort_name, r.id), reverse=descending)]
    valued = [r for r in rows if r.values[order_by] is not None]
    empty = [r for r in rows if r.values[order_by] is None]
    valued.sort(key=lambda r: (r.values[order_by], r.sort_name, r.id), reverse=descending)
    empty.sort(key=lambda r: (r.sort_name, r.id), reverse=descending)
    return [r.id for r in valued + empty]


Lister = Callable[[str, str, bool, int, "int | None"], list[str]]
Counter = Callable[[str], int]


@contextmanager
def _paths(workspace: Workspace, kind: str) -> Iterator[tuple[Lister, Counter]]:
    """The listing through a session (the ORM app) or a plain read connection (start-up)."""
    if kind == "session":
        with workspace.read_session() as session:
            yield (
                lambda f, o, d, off, lim: [r.id for r in list_vendors(session, f, o, d, off, lim)],
                lambda f: count_vendors(session, f),
            )
    else:
        with workspace.read_connection() as connection:
            yield (
                lambda f, o, d, off, lim: [
                    r.id for r in list_matching(connection, f, o, d, off, lim)
                ],
                lambda f: count_matching(connection, f),
            )


@pytest.fixture
def seeded(keychain_workspace: tuple[Workspace, RecoveryKey]) -> tuple[Workspace, list[Stored]]:
    workspace, _ = keychain_workspace
    return workspace, _seed(workspace)


def _filters(stored: list[Stored]) -> st.SearchStrategy[str]:
    """Pieces of names (in the case and accents the user may type) and random text."""
    pieces = st.builds(
        lambda name, start, length, upper: (
            name[start : start + length].upper() if upper else name[start : start + length]
        ),
        st.sampled_from(NAMES),
        st.integers(0, 8),
        st.integers(1, 7),
        st.booleans(),
    )
    return st.one_of(pieces, st.text(alphabet="abcéETZ %_'\"\\ß", max_size=5))


@pytest.mark.parametrize("kind", ["session", "connection"])
def test_listing_matches_the_reference(seeded: tuple[Workspace, list[Stored]], kind: str) -> None:
    workspace, stored = seeded

    @settings(max_examples=250, deadline=None)
    @given(
        filter_text=_filters(stored),
        order_by=st.sampled_from(sorted(SORT_COLUMNS)),
        descending=st.booleans(),
        offset=st.integers(0, 60),
        limit=st.one_of(st.none(), st.integers(0, 40)),
        lookup_max=st.sampled_from([0, 3, module.LOOKUP_MAX]),
    )
    def check(
        filter_text: str,
        order_by: str,
        descending: bool,
        offset: int,
        limit: int | None,
        lookup_max: int,
    ) -> None:
        expected = reference(stored, filter_text, order_by, descending)
        page = expected[offset:] if limit is None else expected[offset : offset + limit]
        saved, module.LOOKUP_MAX = module.LOOKUP_MAX, lookup_max  # both plans, same answers
        try:
            with _paths(workspace, kind) as (listing, counting):
                assert listing(filter_text, order_by, descending, offset, limit) == page
                assert counting(filter_text) == len(expected)
        finally:
            module.LOOKUP_MAX = saved

    check()


def test_filters_are_substrings_ignoring_case_and_accents(
    seeded: tuple[Workspace, list[Stored]],
) -> None:
    workspace, _ = seeded
    with workspace.read_session() as session:

        def names(text: str) -> list[str]:
            return [row.name for row in list_vendors(session, text) if row.name in NAMES]

        assert names("zoe") == ["Zoë Analytics", "Zoe\u0308 Decomposed", "ZOE Payroll"]
        assert names("ZOË ANA") == names("zoe\u0308 ana") == ["Zoë Analytics"]
        assert sorted(names("strasse")) == sorted(names("STRASSE")) == [
            "Strasse Recruiting", "Straße Recruiting",
        ]  # same folded name: the order between them is the ids'  # fmt: skip
        assert names("100%") == ["100% HR"] and names("0%") == ["100% HR"]
        assert names("r_s") == ["Under_score"] and names("r s") == ["Under score"]
        assert names("it's") == ["It's Talent"] and names("'s t") == ["It's Talent"]
        assert names('"hire"') == ['Say "Hire" Bot'] and names('y "h') == ['Say "Hire" Bot']
        assert names("k\\s") == ["Back\\slash Ltd"]
        assert names("hire   bot") == ["hire bot"]  # runs of spaces are one space, as in names
        assert names("istanbul") == ["İstanbul Talent"]
        assert names("ω o") == ["Ω Omega"]
        assert names("ꭰ ꭰ") == names("Ꭰ Ꭰ") == ["Cherokee ꭰ Ꭰ"]
        # FTS5 query syntax means nothing inside the filter.
        for text in ('"', '""', "AND", "a OR b", "NEAR(a b)", "*", "acm*", "^ac", "sort_name:a"):
            list_vendors(session, text)
            assert count_vendors(session, text) == len(list_vendors(session, text))


def test_the_index_follows_renames_and_deletions(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = keychain_workspace
    with workspace.session() as session:
        kept = add_vendor(session, actor="t", name="Quixotic Talent").id
        gone = add_vendor(session, actor="t", name="Ephemeral Hiring").id
        update_vendor(session, kept, actor="t", name="Renamed Quietly")
    with workspace.session() as session:
        session.delete(session.get(Vendor, gone))
    with workspace.read_connection() as connection:
        assert count_matching(connection, "quixotic") == 0
        assert [r.id for r in list_matching(connection, "quietly")] == [kept]
        assert count_matching(connection, "ephemeral") == 0
        assert count_matching(connection, "eph") == 0
    assert workspace.check().ok  # integrity_check includes FTS5's own check of the index


def test_severity_sorts_and_empty_values_last(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = keychain_workspace
    summaries = {
        "P": ("prohibited", "required", "E"),
        "H": ("high", "likely_required", "D"),
        "L": ("limited", "consider", "C"),
        "M": ("minimal", "not_required", "A"),
        "O": ("out_of_scope", None, None),
        "N": (None, None, None),
    }
    with workspace.session() as session:
        for name, (tier, verdict, grade) in summaries.items():
            vendor = add_vendor(session, actor="t", name=name)
            set_vendor_summary(
                session, vendor.id, ai_act_tier=tier, dpia_verdict=verdict, grade=grade,
                open_findings=None,
            )  # fmt: skip
    with workspace.read_session() as session:

        def order(key: str, descending: bool = False) -> str:
            return "".join(row.name for row in list_vendors(session, "", key, descending))

        assert order("ai_act_tier") == "OMLHPN"
        assert order("ai_act_tier", descending=True) == "PHLMON"
        assert order("dpia_verdict") == "MLHPNO"
        assert order("dpia_verdict", descending=True) == "PHLMON"
        assert order("grade") == "MLHPNO"
        assert order("grade", descending=True) == "PHLMON"
        assert order("open_findings") == "HLMNOP" and order("open_findings", True) == "PONMLH"


def _plans(workspace: Workspace, run: Callable[[Any], object]) -> list[str]:
    """The query plan of every SELECT ``run`` sends (the trace gives the bound values)."""
    with workspace.read_connection() as connection:
        sent: list[str] = []
        connection.set_trace_callback(sent.append)
        try:
            run(connection)
        finally:
            connection.set_trace_callback(None)
        return [
            " / ".join(row[3] for row in connection.execute("EXPLAIN QUERY PLAN " + statement))
            for statement in sent
            # FTS5 reads its own shadow tables with statements naming 'main': not ours.
            if statement.lstrip().upper().startswith("SELECT") and "'main'" not in statement
        ]


@pytest.mark.parametrize("order_by", sorted(k for k, v in SORT_COLUMNS.items() if v.index))
def test_every_sort_of_the_table_reads_its_index_in_order(
    seeded: tuple[Workspace, list[Stored]], order_by: str
) -> None:
    """No sort of the whole table: each page walks its key's index (forwards or backwards);
    only ties on the name are sorted, by id ("RIGHT PART"/"LAST TERM" of the ORDER BY)."""
    workspace, _ = seeded
    index = SORT_COLUMNS[order_by].index
    for descending in (False, True):
        for filter_text in ("", "a", "ac"):
            plans = _plans(
                workspace,
                lambda c, f=filter_text, d=descending: list_matching(c, f, order_by, d, 0, 50),
            )
            assert plans, "no query sent"
            for plan in plans:
                assert f"USING INDEX {index}" in plan or f"COVERING INDEX {index}" in plan, plan
                assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan


def test_few_matches_are_read_by_rowid_through_the_trigram_index(
    seeded: tuple[Workspace, list[Stored]],
) -> None:
    workspace, _ = seeded
    plans = _plans(workspace, lambda c: list_matching(c, "talent", "grade", True, 0, 50))
    assert any("vendor_name_search VIRTUAL TABLE" in plan for plan in plans), plans
    assert all("INTEGER PRIMARY KEY" in plan for plan in plans[1:]), plans  # after the count


def test_the_vendor_tables_sorts_have_an_index() -> None:
    """The columns the desktop's vendor table sorts by (``ui.models.vendor_table.SORT_KEYS``)."""
    shown = ("name", "country", "ai_act_tier", "dpia_verdict", "grade", "open_findings")
    for key in (*shown, "next_review_date"):
        assert SORT_COLUMNS[key].index is not None, key
