"""Vendor validation, changes and the paged, filtered, sorted listing the GUI reads."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import insert

from dpia_desk.store import (
    InvalidFieldError,
    NotFoundError,
    RecoveryKey,
    Workspace,
    add_vendor,
    count_vendors,
    get_vendor,
    list_vendors,
    set_vendor_summary,
    update_vendor,
)
from dpia_desk.store.models import Vendor, fold_for_search, new_id, utc_now
from dpia_desk.store.vendors import (
    SORT_COLUMNS,
    normalize_country,
    normalize_name,
    normalize_website,
)


def test_names_are_trimmed_and_required() -> None:
    assert normalize_name("  Acme \t  Corp \n") == "Acme Corp"
    for blank in ("", "   ", "\t\n"):
        with pytest.raises(InvalidFieldError, match="needs a name"):
            normalize_name(blank)
    with pytest.raises(InvalidFieldError, match="at most 200"):
        normalize_name("x" * 201)


def test_countries_are_iso_3166_alpha2() -> None:
    assert normalize_country(" de ") == "DE"
    assert normalize_country("") is None
    assert normalize_country(None) is None
    with pytest.raises(InvalidFieldError, match="Use GB"):
        normalize_country("UK")
    for bad in ("XX", "DEU", "Germany", "D"):
        with pytest.raises(InvalidFieldError, match="alpha-2"):
            normalize_country(bad)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("example.com", "https://example.com"),
        ("https://www.example.com/privacy?x=1", "https://www.example.com/privacy?x=1"),
        ("http://talentsift.example", "http://talentsift.example"),
        ("https://bücher.example", "https://bücher.example"),
        ("", None),
    ],
)
def test_websites_accepted(typed: str, stored: str | None) -> None:
    assert normalize_website(typed) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "ftp://example.com",
        "javascript:alert(1)",
        "https://user:pw@example.com",
        "https://exa mple.com",
        "https://localhost",
        "https://-bad-.example",
        "https://example.com:99999",
        "not a url",
    ],
)
def test_websites_refused(typed: str) -> None:
    with pytest.raises(InvalidFieldError):
        normalize_website(typed)


def test_add_get_update(keychain_workspace: tuple[Workspace, RecoveryKey]) -> None:
    workspace, _ = keychain_workspace
    with workspace.session() as session:
        vendor = add_vendor(
            session,
            actor="a",
            name=" Zoë  Analytics ",
            country="fr",
            website="zoe.example",
            sub_processors=[{"name": "Host", "country": "IE"}],
            next_review_date=date(2027, 1, 31),
        )
        vendor_id = vendor.id
    with workspace.session() as session:
        update_vendor(session, vendor_id, actor="b", contract_status="signed", website="")
    with workspace.read_session() as session:
        stored = get_vendor(session, vendor_id)
        assert (stored.name, stored.sort_name, stored.country, stored.website) == (
            "Zoë Analytics",
            "zoe analytics",
            "FR",
            None,
        )
        assert stored.contract_status == "signed"
        assert stored.sub_processors == [{"name": "Host", "country": "IE"}]
        assert stored.next_review_date == date(2027, 1, 31)
        assert stored.updated_at >= stored.created_at
        with pytest.raises(NotFoundError):
            get_vendor(session, new_id())
    with pytest.raises(InvalidFieldError, match="contract_status"), workspace.session() as session:
        update_vendor(session, vendor_id, actor="b", contract_status="maybe")
    with (
        pytest.raises(InvalidFieldError, match="not a vendor field"),
        workspace.session() as session,
    ):
        add_vendor(session, actor="a", name="X", grade="A")


def _seed(workspace: Workspace, names: list[str]) -> None:
    now = utc_now()
    rows = [
        {
            "id": new_id(),
            "name": name,
            "sort_name": fold_for_search(name),
            "contacts": [],
            "sub_processors": [],
            "notes": "",
            "contract_status": "none",
            "dpa_status": "not_started",
            "created_at": now,
            "updated_at": now,
        }
        for name in names
    ]
    with workspace.session() as session:
        session.execute(insert(Vendor), rows)


def test_filter_ignores_case_and_accents_and_escapes_wildcards(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = keychain_workspace
    _seed(workspace, ["Zoë Analytics", "ZOE Payroll", "Acme", "100% HR", "Under_score", "Zo"])
    with workspace.read_session() as session:
        assert [r.name for r in list_vendors(session, "zoe")] == ["Zoë Analytics", "ZOE Payroll"]
        assert count_vendors(session, "ZOË") == 2
        assert [r.name for r in list_vendors(session, "%")] == ["100% HR"]
        assert [r.name for r in list_vendors(session, "_")] == ["Under_score"]
        assert count_vendors(session, "") == 6
        assert count_vendors(session, "nothing like it") == 0


def test_pages_cover_every_row_once_in_both_directions(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = keychain_workspace
    names = [f"Vendor {n % 7}" for n in range(50)]  # many equal names: ties broken by id
    _seed(workspace, names)
    for descending in (False, True):
        seen: list[str] = []
        with workspace.read_session() as session:
            for offset in range(0, 50, 8):
                page = list_vendors(session, "vendor", "name", descending, offset, 8)
                seen += [row.id for row in page]
            everything = [row.id for row in list_vendors(session, "vendor", "name", descending)]
        assert seen == everything and len(set(seen)) == 50


def test_sorting_by_each_column_puts_empty_values_last(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    workspace, _ = keychain_workspace
    _seed(workspace, ["B", "A", "C"])
    with workspace.session() as session:
        ids = {row.name: row.id for row in list_vendors(session)}
        set_vendor_summary(
            session, ids["B"], ai_act_tier="high", dpia_verdict="required", grade="D",
            open_findings=3,
        )  # fmt: skip
        set_vendor_summary(
            session, ids["C"], ai_act_tier="minimal", dpia_verdict=None, grade="A",
            open_findings=0,
        )  # fmt: skip
    with workspace.read_session() as session:
        for column in SORT_COLUMNS:
            for descending in (False, True):
                assert len(list_vendors(session, "", column, descending)) == 3
        by_grade = [r.name for r in list_vendors(session, "", "grade")]
        assert by_grade == ["C", "B", "A"]
        by_grade_desc = [r.name for r in list_vendors(session, "", "grade", descending=True)]
        assert by_grade_desc == ["B", "C", "A"]
        with pytest.raises(InvalidFieldError, match="cannot sort"):
            list_vendors(session, "", "name; DROP TABLE vendor")


def test_long_filters_use_the_trigram_index_with_the_same_meaning(
    keychain_workspace: tuple[Workspace, RecoveryKey],
) -> None:
    """Three folded characters or more go through the FTS5 trigram index: still a substring of
    the folded name, with %, _, quotes and FTS5 syntax taken literally."""
    workspace, _ = keychain_workspace
    _seed(
        workspace,
        ["Zoë Analytics", "ZOE Payroll", "100% HR", "100 HR", "Under_score", "Underscore",
         "It's Talent", 'Say "Hire" Bot', "Hire OR Bot", "Straße AG"],
    )  # fmt: skip
    with workspace.read_session() as session:

        def names(text: str) -> list[str]:
            found = [r.name for r in list_vendors(session, text)]
            assert count_vendors(session, text) == len(found)
            return found

        assert names("zoë ana") == names("ZOE ANA") == ["Zoë Analytics"]
        assert names("0% h") == ["100% HR"] and names("0 h") == ["100 HR"]
        assert names("r_s") == ["Under_score"] and names("rsc") == ["Underscore"]
        assert names("it's") == ["It's Talent"] and names("'s t") == ["It's Talent"]
        assert names('"hire"') == ['Say "Hire" Bot'] and names('y "h') == ['Say "Hire" Bot']
        assert names("hire or") == ["Hire OR Bot"] and names("e OR B") == ["Hire OR Bot"]
        assert names("strasse") == names("STRASSE") == ["Straße AG"]
        assert names("nothing like it") == [] and names("zzz") == []
