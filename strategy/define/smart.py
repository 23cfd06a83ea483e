"""The SMART check: each objective judged letter by letter, each verdict citing its rule.

Pure: an objective (a record dict) and the plan's window and bound in, verdicts out. The rules
themselves are written in docs/METHOD.md; `RULES` lists their implementations by id.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, TypeGuard

from models.labels import DATE_TEXT
from models.settings import get_settings
from models.workspace import WorkspaceBase
from strategy.define.method import rule
from strategy.deliver.plan_window import plan_end

Verdict = Literal["pass", "fail", "stretch"]
Mark = Literal["pass", "check", "fail", "stretch"]  # what a person sees: a pass with a question is "check"
Objective = Mapping[str, Any]
LETTERS = {"S": "Specific", "M": "Measurable", "A": "Achievable", "R": "Relevant", "T": "Time-bound"}
SEVERITY: dict[Verdict, int] = {"pass": 0, "stretch": 1, "fail": 2}
DAYS_PER_YEAR = 365.25
PERCENT_UNITS = {"%", "percent", "pct"}

# Words that carry no object or number: a title made only of these says nothing specific.
VAGUE_WORDS = frozenset(
    {
        *("improve", "improved", "improving", "improvement", "enhance", "enhanced", "enhancing"),
        *("optimise", "optimize", "optimised", "optimized", "optimising", "optimizing"),
        *("better", "best", "more", "increase", "increased", "increasing", "boost", "grow", "growth"),
        *("maximise", "maximize", "strengthen", "streamline", "drive", "raise", "lift", "reduce", "decrease"),
        *("cut", "transform", "modernise", "modernize", "excellence", "excellent", "great", "greater", "good"),
        *("world-class", "leverage", "synergy", "synergies", "performance", "results", "things", "stuff"),
        *("everything", "overall", "general", "generally", "significantly", "greatly", "much", "lots", "lot"),
        *("efficient", "efficiently", "effective", "effectively"),
    }
)
FILLER_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "our", "we", "us", "it", "its", "be"}
    | {"make", "get", "all", "at", "by", "is", "are", "do", "much", "very", "really", "some", "things"}
)
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
LETTERS_ONLY = re.compile(r"[a-z]+")
# A metric or unit with one of these words may well be below zero: no question asked about it.
SIGNED_WORDS = frozenset({"net", "score", "nps", "balance", "margin", "profit", "change", "delta", "difference"})
SIGNED_WORDS |= {"point", "pts", "temperature", "variance"}  # as `_stems` leaves them: "points" → "point"


@dataclass(frozen=True)
class SmartContext:
    """What the check needs beyond the objective: the plan window and the plausibility bound."""

    plan_start: date
    horizon_years: int
    max_annual_change: float = 0.5

    @property
    def plan_end(self) -> date:
        return plan_end(self.plan_start, self.horizon_years)


def smart_context(workspace: WorkspaceBase, max_annual_change: float | None = None) -> SmartContext:
    """The workspace's window with the configured bound (WORKBENCH_SMART_MAX_ANNUAL_CHANGE)."""
    bound = get_settings().smart_max_annual_change if max_annual_change is None else max_annual_change
    return SmartContext(workspace.plan_start, workspace.horizon_years, bound)


@dataclass(frozen=True)
class RuleResult:
    """One rule's verdict on one objective; `detail` says what was found, `message` adds the rule."""

    rule_id: str
    verdict: Verdict
    detail: str
    caution: bool = False  # passes, but asks a person to confirm something unusual (already in `detail`)

    @property
    def message(self) -> str:
        return f"{self.detail} — {rule(self.rule_id).cite()}"

    @property
    def mark(self) -> Mark:
        return "check" if self.verdict == "pass" and self.caution else self.verdict


@dataclass(frozen=True)
class LetterVerdict:
    """One letter of SMART: the worst of its rules' verdicts and what to do about it."""

    letter: str
    verdict: Verdict
    results: tuple[RuleResult, ...]

    @property
    def name(self) -> str:
        return LETTERS[self.letter]

    @property
    def mark(self) -> Mark:
        """The verdict, or "check" when it passes with a question for a person (e.g. values below zero)."""
        return "check" if self.verdict == "pass" and any(r.caution for r in self.results) else self.verdict

    @property
    def message(self) -> str:
        """The failing or questioned rules' messages (or, when all pass, every rule's), one per line."""
        shown = [r for r in self.results if r.mark != "pass"] or list(self.results)
        return "\n".join(r.message for r in shown)


@dataclass(frozen=True)
class SmartCheck:
    """An objective's SMART verdicts, letter by letter."""

    objective_id: int | None
    title: str
    letters: tuple[LetterVerdict, ...]

    @property
    def verdict(self) -> Verdict:
        return worst(letter.verdict for letter in self.letters)

    def letter(self, letter: str) -> LetterVerdict:
        return next(v for v in self.letters if v.letter == letter)


def worst(verdicts: Any) -> Verdict:
    found: list[Verdict] = list(verdicts)
    return max(found, key=SEVERITY.__getitem__, default="pass")


def is_number(value: Any) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def numbers(objective: Objective) -> tuple[float, float] | None:
    """(baseline, target) when both are numbers."""
    baseline, target = objective.get("baseline"), objective.get("target")
    if is_number(baseline) and is_number(target):
        return float(baseline), float(target)
    return None


def years_between(start: date, end: date) -> float:
    return (end - start).days / DAYS_PER_YEAR


def annual_change(baseline: float, target: float, years: float) -> float:
    """The change from baseline to target relative to the baseline, per year (0.5 = 50 % a year)."""
    if baseline == 0 or years <= 0:
        raise ValueError("annual change needs a non-zero baseline and a positive number of years")
    return abs(target - baseline) / abs(baseline) / years


def only_vague_words(title: str) -> bool:
    """True when every word of the title is a vague verb, adjective or filler."""
    words = [w.lower() for w in WORD.findall(title)]
    return all(w in VAGUE_WORDS or w in FILLER_WORDS for w in words)


def _stems(text: str) -> set[str]:
    """Lower-case words that carry meaning, a plural 's' dropped, so 'members' meets 'member'."""
    words = LETTERS_ONLY.findall(text.lower())
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in VAGUE_WORDS | FILLER_WORDS}


def names_metric(title: str, metric: str) -> bool:
    """True when at least half of the metric's meaningful words appear in the title."""
    wanted = _stems(metric)
    return bool(wanted) and 2 * len(wanted & _stems(title)) >= len(wanted)


def vague_title(title: str, metric: str = "") -> bool:
    """True when the title gives no number and does not name the metric: it says neither what
    changes nor by how much ("Improve campaign efficiency")."""
    if any(ch.isdigit() for ch in title):
        return False
    return not names_metric(title, metric)


def _specific_metric(o: Objective, ctx: SmartContext) -> RuleResult:
    metric = str(o.get("metric") or "").strip()
    if not metric:
        return RuleResult("SMART-S1", "fail", "No metric is named: say which number this objective moves")
    return RuleResult("SMART-S1", "pass", f"Metric named: {metric}")


def _specific_title(o: Objective, ctx: SmartContext) -> RuleResult:
    title, metric = str(o.get("title") or "").strip(), str(o.get("metric") or "").strip()
    if only_vague_words(title) and not any(ch.isdigit() for ch in title):
        return RuleResult("SMART-S2", "fail", f"“{title}” is only vague words: name what changes, or by how much")
    if vague_title(title, metric):
        named = f"the metric ({metric})" if metric else "a metric"
        return RuleResult(
            "SMART-S2", "fail", f"“{title}” gives no number and does not name {named}: say what changes, by how much"
        )
    if any(ch.isdigit() for ch in title):
        return RuleResult("SMART-S2", "pass", "The title names what changes, with a number")
    return RuleResult("SMART-S2", "pass", f"The title names the metric ({metric})")


def _measurable_numbers(o: Objective, ctx: SmartContext) -> RuleResult:
    missing = [name for name in ("baseline", "target") if not is_number(o.get(name))]
    if missing:
        return RuleResult(
            "SMART-M1", "fail", f"The {' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} not set"
        )
    found = f"Baseline {o['baseline']:g}, target {o['target']:g}"
    negative = [name for name in ("baseline", "target") if o[name] < 0]
    signed = _stems(f"{o.get('metric') or ''} {o.get('unit') or ''}") & SIGNED_WORDS
    if negative and not signed:
        below = f"{' and '.join(negative).capitalize()} {'is' if len(negative) == 1 else 'are'}"
        question = f"{below} below zero: is that intended? (Fine for a net score or a balance; say so in the unit.)"
        return RuleResult("SMART-M1", "pass", f"{found}. {question}", caution=True)
    return RuleResult("SMART-M1", "pass", found)


def _measurable_unit(o: Objective, ctx: SmartContext) -> RuleResult:
    unit = str(o.get("unit") or "").strip()
    if not unit:
        return RuleResult("SMART-M2", "fail", "No unit is set (%, days, members, currency …)")
    return RuleResult("SMART-M2", "pass", f"Counted in {unit}")


def _measurable_change(o: Objective, ctx: SmartContext) -> RuleResult:
    found = numbers(o)
    if found is None:
        return RuleResult("SMART-M3", "fail", "Cannot compare target and baseline until both are numbers")
    baseline, target = found
    if math.isclose(baseline, target):
        return RuleResult("SMART-M3", "fail", f"The target equals the baseline ({target:g}): it asks for no change")
    return RuleResult("SMART-M3", "pass", f"Asks for a change of {target - baseline:+g}")


def _achievable(o: Objective, ctx: SmartContext) -> RuleResult:
    found, due = numbers(o), o.get("due_date")
    if found is None or not isinstance(due, date):
        return RuleResult("SMART-A1", "fail", "Cannot judge until the baseline, target and due date are set")
    baseline, target = found
    years = years_between(ctx.plan_start, due)
    if years <= 0:
        return RuleResult("SMART-A1", "fail", "Cannot judge: the due date is not after the plan start")
    if baseline == 0:
        return _achievable_from_zero(o, target)
    change = annual_change(baseline, target, years)
    figure = f"{change:.1%} a year over {years:.1f} years (bound {ctx.max_annual_change:.0%} a year)"
    if change > ctx.max_annual_change:
        return RuleResult("SMART-A1", "stretch", f"Stretch: {figure}")
    return RuleResult("SMART-A1", "pass", f"Plausible: {figure}")


def _achievable_from_zero(o: Objective, target: float) -> RuleResult:
    unit = str(o.get("unit") or "").strip().lower()
    if unit in PERCENT_UNITS and not 0 <= target <= 100:
        return RuleResult("SMART-A1", "fail", f"A percentage cannot reach {target:g} %")
    return RuleResult("SMART-A1", "pass", f"A new measure from 0, judged by its target alone ({target:g})")


def _relevant(o: Objective, ctx: SmartContext) -> RuleResult:
    needs, priority = list(o.get("need_ids") or []), o.get("priority_id")
    if not needs and priority is None:
        return RuleResult("SMART-R1", "fail", "Serves no need and no vision priority: link at least one")
    parts = [f"{len(needs)} need{'s' if len(needs) != 1 else ''}"] if needs else []
    parts += ["a vision priority"] if priority is not None else []
    return RuleResult("SMART-R1", "pass", f"Serves {' and '.join(parts)}")


def _due_date_set(o: Objective, ctx: SmartContext) -> RuleResult:
    due = o.get("due_date")
    if not isinstance(due, date):
        return RuleResult("SMART-T1", "fail", "No due date is set")
    return RuleResult("SMART-T1", "pass", f"Due {due:{DATE_TEXT}}")


def _due_in_plan(o: Objective, ctx: SmartContext) -> RuleResult:
    due = o.get("due_date")
    window = f"the plan runs {ctx.plan_start:{DATE_TEXT}} – {ctx.plan_end:{DATE_TEXT}}"
    if not isinstance(due, date):
        return RuleResult("SMART-T2", "fail", f"No due date to place in the plan ({window})")
    if due <= ctx.plan_start:
        return RuleResult("SMART-T2", "fail", f"Due {due:{DATE_TEXT}}, not after the plan start: {window}")
    if due > ctx.plan_end:
        return RuleResult("SMART-T2", "fail", f"Due {due:{DATE_TEXT}}, beyond the horizon: {window}")
    return RuleResult("SMART-T2", "pass", f"Due inside the plan ({window})")


@dataclass(frozen=True)
class SmartRule:
    """An implementation of a rule-book rule for one SMART letter."""

    rule_id: str
    letter: str
    judge: Callable[[Objective, SmartContext], RuleResult]


RULES: tuple[SmartRule, ...] = (
    SmartRule("SMART-S1", "S", _specific_metric),
    SmartRule("SMART-S2", "S", _specific_title),
    SmartRule("SMART-M1", "M", _measurable_numbers),
    SmartRule("SMART-M2", "M", _measurable_unit),
    SmartRule("SMART-M3", "M", _measurable_change),
    SmartRule("SMART-A1", "A", _achievable),
    SmartRule("SMART-R1", "R", _relevant),
    SmartRule("SMART-T1", "T", _due_date_set),
    SmartRule("SMART-T2", "T", _due_in_plan),
)


def check_objective(objective: Objective, context: SmartContext) -> SmartCheck:
    """Every rule run on the objective, grouped by letter in S-M-A-R-T order."""
    results = [(r.letter, r.judge(objective, context)) for r in RULES]
    letters = tuple(
        LetterVerdict(letter, worst(x.verdict for x in found), tuple(found))
        for letter in LETTERS
        if (found := [result for at, result in results if at == letter])
    )
    return SmartCheck(objective.get("id"), str(objective.get("title") or ""), letters)


def check_objectives(objectives: Sequence[Objective], context: SmartContext) -> list[SmartCheck]:
    return [check_objective(o, context) for o in objectives]
