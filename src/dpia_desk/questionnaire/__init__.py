"""Questionnaires as data: the form model, its loader, answers, visibility and completeness.

Pure Python (no Qt, no SQL). The format is described in forms/FORMAT.md.

Typical use::

    library = load_library()                  # built-in and user forms, invalid ones in .errors
    form = library.get("dpia_screening")
    state = evaluate(form, answers)           # visibility, missing, progress, flags
    frozen = form_to_json(form)               # stored with an assessment
    same = form_from_json(frozen)             # reopened later, unchanged
"""

from __future__ import annotations

from dpia_desk.questionnaire.answers import (
    AnswerValue,
    InvalidAnswer,
    make_normaliser,
    normalise_value,
)
from dpia_desk.questionnaire.answers_file import load_answers_file, load_answers_text
from dpia_desk.questionnaire.conditions import (
    AndCondition,
    Condition,
    LeafCondition,
    NotCondition,
    OrCondition,
)
from dpia_desk.questionnaire.diff import (
    FieldChange,
    FormDiff,
    ItemChange,
    QuestionSummary,
    diff_forms,
)
from dpia_desk.questionnaire.errors import (
    AnswerProblem,
    AnswersFileError,
    AnswerValidationError,
    FormLoadError,
    FormProblem,
    UnknownFormError,
)
from dpia_desk.questionnaire.evaluation import (
    FormState,
    IgnoredAnswer,
    NormalisedAnswers,
    Progress,
    RaisedFlag,
    SectionState,
    evaluate,
    normalise_answers,
    validate_answers,
)
from dpia_desk.questionnaire.fields import OwnerRole, Severity
from dpia_desk.questionnaire.library import (
    FormLibrary,
    LibraryEntry,
    LibraryError,
    default_form_dirs,
    load_library,
)
from dpia_desk.questionnaire.loader import form_from_json, form_to_json, load_form, load_form_text
from dpia_desk.questionnaire.model import (
    CHOICE_TYPES,
    IMPLICIT_CHOICES,
    QUESTION_TYPES,
    Choice,
    ChoiceQuestion,
    DateQuestion,
    DefaultScores,
    EvidenceQuestion,
    Flag,
    Form,
    LongTextQuestion,
    MultiChoiceQuestion,
    NumberQuestion,
    Question,
    QuestionBase,
    QuestionType,
    ScaleQuestion,
    Section,
    SingleChoiceQuestion,
    Source,
    TextQuestion,
    YesNoPartialNaQuestion,
    YesNoQuestion,
)

__all__ = [
    "CHOICE_TYPES",
    "IMPLICIT_CHOICES",
    "QUESTION_TYPES",
    "AndCondition",
    "AnswerProblem",
    "AnswerValidationError",
    "AnswerValue",
    "AnswersFileError",
    "Choice",
    "ChoiceQuestion",
    "Condition",
    "DateQuestion",
    "DefaultScores",
    "EvidenceQuestion",
    "FieldChange",
    "Flag",
    "Form",
    "FormDiff",
    "FormLibrary",
    "FormLoadError",
    "FormProblem",
    "FormState",
    "IgnoredAnswer",
    "InvalidAnswer",
    "ItemChange",
    "LeafCondition",
    "LibraryEntry",
    "LibraryError",
    "LongTextQuestion",
    "MultiChoiceQuestion",
    "NormalisedAnswers",
    "NotCondition",
    "NumberQuestion",
    "OrCondition",
    "OwnerRole",
    "Progress",
    "Question",
    "QuestionBase",
    "QuestionSummary",
    "QuestionType",
    "RaisedFlag",
    "ScaleQuestion",
    "Section",
    "SectionState",
    "Severity",
    "SingleChoiceQuestion",
    "Source",
    "TextQuestion",
    "UnknownFormError",
    "YesNoPartialNaQuestion",
    "YesNoQuestion",
    "default_form_dirs",
    "diff_forms",
    "evaluate",
    "form_from_json",
    "form_to_json",
    "load_answers_file",
    "load_answers_text",
    "load_form",
    "load_form_text",
    "load_library",
    "make_normaliser",
    "normalise_answers",
    "normalise_value",
    "validate_answers",
]
