"""Strategic direction: the value disciplines (lead in one, hold the others at threshold), how well
CRM fits the lead, and where the organisation sits on the CRM continuum (technology → process →
strategy), placed from a few evidence questions answered for today and for the target."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

Direction = Mapping[str, Any]
THRESHOLD = 3.0  # on the 1-5 scale: at par with the market
LEADING = 4.0  # a discipline scored below this is not leading anyone
ANSWERS = {0: "No", 1: "Partly", 2: "Yes"}
TARGET_SUFFIX = "@target"


@dataclass(frozen=True)
class Discipline:
    """One of Treacy & Wiersema's value disciplines and how CRM serves it."""

    key: str
    label: str
    promise: str
    crm_fit: Literal["strong", "weak"]
    crm_role: str


DISCIPLINES: tuple[Discipline, ...] = (
    Discipline(
        "customer_intimacy",
        "Customer intimacy",
        "Know each customer and tailor offers and service to them; win on the relationship.",
        "strong",
        "CRM is almost another name for customer intimacy: one view of each customer, tailored "
        "offers, service that remembers. The CRM programme can carry this strategy.",
    ),
    Discipline(
        "operational_excellence",
        "Operational excellence",
        "Deliver reliably at the lowest total cost; win on price and ease.",
        "strong",
        "CRM serves operational excellence through standard, automated customer processes: "
        "workflow on one platform, self-service, fewer hand-offs and a lower cost to serve.",
    ),
    Discipline(
        "product_leadership",
        "Product leadership",
        "Bring the best, newest products to market first; win on innovation.",
        "weak",
        "CRM supports product leadership only weakly: innovation and first-mover advantage come "
        "from product and R&D teams, not from customer records.",
    ),
)
BY_KEY = {d.key: d for d in DISCIPLINES}

PRODUCT_LEADERSHIP_IMPLICATIONS = (
    "Keep the CRM programme lean and in service of the lead, not at its centre.",
    "Use CRM to feed product teams: capture customer feedback, find early adopters, track how launches land.",
    "Run launch campaigns to the right segments, and hold intimacy and efficiency at threshold.",
    "Size the business case on those supporting benefits; do not sell CRM to the board as the strategy's engine.",
)


def scores(direction: Direction) -> dict[str, tuple[float, float]]:
    """(current, target) for each discipline, 1-5."""
    return {d.key: (float(direction[f"{d.key}_current"]), float(direction[f"{d.key}_target"])) for d in DISCIPLINES}


def suggested_lead(direction: Direction) -> str | None:
    """The discipline with the single highest target, or None when two share the top."""
    targets = {key: target for key, (_, target) in scores(direction).items()}
    top = max(targets.values())
    leaders = [key for key, value in targets.items() if value == top]
    return leaders[0] if len(leaders) == 1 else None


def discipline_warnings(direction: Direction) -> list[str]:
    """What breaks the rule 'lead in one discipline, hold the others at threshold'."""
    lead = direction.get("lead_discipline")
    if not lead:
        return ["No discipline chosen to lead: market leaders excel in one and hold the other two at par."]
    found = scores(direction)
    lead_target = found[lead][1]
    warnings = []
    if lead_target < LEADING:
        warnings.append(
            f"{BY_KEY[lead].label} leads with a target of only {lead_target:g}: a lead aims at {LEADING:g} or more."
        )
    for key, (_, target) in found.items():
        label = BY_KEY[key].label
        if key != lead and target >= lead_target:
            warnings.append(
                f"{label} aims as high as the lead ({target:g} vs {lead_target:g}): lead in one, "
                "hold the others at threshold."
            )
        elif key != lead and target < THRESHOLD:
            warnings.append(
                f"{label} targets {target:g}, below the threshold of {THRESHOLD:g}: customers "
                "leave a supplier that falls below par on any discipline."
            )
    return warnings


@dataclass(frozen=True)
class CrmFit:
    """How strongly CRM supports the chosen lead, and what that means for the programme."""

    strength: Literal["strong", "weak", "unknown"]
    message: str
    implications: tuple[str, ...] = ()


def crm_fit(lead: str | None) -> CrmFit:
    if not lead:
        return CrmFit("unknown", "Choose a lead discipline to see how well CRM can carry it.")
    discipline = BY_KEY[lead]
    implications = PRODUCT_LEADERSHIP_IMPLICATIONS if discipline.crm_fit == "weak" else ()
    return CrmFit(discipline.crm_fit, discipline.crm_role, implications)


@dataclass(frozen=True)
class EvidenceQuestion:
    """A yes/partly/no question whose answer is evidence of one stage of the continuum."""

    key: str
    stage: Literal["process", "strategy"]
    text: str


STAGES = ("Technology", "Process", "Strategy")
STAGE_MEANINGS = (
    "CRM is an IT tool: imposed on users, bought for its features, little buy-in.",
    "CRM is a set of customer processes — onboarding, quotation and order, lead and opportunity "
    "management, management information, alerts — run as workflow on one platform.",
    "CRM is how the business manages customer relationships to create value; leaders steer by it.",
)
QUESTIONS: tuple[EvidenceQuestion, ...] = (
    EvidenceQuestion(
        "processes_defined",
        "process",
        "Are the core customer processes defined end to end (onboarding, quote and order, leads and opportunities)?",
    ),
    EvidenceQuestion(
        "one_platform", "process", "Do they run as workflow on one platform, with alerts and management information?"
    ),
    EvidenceQuestion("single_customer_view", "process", "Can front-line staff see one view of each customer?"),
    EvidenceQuestion(
        "owned_by_business",
        "strategy",
        "Do business leaders own the CRM programme, with IT supporting, not leading?",
    ),
    EvidenceQuestion(
        "used_for_decisions", "strategy", "Do leaders use customer insight to decide where to invest and whom to serve?"
    ),
    EvidenceQuestion(
        "kpis_reviewed",
        "strategy",
        "Do leaders review customer KPIs (retention, value, adoption) on a fixed cadence?",
    ),
)


def answer_key(question: str, *, target: bool) -> str:
    """Where an answer is stored in the direction's `answers`: today under the question's key,
    the target under key + '@target'."""
    return f"{question}{TARGET_SUFFIX}" if target else question


def _stage_share(answers: Mapping[str, int], stage: str, *, target: bool) -> float:
    asked = [q for q in QUESTIONS if q.stage == stage]
    points = sum(min(max(int(answers.get(answer_key(q.key, target=target), 0)), 0), 2) for q in asked)
    return points / (2 * len(asked))


def continuum_position(answers: Mapping[str, int], *, target: bool = False) -> float:
    """0 (technology) … 2 (strategy): the share of process evidence plus the share of strategy evidence,
    each answer counting 0 (no), 1 (partly) or 2 (yes). Unknown keys are ignored."""
    position = _stage_share(answers, "process", target=target) + _stage_share(answers, "strategy", target=target)
    return round(position, 2)


def stage_of(position: float) -> str:
    """The nearest stage: Technology below 0.5, Process up to 1.5, Strategy above."""
    return STAGES[min(int(position + 0.5), 2)]


def continuum_placed(direction: Direction | None) -> bool:
    """True once somebody has answered the evidence questions (an all-"No" save counts): until then the
    stored positions are the model's defaults, not anyone's assessment, and must not be shown as one."""
    return bool(direction and direction.get("answers"))


def continuum_from_answers(answers: Mapping[str, int]) -> dict[str, Any]:
    """The direction fields the evidence questions set: the answers and both positions."""
    return {
        "answers": dict(answers),
        "continuum_current": continuum_position(answers),
        "continuum_target": continuum_position(answers, target=True),
    }
