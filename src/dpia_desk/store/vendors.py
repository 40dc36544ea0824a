"""Vendors: validation, changes (each recorded in the audit trail) and paged, filtered listing.

The listing functions serve the GUI's lazy table model: :func:`count_vendors` and
:func:`list_vendors` filter and sort in SQL and return small immutable :class:`VendorRow` tuples,
so a 100,000-vendor workspace is never loaded at once. Filtering matches a substring of the name,
ignoring case and accents ("zoe" finds "Zoë"), through a trigram index over the folded name; the
SQL, the sort keys (:data:`SORT_COLUMNS`) and their indexes are in
:mod:`dpia_desk.store.vendor_list`, which also serves SQLAlchemy-free callers.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date, datetime
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from dpia_desk.store.audit import record_event, to_jsonable
from dpia_desk.store.countries import COMMON_MISTAKES, ISO_3166_ALPHA2
from dpia_desk.store.errors import InvalidFieldError, NotFoundError
from dpia_desk.store.models import ContractStatus, DpaStatus, Vendor
from dpia_desk.store.vendor_list import (
    SORT_COLUMNS,
    SortKey,
    VendorRow,
    count_matching,
    list_matching,
)

__all__ = [
    "EDITABLE_FIELDS",
    "SORT_COLUMNS",
    "SortKey",
    "VendorRow",
    "add_vendor",
    "count_vendors",
    "get_vendor",
    "list_vendors",
    "set_vendor_summary",
    "update_vendor",
    "vendor_fields",
    "vendor_to_dict",
]

NAME_MAX = 200
WEBSITE_MAX = 2048
_HOST = re.compile(
    r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$"
)

#: Columns a user may change through :func:`update_vendor` (the cached scoring columns are
#: written by the scoring layer through :func:`set_vendor_summary`).
EDITABLE_FIELDS = (
    "name",
    "country",
    "website",
    "contacts",
    "contract_status",
    "dpa_status",
    "sub_processors",
    "notes",
    "next_review_date",
)

# --- validation ---------------------------------------------------------------------------------


def normalize_name(value: str) -> str:
    name = " ".join(value.split())
    if not name:
        raise InvalidFieldError("name", "a vendor needs a name")
    if len(name) > NAME_MAX:
        raise InvalidFieldError("name", f"at most {NAME_MAX} characters, got {len(name)}")
    return name


def normalize_country(value: str | None) -> str | None:
    """An ISO 3166-1 alpha-2 code, upper case; empty means unknown."""
    if value is None or not value.strip():
        return None
    code = value.strip().upper()
    if code in ISO_3166_ALPHA2:
        return code
    if code in COMMON_MISTAKES:
        raise InvalidFieldError(
            "country", f"{code!r} is not an ISO 3166 code", hint=f"Use {COMMON_MISTAKES[code]}."
        )
    raise InvalidFieldError(
        "country",
        f"{value.strip()!r} is not an ISO 3166-1 alpha-2 country code",
        hint="Use two letters such as DE, FR, GB or US.",
    )


def normalize_website(value: str | None) -> str | None:
    """An http(s) URL with a host name; ``example.com`` becomes ``https://example.com``."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if len(text) > WEBSITE_MAX:
        raise InvalidFieldError("website", f"at most {WEBSITE_MAX} characters")
    if any(ch.isspace() or ord(ch) < 32 for ch in text):
        raise InvalidFieldError("website", "a web address cannot contain spaces")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise InvalidFieldError(
            "website", f"only http and https addresses are accepted, not {parts.scheme}:"
        )
    if parts.username is not None or parts.password is not None:
        raise InvalidFieldError("website", "the address must not contain a user name or password")
    host = (parts.hostname or "").rstrip(".")
    try:
        ascii_host = host.encode("idna").decode("ascii") if host else ""
    except UnicodeError:
        ascii_host = ""
    if not ascii_host or not _HOST.match(ascii_host.lower()) or "." not in ascii_host:
        raise InvalidFieldError(
            "website",
            f"{value.strip()!r} is not a web address",
            hint="Example: https://example.com",
        )
    try:
        parts.port  # noqa: B018 (raises for a port outside 0-65535)
    except ValueError:
        raise InvalidFieldError("website", "the port number is not valid") from None
    return text


def _normalize_choice(field: str, value: str, choices: type[ContractStatus | DpaStatus]) -> str:
    allowed = [member.value for member in choices]
    if value not in allowed:
        raise InvalidFieldError(field, f"{value!r} is not one of {', '.join(allowed)}")
    return value


def _normalize_list(field: str, value: Any) -> list[Any]:
    if not isinstance(value, list) or not all(isinstance(item, dict | str) for item in value):
        raise InvalidFieldError(field, "expected a list of entries")
    return [dict(item) if isinstance(item, dict) else item for item in value]


def _normalize(field: str, value: Any) -> Any:
    if field == "name":
        return normalize_name(str(value))
    if field == "country":
        return normalize_country(value)
    if field == "website":
        return normalize_website(value)
    if field == "contract_status":
        return _normalize_choice(field, str(value), ContractStatus)
    if field == "dpa_status":
        return _normalize_choice(field, str(value), DpaStatus)
    if field in ("contacts", "sub_processors"):
        return _normalize_list(field, value)
    if field == "notes":
        return "" if value is None else str(value)
    if field == "next_review_date":
        if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
            return value
        raise InvalidFieldError(field, "expected a date")
    raise InvalidFieldError(field, "this field cannot be changed here")


# --- changes ------------------------------------------------------------------------------------


def add_vendor(
    session: Session,
    *,
    actor: str,
    name: str,
    country: str | None = None,
    website: str | None = None,
    vendor_id: str | None = None,
    **optional: Any,
) -> Vendor:
    """Validate and add a vendor (flushed, so ``.id`` is set); records a ``create`` event.

    ``optional`` takes the other :data:`EDITABLE_FIELDS`; ``vendor_id`` fixes the id (demo data,
    imports), otherwise a new UUID is drawn."""
    fields: dict[str, Any] = {"name": name, "country": country, "website": website, **optional}
    unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
    if unknown:
        raise InvalidFieldError(unknown[0], "not a vendor field")
    values = {field: _normalize(field, value) for field, value in fields.items()}
    vendor = Vendor(**values) if vendor_id is None else Vendor(id=vendor_id, **values)
    session.add(vendor)
    session.flush()
    record_event(session, actor, "create", "vendor", vendor.id, None, None, vendor_fields(vendor))
    return vendor


def get_vendor(session: Session, vendor_id: str) -> Vendor:
    vendor = session.get(Vendor, vendor_id)
    if vendor is None:
        raise NotFoundError("vendor", vendor_id)
    return vendor


def update_vendor(session: Session, vendor_id: str, *, actor: str, **changes: Any) -> Vendor:
    """Change the given fields; one ``update`` event per field whose value really changes."""
    vendor = get_vendor(session, vendor_id)
    normalized = {field: _normalize(field, value) for field, value in changes.items()}
    for field, value in normalized.items():
        old = getattr(vendor, field)
        if to_jsonable(old) == to_jsonable(value):
            continue
        setattr(vendor, field, value)
        record_event(session, actor, "update", "vendor", vendor.id, field, old, value)
    session.flush()
    return vendor


#: The cached figures that can be provisional, in the order they are stored.
PROVISIONAL_FIGURES = ("tier", "verdict", "grade")


def set_vendor_summary(
    session: Session,
    vendor_id: str,
    *,
    ai_act_tier: str | None,
    dpia_verdict: str | None,
    grade: str | None,
    open_findings: int | None,
    provisional: Collection[str] = (),
) -> None:
    """Refresh the cached scoring columns (derived data: no audit event of its own).
    ``provisional``: which of "tier", "verdict" and "grade" come from unfinished forms."""
    unknown = set(provisional) - set(PROVISIONAL_FIGURES)
    if unknown:
        raise ValueError(f"not a vendor figure: {sorted(unknown)}")
    vendor = get_vendor(session, vendor_id)
    vendor.ai_act_tier = ai_act_tier
    vendor.dpia_verdict = dpia_verdict
    vendor.grade = grade
    vendor.open_findings = open_findings
    vendor.provisional = ",".join(key for key in PROVISIONAL_FIGURES if key in provisional)


def vendor_fields(vendor: Vendor) -> dict[str, Any]:
    """The user-editable fields as JSON-ready values."""
    return {field: to_jsonable(getattr(vendor, field)) for field in EDITABLE_FIELDS}


def vendor_to_dict(vendor: Vendor) -> dict[str, Any]:
    """Everything about a vendor as JSON-ready values (``vendor show --json``)."""
    return {
        "id": vendor.id,
        **vendor_fields(vendor),
        "ai_act_tier": vendor.ai_act_tier,
        "dpia_verdict": vendor.dpia_verdict,
        "grade": vendor.grade,
        "open_findings": vendor.open_findings,
        # which of the three figures above come from forms with required answers still open
        "provisional": [key for key in (vendor.provisional or "").split(",") if key],
        "created_at": to_jsonable(vendor.created_at),
        "updated_at": to_jsonable(vendor.updated_at),
        "ai_systems": [
            {
                "id": system.id,
                "name": system.name,
                "description": system.description,
                "intended_purpose": system.intended_purpose,
            }
            for system in vendor.ai_systems
        ],
    }


# --- listing ------------------------------------------------------------------------------------


def _driver_connection(session: Session) -> Any:
    """The ``sqlcipher3`` connection under the session, inside the session's transaction."""
    return session.connection().connection.driver_connection


def count_vendors(session: Session, filter_text: str = "") -> int:
    """How many vendors match ``filter_text`` (a name substring; empty matches all)."""
    return count_matching(_driver_connection(session), filter_text)


def list_vendors(
    session: Session,
    filter_text: str = "",
    order_by: str = "name",
    descending: bool = False,
    offset: int = 0,
    limit: int | None = None,
) -> list[VendorRow]:
    """One page of the vendor table, filtered and sorted in SQL.

    ``order_by`` is a key of :data:`SORT_COLUMNS`. Ties are broken by name, then id;
    ``descending`` reverses the whole order except that empty values sort last either way. The
    AI Act tier and the DPIA verdict sort by severity (ascending: least severe first).
    """
    return list_matching(
        _driver_connection(session), filter_text, order_by, descending, offset, limit
    )
