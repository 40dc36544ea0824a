"""The live results of an assessment as a tree: every result expands to its reasons.

:func:`build_result_tree` turns a :class:`~dpia_desk.scoring.ScoreResult` (through its public
JSON shape, so any engine works) and the form state into :class:`ResultNode` s: a headline (tier,
verdict, grade...) whose children are the engine's reasons, then obligations with their
application dates, domain scores, findings, risks, and the required questions still unanswered.
A reason expands to the references behind it (in words) and the answers that led to it (the
question's wording and the chosen labels). :class:`ResultsModel` shows the tree; nodes have stable
keys so the view can keep what the user expanded across updates.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QFont

from dpia_desk.questionnaire import Form, FormState
from dpia_desk.scoring import DpiaRiskOutcome, ScoreResult
from dpia_desk.ui.assessment.refs import answer_text, question_text, ref_text, ref_tooltip
from dpia_desk.ui.labels import format_date, tier_label, verdict_label
from dpia_desk.ui.theme import current_theme

AnyIndex = QModelIndex | QPersistentModelIndex

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
QUESTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3


@dataclass
class ResultNode:
    text: str
    key: str
    kind: str = "item"  # headline | group | item | reason | ref | answer | detail
    tooltip: str = ""
    question_id: str | None = None
    children: list[ResultNode] = field(default_factory=list)
    parent: ResultNode | None = field(default=None, repr=False)
    row: int = 0

    def add(self, child: ResultNode) -> ResultNode:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child


@dataclass(frozen=True)
class Headline:
    """What the badge at the top of the panel shows."""

    title: str
    badge: str  # "tier:high", "verdict:required", "grade:B", or "" for plain text
    badge_text: str
    detail: str


def severity_label(code: str) -> str:
    return {
        "low": QCoreApplication.translate("Results", "Low"),
        "medium": QCoreApplication.translate("Results", "Medium"),
        "high": QCoreApplication.translate("Results", "High"),
        "critical": QCoreApplication.translate("Results", "Critical"),
    }.get(code, code.capitalize())


def depth_label(code: str) -> str:
    return {
        "full": QCoreApplication.translate("Results", "full"),
        "standard": QCoreApplication.translate("Results", "standard"),
        "light": QCoreApplication.translate("Results", "light"),
    }.get(code, code)


def _date_text(value: object) -> str:
    if isinstance(value, str):
        try:
            return format_date(date.fromisoformat(value), long=True)
        except ValueError:
            return value
    return str(value)


def _words(code: object) -> str:
    return str(code).replace("_", " ").capitalize() if code is not None else ""


def headline(
    result: ScoreResult | None, form: Form, *, dpia_risk: DpiaRiskOutcome | None = None
) -> Headline:
    """The badge line of a result. For a DPIA, ``dpia_risk`` (its form's and its register's
    risks rated together, ``services.risks.dpia_risk_outcome``) gives the level when known."""
    if result is None:
        return Headline(
            form.title,
            "",
            QCoreApplication.translate("Results", "No score"),
            QCoreApplication.translate("Results", "This form is not scored."),
        )
    doc = result.to_json()
    engine = result.engine
    incomplete = (
        ""
        if result.complete
        else QCoreApplication.translate("Results", "Provisional: required answers are missing.")
    )
    if engine == "ai_act":
        tier = str(doc.get("tier") or "")
        role = _words(doc.get("role")) if doc.get("role") else ""
        detail = (
            QCoreApplication.translate("Results", "Our role: {role}.").format(role=role)
            if role
            else ""
        )
        return Headline(
            QCoreApplication.translate("Results", "AI Act tier"),
            f"tier:{tier}",
            tier_label(tier),
            " ".join(filter(None, [detail, incomplete])),
        )
    if engine == "dpia_screening":
        verdict = str(doc.get("verdict") or "")
        met = len(doc.get("criteria_met") or [])  # type: ignore[arg-type]
        detail = QCoreApplication.translate(
            "Results", "{count} of the nine WP248 criteria met."
        ).format(count=met)
        return Headline(
            QCoreApplication.translate("Results", "DPIA verdict"),
            f"verdict:{verdict}",
            verdict_label(verdict),
            " ".join(filter(None, [detail, incomplete])),
        )
    if engine == "vendor_due_diligence":
        grade = str(doc.get("grade") or "")
        overall = doc.get("overall")
        detail = (
            QCoreApplication.translate("Results", "Overall score {score}/100.").format(
                score=overall
            )
            if overall is not None
            else ""
        )
        if doc.get("grade_cap") and doc.get("computed_grade") != doc.get("grade"):
            detail += " " + QCoreApplication.translate(
                "Results", "Capped from {computed} by open findings."
            ).format(computed=doc.get("computed_grade"))
        return Headline(
            QCoreApplication.translate("Results", "Due-diligence grade"),
            f"grade:{grade}",
            grade or QCoreApplication.translate("Results", "n/a"),
            " ".join(filter(None, [detail, incomplete])),
        )
    if engine == "vendor_intake":
        intake_tier = doc.get("tier")
        months, depth = doc.get("review_every_months"), doc.get("depth")
        if months is not None and depth:
            detail = QCoreApplication.translate(
                "Results", "Review every {months} months; due diligence at {depth} depth."
            ).format(months=months, depth=depth_label(str(depth)))
        else:
            # Nothing to interpolate yet: say what the rating will decide instead.
            detail = QCoreApplication.translate(
                "Results", "The rating sets the due-diligence depth and how often to review."
            )
        badges = {1: "tier:high", 2: "tier:limited", 3: "tier:minimal"}
        badge = badges.get(intake_tier, "") if isinstance(intake_tier, int) else ""
        return Headline(
            QCoreApplication.translate("Results", "Inherent risk"),
            badge,
            QCoreApplication.translate("Results", "Tier {tier}: {label}").format(
                tier=intake_tier, label=doc.get("tier_label") or ""
            )
            if intake_tier is not None
            else QCoreApplication.translate("Results", "Not rated"),
            " ".join(filter(None, [detail, incomplete])),
        )  # fmt: skip
    if engine == "dpia":
        if dpia_risk is not None:
            doc = dpia_risk.to_json()
        level = doc.get("highest_residual_level") or doc.get("highest_inherent_level")
        badge = {"high": "tier:high", "moderate": "tier:limited", "low": "tier:minimal"}.get(
            str(level), ""
        )
        detail = (
            QCoreApplication.translate(
                "Results", "Prior consultation of the supervisory authority required (Art. 36)."
            )
            if doc.get("prior_consultation")
            else ""
        )
        return Headline(
            QCoreApplication.translate("Results", "Highest residual risk"),
            badge,
            _words(level) if level else QCoreApplication.translate("Results", "Not rated"),
            " ".join(filter(None, [detail, incomplete])),
        )
    status = doc.get("status")
    title = {
        "fria": QCoreApplication.translate("Results", "FRIA"),
        "ll144": QCoreApplication.translate("Results", "Local Law 144"),
    }.get(engine, form.title)
    badge = {
        "ready": "tier:minimal",
        "compliant": "tier:minimal",
        "not_applicable": "tier:out_of_scope",
        "not_required": "tier:out_of_scope",
        "gaps": "tier:limited",
        "incomplete": "tier:limited",
        "non_compliant": "tier:high",
    }.get(str(status), "")
    return Headline(
        title,
        badge,
        _words(status) or QCoreApplication.translate("Results", "Not rated"),
        incomplete,
    )


# --- building the tree ------------------------------------------------------------------------


def _reason_node(form: Form, reason: Mapping[str, Any], key: str) -> ResultNode:
    node = ResultNode(str(reason.get("text", "")), key, "reason")
    for number, ref in enumerate(reason.get("refs") or []):
        node.add(
            ResultNode(
                QCoreApplication.translate("Results", "Source: {ref}").format(
                    ref=ref_text(str(ref))
                ),
                f"{key}/ref{number}",
                "ref",
                tooltip=ref_tooltip(str(ref)),
            )
        )
    for question_id, value in (reason.get("answers") or {}).items():
        node.add(
            ResultNode(
                QCoreApplication.translate("Results", "Answer: {question} — {answer}").format(
                    question=question_text(form, question_id),
                    answer=answer_text(form, question_id, value),
                ),
                f"{key}/answer/{question_id}",
                "answer",
                tooltip=QCoreApplication.translate(
                    "Results", "Double-click or press Enter to go to this question."
                ),
                question_id=question_id if form.find_question(question_id) else None,
            )
        )
    return node


def _refs_children(node: ResultNode, refs: Sequence[object]) -> None:
    for number, ref in enumerate(refs):
        node.add(
            ResultNode(
                QCoreApplication.translate("Results", "Source: {ref}").format(
                    ref=ref_text(str(ref))
                ),
                f"{node.key}/ref{number}",
                "ref",
                tooltip=ref_tooltip(str(ref)),
            )
        )


def _obligations(root: list[ResultNode], doc: Mapping[str, Any], name: str, title: str) -> None:
    items = doc.get(name) or []
    if not items:
        return
    group = ResultNode(title.format(count=len(items)), name, "group")
    for item in items:
        node = group.add(
            ResultNode(
                QCoreApplication.translate("Results", "{title} — from {date}").format(
                    title=item.get("title", ""), date=_date_text(item.get("applies_from"))
                ),
                f"{name}/{item.get('id')}",
                "item",
                tooltip=str(item.get("text", "")),
            )
        )
        node.add(ResultNode(str(item.get("text", "")), f"{node.key}/text", "detail"))
        if item.get("because"):
            node.add(
                ResultNode(
                    QCoreApplication.translate("Results", "Why: {because}").format(
                        because=item["because"]
                    ),
                    f"{node.key}/why",
                    "detail",
                )
            )
        date_line = QCoreApplication.translate("Results", "Applies from {date}").format(
            date=_date_text(item.get("applies_from"))
        )
        if item.get("date_confidence") not in (None, "high"):
            date_line += " " + QCoreApplication.translate(
                "Results", "(date confidence: {level})"
            ).format(level=item["date_confidence"])
        if item.get("date_note"):
            date_line += ". " + str(item["date_note"])
        node.add(
            ResultNode(
                date_line, f"{node.key}/date", "detail", tooltip=str(item.get("date_source", ""))
            )
        )
        _refs_children(node, item.get("refs") or [])
    root.append(group)


def _domains(root: list[ResultNode], form: Form, doc: Mapping[str, Any]) -> None:
    domains = doc.get("domains") or []
    if not domains:
        return
    group = ResultNode(QCoreApplication.translate("Results", "Domain scores"), "domains", "group")
    for domain in domains:
        score = domain.get("score")
        text = QCoreApplication.translate("Results", "{title}: {score}/100").format(
            title=domain.get("title"), score=score if score is not None else "—"
        )
        node = group.add(ResultNode(text, f"domains/{domain.get('id')}", "item"))
        node.add(
            ResultNode(
                QCoreApplication.translate(
                    "Results", "Weight {weight}; {answered} answers scored, {na} not applicable"
                ).format(
                    weight=domain.get("weight"),
                    answered=domain.get("answered", 0),
                    na=len(domain.get("not_applicable") or []),
                ),
                f"{node.key}/counts",
                "detail",
            )
        )
        node.add(
            ResultNode(
                QCoreApplication.translate(
                    "Results", "Backed by evidence: {backed}; self-attested: {self}"
                ).format(
                    backed=domain.get("evidence_backed", 0), self=domain.get("self_attested", 0)
                ),
                f"{node.key}/evidence",
                "detail",
            )
        )
        for question_id in domain.get("unanswered") or []:
            node.add(
                ResultNode(
                    QCoreApplication.translate("Results", "Unanswered: {question}").format(
                        question=question_text(form, question_id)
                    ),
                    f"{node.key}/unanswered/{question_id}",
                    "answer",
                    question_id=question_id,
                )
            )
    root.append(group)


def _findings(root: list[ResultNode], form: Form, state: FormState, doc: Mapping[str, Any]) -> None:
    listed = doc.get("findings")
    findings: list[Mapping[str, Any]]
    if isinstance(listed, list):
        findings = listed
    else:
        findings = [flag.to_json() | {"id": flag.key} for flag in state.flags]
    if not findings:
        return
    group = ResultNode(
        QCoreApplication.translate("Results", "Findings ({count})").format(count=len(findings)),
        "findings",
        "group",
    )
    for finding in findings:
        question_id = str(finding.get("question", ""))
        key = f"findings/{finding.get('id') or question_id}"
        node = group.add(
            ResultNode(
                QCoreApplication.translate("Results", "{severity}: {text}").format(
                    severity=severity_label(str(finding.get("severity", ""))),
                    text=" ".join(str(finding.get("text", "")).split()),
                ),
                key,
                "item",
            )
        )
        if question_id:
            choice = finding.get("choice")
            node.add(
                ResultNode(
                    QCoreApplication.translate(
                        "Results", "Raised by: {question} — {answer}"
                    ).format(
                        question=question_text(form, question_id),
                        answer=answer_text(form, question_id, choice),
                    ),
                    f"{key}/answer",
                    "answer",
                    question_id=question_id if form.find_question(question_id) else None,
                )
            )
        _refs_children(node, finding.get("refs") or [])
    root.append(group)


def _risks(root: list[ResultNode], doc: Mapping[str, Any]) -> None:
    risks = doc.get("risks") or []
    if not risks or not isinstance(risks, list):
        return
    group = ResultNode(QCoreApplication.translate("Results", "Risks"), "risks", "group")
    for risk in risks:
        inherent = risk.get("inherent") or {}
        residual = risk.get("residual") or {}
        text = QCoreApplication.translate("Results", "{title}: {inherent} → {residual}").format(
            title=risk.get("title"),
            inherent=inherent.get(
                "level_label", QCoreApplication.translate("Results", "not rated")
            ),
            residual=residual.get("level_label", QCoreApplication.translate("Results", "not rated"))
            if risk.get("residual_rated")
            else QCoreApplication.translate("Results", "measures not rated"),
        )
        node = group.add(ResultNode(text, f"risks/{risk.get('id')}", "item"))
        if inherent:
            node.add(
                ResultNode(
                    QCoreApplication.translate(
                        "Results", "Before measures: severity {s} ({sl}) × likelihood {l} ({ll})"
                    ).format(
                        s=inherent.get("severity"),
                        sl=inherent.get("severity_label"),
                        l=inherent.get("likelihood"),
                        ll=inherent.get("likelihood_label"),
                    ),
                    f"{node.key}/inherent",
                    "detail",
                )
            )
        if residual and risk.get("residual_rated"):
            node.add(
                ResultNode(
                    QCoreApplication.translate(
                        "Results", "After measures: severity {s} ({sl}) × likelihood {l} ({ll})"
                    ).format(
                        s=residual.get("severity"),
                        sl=residual.get("severity_label"),
                        l=residual.get("likelihood"),
                        ll=residual.get("likelihood_label"),
                    ),
                    f"{node.key}/residual",
                    "detail",
                )
            )
    root.append(group)


def _elements(root: list[ResultNode], form: Form, doc: Mapping[str, Any]) -> None:
    elements = doc.get("elements") or []
    if not elements or not isinstance(elements, list):
        return
    group = ResultNode(
        QCoreApplication.translate("Results", "Elements of the assessment"), "elements", "group"
    )
    for element in elements:
        node = group.add(
            ResultNode(
                QCoreApplication.translate("Results", "{id} {title}: {status}").format(
                    id=element.get("id"),
                    title=element.get("title"),
                    status=_words(element.get("status")),
                ),
                f"elements/{element.get('id')}",
                "item",
            )
        )
        for question_id in element.get("missing") or []:
            node.add(
                ResultNode(
                    QCoreApplication.translate("Results", "Missing: {question}").format(
                        question=question_text(form, question_id)
                    ),
                    f"{node.key}/missing/{question_id}",
                    "answer",
                    question_id=question_id,
                )
            )
        if element.get("ref"):
            _refs_children(node, [element["ref"]])
    root.append(group)


def _missing(root: list[ResultNode], form: Form, state: FormState) -> None:
    if not state.missing:
        return
    group = ResultNode(
        QCoreApplication.translate("Results", "Required questions unanswered ({count})").format(
            count=len(state.missing)
        ),
        "missing",
        "group",
    )
    for question_id in state.missing:
        group.add(
            ResultNode(
                question_text(form, question_id),
                f"missing/{question_id}",
                "answer",
                tooltip=QCoreApplication.translate(
                    "Results", "Double-click or press Enter to go to this question."
                ),
                question_id=question_id,
            )
        )
    root.append(group)


def build_result_tree(
    result: ScoreResult | None,
    form: Form,
    state: FormState,
    *,
    dpia_risk: DpiaRiskOutcome | None = None,
) -> list[ResultNode]:
    """The expandable results. A DPIA's levels, risks and their reasons come from
    ``dpia_risk`` when given: the form's feared events and the register together."""
    roots: list[ResultNode] = []
    doc: Mapping[str, Any] = result.to_json() if result is not None else {}
    if result is not None and dpia_risk is not None and result.engine == "dpia":
        doc = {**doc, **dpia_risk.to_json()}
    if result is not None:
        top = headline(result, form, dpia_risk=dpia_risk)
        node = ResultNode(
            QCoreApplication.translate("Results", "{title}: {value} — why").format(
                title=top.title, value=top.badge_text
            ),
            "headline",
            "headline",
            tooltip=top.detail,
        )
        for number, reason in enumerate(doc.get("reasons") or []):
            node.add(_reason_node(form, reason, f"headline/reason{number}"))
        roots.append(node)
    _obligations(
        roots,
        doc,
        "obligations",
        QCoreApplication.translate("Results", "Our obligations ({count})"),
    )
    _obligations(
        roots,
        doc,
        "vendor_obligations",
        QCoreApplication.translate("Results", "Duties to demand from the provider ({count})"),
    )
    _domains(roots, form, doc)
    _findings(roots, form, state, doc)
    _risks(roots, doc)
    _elements(roots, form, doc)
    _missing(roots, form, state)
    for row, node in enumerate(roots):
        node.row = row
    return roots


# --- the model ---------------------------------------------------------------------------------


class ResultsModel(QAbstractItemModel):
    """A read-only tree over :class:`ResultNode` s (internal ids index a flat node list)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: list[ResultNode] = []
        self._nodes: list[ResultNode] = []
        self._ids: dict[int, int] = {}  # id(node) -> position in _nodes
        self._keys: dict[str, int] = {}  # node key -> position in _nodes

    def set_nodes(self, roots: list[ResultNode]) -> None:
        self.beginResetModel()
        self._roots = roots
        self._nodes = []
        self._ids = {}
        self._keys = {}
        stack = list(reversed(roots))
        while stack:
            node = stack.pop()
            self._keys.setdefault(node.key, len(self._nodes))
            self._ids[id(node)] = len(self._nodes)
            self._nodes.append(node)
            stack.extend(reversed(node.children))
        self.endResetModel()

    def roots(self) -> list[ResultNode]:
        return list(self._roots)

    def node(self, index: AnyIndex) -> ResultNode | None:
        if not index.isValid():
            return None
        position = index.internalId()
        return self._nodes[position] if 0 <= position < len(self._nodes) else None

    def index_of(self, key: str) -> QModelIndex:
        position = self._keys.get(key)
        if position is None:
            return QModelIndex()
        return self.createIndex(self._nodes[position].row, 0, position)

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        parent_node = self.node(parent)
        children = parent_node.children if parent_node is not None else self._roots
        if parent.isValid() and parent_node is None:
            return QModelIndex()
        if row >= len(children):
            return QModelIndex()
        child = children[row]
        return self.createIndex(row, 0, self._ids[id(child)])

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        parent = node.parent
        return self.createIndex(parent.row, 0, self._ids[id(parent)])

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            if parent.column() != 0:
                return 0
            node = self.node(parent)
            return len(node.children) if node is not None else 0
        return len(self._roots)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return node.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tooltip or None
        if role == KEY_ROLE:
            return node.key
        if role == QUESTION_ID_ROLE:
            return node.question_id
        if role == KIND_ROLE:
            return node.kind
        if role == Qt.ItemDataRole.FontRole and node.kind in ("headline", "group"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and node.kind in ("ref", "detail"):
            return QBrush(current_theme().color("muted"))
        if role == Qt.ItemDataRole.ForegroundRole and node.kind == "answer" and node.question_id:
            return QBrush(current_theme().color("link"))
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            section == 0
            and orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
        ):
            return QCoreApplication.translate("Results", "Result")
        return None
