"""Words shown for the stored codes (tiers, verdicts, grades, roles), translated.

The store and the scoring keep stable codes (``high``, ``likely_required``, ``B``); the UI shows
these words. An unknown code (a newer scoring version) is shown readable rather than hidden.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime

from dpia_desk.store.countries import ISO_3166_ALPHA2
from dpia_desk.store.folding import fold_for_search

#: lupdate extracts translate("Context", "literal") calls; keep both arguments literal.
translate = QCoreApplication.translate


def _readable(code: str) -> str:
    return code.replace("_", " ").capitalize()


def tier_label(code: str | None) -> str:
    words = {
        "prohibited": translate("Labels", "Prohibited"),
        "high": translate("Labels", "High risk"),
        "limited": translate("Labels", "Limited risk"),
        "minimal": translate("Labels", "Minimal risk"),
        "out_of_scope": translate("Labels", "Out of scope"),
    }
    if not code:
        return translate("Labels", "Not assessed")
    return words.get(code, _readable(code))


def tier_explanation(code: str | None) -> str:
    words = {
        "prohibited": translate(
            "Labels", "A practice the AI Act forbids (Art. 5): it must not be used."
        ),
        "high": translate(
            "Labels", "High-risk under the AI Act (Art. 6, Annex III): strict duties apply."
        ),
        "limited": translate("Labels", "Transparency duties apply (AI Act Art. 50)."),
        "minimal": translate("Labels", "No specific AI Act duties beyond AI literacy (Art. 4)."),
        "out_of_scope": translate(
            "Labels", "Not an AI system, or excluded from the AI Act (Art. 2)."
        ),
    }
    if not code:
        return translate("Labels", "No AI Act screening has been completed yet.")
    return words.get(code, "")


def verdict_label(code: str | None) -> str:
    words = {
        "required": translate("Labels", "DPIA required"),
        "likely_required": translate("Labels", "Likely required"),
        "consider": translate("Labels", "Consider a DPIA"),
        "not_required": translate("Labels", "Not required"),
    }
    if not code:
        return translate("Labels", "Not screened")
    return words.get(code, _readable(code))


def grade_label(code: str | None) -> str:
    return code if code else translate("Labels", "n/a")


def grade_explanation(code: str | None) -> str:
    if not code:
        return translate("Labels", "No due-diligence questionnaire has been scored yet.")
    return translate("Labels", "Due-diligence grade {grade} (A best, E worst).").format(grade=code)


ROLE_CODES = ("hr", "it", "dpo", "legal", "procurement")


def role_label(code: str) -> str:
    words = {
        "hr": translate("Labels", "HR"),
        "it": translate("Labels", "IT and security"),
        "dpo": translate("Labels", "Data protection officer"),
        "legal": translate("Labels", "Legal"),
        "procurement": translate("Labels", "Procurement"),
    }
    return words.get(code, _readable(code))


def contract_status_label(code: str) -> str:
    words = {
        "none": translate("Labels", "No contract"),
        "negotiating": translate("Labels", "Negotiating"),
        "signed": translate("Labels", "Signed"),
        "expired": translate("Labels", "Expired"),
        "terminated": translate("Labels", "Terminated"),
    }
    return words.get(code, _readable(code))


def dpa_status_label(code: str) -> str:
    words = {
        "not_started": translate("Labels", "Not started"),
        "requested": translate("Labels", "Requested"),
        "in_review": translate("Labels", "In review"),
        "signed": translate("Labels", "Signed"),
        "not_required": translate("Labels", "Not required"),
    }
    return words.get(code, _readable(code))


def assessment_status_label(code: str) -> str:
    words = {
        "draft": translate("Labels", "Draft"),
        "in_review": translate("Labels", "In review"),
        "approved": translate("Labels", "Approved"),
        "rejected": translate("Labels", "Rejected"),
    }
    return words.get(code, _readable(code))


def country_name(code: str | None) -> str:
    """The country's name in the UI language, or '' for an unknown code."""
    if not code or len(code) != 2:
        return ""
    territory = QLocale.codeToTerritory(code.upper())
    if territory == QLocale.Country.AnyCountry:
        return ""
    return QLocale.territoryToString(territory)


_CODE_IN_BRACKETS = re.compile(r"\(([A-Za-z]{2})\)\s*$")


def country_choices() -> list[str]:
    """ "Finland (FI)" for every ISO 3166-1 code Qt can name, by name: what the country field
    offers as you type."""
    named = ((country_name(code), code) for code in ISO_3166_ALPHA2)
    return [
        f"{name} ({code})"
        for name, code in sorted(named, key=lambda pair: pair[0].casefold())
        if name
    ]


def country_code_for(text: str) -> str:
    """The code for what someone typed in a country field: a code, a chosen "Finland (FI)", or
    a country's name ("finland", "Côte d’Ivoire"). Anything else comes back trimmed, for the
    store to refuse with its own message."""
    text = text.strip()
    if text.upper() in ISO_3166_ALPHA2:
        return text.upper()
    if match := _CODE_IN_BRACKETS.search(text):
        return match.group(1).upper()
    if len(text) > 3:
        wanted = fold_for_search(text)
        for code in ISO_3166_ALPHA2:
            name = country_name(code)
            if name and fold_for_search(name) == wanted:
                return code
    return text


def _plain_locale() -> bool:
    """The "C" locale (no LANG set, containers, CI) has no date format worth showing; ISO 8601
    is unambiguous there."""
    return QLocale().language() == QLocale.Language.C


def date_edit_format() -> str:
    """The display format for date inputs: the one ``format_date`` shows, with a four-digit year
    (a two-digit year is ambiguous in a record that outlives the century's first decades)."""
    if _plain_locale():
        return "yyyy-MM-dd"
    pattern = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in pattern:
        pattern = pattern.replace("yy", "yyyy")
    return pattern


def format_date(value: date, *, long: bool = False) -> str:
    """A calendar date in the user's locale."""
    if _plain_locale():
        return value.isoformat()
    kind = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(QDate(value.year, value.month, value.day), kind)


def format_datetime(value: datetime, *, long: bool = False) -> str:
    """A moment in the user's locale and time zone."""
    local = value.astimezone()
    if _plain_locale():
        return local.strftime("%Y-%m-%d %H:%M")
    moment = QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second),
    )
    kind = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(moment, kind)


def format_time(value: datetime) -> str:
    local = value.astimezone()
    if _plain_locale():
        return local.strftime("%H:%M")
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)
