"""NYC Local Law 144 figures on worked examples computed by hand (6 RCNY 5-301)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpia_desk.scoring import (
    BiasDataError,
    compute_bias_audit,
    load_bias_csv,
    load_rules,
    read_bias_csv,
)
from dpia_desk.scoring.bias_audit import BiasAuditResult, CategoryRate

# Total 269 people. Sex unknown: 10 (the Black row); race unknown: 5 (the last female row).
SELECTION = """sex,race_ethnicity,applicants,selected
Male,White,100,50
Female,White,80,32
Male,Asian,40,20
Female,Asian,30,9
,Black or African American,10,2
Female,Unknown,5,1
male,hispanic,4,1
"""


def group(result: BiasAuditResult, dimension: str, category: str) -> CategoryRate:
    for rate in result.groups[dimension]:  # type: ignore[index]
        if rate.category == category:
            return rate
    raise AssertionError(f"{dimension}/{category} missing")


def test_selection_rates_and_impact_ratios_by_hand() -> None:
    result = compute_bias_audit(read_bias_csv(SELECTION, "example.csv"))
    assert result.kind == "selection"
    assert result.total == 269
    assert dict(result.unknown) == {"sex": 10, "race_ethnicity": 5, "intersection": 15}

    # sex: male 144 assessed, 50 + 20 + 1 = 71 selected -> 0.49306 (the most selected);
    # female 80 + 30 + 5 = 115, 32 + 9 + 1 = 42 -> 0.36522; ratio 0.36522 / 0.49306 = 0.74074
    male, female = result.groups["sex"]
    assert (male.category, male.applicants, male.selected) == ("male", 144, 71)
    assert male.rate == pytest.approx(71 / 144)
    assert male.impact_ratio == pytest.approx(1.0)
    assert (female.applicants, female.selected) == (115, 42)
    assert female.impact_ratio == pytest.approx((42 / 115) / (71 / 144))
    assert female.impact_ratio == pytest.approx(0.7407, abs=1e-4)
    assert female.below_information_ratio and not male.below_information_ratio

    # race/ethnicity: white 180 / 82 = 0.45556 is the reference
    assert [r.category for r in result.groups["race_ethnicity"]] == [
        "hispanic_or_latino",
        "white",
        "black_or_african_american",
        "asian",
    ]
    assert group(result, "race_ethnicity", "white").rate == pytest.approx(82 / 180)
    assert group(
        result, "race_ethnicity", "black_or_african_american"
    ).impact_ratio == pytest.approx(0.2 / (82 / 180))
    assert group(result, "race_ethnicity", "asian").impact_ratio == pytest.approx(
        (29 / 70) / (82 / 180)
    )
    hispanic = group(result, "race_ethnicity", "hispanic_or_latino")
    assert hispanic.share == pytest.approx(4 / 269)  # 1.5% of the data: excludable
    assert hispanic.small and not hispanic.excluded
    assert hispanic.impact_ratio == pytest.approx(0.25 / (82 / 180))

    # intersections: male/white and male/asian 0.5 are the reference; female/white 0.4 -> 0.8
    # exactly, which is not under four fifths; female/asian 0.3 -> 0.6
    ratios = {r.category: r.impact_ratio for r in result.groups["intersection"]}
    assert list(ratios) == [
        "male|hispanic_or_latino",
        "male|white",
        "male|asian",
        "female|white",
        "female|asian",
    ]
    assert ratios == pytest.approx(
        {
            "male|hispanic_or_latino": 0.5,
            "male|white": 1.0,
            "male|asian": 1.0,
            "female|white": 0.8,
            "female|asian": 0.6,
        }
    )
    assert not group(result, "intersection", "female|white").below_information_ratio
    assert group(result, "intersection", "female|asian").below_information_ratio


def test_small_categories_are_excluded_on_request_and_still_shown() -> None:
    result = compute_bias_audit(read_bias_csv(SELECTION, "example.csv"), exclude_small=True)
    hispanic = group(result, "race_ethnicity", "hispanic_or_latino")
    assert hispanic.excluded and hispanic.impact_ratio is None
    assert hispanic.rate == pytest.approx(0.25) and hispanic.applicants == 4
    assert group(result, "race_ethnicity", "asian").impact_ratio == pytest.approx(
        (29 / 70) / (82 / 180)
    )
    text = " ".join(reason.text for reason in result.reasons)
    assert "excluded from the impact ratios" in text and "justification" in text
    assert any("nyc_dcwp:5-301.d" in reason.refs for reason in result.reasons)


def test_a_small_category_can_never_be_the_reference_once_excluded() -> None:
    data = "sex,race_ethnicity,applicants,selected\nmale,white,99,10\nmale,asian,1,1\n"
    kept = compute_bias_audit(read_bias_csv(data))
    assert group(kept, "race_ethnicity", "white").impact_ratio == pytest.approx(0.101 / 1, abs=1e-3)
    excluded = compute_bias_audit(read_bias_csv(data), exclude_small=True)
    assert group(excluded, "race_ethnicity", "white").impact_ratio == pytest.approx(1.0)


SCORES = """sex,race_ethnicity,score
Male,White,10
Male,White,20
Male,Asian,30
Female,White,40
Female,Asian,50
Female,Asian,60
,White,70
"""


def test_scoring_rates_are_shares_above_the_full_sample_median() -> None:
    result = compute_bias_audit(read_bias_csv(SCORES, "scores.csv"))
    assert result.kind == "scoring"
    # median of 10..70 (all seven people, the unknown one included) is 40; above: 50, 60, 70
    assert result.median_score == 40
    male = group(result, "sex", "male")
    female = group(result, "sex", "female")
    assert (male.applicants, male.selected, male.rate) == (3, 0, 0.0)
    assert (female.applicants, female.selected) == (3, 2)
    assert female.impact_ratio == pytest.approx(1.0)
    assert male.impact_ratio == pytest.approx(0.0)
    # white: 10, 20, 40, 70 -> 1 of 4 above; asian: 30, 50, 60 -> 2 of 3
    assert group(result, "race_ethnicity", "white").impact_ratio == pytest.approx(0.25 / (2 / 3))
    assert result.unknown["sex"] == 1


def test_median_of_an_even_sample_is_the_mean_of_the_middle_two() -> None:
    data = "sex,race_ethnicity,score\nmale,white,1\nmale,white,2\nfemale,white,3\nfemale,white,4\n"
    result = compute_bias_audit(read_bias_csv(data))
    assert result.median_score == 2.5
    assert group(result, "sex", "female").rate == pytest.approx(1.0)


def test_no_rate_above_zero_gives_no_ratio_and_says_why() -> None:
    data = "sex,race_ethnicity,applicants,selected\nmale,white,10,0\nfemale,white,10,0\n"
    result = compute_bias_audit(read_bias_csv(data))
    assert all(rate.impact_ratio is None for rate in result.groups["sex"])
    assert any("No sex impact ratio" in reason.text for reason in result.reasons)


def test_the_law_sets_no_pass_mark() -> None:
    result = compute_bias_audit(read_bias_csv(SELECTION))
    note = next(r for r in result.reasons if "four fifths" in r.text)
    assert "no pass mark" in note.text
    assert "eeoc:1607.4.d" in note.refs


def test_bad_rows_are_reported_by_line_in_one_error() -> None:
    data = (
        "sex,race_ethnicity,applicants,selected\n"
        "male,white,10,5\n"
        "female,white,10,12\n"
        "X,white,10,1\n"
        "female,asian,abc,1\n"
        "female,asian,5\n"
    )
    with pytest.raises(BiasDataError) as caught:
        read_bias_csv(data, "bad.csv")
    message = str(caught.value)
    assert message.startswith("bad.csv: 4 bad rows")
    assert "line 3: selected (12) is more than applicants (10)" in message
    assert "line 4: sex 'X' is not a known category" in message
    assert "line 5: applicants 'abc' is not a whole number" in message
    assert "line 6: expected 4 values, found 3" in message
    assert "line 2" not in message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the file is empty"),
        ("gender,race,count\n", "unexpected header"),
        ("sex,race_ethnicity,score\n", "no data rows"),
        ("sex,race_ethnicity,score\nmale,white,nan\n", "not a finite number"),
        ("sex,race_ethnicity,applicants,selected\nmale,white,-1,0\n", "out of range"),
    ],
)
def test_unusable_files_are_clear_errors(text: str, message: str) -> None:
    with pytest.raises(BiasDataError, match=message):
        read_bias_csv(text, "data.csv")


def test_header_is_case_insensitive_in_any_order_with_a_bom() -> None:
    data = "\ufeffSelected,Applicants,Race_Ethnicity,Sex\n5,10,White,Female\n"
    result = compute_bias_audit(read_bias_csv(data))
    assert group(result, "sex", "female").rate == pytest.approx(0.5)


def test_size_limits(tmp_path: Path) -> None:
    rules = load_rules().ll144
    path = tmp_path / "big.csv"
    path.write_text(SELECTION, encoding="utf-8")
    with pytest.raises(BiasDataError, match="over the"):
        load_bias_csv(path, rules.model_copy(update={"max_file_bytes": 20}))
    with pytest.raises(BiasDataError, match="more than 3 data rows"):
        read_bias_csv(SELECTION, "x.csv", rules.model_copy(update={"max_rows": 3}))


def test_non_utf8_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        b"sex,race_ethnicity,applicants,selected\nfemale,white,1,0\nf\xe9male,white,1,0\n"
    )
    with pytest.raises(BiasDataError, match="line 3: not UTF-8"):
        load_bias_csv(path)


def test_json_shape() -> None:
    document = compute_bias_audit(read_bias_csv(SELECTION, "example.csv")).to_json()
    assert set(document["groups"]) == {"sex", "race_ethnicity", "intersection"}
    row = document["groups"]["sex"][1]
    assert set(row) == {
        "category", "label", "applicants", "selected", "rate", "impact_ratio", "share",
        "excludable", "excluded", "below_four_fifths",
    }  # fmt: skip
    assert all(reason["refs"] for reason in document["reasons"])
