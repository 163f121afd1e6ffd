"""The validity rules of sick-leave certificates, as data, and the engine that evaluates them.

Each rule is a row of ``sick_leave_rules`` (code, description, message, parameters, active); the
migration seeds the table from `SHIPPED_RULES`, whose messages are marked for translation here so that
lupdate collects them. `check` evaluates the active rules by code against a certificate -- anything with
the attributes of `shared.services.sick_leave.Certificate` (the printing layer's ``SickLeavePrint`` has
the same names) -- and returns every violation with its parameters; an unknown code is skipped, so a
rule row may be switched off or tuned (``{"max_days": 15}``) without code changes.

Sources: orders 624n §35 and 1089n (a doctor alone up to 15 days; care for a child under 7 for the
whole period, 7..15 up to 15 days per case, a family member from 15 years up to 3 days, 7 by the
medical commission) -- see shared/domain/regulated-formats.md §4, where the later age changes are
marked unverified: they are parameters here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from shared.errors import QT_TRANSLATE_NOOP, DomainError

# --- What the rules read -----------------------------------------------------------------------------


class PeriodLike(Protocol):
    date_from: dt.date
    date_to: dt.date
    chair_name: str


class CareLike(Protocol):
    age_years: int | None
    age_months: int | None
    relation_code: str


class CertificateLike(Protocol):
    issue_date: dt.date | None
    birth_date: dt.date
    cause_code: str
    periods: Sequence[PeriodLike]
    care: Sequence[CareLike]
    return_date: dt.date | None
    violation_date: dt.date | None
    hospital_from: dt.date | None
    hospital_to: dt.date | None
    commission_referral_date: dt.date | None
    commission_registration_date: dt.date | None
    commission_examination_date: dt.date | None
    other_date: dt.date | None


@dataclass(frozen=True)
class Rule:
    """A rule row: the check ``code``, what it is for, the message (English source text with
    ``{placeholders}``), its parameters and whether it is applied."""

    code: str
    description: str
    message: str
    parameters: Mapping[str, Any] = field(default_factory=dict)
    active: bool = True


@dataclass(frozen=True)
class RuleContext:
    """What a certificate is checked against: today (the organization's day), the rules, and its chain of
    continuations: the first day of the case (the first period of the first certificate) and the last day
    of the certificate it continues."""

    today: dt.date
    rules: Sequence[Rule] = ()
    case_start: dt.date | None = None
    previous_end: dt.date | None = None
    previous_number: str = ""


class RuleViolation(DomainError):
    """One rule a certificate breaks: ``code`` names the rule; the message has its parameters filled."""

    translatable_params = ("field",)

    def __init__(self, code: str, message: str, **params: object) -> None:
        self.code = code
        super().__init__(message, **params)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RuleViolation) and (self.code, self.message, self.params) == (
            other.code, other.message, other.params)

    def __hash__(self) -> int:
        return hash((self.code, self.message))


class SickLeaveRulesBroken(DomainError):
    """The certificate breaks rules: ``violations`` lists each."""

    message = QT_TRANSLATE_NOOP("DomainError", "The sick-leave certificate breaks the rules: {violations}")

    def __init__(self, violations: Sequence[RuleViolation]) -> None:
        self.violations = list(violations)
        super().__init__(violations="; ".join(v.render() for v in self.violations))

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        if translate is None:
            return super().render()
        joined = "; ".join(v.render(translate) for v in self.violations)
        try:
            return translate(self.message).format(violations=joined)
        except (KeyError, IndexError, ValueError):
            return self.message.format(violations=joined)


# --- The shipped rules -------------------------------------------------------------------------------

SHIPPED_RULES: tuple[Rule, ...] = (
    Rule("periods_required", QT_TRANSLATE_NOOP("DomainError", "A certificate has at least one period of release from work."),
         QT_TRANSLATE_NOOP("DomainError", "Add the period of release from work.")),
    Rule("periods_count", QT_TRANSLATE_NOOP("DomainError", "The form has three rows of periods of release."),
         QT_TRANSLATE_NOOP("DomainError",
                           "There are {count} periods of release; the form holds at most {max_periods}."),
         {"max_periods": 3}),
    Rule("periods_ordered", QT_TRANSLATE_NOOP("DomainError", "Periods of release follow one another and do not overlap."),
         QT_TRANSLATE_NOOP("DomainError",
                           "Period {row} ({date_from} to {date_to}) overlaps or precedes period {previous}, "
                           "which ends on {previous_to}.")),
    Rule("periods_continuous", QT_TRANSLATE_NOOP("DomainError", "An extension starts the day after the previous period ends (no gap)."),
         QT_TRANSLATE_NOOP("DomainError",
                           "Period {row} must start on {expected}, the day after period {previous} ends "
                           "(it starts on {date_from}).")),
    Rule("single_doctor_days",
         QT_TRANSLATE_NOOP("DomainError", "A doctor alone releases up to max_days from the start of the case; longer needs the medical commission."),
         QT_TRANSLATE_NOOP("DomainError",
                           "Period {row} reaches day {days} of the case: a doctor alone releases for at most "
                           "{max_days} days, so the chair of the medical commission must sign it."),
         {"max_days": 15}),
    Rule("continuation_chain",
         QT_TRANSLATE_NOOP("DomainError", "A continuation starts the day after the certificate it continues ends: no overlap, no gap."),
         QT_TRANSLATE_NOOP("DomainError",
                           "A continuation of certificate {number} must start on {expected}, the day after it "
                           "ends (this one starts on {date_from}).")),
    Rule("no_future_dates",
         QT_TRANSLATE_NOOP("DomainError", "Dates may not be in the future; the return to work may be up to return_days_ahead days ahead."),
         QT_TRANSLATE_NOOP("DomainError", "{field} ({date}) is in the future."),
         {"return_days_ahead": 1}),
    Rule("issue_not_before_periods", QT_TRANSLATE_NOOP("DomainError", "A certificate is not issued before its first period of release starts."),
         QT_TRANSLATE_NOOP("DomainError",
                           "The issue date ({issue_date}) is before the first period of release starts "
                           "({date_from}).")),
    Rule("return_after_periods", QT_TRANSLATE_NOOP("DomainError", "The return to work is after the last period of release ends."),
         QT_TRANSLATE_NOOP("DomainError",
                           "The return to work ({return_date}) must be after the last period of release ends "
                           "({date_to}).")),
    Rule("care_member_required", QT_TRANSLATE_NOOP("DomainError", "Care for a family member (cause 09) names the member: age, relation, name."),
         QT_TRANSLATE_NOOP("DomainError",
                           "Cause {cause} (care for a family member) needs the family member's age, relation "
                           "and name.")),
    Rule("care_age",
         QT_TRANSLATE_NOOP("DomainError", "Care by the age of the family member: under whole_period_under_years the whole period; then up to "
         "child_max_days until child_until_years; older up to adult_max_days per case. Causes in "
         "whole_period_causes (a disabled child, ...) are not limited."),
         QT_TRANSLATE_NOOP("DomainError",
                           "Care for a family member aged {age}: at most {max_days} days per case "
                           "({days} days given)."),
         {"whole_period_under_years": 7, "child_until_years": 15, "child_max_days": 15, "adult_max_days": 7,
          "whole_period_causes": ["12", "13", "14", "15"]}),
    Rule("care_commission",
         QT_TRANSLATE_NOOP("DomainError", "Care beyond adult_alone_days for a family member from child_until_years (beyond child_max_days for a "
         "child) needs the chair of the medical commission on the period."),
         QT_TRANSLATE_NOOP("DomainError",
                           "Care for a family member aged {age} for more than {alone_days} days needs the chair "
                           "of the medical commission on period {row}."),
         {"whole_period_under_years": 7, "child_until_years": 15, "child_max_days": 15, "adult_alone_days": 3,
          "whole_period_causes": ["12", "13", "14", "15"]}),
)

CARE_CAUSE = "09"

FIELD_LABELS: dict[str, str] = {
    "issue_date": QT_TRANSLATE_NOOP("DomainError", "The issue date"),
    "birth_date": QT_TRANSLATE_NOOP("DomainError", "The date of birth"),
    "period_from": QT_TRANSLATE_NOOP("DomainError", "The start of a period of release"),
    "return_date": QT_TRANSLATE_NOOP("DomainError", "The return to work"),
    "violation_date": QT_TRANSLATE_NOOP("DomainError", "The date of the regime violation"),
    "hospital_from": QT_TRANSLATE_NOOP("DomainError", "The start of the hospital stay"),
    "hospital_to": QT_TRANSLATE_NOOP("DomainError", "The end of the hospital stay"),
    "commission_referral_date": QT_TRANSLATE_NOOP("DomainError", "The referral to the disability board"),
    "commission_registration_date": QT_TRANSLATE_NOOP("DomainError", "The registration by the disability board"),
    "commission_examination_date": QT_TRANSLATE_NOOP("DomainError", "The examination by the disability board"),
    "other_date": QT_TRANSLATE_NOOP("DomainError", "The \u00abother\u00bb date"),
}


def day(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


# --- The checks --------------------------------------------------------------------------------------

Check = Callable[[CertificateLike, RuleContext, Rule], Iterable[RuleViolation]]


def _violation(rule: Rule, **params: object) -> RuleViolation:
    return RuleViolation(rule.code, rule.message, **params)


def _periods_required(c: CertificateLike, ctx: RuleContext, rule: Rule) -> Iterable[RuleViolation]:
    if not c.periods:
        yield _violation(rule)


def _periods_count(c: CertificateLike, ctx: RuleContext, rule: Rule) -> Iterable[RuleViolation]:
    limit = int(rule.parameters.get("max_periods", 3))
    if len(c.periods) > limit:
        yield _violation(rule, count=len(c.periods), max_periods=limit)


def _periods_ordered(c: CertificateLike, ctx: RuleContext, rule: Rule) -> Iterable[RuleViolation]:
    for row, (before, period) in enumerate(zip(c.periods, c.periods[1:], strict=False), start=2):
        if period.date_from <= before.date_to:
            yield _violation(rule, row=row, previous=row - 1, date_from=day(period.date_from),
                             date_to=day(period.date_to), previous_to=day(before.date_to))


def _periods_continuous(c: CertificateLike, ctx: RuleContext, rule: Rule) -> Iterable[RuleViolation]:
    for row, (before, period) in enumerate(zip(c.periods, c.periods[1:], strict=False), start=2):
        expected = before.date_to + dt.timedelta(days=1)
        if period.date_from > expected:
            yield _violation(rule, row=row, previous=row - 1, expected=day(expected), date_from=day(period.date_from))


def _case_start(c: CertificateLike, ctx: RuleContext) -> dt.date | None:
    starts = [p.date_from for p in c.periods]
    if ctx.case_start is not None:
        starts.append(ctx.case_start)
    return min(starts) if starts else None


def _single_doctor_days(c: CertificateLike, ctx: RuleContext, rule: Rule) -> Iterable[RuleViolation]:
    limit = int(rule.parameters.get("max_days", 15))
    start = _case_start(c, ctx)
    for row, period in enumerate(c.periods, start=1):
        days = (period.date_to - start).days + 1 if start else 0
        if days > limit and not period.chair_name.strip():
            yield _violation(rule, row=row, days=days, max_days=limit)


def _continuation_chain(c: CertificateLike, ctx: RuleContext, rule: Rule) -> Iterable[RuleViolation]:
    if ctx.previous_end is None or not c.periods:
        return
    expected = ctx.previous_end + dt.timedelta(days=1)
    first = c.periods[0].date_from
    if first != expected:
        yield _violation(rule, number=ctx.previous_number, expected=day(expected), date_from=day(first))


def _no_future_dates(c: CertificateLike, ctx: RuleContext, rule: Rule) -> Iterable[RuleViolation]:
    ahead = int(rule.parameters.get("return_days_ahead", 1))
    dates: list[tuple[str, dt.date | None, dt.date]] = [
        ("issue_date", c.issue_date, ctx.today), ("birth_date", c.birth_date, ctx.today),
        *(("period_from", p.date_from, ctx.today) for p in c.periods),
        ("return_date", c.return_date, ctx.today + dt.timedelta(days=ahead)),
        ("violation_date", c.violation_date, ctx.today), ("hospital_from", c.hospital_from, ctx.today),
        ("hospital_to", c.hospital_to, ctx.today),
        ("commission_referral_date", c.commission_referral_date, ctx.today),
        ("commission_registration_date", c.commission_registration_date, ctx.today),
        ("commission_examination_date", c.commission_examination_date, ctx.today),
        ("other_date", c.other_date, ctx.today),
    ]
    for name, value, latest in dates:
        if value is not None and value > latest:
            yield _violation(rule, field=FIELD_LABELS[name], date=day(value))


def _issue_not_before_periods(c: CertificateLike, ctx: RuleContext, rule: Rule) -> Iterable[RuleViolation]:
    if c.issue_date is not None and c.periods and c.issue_date < c.periods[0].date_from:
        yield _violation(rule, issue_date=day(c.issue_date), date_from=day(c.periods[0].date_from))


def _return_after_periods(c: CertificateLike, ctx: RuleContext, rule: Rule) -> Iterable[RuleViolation]:
    if c.return_date is not None and c.periods and c.return_date <= c.periods[-1].date_to:
        yield _violation(rule, return_date=day(c.return_date), date_to=day(c.periods[-1].date_to))


def _care_member_required(c: CertificateLike, ctx: RuleContext, rule: Rule) -> Iterable[RuleViolation]:
    if c.cause_code == CARE_CAUSE and not c.care:
        yield _violation(rule, cause=c.cause_code)


def _care_case(c: CertificateLike, ctx: RuleContext, rule: Rule) -> tuple[int | None, int]:
    """The youngest cared-for member's age (None: no age known or not a limited care case) and the days."""
    if c.cause_code != CARE_CAUSE or not c.periods:
        return None, 0
    if c.cause_code in tuple(rule.parameters.get("whole_period_causes", ())):
        return None, 0
    ages = [m.age_years for m in c.care if m.age_years is not None]
    if not ages:
        return None, 0
    start = _case_start(c, ctx)
    assert start is not None
    return min(ages), (c.periods[-1].date_to - start).days + 1


def _care_age(c: CertificateLike, ctx: RuleContext, rule: Rule) -> Iterable[RuleViolation]:
    age, days = _care_case(c, ctx, rule)
    if age is None or age < int(rule.parameters.get("whole_period_under_years", 7)):
        return
    if age < int(rule.parameters.get("child_until_years", 15)):
        return  # a child 7..15: more than child_max_days by the commission's decision (care_commission)
    limit = int(rule.parameters.get("adult_max_days", 7))
    if days > limit:
        yield _violation(rule, age=age, max_days=limit, days=days)


def _care_commission(c: CertificateLike, ctx: RuleContext, rule: Rule) -> Iterable[RuleViolation]:
    age, _days = _care_case(c, ctx, rule)
    if age is None or age < int(rule.parameters.get("whole_period_under_years", 7)):
        return
    if age < int(rule.parameters.get("child_until_years", 15)):
        alone = int(rule.parameters.get("child_max_days", 15))
    else:
        alone = int(rule.parameters.get("adult_alone_days", 3))
    start = _case_start(c, ctx)
    assert start is not None
    for row, period in enumerate(c.periods, start=1):
        if (period.date_to - start).days + 1 > alone and not period.chair_name.strip():
            yield _violation(rule, age=age, alone_days=alone, row=row)


CHECKS: Mapping[str, Check] = {
    "periods_required": _periods_required,
    "periods_count": _periods_count,
    "periods_ordered": _periods_ordered,
    "periods_continuous": _periods_continuous,
    "single_doctor_days": _single_doctor_days,
    "continuation_chain": _continuation_chain,
    "no_future_dates": _no_future_dates,
    "issue_not_before_periods": _issue_not_before_periods,
    "return_after_periods": _return_after_periods,
    "care_member_required": _care_member_required,
    "care_age": _care_age,
    "care_commission": _care_commission,
}


def check(certificate: CertificateLike, context: RuleContext) -> list[RuleViolation]:
    """Every violation of the context's active rules (the shipped ones when the context names none), in
    the rules' order; rules of an unknown code are skipped."""
    violations: list[RuleViolation] = []
    for rule in context.rules or SHIPPED_RULES:
        if not rule.active:
            continue
        evaluate = CHECKS.get(rule.code)
        if evaluate is not None:
            violations.extend(evaluate(certificate, context, rule))
    return violations


def rule_of(code: str) -> Rule:
    """The shipped rule of ``code``."""
    for rule in SHIPPED_RULES:
        if rule.code == code:
            return rule
    raise KeyError(code)
