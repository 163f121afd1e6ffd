"""The sick-leave rules engine without a database: each shipped rule on a certificate that keeps it and one
that breaks it, parameters and the active flag as data, the messages filled and translatable."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from printing.sick_leave import CareMember, ReleasePeriod, SickLeavePrint
from shared.services import sick_leave_rules as r
from shared.services.sick_leave_rules import Rule, RuleContext, SickLeaveRulesBroken, check

TODAY = dt.date(2026, 3, 20)
D = dt.date


def _period(a: dt.date, b: dt.date, chair: str = "") -> ReleasePeriod:
    return ReleasePeriod(a, b, "ТЕРАПЕВТ", "ИВАНОВ И.И.", "ГЛ. ВРАЧ" if chair else "", chair)


BASE = SickLeavePrint(
    number="", organization_name="ПОЛИКЛИНИКА", organization_address="", organization_ogrn="1027700132195",
    issue_date=D(2026, 3, 10), surname="ПЕТРОВ", first_name="ПЕТР", patronymic="", birth_date=D(1980, 1, 1),
    sex="M", cause_code="01", periods=(_period(D(2026, 3, 10), D(2026, 3, 16)),))


def _codes(certificate, context=None) -> list[str]:
    return [v.code for v in check(certificate, context or RuleContext(today=TODAY))]


def test_a_plain_certificate_keeps_every_rule():
    assert _codes(BASE) == []


def test_the_shipped_rules_have_unique_codes_a_check_each_and_messages_whose_placeholders_are_filled():
    codes = [rule.code for rule in r.SHIPPED_RULES]
    assert len(codes) == len(set(codes)) and set(codes) == set(r.CHECKS)
    assert all(rule.message and rule.description for rule in r.SHIPPED_RULES)


def test_periods_required_at_most_three_in_order_without_gaps():
    assert _codes(replace(BASE, periods=())) == ["periods_required"]
    four = tuple(_period(D(2026, 3, 1) + dt.timedelta(days=3 * i), D(2026, 3, 3) + dt.timedelta(days=3 * i),
                         chair="СИДОРОВ С.С.") for i in range(4))
    assert _codes(replace(BASE, issue_date=D(2026, 3, 1), periods=four)) == ["periods_count"]
    overlap = (_period(D(2026, 3, 10), D(2026, 3, 14)), _period(D(2026, 3, 14), D(2026, 3, 16)))
    violations = check(replace(BASE, periods=overlap), RuleContext(today=TODAY))
    assert [v.code for v in violations] == ["periods_ordered"]
    assert "Period 2 (14.03.2026 to 16.03.2026) overlaps" in violations[0].render()
    gap = (_period(D(2026, 3, 10), D(2026, 3, 12)), _period(D(2026, 3, 14), D(2026, 3, 16)))
    violations = check(replace(BASE, periods=gap), RuleContext(today=TODAY))
    assert [v.code for v in violations] == ["periods_continuous"]
    assert "must start on 13.03.2026" in violations[0].render()


def test_a_doctor_alone_up_to_fifteen_days_of_the_case_longer_with_the_chair():
    fifteen = (_period(D(2026, 3, 1), D(2026, 3, 10)), _period(D(2026, 3, 11), D(2026, 3, 15)))
    assert _codes(replace(BASE, issue_date=D(2026, 3, 1), periods=fifteen)) == []
    sixteen = (*fifteen[:1], _period(D(2026, 3, 11), D(2026, 3, 16)))
    violations = check(replace(BASE, issue_date=D(2026, 3, 1), periods=sixteen), RuleContext(today=TODAY))
    assert [(v.code, v.params["row"], v.params["days"]) for v in violations] == [("single_doctor_days", 2, 16)]
    chaired = (*fifteen[:1], _period(D(2026, 3, 11), D(2026, 3, 16), chair="СИДОРОВ С.С."))
    assert _codes(replace(BASE, issue_date=D(2026, 3, 1), periods=chaired)) == []
    # A continuation counts from the start of the case, and the limit is a parameter.
    continuation = replace(BASE, issue_date=D(2026, 3, 11), periods=(_period(D(2026, 3, 11), D(2026, 3, 13)),))
    chain = RuleContext(today=TODAY, case_start=D(2026, 2, 25), previous_end=D(2026, 3, 10))
    assert _codes(continuation, chain) == ["single_doctor_days"]
    rules = tuple(replace(rule, parameters={"max_days": 30}) if rule.code == "single_doctor_days" else rule
                  for rule in r.SHIPPED_RULES)
    assert _codes(continuation, replace(chain, rules=rules)) == []
    off = tuple(replace(rule, active=False) if rule.code == "single_doctor_days" else rule for rule in r.SHIPPED_RULES)
    assert _codes(continuation, replace(chain, rules=off)) == []


def test_a_continuation_starts_the_day_after_the_previous_certificate_ends():
    context = RuleContext(today=TODAY, case_start=D(2026, 3, 5), previous_end=D(2026, 3, 9), previous_number="1" * 12)
    assert _codes(BASE, context) == []
    gap = RuleContext(today=TODAY, case_start=D(2026, 3, 5), previous_end=D(2026, 3, 8), previous_number="1" * 12)
    violations = check(BASE, gap)
    assert [v.code for v in violations] == ["continuation_chain"]
    assert "111111111111 must start on 09.03.2026" in violations[0].render()
    overlap = replace(gap, previous_end=D(2026, 3, 10))
    assert _codes(BASE, overlap) == ["continuation_chain"]


def test_dates_may_not_be_in_the_future_but_the_return_to_work_may_be_tomorrow():
    assert _codes(replace(BASE, issue_date=TODAY + dt.timedelta(days=1))) == ["no_future_dates"]
    future = replace(BASE, periods=(_period(TODAY + dt.timedelta(days=2), TODAY + dt.timedelta(days=5)),))
    codes = _codes(future)
    assert "no_future_dates" in codes
    ongoing = replace(BASE, issue_date=TODAY, periods=(_period(TODAY, TODAY + dt.timedelta(days=5)),))
    assert _codes(ongoing) == []  # the release itself runs into the future
    closing = replace(BASE, return_date=TODAY + dt.timedelta(days=1), periods=(_period(D(2026, 3, 10), TODAY),))
    assert _codes(closing) == []
    too_far = replace(closing, return_date=TODAY + dt.timedelta(days=2))
    violation = check(too_far, RuleContext(today=TODAY))[0]
    assert violation.code == "no_future_dates" and violation.params["field"] == "The return to work"
    translated = violation.render(lambda s: {"The return to work": "Выход на работу"}.get(s, s))
    assert translated == "Выход на работу (22.03.2026) is in the future."


def test_the_issue_date_and_the_return_to_work_follow_the_periods():
    assert _codes(replace(BASE, issue_date=D(2026, 3, 9))) == ["issue_not_before_periods"]
    assert _codes(replace(BASE, return_date=D(2026, 3, 16))) == ["return_after_periods"]
    assert _codes(replace(BASE, return_date=D(2026, 3, 17))) == []


def _care(age: int, days: int, chair: str = "") -> SickLeavePrint:
    start = D(2026, 3, 1)
    return replace(BASE, cause_code="09", issue_date=start, care=(CareMember(age, 0, "38", "ПЕТРОВА АННА"),),
                   periods=(_period(start, start + dt.timedelta(days=days - 1), chair=chair),))


@pytest.mark.parametrize(("age", "days", "chair", "expected"), [
    (3, 16, "СИДОРОВ С.С.", []),  # under 7: the whole period (the doctor's 15 days still need the chair)
    (3, 16, "", ["single_doctor_days"]),
    (10, 15, "", []),  # 7..15: up to 15 days
    (10, 18, "СИДОРОВ С.С.", []),  # more by the commission
    (16, 3, "", []),  # from 15: 3 days alone
    (16, 5, "", ["care_commission"]),
    (16, 7, "СИДОРОВ С.С.", []),  # up to 7 by the commission
    (40, 8, "СИДОРОВ С.С.", ["care_age"]),  # never more than 7
])
def test_care_for_a_family_member_follows_the_age_rules(age, days, chair, expected):
    assert _codes(_care(age, days, chair)) == expected


def test_care_needs_the_member_and_a_disabled_child_is_not_limited():
    assert _codes(replace(_care(40, 3), care=())) == ["care_member_required"]
    # Cause 13 (a disabled child) is not care of cause 09: no age limit.
    assert _codes(replace(_care(16, 12), cause_code="13")) == []
    rules = tuple(replace(rule, parameters={**rule.parameters, "adult_max_days": 10})
                  if rule.code == "care_age" else rule for rule in r.SHIPPED_RULES)
    assert _codes(_care(40, 8, "СИДОРОВ С.С."), RuleContext(today=TODAY, rules=rules)) == []


def test_rules_of_unknown_codes_are_skipped_and_violations_join_in_one_error():
    unknown = (Rule("moon_phase", "?", "The moon is full."), *r.SHIPPED_RULES)
    broken = replace(BASE, issue_date=D(2026, 3, 9), return_date=D(2026, 3, 12))
    violations = check(broken, RuleContext(today=TODAY, rules=unknown))
    assert [v.code for v in violations] == ["issue_not_before_periods", "return_after_periods"]
    error = SickLeaveRulesBroken(violations)
    assert str(error).startswith("The sick-leave certificate breaks the rules: The issue date (09.03.2026)")
    assert error.render(lambda s: s.replace("issue date", "date of issue")).count("date of issue") == 1


def test_the_organization_name_is_prefilled_as_the_blank_takes_it():
    from shared.services.sick_leave import form_organization_name

    assert form_organization_name("Общество  с ограниченной ответственностью «Клиника „Семейный доктор“»") == (
        "ООО «Клиника «Семейный доктор»»")
    assert form_organization_name("Закрытое акционерное общество “Медицина”") == "ЗАО «Медицина»"
    assert form_organization_name("ГБУЗ «ГП № 2»") == "ГБУЗ «ГП № 2»"
