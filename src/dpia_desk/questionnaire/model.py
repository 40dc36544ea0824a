"""The form format (schema version 1) as pydantic models; forms/FORMAT.md is its prose twin.

Every model forbids unknown keys, so a typo in a form is an error with a line number rather than a
silently ignored setting. Questions are a union discriminated by ``type``: each type lists only the
keys it understands, which is also what an editor sees in the generated JSON Schema.

Cross-field rules (unique ids, conditions that reference earlier questions, operators that fit the
type...) live in :mod:`dpia_desk.questionnaire.checks`, which reports each at its own path.
Models are frozen: a loaded form is shared (library, UI, scoring) and never edited in place.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from dpia_desk.questionnaire.conditions import Condition
from dpia_desk.questionnaire.fields import (
    AppliesTo,
    FormStatus,
    Number,
    OwnerRole,
    PositiveWholeNumber,
    RefId,
    Score,
    ScoringEngine,
    SemVer,
    Severity,
    SnakeId,
    Text,
    Weight,
    WholeNumber,
)

if TYPE_CHECKING:
    from dpia_desk.questionnaire.index import FormIndex

QuestionType = Literal[
    "yes_no",
    "yes_no_partial_na",
    "single_choice",
    "multi_choice",
    "text",
    "long_text",
    "number",
    "date",
    "scale",
    "evidence",
]
QUESTION_TYPES: tuple[QuestionType, ...] = (
    "yes_no",
    "yes_no_partial_na",
    "single_choice",
    "multi_choice",
    "text",
    "long_text",
    "number",
    "date",
    "scale",
    "evidence",
)
#: The choice ids the yes/no types have without declaring them, with their default labels.
IMPLICIT_CHOICES: dict[str, dict[str, str]] = {
    "yes_no": {"yes": "Yes", "no": "No"},
    "yes_no_partial_na": {"yes": "Yes", "partial": "Partly", "no": "No", "na": "Not applicable"},
}
CHOICE_TYPES: frozenset[str] = frozenset(
    {"yes_no", "yes_no_partial_na", "single_choice", "multi_choice"}
)
TEXT_MAX_LENGTH = 2_000
LONG_TEXT_MAX_LENGTH = 100_000


class FormModel(BaseModel):
    """Shared settings: unknown keys are errors, instances are immutable."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        serialize_by_alias=True,
    )


class Flag(FormModel):
    """A finding raised when the choice is selected."""

    severity: Severity = Field(description="low | medium | high | critical")
    text: Text = Field(description="The finding, as it appears in reports.")


class Choice(FormModel):
    """One answer option of a choice question."""

    id: SnakeId = Field(description="snake_case, unique in the question, never renamed.")
    label: Text | None = Field(
        default=None,
        description="What the user reads. Required for single and multi choice; optional for "
        "yes/no types (defaults: Yes, Partly, No, Not applicable).",
    )
    score: Score | None = Field(
        default=None, description="0..100; overrides the form's default_scores."
    )
    exclusive: bool = Field(
        default=False,
        description="multi_choice only: cannot be combined with other choices (e.g. none).",
    )
    flag: Flag | None = Field(
        default=None, description="A finding raised when this choice is selected."
    )


class QuestionBase(FormModel):
    """What every question type has."""

    id: SnakeId = Field(description="snake_case, unique in the whole form, never renamed.")
    text: Text = Field(description="The question as the user reads it.")
    help: str | None = Field(default=None, description="Plain-language guidance, shown on demand.")
    required: bool = Field(
        default=True, description="Must be answered (when visible) for completeness."
    )
    weight: Weight = Field(default=1, description="Weight in scores; 0 means asked, never scored.")
    refs: list[RefId] = Field(
        default_factory=list,
        description="Legal references such as ai_act:art5.1.f, gdpr:art35.7.a, wp248:criterion.7.",
    )
    owner_role: OwnerRole | None = Field(
        default=None,
        description="Who answers it (overrides the section's): hr|it|dpo|legal|procurement.",
    )
    evidence_requested: bool = Field(
        default=False, description="The UI invites an attachment for this answer."
    )
    show_if: Condition | None = Field(
        default=None, description="Shown only when this condition on earlier questions holds."
    )
    tags: list[SnakeId] = Field(
        default_factory=list, description="Free snake_case labels for engines and filters."
    )

    @property
    def kind(self) -> QuestionType:
        kind: QuestionType = getattr(self, "type")  # noqa: B009 (each subclass declares it)
        return kind

    @property
    def is_choice(self) -> bool:
        return self.kind in CHOICE_TYPES

    @property
    def options(self) -> tuple[Choice, ...]:
        """Every choice a user can pick, in display order (implicit ones completed); () if none."""
        return ()

    def option(self, choice_id: str) -> Choice | None:
        for choice in self.options:
            if choice.id == choice_id:
                return choice
        return None


class _ImplicitChoiceQuestion(QuestionBase):
    choices: list[Choice] = Field(
        default_factory=list,
        description="Optional: the implicit choice ids only, to give them a label, score or flag.",
    )

    @property
    def options(self) -> tuple[Choice, ...]:
        declared = {choice.id: choice for choice in self.choices}
        result: list[Choice] = []
        for choice_id, label in IMPLICIT_CHOICES[self.kind].items():
            choice = declared.get(choice_id)
            if choice is None:
                result.append(Choice(id=choice_id, label=label))
            elif choice.label is None:
                result.append(choice.model_copy(update={"label": label}))
            else:
                result.append(choice)
        return tuple(result)


class YesNoQuestion(_ImplicitChoiceQuestion):
    """Answered yes or no."""

    type: Literal["yes_no"]


class YesNoPartialNaQuestion(_ImplicitChoiceQuestion):
    """Answered yes, partial, no or na (na is never scored)."""

    type: Literal["yes_no_partial_na"]


class _DeclaredChoiceQuestion(QuestionBase):
    choices: list[Choice] = Field(min_length=1, description="The options, in display order.")

    @property
    def options(self) -> tuple[Choice, ...]:
        return tuple(self.choices)


class SingleChoiceQuestion(_DeclaredChoiceQuestion):
    """Answered with one choice id."""

    type: Literal["single_choice"]


class MultiChoiceQuestion(_DeclaredChoiceQuestion):
    """Answered with a list of choice ids."""

    type: Literal["multi_choice"]


class TextQuestion(QuestionBase):
    """A short text answer."""

    type: Literal["text"]
    max_length: PositiveWholeNumber = Field(default=TEXT_MAX_LENGTH, description="In characters.")


class LongTextQuestion(QuestionBase):
    """A long text answer (several paragraphs)."""

    type: Literal["long_text"]
    max_length: PositiveWholeNumber = Field(
        default=LONG_TEXT_MAX_LENGTH, description="In characters."
    )


class NumberQuestion(QuestionBase):
    """A number, optionally whole, bounded and with a unit."""

    type: Literal["number"]
    unit: Text | None = Field(
        default=None, description="Shown beside the field, e.g. employees, EUR."
    )
    min: Number | None = Field(default=None, description="Smallest accepted value.")
    max: Number | None = Field(default=None, description="Largest accepted value.")
    integer: bool = Field(default=False, description="Only whole numbers are accepted.")


class DateQuestion(QuestionBase):
    """A calendar date, answered as YYYY-MM-DD."""

    type: Literal["date"]
    min: date | None = Field(default=None, description="Earliest accepted date.")
    max: date | None = Field(default=None, description="Latest accepted date.")


class ScaleQuestion(QuestionBase):
    """A whole number from min to max, with labels per point (e.g. severity 1-4)."""

    type: Literal["scale"]
    min: WholeNumber = Field(description="The lowest point.")
    max: WholeNumber = Field(description="The highest point.")
    labels: dict[int, Text] = Field(default_factory=dict, description="Label per point.")
    scores: dict[int, Score] = Field(default_factory=dict, description="Score 0..100 per point.")

    @property
    def points(self) -> range:
        return range(self.min, self.max + 1)


class EvidenceQuestion(QuestionBase):
    """One or more attached files (file names or stored evidence ids)."""

    type: Literal["evidence"]
    min_files: PositiveWholeNumber = Field(
        default=1, description="Fewest files for a complete answer."
    )


Question = Annotated[
    YesNoQuestion
    | YesNoPartialNaQuestion
    | SingleChoiceQuestion
    | MultiChoiceQuestion
    | TextQuestion
    | LongTextQuestion
    | NumberQuestion
    | DateQuestion
    | ScaleQuestion
    | EvidenceQuestion,
    Field(discriminator="type"),
]
ChoiceQuestion = YesNoQuestion | YesNoPartialNaQuestion | SingleChoiceQuestion | MultiChoiceQuestion


class Section(FormModel):
    """A block of questions, shown on one page."""

    id: SnakeId = Field(description="snake_case, unique in the form.")
    title: Text
    description: str | None = Field(default=None, description="Guidance shown above the questions.")
    owner_role: OwnerRole | None = Field(
        default=None,
        description="Who answers it (questions inherit it): hr|it|dpo|legal|procurement.",
    )
    domain: SnakeId | None = Field(
        default=None, description="The scorecard domain (default: the section id)."
    )
    show_if: Condition | None = Field(
        default=None, description="Hides the whole section unless true."
    )
    questions: list[Question] = Field(min_length=1)

    @property
    def domain_id(self) -> str:
        return self.domain or self.id


class Source(FormModel):
    """Who wrote the form, under which licence, and from which primary sources."""

    author: Text
    licence: Text = Field(description="e.g. CC-BY-4.0")
    derived_from: list[Text] = Field(default_factory=list, description="Primary sources, in words.")


class YesNoScores(FormModel):
    yes: Score | None = None
    no: Score | None = None


class YesNoPartialNaScores(FormModel):
    """``na`` is never scored, so it has no default score."""

    yes: Score | None = None
    partial: Score | None = None
    no: Score | None = None


class DefaultScores(FormModel):
    """Scores of the implicit choices, per type, where a choice gives none."""

    yes_no: YesNoScores | None = None
    yes_no_partial_na: YesNoPartialNaScores | None = None

    def score(self, question_type: str, choice_id: str) -> int | float | None:
        scores: BaseModel | None = getattr(self, question_type, None)
        if scores is None:
            return None
        value: int | float | None = getattr(scores, choice_id, None)
        return value


def _json_compatible(value: Any) -> Any:
    """Outcomes must survive the frozen JSON copy unchanged: dates become ISO text, keys text."""
    if isinstance(value, dict):
        return {str(key): _json_compatible(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_json_compatible(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


class _IndexBox:
    """Holds the cached index. Boxes compare equal so that the cache never changes ``==``."""

    __slots__ = ("index", "owner")

    def __init__(self) -> None:
        self.index: FormIndex | None = None
        self.owner: Form | None = None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _IndexBox)

    __hash__ = None  # type: ignore[assignment]


class Form(FormModel):
    """One questionnaire."""

    schema_version: Literal[1] = Field(description="The format version; this schema is 1.")
    id: SnakeId = Field(description="Stable snake_case id, never renamed.")
    version: SemVer = Field(description="Semantic version of the content, e.g. 1.2.0.")
    status: FormStatus = Field(description="draft | released | retired")
    title: Text
    description: str | None = None
    applies_to: AppliesTo | None = Field(
        default=None, description="vendor | ai_system | processing"
    )
    scoring: ScoringEngine | None = Field(
        default=None, description="Which scoring engine reads the answers."
    )
    source: Source
    default_scores: DefaultScores = Field(
        default_factory=DefaultScores, description="Scores for implicit choices, per type."
    )
    outcomes: Annotated[dict[str, Any], BeforeValidator(_json_compatible)] = Field(
        default_factory=dict,
        description="Rules read by the scoring engine named in `scoring` (opaque to the engine).",
    )
    sections: list[Section] = Field(min_length=1)

    # A cache of look-up tables; never part of the form's identity (see index.py).
    _index_box: _IndexBox = PrivateAttr(default_factory=lambda: _IndexBox())

    @property
    def index(self) -> FormIndex:
        """Look-up tables built once per form instance."""
        box = self._index_box
        if box.owner is not None and box.owner is not self:
            # a shallow model_copy shares the box of its original: give the copy its own
            box = _IndexBox()
            self._index_box = box
        if box.index is None:
            from dpia_desk.questionnaire.index import FormIndex

            box.index = FormIndex(self)
            box.owner = self
        return box.index

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every question in form order."""
        return self.index.questions

    def iter_questions(self) -> Iterator[tuple[Section, Question]]:
        for section in self.sections:
            for question in section.questions:
                yield section, question

    def question(self, question_id: str) -> Question:
        """The question with this id; KeyError if there is none."""
        return self.index.question_by_id[question_id]

    def find_question(self, question_id: str) -> Question | None:
        return self.index.question_by_id.get(question_id)

    def section(self, section_id: str) -> Section:
        """The section with this id; KeyError if there is none."""
        return self.index.section_by_id[section_id]

    def section_of(self, question_id: str) -> Section:
        return self.index.section_of[question_id]

    def owner_role_of(self, question_id: str) -> OwnerRole | None:
        return self.index.owner_role[question_id]

    def choice_score(self, question_id: str, choice_id: str) -> int | float | None:
        """The score of a choice: its own, else the form's default for the type; na never."""
        question = self.question(question_id)
        if choice_id == "na" and question.kind == "yes_no_partial_na":
            return None
        choice = question.option(choice_id)
        if choice is not None and choice.score is not None:
            return choice.score
        return self.default_scores.score(question.kind, choice_id)

    @property
    def label(self) -> str:
        return f"{self.id} {self.version}"


QUESTION_MODELS: Mapping[str, type[QuestionBase]] = {
    "yes_no": YesNoQuestion,
    "yes_no_partial_na": YesNoPartialNaQuestion,
    "single_choice": SingleChoiceQuestion,
    "multi_choice": MultiChoiceQuestion,
    "text": TextQuestion,
    "long_text": LongTextQuestion,
    "number": NumberQuestion,
    "date": DateQuestion,
    "scale": ScaleQuestion,
    "evidence": EvidenceQuestion,
}
