"""NYC Local Law 144 bias-audit figures (DCWP rules, 6 RCNY § 5-301).

Two inputs, each a CSV with a header row (column order free, names case-insensitive):

- selection counts: ``sex,race_ethnicity,applicants,selected`` (one row per group; rows for the
  same group are added up). Selection rate = selected / applicants.
- individual scores: ``sex,race_ethnicity,score`` (one row per person). The scoring rate is the
  share of a group scoring above the median score of the full sample (every row, unknowns
  included), as § 5-301(c) defines it.

Categories are the EEO-1 ones of ``forms/rules/ll144.yaml`` (ids, labels or aliases, any case);
a blank or "unknown" value puts the row in the unknown count of that dimension, which is reported
and left out of that dimension's rates (an intersection is unknown when either part is). Impact
ratio = a category's rate / the highest rate in its dimension (sex, race/ethnicity, intersection).
A category under 2% of the data is flagged as excludable (§ 5-301(d)); when exclusion is chosen
it gets no impact ratio and cannot be the reference, and its count and rate are still shown.
Ratios under four fifths are flagged as information: the law sets no pass mark.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from statistics import median
from typing import Literal

from dpia_desk.errors import DpiaDeskError
from dpia_desk.scoring.model import Json, Reason, reasons_json
from dpia_desk.scoring.rules import Ll144Rules, load_rules

Kind = Literal["selection", "scoring"]
Dimension = Literal["sex", "race_ethnicity", "intersection"]
DIMENSIONS: tuple[Dimension, ...] = ("sex", "race_ethnicity", "intersection")
SELECTION_COLUMNS = ("sex", "race_ethnicity", "applicants", "selected")
SCORING_COLUMNS = ("sex", "race_ethnicity", "score")
_MAX_LISTED_ERRORS = 20


class BiasDataError(DpiaDeskError):
    """A bias-audit data file that cannot be used as it is; every bad row is named."""


@dataclass(frozen=True, slots=True)
class GroupRow:
    """One group's data: counts (selection) or the scores of its people (scoring)."""

    sex: str | None
    race_ethnicity: str | None
    applicants: int
    selected: int = 0
    scores: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class BiasData:
    kind: Kind
    rows: tuple[GroupRow, ...]
    source: str


@dataclass(frozen=True, slots=True)
class CategoryRate:
    dimension: Dimension
    category: str  # id; intersections read "sex|race_ethnicity"
    label: str
    applicants: int
    selected: int  # selected (selection) or scored above the median (scoring)
    rate: float | None
    impact_ratio: float | None
    share: float  # of all individuals in the data
    small: bool  # under the small-category share: excludable
    excluded: bool
    below_information_ratio: bool

    def to_json(self) -> dict[str, Json]:
        return {
            "category": self.category,
            "label": self.label,
            "applicants": self.applicants,
            "selected": self.selected,
            "rate": _round(self.rate),
            "impact_ratio": _round(self.impact_ratio),
            "share": _round(self.share),
            "excludable": self.small,
            "excluded": self.excluded,
            "below_four_fifths": self.below_information_ratio,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True, slots=True)
class BiasAuditResult:
    kind: Kind
    source: str
    total: int
    median_score: float | None
    unknown: Mapping[Dimension, int]
    groups: Mapping[Dimension, tuple[CategoryRate, ...]]
    exclude_small: bool
    information_ratio: float
    small_category_share: float
    reasons: tuple[Reason, ...]

    def to_json(self) -> dict[str, Json]:
        return {
            "kind": self.kind,
            "source": self.source,
            "total": self.total,
            "median_score": self.median_score,
            "unknown": {dimension: self.unknown[dimension] for dimension in DIMENSIONS},
            "exclude_small_categories": self.exclude_small,
            "small_category_share": self.small_category_share,
            "information_ratio": self.information_ratio,
            "groups": {
                dimension: [rate.to_json() for rate in self.groups[dimension]]
                for dimension in DIMENSIONS
            },
            "reasons": reasons_json(self.reasons),
        }


# ---------------------------------------------------------------------------------------------
# reading


class _Categories:
    def __init__(self, rules: Ll144Rules) -> None:
        self.unknown = {value.strip().casefold() for value in rules.unknown_values}
        self.lookup: dict[str, dict[str, str]] = {}
        self.allowed: dict[str, str] = {}
        for dimension, categories in rules.categories.items():
            table: dict[str, str] = {}
            for category_id, category in categories.items():
                for spelling in (category_id, category.label, *category.aliases):
                    table[spelling.strip().casefold()] = category_id
            self.lookup[dimension] = table
            self.allowed[dimension] = ", ".join(categories)

    def read(self, dimension: str, raw: str) -> str | None:
        """The category id, None for unknown; KeyError when the value is not recognised."""
        key = " ".join(raw.split()).casefold()
        if key in self.unknown:
            return None
        return self.lookup[dimension][key]


def read_bias_csv(text: str, source: str = "data", rules: Ll144Rules | None = None) -> BiasData:
    """Parse selection counts or individual scores (the header says which)."""
    rules = rules or load_rules().ll144
    if text.startswith("\ufeff"):
        text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise BiasDataError(f"{source}: the file is empty", hint=_header_hint()) from None
    except csv.Error as error:
        raise BiasDataError(f"{source}: line 1: {error}", hint=_header_hint()) from None
    columns = [name.strip().casefold() for name in header]
    kind: Kind
    if sorted(columns) == sorted(SELECTION_COLUMNS):
        kind = "selection"
    elif sorted(columns) == sorted(SCORING_COLUMNS):
        kind = "scoring"
    else:
        raise BiasDataError(
            f"{source}: line 1: unexpected header {','.join(header)!r}",
            hint=_header_hint(),
        )
    position = {name: columns.index(name) for name in columns}
    categories = _Categories(rules)
    errors: list[str] = []
    error_count = 0
    groups: dict[tuple[str | None, str | None], list[int]] = {}
    scores: dict[tuple[str | None, str | None], list[float]] = {}
    rows = 0
    line = 1
    try:
        for record in reader:
            line = reader.line_num
            if not record or all(not cell.strip() for cell in record):
                continue
            rows += 1
            if rows > rules.max_rows:
                raise BiasDataError(
                    f"{source}: more than {rules.max_rows:,} data rows",
                    hint="Aggregate the data into selection counts per group, or split the file.",
                )
            problems: list[str] = []
            if len(record) != len(columns):
                problems.append(f"expected {len(columns)} values, found {len(record)}")
            else:
                key, problems = _read_categories(record, position, categories)
                if kind == "selection":
                    counts, count_problems = _read_counts(record, position, rules.max_count)
                    problems += count_problems
                    if not problems:
                        total = groups.setdefault(key, [0, 0])
                        total[0] += counts[0]
                        total[1] += counts[1]
                else:
                    score, score_problems = _read_score(record[position["score"]])
                    problems += score_problems
                    if not problems:
                        scores.setdefault(key, []).append(score)
            if problems:
                error_count += 1
                if len(errors) < _MAX_LISTED_ERRORS:
                    errors.append(f"line {line}: " + "; ".join(problems))
    except csv.Error as error:
        error_count += 1
        errors.append(f"line {reader.line_num}: {error}")
    if errors:
        more = error_count - len(errors)
        listed = "; ".join(errors) + (f"; and {more} more bad rows" if more > 0 else "")
        noun = "row" if error_count == 1 else "rows"
        raise BiasDataError(
            f"{source}: {error_count} bad {noun}: {listed}",
            hint=f"Allowed sex values: {categories.allowed['sex']}; race/ethnicity: "
            f"{categories.allowed['race_ethnicity']}; leave a value blank or write 'unknown' "
            "when it is not known.",
        )
    if rows == 0:
        raise BiasDataError(f"{source}: the file has a header but no data rows")
    if kind == "selection":
        data_rows = tuple(
            GroupRow(sex, race, applicants, selected)
            for (sex, race), (applicants, selected) in groups.items()
        )
    else:
        data_rows = tuple(
            GroupRow(sex, race, len(values), 0, tuple(values))
            for (sex, race), values in scores.items()
        )
    return BiasData(kind, data_rows, source)


def _header_hint() -> str:
    return (
        "The first row must name the columns: `sex,race_ethnicity,applicants,selected` "
        "(selection counts per group) or `sex,race_ethnicity,score` (one scored person per row)."
    )


def _read_categories(
    record: Sequence[str], position: Mapping[str, int], categories: _Categories
) -> tuple[tuple[str | None, str | None], list[str]]:
    problems: list[str] = []
    values: list[str | None] = []
    for dimension in ("sex", "race_ethnicity"):
        raw = record[position[dimension]]
        try:
            values.append(categories.read(dimension, raw))
        except KeyError:
            values.append(None)
            problems.append(
                f"{dimension} {raw.strip()!r} is not a known category "
                f"({categories.allowed[dimension]}, or blank/unknown)"
            )
    return (values[0], values[1]), problems


def _read_counts(
    record: Sequence[str], position: Mapping[str, int], max_count: int
) -> tuple[tuple[int, int], list[str]]:
    problems: list[str] = []
    numbers: list[int] = []
    for column in ("applicants", "selected"):
        raw = record[position[column]].strip().replace("_", "")
        try:
            value = int(raw)
        except ValueError:
            problems.append(f"{column} {raw!r} is not a whole number")
            numbers.append(0)
            continue
        if value < 0 or value > max_count:
            problems.append(f"{column} {value} is out of range (0 to {max_count:,})")
        numbers.append(value)
    if not problems and numbers[1] > numbers[0]:
        problems.append(f"selected ({numbers[1]}) is more than applicants ({numbers[0]})")
    return (numbers[0], numbers[1]), problems


def _read_score(raw: str) -> tuple[float, list[str]]:
    try:
        value = float(raw.strip())
    except ValueError:
        return 0.0, [f"score {raw.strip()!r} is not a number"]
    if not math.isfinite(value):
        return 0.0, [f"score {raw.strip()!r} is not a finite number"]
    return value, []


def load_bias_csv(path: Path, rules: Ll144Rules | None = None) -> BiasData:
    """Read a bias-audit CSV file, within the size limit of the rules."""
    rules = rules or load_rules().ll144
    name = path.name
    try:
        size = path.stat().st_size
        if size > rules.max_file_bytes:
            raise BiasDataError(
                f"{name}: the file is {size / 1_048_576:.1f} MiB, over the "
                f"{rules.max_file_bytes / 1_048_576:.0f} MiB limit",
                hint="Aggregate the data into selection counts per group.",
            )
        raw = path.read_bytes()
    except OSError as error:
        raise BiasDataError(f"{name}: cannot read the file ({error.strerror or error})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise BiasDataError(
            f"{name}: line {line}: not UTF-8 text", hint="Save the CSV as UTF-8."
        ) from None
    return read_bias_csv(text, name, rules)


# ---------------------------------------------------------------------------------------------
# figures


@dataclass(slots=True)
class _Tally:
    applicants: int = 0
    selected: int = 0


def compute_bias_audit(
    data: BiasData, *, exclude_small: bool = False, rules: Ll144Rules | None = None
) -> BiasAuditResult:
    rules = rules or load_rules().ll144
    method_refs = rules.selection_refs if data.kind == "selection" else rules.scoring_refs
    total = sum(row.applicants for row in data.rows)
    median_score: float | None = None
    rows: list[tuple[str | None, str | None, int, int]] = []
    if data.kind == "scoring":
        every_score = [score for row in data.rows for score in row.scores]
        median_score = float(median(every_score)) if every_score else None
        for row in data.rows:
            above = sum(
                1 for score in row.scores if median_score is not None and score > median_score
            )
            rows.append((row.sex, row.race_ethnicity, row.applicants, above))
    else:
        rows = [(r.sex, r.race_ethnicity, r.applicants, r.selected) for r in data.rows]

    tallies: dict[Dimension, dict[str, _Tally]] = {d: {} for d in DIMENSIONS}
    unknown: dict[Dimension, int] = dict.fromkeys(DIMENSIONS, 0)
    for sex, race, applicants, selected in rows:
        keys: dict[Dimension, str | None] = {
            "sex": sex,
            "race_ethnicity": race,
            "intersection": f"{sex}|{race}" if sex and race else None,
        }
        for dimension, key in keys.items():
            if key is None:
                unknown[dimension] += applicants
                continue
            tally = tallies[dimension].setdefault(key, _Tally())
            tally.applicants += applicants
            tally.selected += selected

    labels = _labels(rules)
    groups: dict[Dimension, tuple[CategoryRate, ...]] = {}
    for dimension in DIMENSIONS:
        groups[dimension] = _rates(
            dimension, tallies[dimension], labels, total, exclude_small, rules
        )

    reasons = _reasons(data, groups, unknown, total, median_score, exclude_small, rules)
    return BiasAuditResult(
        kind=data.kind,
        source=data.source,
        total=total,
        median_score=median_score,
        unknown=unknown,
        groups=groups,
        exclude_small=exclude_small,
        information_ratio=rules.information_ratio,
        small_category_share=rules.small_category_share,
        reasons=tuple(reasons) if reasons else (Reason("Bias audit.", method_refs, {}),),
    )


def _labels(rules: Ll144Rules) -> dict[str, str]:
    labels: dict[str, str] = {}
    order: list[str] = []
    for dimension in ("sex", "race_ethnicity"):
        for category_id, category in rules.categories[dimension].items():
            labels[category_id] = category.label
            order.append(category_id)
    return labels


def _order(dimension: Dimension, key: str, rules: Ll144Rules) -> tuple[int, int]:
    sex_ids = list(rules.categories["sex"])
    race_ids = list(rules.categories["race_ethnicity"])
    if dimension == "sex":
        return (sex_ids.index(key), 0)
    if dimension == "race_ethnicity":
        return (race_ids.index(key), 0)
    sex, _, race = key.partition("|")
    return (sex_ids.index(sex), race_ids.index(race))


def _rates(
    dimension: Dimension,
    tallies: Mapping[str, _Tally],
    labels: Mapping[str, str],
    total: int,
    exclude_small: bool,
    rules: Ll144Rules,
) -> tuple[CategoryRate, ...]:
    keys = sorted(
        (key for key, tally in tallies.items() if tally.applicants > 0),
        key=lambda key: _order(dimension, key, rules),
    )
    shares = {key: tallies[key].applicants / total if total else 0.0 for key in keys}
    small = {key: shares[key] < rules.small_category_share for key in keys}
    rates = {key: tallies[key].selected / tallies[key].applicants for key in keys}
    reference_pool = [rates[key] for key in keys if not (exclude_small and small[key])]
    best = max(reference_pool) if reference_pool else 0.0
    result = []
    for key in keys:
        excluded = exclude_small and small[key]
        ratio = None if excluded or best <= 0 else rates[key] / best
        label = (
            " / ".join(labels[part] for part in key.split("|"))
            if dimension == "intersection"
            else labels[key]
        )
        result.append(
            CategoryRate(
                dimension=dimension,
                category=key,
                label=label,
                applicants=tallies[key].applicants,
                selected=tallies[key].selected,
                rate=rates[key],
                impact_ratio=ratio,
                share=shares[key],
                small=small[key],
                excluded=excluded,
                # a hair of tolerance: 0.4 / 0.5 is four fifths, not a rounding error below it
                below_information_ratio=ratio is not None
                and ratio < rules.information_ratio - 1e-9,
            )
        )
    return tuple(result)


_DIMENSION_NAMES = {
    "sex": "sex",
    "race_ethnicity": "race/ethnicity",
    "intersection": "intersectional",
}


def _reasons(
    data: BiasData,
    groups: Mapping[Dimension, Sequence[CategoryRate]],
    unknown: Mapping[Dimension, int],
    total: int,
    median_score: float | None,
    exclude_small: bool,
    rules: Ll144Rules,
) -> list[Reason]:
    reasons: list[Reason] = []
    if data.kind == "selection":
        reasons.append(
            Reason(
                f"Selection rates (selected / applicants) and impact ratios (rate / the highest "
                f"rate in the dimension) for {total:,} applicants, separately by sex, "
                "race/ethnicity and their intersections.",
                rules.selection_refs,
                {},
            )
        )
    else:
        reasons.append(
            Reason(
                f"Scoring rates (share scoring above the sample median of {median_score:g}) and "
                f"impact ratios (rate / the highest rate in the dimension) for {total:,} scored "
                "individuals, separately by sex, race/ethnicity and their intersections.",
                rules.scoring_refs,
                {},
            )
        )
    if any(unknown.values()):
        reasons.append(
            Reason(
                "Individuals in an unknown category are left out of that dimension's rates and "
                f"reported: sex unknown {unknown['sex']:,}, race/ethnicity unknown "
                f"{unknown['race_ethnicity']:,}, intersection unknown {unknown['intersection']:,}.",
                rules.unknown_refs,
                {},
            )
        )
    for dimension in DIMENSIONS:
        rates = groups[dimension]
        if rates and all(rate.impact_ratio is None for rate in rates if not rate.excluded):
            reasons.append(
                Reason(
                    f"No {_DIMENSION_NAMES[dimension]} impact ratio can be computed: no category "
                    "has a rate above zero.",
                    rules.selection_refs if data.kind == "selection" else rules.scoring_refs,
                    {},
                )
            )
    share = f"{rules.small_category_share:.0%}"
    small = [rate for dimension in DIMENSIONS for rate in groups[dimension] if rate.small]
    if small:
        listed = ", ".join(f"{rate.label} ({rate.share:.1%})" for rate in small)
        if exclude_small:
            text = (
                f"Categories under {share} of the data are excluded from the impact ratios, as "
                f"the rules allow; their counts and rates are still shown: {listed}. The audit "
                "summary must give the justification for excluding them."
            )
        else:
            text = (
                f"Categories under {share} of the data may be excluded from the impact ratios "
                f"(the auditor must then justify it and still publish their count and rate): "
                f"{listed}."
            )
        reasons.append(Reason(text, rules.small_category_refs, {}))
    low = [
        rate
        for dimension in DIMENSIONS
        for rate in groups[dimension]
        if rate.below_information_ratio
    ]
    if low:
        listed = ", ".join(
            f"{rate.label} {rate.impact_ratio:.2f}" for rate in low if rate.impact_ratio
        )
        reasons.append(
            Reason(
                f"Impact ratios under {rules.information_ratio:g} (four fifths), for information: "
                f"{listed}. Local Law 144 sets no pass mark; the four-fifths rule of thumb comes "
                "from the EEOC's Uniform Guidelines.",
                rules.information_ratio_refs,
                {},
            )
        )
    else:
        reasons.append(
            Reason(
                f"No impact ratio is under {rules.information_ratio:g} (four fifths). Local Law "
                "144 sets no pass mark; this is information only.",
                rules.information_ratio_refs,
                {},
            )
        )
    return reasons


def bias_audit_from_rows(
    rows: Iterable[Mapping[str, object]], *, source: str = "table", exclude_small: bool = False
) -> BiasAuditResult:
    """Audit figures from rows already in memory (a form's data table): same checks as a CSV."""
    rows = list(rows)
    if not rows:
        raise BiasDataError(f"{source}: no data rows")
    columns = list(rows[0])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow(["" if row.get(c) is None else str(row.get(c)) for c in columns])
    return compute_bias_audit(read_bias_csv(buffer.getvalue(), source), exclude_small=exclude_small)
