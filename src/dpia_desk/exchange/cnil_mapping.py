"""Where each part of a CNIL PIA lands on our ``dpia`` form (forms/dpia.yaml).

The CNIL method and ours follow the same GDPR Art. 35(7) outline, so most texts have a home; but
the CNIL tool asks open questions where our form asks for choices (data categories, legal bases,
risk sources) or for yes/no/partly (rights, measures). An open answer is never turned into a
choice by guessing: it becomes the *comment* of the matching question, so the reviewer reads it
right where they tick the choice. The labels below describe the CNIL questions in our own words.

Risks: the CNIL tool rates each of the three feared events twice on the same 1-4 scales we use
(negligible, limited, significant, maximum; 0 means not rated). Its first rating, by the author,
already counts the existing and planned measures; its second, by the reviewer, re-rates the risk
"taking into account the action plan". The first becomes our inherent rating, the second our
residual one; CNIL has no rating before any measure, which the import report points out.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The form a CNIL PIA is imported onto.
DPIA_FORM_ID = "dpia"


@dataclass(frozen=True)
class TextTarget:
    """A CNIL text question and the question of ours it goes to (answer or comment)."""

    label: str
    question: str
    as_comment: bool


TEXT_QUESTIONS: dict[int, TextTarget] = {
    111: TextTarget("Context: what the processing is", "processing_name", True),
    112: TextTarget("Context: responsibilities for the processing", "controller_roles", False),
    113: TextTarget(
        "Context: applicable standards, codes of conduct, certifications",
        "check_codes_of_conduct",
        True,
    ),
    121: TextTarget(
        "Data: the data processed, their recipients and storage periods", "data_categories", True
    ),
    122: TextTarget("Data: life cycle of the data and the processes", "data_flows", False),
    123: TextTarget("Data: supporting assets", "supporting_assets", False),
    211: TextTarget("Principles: purposes", "purposes", False),
    212: TextTarget("Principles: legal bases", "lawful_basis_explanation", False),
    213: TextTarget(
        "Principles: data adequate, relevant and limited", "necessity_assessment", False
    ),
    214: TextTarget("Principles: accuracy of the data", "data_accuracy", True),
    215: TextTarget("Principles: storage periods", "retention", False),
    221: TextTarget("Rights: informing the people", "information_to_people", True),
    222: TextTarget("Rights: obtaining consent", "lawful_basis", True),
    223: TextTarget("Rights: access and portability", "right_of_access", True),
    224: TextTarget("Rights: rectification and erasure", "rights_rectification_erasure", True),
    225: TextTarget("Rights: restriction and objection", "right_to_object", True),
    226: TextTarget("Rights: processors and their contracts", "processor_contracts", True),
    227: TextTarget("Rights: transfers outside the EU", "international_transfers", True),
}


@dataclass(frozen=True)
class RiskTarget:
    """One of the three feared events: the CNIL question ids and our question ids."""

    item: str  # the CNIL item its review (evaluation) points to
    label: str
    section: str
    prefix: str  # our question ids start with it
    impacts: int
    threats: int
    sources: int
    measures: int
    severity: int
    likelihood: int

    def ours(self, part: str) -> str:
        return f"{self.prefix}_{part}"


RISKS: tuple[RiskTarget, ...] = (
    RiskTarget(
        "3.2", "Illegitimate access to data", "risk_illegitimate_access", "access",
        321, 322, 323, 324, 325, 326,
    ),
    RiskTarget(
        "3.3", "Unwanted modification of data", "risk_unwanted_modification", "modification",
        331, 332, 333, 334, 335, 336,
    ),
    RiskTarget(
        "3.4", "Disappearance of data", "risk_disappearance", "disappearance",
        341, 342, 343, 344, 345, 346,
    ),
)  # fmt: skip

#: CNIL review items -> our section (for the section ratings).
ITEM_SECTIONS: dict[str, str] = {
    "1.1": "description",
    "1.2": "assets_and_flows",
    "2.1": "necessity",
    "2.2": "necessity",
    "3.1": "technical_measures",
    "3.2": "risk_illegitimate_access",
    "3.3": "risk_unwanted_modification",
    "3.4": "risk_disappearance",
}
ITEM_LABELS: dict[str, str] = {
    "1.1": "Context: overview",
    "1.2": "Context: data, processes and supporting assets",
    "2.1": "Principles: proportionality and necessity",
    "2.2": "Principles: the rights of the people",
    "3.1": "Risks: existing or planned measures",
    "3.2": "Risks: illegitimate access to data",
    "3.3": "Risks: unwanted modification of data",
    "3.4": "Risks: disappearance of data",
}

#: The CNIL reviewer's verdicts -> our section ratings (0, pending, is not a verdict).
EVALUATION_RATINGS: dict[int, str] = {
    1: "to_be_corrected",
    2: "improvable",
    3: "acceptable",
}
RATING_ORDER = ("to_be_corrected", "improvable", "acceptable")

PIA_STATUSES: dict[int, str] = {
    0: "in progress",
    1: "rejected",
    2: "simple validation",
    3: "signed validation",
    4: "archived",
    5: "waiting for validation",
}

GAUGE_LABELS = {1: "negligible", 2: "limited", 3: "significant", 4: "maximum"}

#: Knowledge-base measures (the slug in a measure's ``placeholder``) -> our measure question.
MEASURE_SLUGS: dict[str, str] = {
    "PIA_TEC_CHIF": "measure_encryption",
    "PIA_TEC_ANO": "measure_pseudonymisation",
    "PIA_TEC_MINI": "measure_pseudonymisation",
    "PIA_TEC_CLO": "measure_access_control",
    "PIA_TEC_CTLA": "measure_access_control",
    "PIA_TEC_LOG": "measure_logging",
    "PIA_SEC_LOG": "measure_logging",
    "PIA_TEC_ARCH": "storage_limitation",
    "PIA_TEC_PAP": "measure_policies",
    "PIA_SEC_BKP": "measure_backup_continuity",
    "PIA_SEC_PHY": "measure_access_control",
    "PIA_ORG_ORG": "measure_policies",
    "PIA_ORG_POL": "measure_policies",
    "PIA_ORG_RMGT": "measure_policies",
    "PIA_ORG_PBD": "measure_policies",
    "PIA_ORG_AUD": "measure_policies",
    "PIA_ORG_VIOL": "measure_incident_management",
    "PIA_ORG_PERS": "measure_training",
    "PIA_ORG_EXT": "measure_vendor_assurance",
}

#: Measures with the default placeholder are matched by words of their title (French and
#: English, the tool's main languages); the first match wins.
MEASURE_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("chiffr", "encrypt"), "measure_encryption"),
    (("sauvegard", "backup", "back-up", "continuit"), "measure_backup_continuity"),
    (("traçab", "tracab", "journalis", "logging", "traceab", "surveill", "monitor"),
     "measure_logging"),
    (("anonym", "pseudonym", "minimis", "minimiz"), "measure_pseudonymisation"),
    (("violation", "incident", "breach"), "measure_incident_management"),
    (("personnel", "sensibilis", "formation", "training", "awareness"), "measure_training"),
    (("tiers", "third part", "sous-trait", "processor", "vendor"), "measure_vendor_assurance"),
    (("accès", "acces", "access", "habilitation", "authentif", "cloisonn", "partition"),
     "measure_access_control"),
    (("politique", "policy", "policies", "organisation", "organization", "projet", "project",
      "supervision", "audit"), "measure_policies"),
)  # fmt: skip
#: Where a measure matching nothing above is kept (said so in the report).
MEASURE_FALLBACK = "measure_policies"


def measure_question(title: str, placeholder: str | None) -> tuple[str, bool]:
    """Our question for a CNIL measure, and whether it really matched one."""
    if placeholder:
        for slug, question in MEASURE_SLUGS.items():
            if f".{slug}." in placeholder:
                return question, True
    folded = title.casefold()
    for words, question in MEASURE_WORDS:
        if any(word in folded for word in words):
            return question, True
    return MEASURE_FALLBACK, False
