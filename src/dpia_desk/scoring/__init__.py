"""Scoring that explains itself: pure, deterministic functions, no Qt, no SQL.

Every result carries its reasons (:class:`Reason`: a sentence, the legal references behind it and
the answers that led to it). The legal data (dates, thresholds, matrices, texts) lives in
``forms/rules/*.yaml``.

Entry points:

- :func:`score_form` (form, answers) -> :class:`ScoreResult`, for any form by its ``scoring``
  engine (ai_act, dpia_screening, dpia, vendor_intake, vendor_due_diligence, fria, ll144);
- the engines on plain answer mappings: :func:`score_ai_act`, :func:`score_dpia_screening`,
  :func:`score_dpia_risks` / :func:`rate` (CNIL matrix);
- the NYC Local Law 144 calculator: :func:`load_bias_csv`, :func:`read_bias_csv`,
  :func:`compute_bias_audit`.
"""

from __future__ import annotations

from dpia_desk.scoring.ai_act import AiActOutcome, Obligation, score_ai_act
from dpia_desk.scoring.bias_audit import (
    BiasAuditResult,
    BiasData,
    BiasDataError,
    compute_bias_audit,
    load_bias_csv,
    read_bias_csv,
)
from dpia_desk.scoring.dpia_risk import DpiaRiskOutcome, RiskInput, rate, score_dpia_risks
from dpia_desk.scoring.dpia_screening import DpiaScreeningOutcome, score_dpia_screening
from dpia_desk.scoring.engine import ENGINES, score_form
from dpia_desk.scoring.model import Reason, ScoreResult
from dpia_desk.scoring.references import describe_ref
from dpia_desk.scoring.rules import Rules, load_rules

__all__ = [
    "ENGINES",
    "AiActOutcome",
    "BiasAuditResult",
    "BiasData",
    "BiasDataError",
    "DpiaRiskOutcome",
    "DpiaScreeningOutcome",
    "Obligation",
    "Reason",
    "RiskInput",
    "Rules",
    "ScoreResult",
    "compute_bias_audit",
    "describe_ref",
    "load_bias_csv",
    "load_rules",
    "rate",
    "read_bias_csv",
    "score_ai_act",
    "score_dpia_risks",
    "score_dpia_screening",
    "score_form",
]
