"""Demo data: six fictional HR-tech vendors and their AI systems, for first runs and screenshots.

The companies are invented and their websites use the reserved ``.example`` domain (RFC 2606).
Each demo record has a fixed id (UUID5 in our namespace), so :func:`populate_demo` can run again
at any time: it adds what is missing, resets changed demo fields to their demo values and never
duplicates anything; vendors the user added are left alone. The next review date is the exception:
it is set when a demo vendor is added, then moved by its review (or by the user), so a later run
leaves it alone; a second run on an unchanged workspace records no event at all. Every change goes
through the normal store functions, so the audit trail records it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from dpia_desk.store import Workspace, add_vendor, record_event, update_vendor
from dpia_desk.store.models import AISystem, ContractStatus, DpaStatus, Vendor

DEMO_ACTOR = "dpia_desk demo"
_NAMESPACE = uuid.UUID("5d0a6c4e-3f0b-4f55-9a43-6b1f2e7c9d10")


def demo_id(kind: str, name: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{kind}:{name}"))


@dataclass(frozen=True)
class DemoSystem:
    name: str
    description: str
    intended_purpose: str


@dataclass(frozen=True)
class DemoVendor:
    name: str
    country: str
    website: str
    contract_status: str
    dpa_status: str
    review_in_days: int
    contacts: list[dict[str, str]]
    sub_processors: list[dict[str, str]]
    notes: str
    systems: tuple[DemoSystem, ...]


def _contact(name: str, role: str, email: str) -> dict[str, str]:
    return {"name": name, "role": role, "email": email}


def _sub(name: str, country: str, purpose: str) -> dict[str, str]:
    return {"name": name, "country": country, "purpose": purpose}


DEMO_VENDORS: tuple[DemoVendor, ...] = (
    DemoVendor(
        name="TalentSift GmbH",
        country="DE",
        website="https://talentsift.example",
        contract_status=ContractStatus.SIGNED,
        dpa_status=DpaStatus.SIGNED,
        review_in_days=45,
        contacts=[
            _contact("Miriam Hoffmann", "Account manager", "m.hoffmann@talentsift.example"),
            _contact("Dr. Jonas Keller", "Data protection officer", "privacy@talentsift.example"),
        ],
        sub_processors=[
            _sub("Cloud hosting provider (EU region)", "IE", "hosting of the application"),
            _sub("Transactional e-mail service", "DE", "notifications to candidates"),
        ],
        notes=(
            "Applicant tracking system used for all open positions. The CV ranking module was "
            "switched on for engineering roles in the pilot; HR wants it for every role."
        ),
        systems=(
            DemoSystem(
                name="CV Match ranking",
                description=(
                    "Scores each application against the job requirements from the CV text and "
                    "sorts the candidate list by the score; recruiters see the top of the list "
                    "first."
                ),
                intended_purpose="Pre-selection of job applicants for recruiter review.",
            ),
        ),
    ),
    DemoVendor(
        name="InterviewLens Ltd",
        country="GB",
        website="https://interviewlens.example",
        contract_status=ContractStatus.NEGOTIATING,
        dpa_status=DpaStatus.IN_REVIEW,
        review_in_days=14,
        contacts=[_contact("Priya Natarajan", "Solutions engineer", "priya@interviewlens.example")],
        sub_processors=[
            _sub("Video streaming and storage platform", "US", "recording and storing interviews"),
            _sub("Speech-to-text service", "US", "transcription of answers"),
        ],
        notes=(
            "Asynchronous video interviews. The sales deck mentions an 'engagement and emotion' "
            "indicator: ask whether it can be switched off contractually."
        ),
        systems=(
            DemoSystem(
                name="Interview Insights",
                description=(
                    "Transcribes recorded video answers and rates them on communication and "
                    "job-related competencies; an optional module infers engagement from facial "
                    "expressions and voice."
                ),
                intended_purpose="Assessment of candidates in recorded video interviews.",
            ),
        ),
    ),
    DemoVendor(
        name="Attrition Analytics B.V.",
        country="NL",
        website="https://attrition-analytics.example",
        contract_status=ContractStatus.SIGNED,
        dpa_status=DpaStatus.REQUESTED,
        review_in_days=-10,
        contacts=[
            _contact("Sanne de Vries", "Customer success", "sanne@attrition-analytics.example")
        ],
        sub_processors=[_sub("Cloud data warehouse", "NL", "storage of HR data extracts")],
        notes=(
            "Workforce analytics on HRIS exports (tenure, pay band, absences, performance "
            "ratings). The DPA was requested in spring and is still outstanding."
        ),
        systems=(
            DemoSystem(
                name="Flight Risk Predictor",
                description=(
                    "Predicts for each employee the probability of leaving within twelve months "
                    "and lists the factors that drive the prediction for HR business partners."
                ),
                intended_purpose="Retention planning and targeted retention measures.",
            ),
        ),
    ),
    DemoVendor(
        name="PayFlow Paie SAS",
        country="FR",
        website="https://payflow-paie.example",
        contract_status=ContractStatus.SIGNED,
        dpa_status=DpaStatus.SIGNED,
        review_in_days=200,
        contacts=[
            _contact("Claire Dubois", "Responsable conformité", "conformite@payflow.example")
        ],
        sub_processors=[
            _sub("Hosting provider (France)", "FR", "hosting of payroll data"),
            _sub("Print and mail service", "FR", "paper payslips on request"),
        ],
        notes="Payroll for the French and Belgian entities. No AI features in scope.",
        systems=(),
    ),
    DemoVendor(
        name="FocusMeter Inc.",
        country="US",
        website="https://focusmeter.example",
        contract_status=ContractStatus.NONE,
        dpa_status=DpaStatus.NOT_STARTED,
        review_in_days=7,
        contacts=[_contact("Jake Morrison", "Sales", "jake.morrison@focusmeter.example")],
        sub_processors=[
            _sub("Cloud hosting provider", "US", "hosting and analytics"),
            _sub("Customer support platform", "US", "support tickets"),
        ],
        notes=(
            "Proposed by the operations team for remote staff. Captures application usage, "
            "idle time and periodic screenshots. Works council not yet informed."
        ),
        systems=(
            DemoSystem(
                name="Productivity Score",
                description=(
                    "Classifies activity from application usage, keyboard and mouse activity "
                    "and screenshots, and gives each employee a daily productivity score with "
                    "team rankings."
                ),
                intended_purpose="Monitoring and evaluation of employee performance.",
            ),
        ),
    ),
    DemoVendor(
        name="HireBot Oy",
        country="FI",
        website="https://hirebot.example",
        contract_status=ContractStatus.SIGNED,
        dpa_status=DpaStatus.SIGNED,
        review_in_days=120,
        contacts=[_contact("Aino Virtanen", "Privacy lead", "privacy@hirebot.example")],
        sub_processors=[
            _sub("Large language model API provider", "US", "generating chatbot answers"),
            _sub("Cloud hosting provider (EU region)", "SE", "hosting of conversation logs"),
        ],
        notes="Careers-site chatbot. Conversation logs kept for 30 days.",
        systems=(
            DemoSystem(
                name="Candidate Assistant",
                description=(
                    "A chatbot on the careers site that answers candidates' questions about open "
                    "positions, the application process and benefits; it does not assess anyone."
                ),
                intended_purpose="Answering candidate questions about jobs and the process.",
            ),
        ),
    ),
)


@dataclass(frozen=True)
class DemoSummary:
    vendors_added: int
    vendors_refreshed: int
    ai_systems_added: int
    ai_systems_refreshed: int
    reviews_added: int = 0

    @property
    def vendors(self) -> int:
        return self.vendors_added + self.vendors_refreshed

    @property
    def ai_systems(self) -> int:
        return self.ai_systems_added + self.ai_systems_refreshed


def _vendor_values(demo: DemoVendor, today: date) -> dict[str, Any]:
    return {
        "name": demo.name,
        "country": demo.country,
        "website": demo.website,
        "contract_status": str(demo.contract_status),
        "dpa_status": str(demo.dpa_status),
        "contacts": demo.contacts,
        "sub_processors": demo.sub_processors,
        "notes": demo.notes,
        "next_review_date": today + timedelta(days=demo.review_in_days),
    }


def _upsert_system(session: Session, vendor_id: str, demo: DemoSystem) -> bool:
    """Add or reset one AI system; True when it was added."""
    system_id = demo_id("ai_system", demo.name)
    values = {
        "name": demo.name,
        "description": demo.description,
        "intended_purpose": demo.intended_purpose,
    }
    system = session.get(AISystem, system_id)
    if system is None:
        session.add(AISystem(id=system_id, vendor_id=vendor_id, **values))
        record_event(session, DEMO_ACTOR, "create", "ai_system", system_id, None, None, values)
        return True
    for field, value in values.items():
        old = getattr(system, field)
        if old != value:
            setattr(system, field, value)
            record_event(session, DEMO_ACTOR, "update", "ai_system", system_id, field, old, value)
    return False


def populate_demo(workspace: Workspace, *, today: date | None = None) -> DemoSummary:
    """Add or refresh the demo vendors and AI systems (one transaction), then their reviews."""
    today = today or date.today()
    counts = {"vendors_added": 0, "vendors_refreshed": 0, "systems_added": 0, "systems_kept": 0}
    with workspace.session() as session:
        for demo in DEMO_VENDORS:
            vendor_id = demo_id("vendor", demo.name)
            values = _vendor_values(demo, today)
            if session.get(Vendor, vendor_id) is None:
                add_vendor(session, actor=DEMO_ACTOR, vendor_id=vendor_id, **values)
                counts["vendors_added"] += 1
            else:
                # The review story (or the user) owns the date once the vendor exists: resetting
                # it here only for the story to set it back would log two events per run.
                del values["next_review_date"]
                update_vendor(session, vendor_id, actor=DEMO_ACTOR, **values)
                counts["vendors_refreshed"] += 1
            for system in demo.systems:
                added = _upsert_system(session, vendor_id, system)
                counts["systems_added" if added else "systems_kept"] += 1
    from dpia_desk.demo_assessments import populate_demo_reviews

    reviews_added = populate_demo_reviews(workspace, today=today)
    return DemoSummary(
        counts["vendors_added"],
        counts["vendors_refreshed"],
        counts["systems_added"],
        counts["systems_kept"],
        reviews_added,
    )
