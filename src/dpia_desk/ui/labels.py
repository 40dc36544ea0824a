"""Words shown for the stored codes (tiers, verdicts, grades, roles), translated.

The store and the scoring keep stable codes (``high``, ``likely_required``, ``B``); the UI shows
these words. An unknown code (a newer scoring version) is shown readable rather than hidden.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime


def _t(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def _readable(code: str) -> str:
    return code.replace("_", " ").capitalize()


def tier_label(code: str | None) -> str:
    words = {
        "prohibited": _t("Prohibited"),
        "high": _t("High risk"),
        "limited": _t("Limited risk"),
        "minimal": _t("Minimal risk"),
        "out_of_scope": _t("Out of scope"),
    }
    if not code:
        return _t("Not assessed")
    return words.get(code, _readable(code))


def tier_explanation(code: str | None) -> str:
    words = {
        "prohibited": _t("A practice the AI Act forbids (Art. 5): it must not be used."),
        "high": _t("High-risk under the AI Act (Art. 6, Annex III): strict duties apply."),
        "limited": _t("Transparency duties apply (AI Act Art. 50)."),
        "minimal": _t("No specific AI Act duties beyond AI literacy (Art. 4)."),
        "out_of_scope": _t("Not an AI system, or excluded from the AI Act (Art. 2)."),
    }
    if not code:
        return _t("No AI Act screening has been completed yet.")
    return words.get(code, "")


def verdict_label(code: str | None) -> str:
    words = {
        "required": _t("DPIA required"),
        "likely_required": _t("Likely required"),
        "consider": _t("Consider a DPIA"),
        "not_required": _t("Not required"),
    }
    if not code:
        return _t("Not screened")
    return words.get(code, _readable(code))


def grade_label(code: str | None) -> str:
    return code if code else _t("n/a")


def grade_explanation(code: str | None) -> str:
    if not code:
        return _t("No due-diligence questionnaire has been scored yet.")
    return _t("Due-diligence grade {grade} (A best, E worst).").format(grade=code)


ROLE_CODES = ("hr", "it", "dpo", "legal", "procurement")


def role_label(code: str) -> str:
    words = {
        "hr": _t("HR"),
        "it": _t("IT and security"),
        "dpo": _t("Data protection officer"),
        "legal": _t("Legal"),
        "procurement": _t("Procurement"),
    }
    return words.get(code, _readable(code))


def contract_status_label(code: str) -> str:
    words = {
        "none": _t("No contract"),
        "negotiating": _t("Negotiating"),
        "signed": _t("Signed"),
        "expired": _t("Expired"),
        "terminated": _t("Terminated"),
    }
    return words.get(code, _readable(code))


def dpa_status_label(code: str) -> str:
    words = {
        "not_started": _t("Not started"),
        "requested": _t("Requested"),
        "in_review": _t("In review"),
        "signed": _t("Signed"),
        "not_required": _t("Not required"),
    }
    return words.get(code, _readable(code))


def assessment_status_label(code: str) -> str:
    words = {
        "draft": _t("Draft"),
        "in_review": _t("In review"),
        "approved": _t("Approved"),
        "rejected": _t("Rejected"),
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


def _plain_locale() -> bool:
    """The "C" locale (no LANG set, containers, CI) has no date format worth showing; ISO 8601
    is unambiguous there."""
    return QLocale().language() == QLocale.Language.C


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
