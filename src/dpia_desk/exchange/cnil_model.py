"""The parts of a CNIL PIA software export we read, as pydantic models.

An export of the CNIL's PIA tool (https://github.com/LINCnil/pia, "Export" of one PIA) is one
JSON object ``{"pia": {...}, "answers": [...], "measures": [...], "evaluations": [...],
"comments": [...]}``. Answers point to the tool's question ids (111 ... 346, see
``pia_architecture.json``) and hold ``{"text", "gauge", "list"}``; evaluations point to items
("1.1", "3.2"), questions ("2.1.211") or measures ("3.1.<measure id>") and hold the reviewer's
status (0 pending, 1 to be corrected, 2 improvable, 3 acceptable), comments, an action plan
entry and, for the three risks, the re-evaluated gauges ``{"x": seriousness, "y":
likelihood}``, 0 meaning not rated.

It is someone else's format that changes between versions: fields we do not use are ignored,
fields we use are typed loosely (a number may come as text) but bounded, and anything out of
range is refused with the place it was found.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

#: Longest text accepted in one CNIL field (its rich-text HTML included).
CNIL_TEXT = 2_000_000
CNIL_SHORT_TEXT = 10_000
CNIL_MAX_ITEMS = 10_000


def _none_as_empty_list(value: Any) -> Any:
    return [] if value is None else value


Text = Annotated[str, Field(max_length=CNIL_TEXT)]
ShortText = Annotated[str, Field(max_length=CNIL_SHORT_TEXT)]
Reference = int | Annotated[str, Field(max_length=100)]
Gauge = Annotated[int, Field(ge=0, le=4)]


class _Cnil(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class CnilPia(_Cnil):
    id: Reference | None = None
    name: ShortText | None = None
    status: Annotated[int, Field(ge=0, le=99)] | None = None
    category: ShortText | None = None
    author_name: ShortText | None = None
    evaluator_name: ShortText | None = None
    validator_name: ShortText | None = None
    dpos_names: ShortText | None = None
    dpo_status: Annotated[int, Field(ge=0, le=1)] | None = None
    dpo_opinion: Text | None = None
    people_names: ShortText | None = None
    concerned_people_status: Annotated[int, Field(ge=0, le=1)] | None = None
    concerned_people_opinion: Text | None = None
    concerned_people_searched_opinion: bool | None = None
    concerned_people_searched_content: Text | None = None
    # Both spellings occur in the tool's history.
    rejection_reason: Text | None = None
    rejected_reason: Text | None = None
    applied_adjustments: Text | None = None
    applied_adjustements: Text | None = None
    created_at: ShortText | None = None
    updated_at: ShortText | None = None
    structure_name: ShortText | None = None
    structure_sector_name: ShortText | None = None


class CnilAnswerData(_Cnil):
    text: Text | None = None
    gauge: Gauge | None = None
    # "list" in the file; renamed here so the builtin stays usable in this class.
    items: Annotated[list[Text], Field(max_length=CNIL_MAX_ITEMS)] | None = Field(
        default=None, alias="list"
    )


class CnilAnswer(_Cnil):
    reference_to: Reference
    data: CnilAnswerData = CnilAnswerData()


class CnilMeasure(_Cnil):
    id: Reference | None = None
    title: ShortText | None = None
    content: Text | None = None
    placeholder: ShortText | None = None


class CnilGauges(_Cnil):
    x: Gauge | None = None
    y: Gauge | None = None


class CnilEvaluation(_Cnil):
    reference_to: Reference
    status: Annotated[int, Field(ge=0, le=3)] | None = None
    evaluation_comment: Text | None = None
    action_plan_comment: Text | None = None
    gauges: CnilGauges | None = None
    estimated_implementation_date: ShortText | None = None
    person_in_charge: ShortText | None = None


class CnilComment(_Cnil):
    reference_to: Reference | None = None
    description: Text | None = None
    for_measure: bool | None = None
    created_at: ShortText | None = None


class CnilExport(_Cnil):
    pia: CnilPia
    answers: Annotated[
        list[CnilAnswer], BeforeValidator(_none_as_empty_list), Field(max_length=CNIL_MAX_ITEMS)
    ] = []
    measures: Annotated[
        list[CnilMeasure], BeforeValidator(_none_as_empty_list), Field(max_length=CNIL_MAX_ITEMS)
    ] = []
    evaluations: Annotated[
        list[CnilEvaluation],
        BeforeValidator(_none_as_empty_list),
        Field(max_length=CNIL_MAX_ITEMS),
    ] = []
    comments: Annotated[
        list[CnilComment], BeforeValidator(_none_as_empty_list), Field(max_length=CNIL_MAX_ITEMS)
    ] = []
