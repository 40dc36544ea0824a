"""The vendor table's queries in plain SQL: filter-as-you-type and sorting, fast at 100,000 vendors.

No SQLAlchemy here: the desktop app shows its first page of vendors before SQLAlchemy is imported
(through :meth:`dpia_desk.store.Workspace.read_connection`), and
:func:`dpia_desk.store.vendors.count_vendors` / :func:`~dpia_desk.store.vendors.list_vendors` run
the same SQL on a session's connection. Both take a DBAPI (``sqlcipher3``) connection.

Filtering
---------
A filter matches a substring of the vendor's name, ignoring case and accents: both sides are folded
by :func:`~dpia_desk.store.folding.fold_for_search` (the folded name is the ``sort_name`` column),
and the filter's runs of white space become single spaces, as they are in names.

* Three folded characters or more: the FTS5 table ``vendor_name_search`` (trigram tokenizer,
  external content ``vendor.sort_name``, kept in step by triggers, see :data:`SEARCH_DDL`) holds
  every three-character window of every name, and the filter is one FTS5 phrase: the names
  containing exactly that substring (``%``, ``_`` and quotes are plain characters in it). The
  tokenizer is case-sensitive on purpose: both sides are folded already, so FTS5's own folding
  could only make it disagree with the short-filter path. Counting
  the matches takes well under a millisecond. With up to :data:`LOOKUP_MAX` matches, the page is
  read by rowid and sorted; with more, the sort key's index is walked in order, testing
  ``sort_name LIKE``, which fills the page after a few hundred entries when matches are that dense.
* One or two characters: there is no trigram to look up. The sort key's index is walked in order
  with ``LIKE`` and stops when the page is full; the worst case, a rare pair of letters, reads the
  whole index once (about 5 ms for 100,000 vendors).

Sorting
-------
:data:`SORT_COLUMNS` maps each sort key to an SQL expression over ``vendor`` and, for the columns
the vendor table shows, the index that leads with it, ``(<expression>, sort_name)``: the first
page of those sorts is read from the index, in either direction. The other keys (contract and DPA
status, created, updated) sort correctly but by scanning: indexes are not free (every page of the
file is authenticated when a workspace opens), so only the table's sorts get one. The AI Act tier
and the DPIA verdict sort by severity (:data:`TIER_SEVERITY`, :data:`VERDICT_SEVERITY`: ascending
goes from the least to the most severe, like grades from A to E), not alphabetically. Ties are
broken by name, then id; ``descending`` reverses that whole order, except that empty values
(NULL: not assessed, no grade, no date) stay last in both directions. One index serves both
directions that way: the rows with a value are one range of the index, read forwards or
backwards, and the empty ones another, read after it (:func:`list_matching` queries the second
range only when a page reaches it).

The name indexes (``sort_name`` leads or follows in each of them) and the FTS5 table hold names
too: erasing a vendor removes them from all (SQLite ``secure_delete`` and the FTS5
``secure-delete`` option, set by the migration).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from dpia_desk.store.errors import InvalidFieldError
from dpia_desk.store.folding import fold_for_search

#: Fewest folded characters the trigram index can look up.
TRIGRAM = 3
#: Up to this many matches, a page is read by rowid and sorted (cost grows with the matches);
#: beyond it, walking the sort index and stopping at a full page is cheaper (the walk shortens as
#: matches get denser). Measured at 100,000 vendors: the two cost the same at 500-800 matches.
LOOKUP_MAX = 500

#: The FTS5 table (its shadow tables are ``vendor_name_search_data``, ``_idx`` and ``_config``).
SEARCH_TABLE = "vendor_name_search"

#: Ascending order of the severity sorts (empty values come after them either way).
TIER_SEVERITY = ("out_of_scope", "minimal", "limited", "high", "prohibited")
VERDICT_SEVERITY = ("not_required", "consider", "likely_required", "required")


def _severity(column: str, order: tuple[str, ...]) -> str:
    """``1..n`` in ``order``, ``n + 1`` for a code it does not know, NULL for no value."""
    cases = " ".join(f"WHEN {column} = '{code}' THEN {rank}" for rank, code in enumerate(order, 1))
    return f"(CASE WHEN {column} IS NULL THEN NULL {cases} ELSE {len(order) + 1} END)"


TIER_RANK = _severity("ai_act_tier", TIER_SEVERITY)
VERDICT_RANK = _severity("dpia_verdict", VERDICT_SEVERITY)


@dataclass(frozen=True)
class SortKey:
    """How the vendor table sorts by one key."""

    #: SQL over ``vendor``; NULL means "no value" (sorted last in both directions).
    expression: str
    #: The index leading with ``expression`` (then ``sort_name``) that serves this sort; None
    #: for the keys the vendor table does not offer (they scan).
    index: str | None
    nullable: bool


#: Sort keys accepted by :func:`list_matching` (and ``dpia_desk.store.vendors.list_vendors``).
SORT_COLUMNS: dict[str, SortKey] = {
    "name": SortKey("sort_name", "ix_vendor_sort_name", nullable=False),
    "country": SortKey("country", "ix_vendor_country_sort_name", nullable=True),
    "contract_status": SortKey("contract_status", None, nullable=False),
    "dpa_status": SortKey("dpa_status", None, nullable=False),
    "ai_act_tier": SortKey(TIER_RANK, "ix_vendor_tier_severity", nullable=True),
    "dpia_verdict": SortKey(VERDICT_RANK, "ix_vendor_verdict_severity", nullable=True),
    "grade": SortKey("grade", "ix_vendor_grade_sort_name", nullable=True),
    "open_findings": SortKey("open_findings", "ix_vendor_open_findings_sort_name", nullable=True),
    "next_review_date": SortKey(
        "next_review_date", "ix_vendor_next_review_date_sort_name", nullable=True
    ),
    "created_at": SortKey("created_at", None, nullable=False),
    "updated_at": SortKey("updated_at", None, nullable=False),
}

#: The severity indexes (expression indexes: created by DDL, as Alembic cannot compare them).
SEVERITY_INDEX_DDL = (
    f"CREATE INDEX ix_vendor_tier_severity ON vendor ({TIER_RANK}, sort_name)",
    f"CREATE INDEX ix_vendor_verdict_severity ON vendor ({VERDICT_RANK}, sort_name)",
)

#: The trigram index over folded names and the triggers keeping it in step with ``vendor``.
#: ``detail=full`` (the default) is what phrase queries need; ``columnsize=0`` drops the per-row
#: sizes only ranking would use. The FTS5 ``secure-delete`` option is set right after creation
#: (:data:`SEARCH_SETUP`): a deleted name's entries are removed from the index at once, instead of
#: lingering in old segments until they are merged.
SEARCH_DDL = (
    "CREATE VIRTUAL TABLE vendor_name_search USING fts5(sort_name, content='vendor', "
    "content_rowid='rowid', tokenize='trigram case_sensitive 1', columnsize=0)",
    "CREATE TRIGGER vendor_name_search_insert AFTER INSERT ON vendor BEGIN "
    "INSERT INTO vendor_name_search (rowid, sort_name) VALUES (new.rowid, new.sort_name); END",
    "CREATE TRIGGER vendor_name_search_delete AFTER DELETE ON vendor BEGIN "
    "INSERT INTO vendor_name_search (vendor_name_search, rowid, sort_name) "
    "VALUES ('delete', old.rowid, old.sort_name); END",
    "CREATE TRIGGER vendor_name_search_update AFTER UPDATE OF sort_name ON vendor BEGIN "
    "INSERT INTO vendor_name_search (vendor_name_search, rowid, sort_name) "
    "VALUES ('delete', old.rowid, old.sort_name); "
    "INSERT INTO vendor_name_search (rowid, sort_name) VALUES (new.rowid, new.sort_name); END",
)
SEARCH_SETUP = (
    "INSERT INTO vendor_name_search (vendor_name_search, rank) VALUES ('secure-delete', 1)",
    "INSERT INTO vendor_name_search (vendor_name_search) VALUES ('rebuild')",
)
_MATCHING = "SELECT rowid FROM vendor_name_search WHERE vendor_name_search MATCH ?"


@dataclass(frozen=True, slots=True)
class VendorRow:
    """One line of the vendor table: what the list shows, nothing more."""

    id: str
    name: str
    country: str | None
    website: str | None
    contract_status: str
    dpa_status: str
    ai_act_tier: str | None
    dpia_verdict: str | None
    grade: str | None
    open_findings: int | None
    next_review_date: date | None
    updated_at: datetime
    #: Which of "tier", "verdict", "grade" come from forms with required answers missing.
    provisional: frozenset[str] = frozenset()


_ROW_SQL = (
    "SELECT id, name, country, website, contract_status, dpa_status, ai_act_tier, dpia_verdict, "
    "grade, open_findings, next_review_date, updated_at, provisional FROM "
)


def _row(values: Sequence[Any]) -> VendorRow:
    (identifier, name, country, website, contract, dpa, tier, verdict, grade, findings,
     review, updated, provisional) = values  # fmt: skip
    return VendorRow(
        identifier, name, country, website, contract, dpa, tier, verdict, grade, findings,
        None if review is None else date.fromisoformat(review),
        datetime.fromisoformat(updated).astimezone(UTC),
        frozenset(provisional.split(",")) if provisional else frozenset(),
    )  # fmt: skip


@dataclass(frozen=True)
class _Filter:
    condition: str
    parameters: tuple[Any, ...]
    #: Few matches: read them by rowid and sort, rather than walk an index.
    lookup: bool = False


def _folded(filter_text: str) -> str:
    return fold_for_search(" ".join(filter_text.split()))


def _like(folded: str) -> _Filter:
    escaped = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return _Filter("sort_name LIKE ? ESCAPE '\\'", (f"%{escaped}%",))


def _phrase(folded: str) -> str:
    """``folded`` as one FTS5 string: everything inside double quotes is literal but ``"``."""
    return '"' + folded.replace('"', '""') + '"'


def _search_count(connection: Any, folded: str) -> int:
    row = connection.execute(
        "SELECT count(*) FROM vendor_name_search WHERE vendor_name_search MATCH ?",
        (_phrase(folded),),
    ).fetchone()
    return int(row[0])


def _filter(connection: Any, filter_text: str) -> _Filter | None:
    folded = _folded(filter_text)
    if not folded:
        return None
    if len(folded) < TRIGRAM or _search_count(connection, folded) > LOOKUP_MAX:
        return _like(folded)
    return _Filter(f"rowid IN ({_MATCHING})", (_phrase(folded),), lookup=True)


def count_matching(connection: Any, filter_text: str = "") -> int:
    """How many vendors match ``filter_text`` (a name substring; empty matches all)."""
    folded = _folded(filter_text)
    if not folded:
        row = connection.execute("SELECT count(*) FROM vendor").fetchone()
        return int(row[0])
    if len(folded) >= TRIGRAM:
        return _search_count(connection, folded)
    return _count(connection, _like(folded), None)


def list_matching(
    connection: Any,
    filter_text: str = "",
    order_by: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[VendorRow]:
    """One page of the vendor table, filtered and sorted in SQL (see the module docstring).

    ``order_by`` is a key of :data:`SORT_COLUMNS`. Call it inside one read transaction: a page
    that reaches the vendors without a value takes two queries.
    """
    key = SORT_COLUMNS.get(order_by)
    if key is None:
        raise InvalidFieldError("order_by", f"cannot sort vendors by {order_by!r}")
    if offset < 0 or (limit is not None and limit < 0):
        raise InvalidFieldError("offset", "offset and limit cannot be negative")
    found = _filter(connection, filter_text)
    direction = " DESC" if descending else ""
    by_name = f"sort_name{direction}, id{direction}"
    if not key.nullable:
        order = by_name if order_by == "name" else f"{key.expression}{direction}, {by_name}"
        return _select(connection, found, (), order, offset, limit)
    valued = _select(
        connection, found, (f"{key.expression} IS NOT NULL",),
        f"{key.expression}{direction}, {by_name}", offset, limit,
    )  # fmt: skip
    if limit is not None and len(valued) == limit:
        return valued
    if valued or offset == 0:
        before = offset + len(valued)
    else:  # the page starts among the empty values: how many rows have one?
        before = _count(connection, found, f"{key.expression} IS NOT NULL")
    empty = _select(
        connection, found, (f"{key.expression} IS NULL",), by_name,
        max(0, offset - before), None if limit is None else limit - len(valued),
    )  # fmt: skip
    return valued + empty


def _where(found: _Filter | None, conditions: tuple[str, ...]) -> tuple[str, tuple[Any, ...]]:
    clauses = ((found.condition,) if found else ()) + conditions
    return (
        (" WHERE " + " AND ".join(clauses)) if clauses else "",
        found.parameters if found else (),
    )


def _select(
    connection: Any,
    found: _Filter | None,
    conditions: tuple[str, ...],
    order: str,
    offset: int,
    limit: int | None,
) -> list[VendorRow]:
    where, parameters = _where(found, conditions)
    # NOT INDEXED keeps the planner on the rowid lookups (the sort index would visit every row);
    # without it, the sort index is walked in order and the query stops at a full page.
    source = "vendor NOT INDEXED" if found is not None and found.lookup else "vendor"
    rows = connection.execute(
        f"{_ROW_SQL}{source}{where} ORDER BY {order} LIMIT ? OFFSET ?",
        (*parameters, -1 if limit is None else limit, offset),
    ).fetchall()
    return [_row(values) for values in rows]


def _count(connection: Any, found: _Filter | None, condition: str | None) -> int:
    where, parameters = _where(found, () if condition is None else (condition,))
    statement = "SELECT count(*) FROM vendor" + where  # noqa: S608 (constants; values are bound)
    row = connection.execute(statement, parameters).fetchone()
    return int(row[0])
