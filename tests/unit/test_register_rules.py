"""Pure payer-register rules: mapping services to payer codes, rule conflicts, validation, export formats."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import xml.etree.ElementTree as ET
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.errors import DomainError
from shared.services.register_rules import (
    COLUMNS,
    CONFLICT,
    MAPPED,
    UNMAPPED,
    ControlCharacterInRegister,
    InvalidMappingRule,
    InvalidRegisterFormat,
    InvalidRegisterPeriod,
    MappingRule,
    PerformedService,
    RegisterFormat,
    RegisterHeader,
    RegisterRow,
    UnencodableHeaderText,
    UnencodableRegisterText,
    UnmappedRegisterLine,
    age_on,
    export_csv,
    export_xml,
    find_rule_conflicts,
    map_all,
    map_service,
    register_row,
    register_totals,
    rule_matches,
    validate_rule,
)

DAY = dt.date(2031, 5, 14)


def rule(id=1, priority=10, *, code=None, group=None, sex=None, age_min=None, age_max=None, policy=None,
         result=None, payer_code="P-1", payer_name="Fictitious payer service", price=None) -> MappingRule:
    return MappingRule(id=id, priority=priority, service_code=code, service_group=group, sex=sex,
                       age_min=age_min, age_max=age_max, policy_kind=policy, result_code=result,
                       payer_code=payer_code, payer_name=payer_name, payer_price=price)


def service(line=1, *, code="S100", group="LAB", sex="F", birth=dt.date(1990, 5, 14), policies=("dms",),
            on=DAY, quantity=1, amount=Decimal("1500.00"), result="") -> PerformedService:
    return PerformedService(
        order_line_id=line, service_code=code, service_group=group, service_name=f"Test service {code}",
        patient_id=1, patient_name="Testova Fiktiva Ivanovna", patient_sex=sex, patient_birth_date=birth,
        policy_kinds=frozenset(policies), policy_number="DMS-0000-TEST", performed_on=on,
        quantity=quantity, amount=amount, result_code=result)


# --- age and matching -----------------------------------------------------------------------------


def test_age_on():
    assert age_on(dt.date(1990, 5, 14), dt.date(2031, 5, 14)) == 41
    assert age_on(dt.date(1990, 5, 14), dt.date(2031, 5, 13)) == 40
    assert age_on(dt.date(2000, 2, 29), dt.date(2001, 2, 28)) == 0
    assert age_on(dt.date(2000, 2, 29), dt.date(2001, 3, 1)) == 1
    assert age_on(dt.date(2000, 2, 29), dt.date(2004, 2, 29)) == 4


@pytest.mark.parametrize("r, s, expected", [
    (rule(), service(), True),  # a catch-all
    (rule(code="S100"), service(), True),
    (rule(code="S101"), service(), False),
    (rule(group="LAB"), service(), True),
    (rule(group="XRAY"), service(), False),
    (rule(group="LAB"), service(group=None), False),
    (rule(sex="F"), service(), True),
    (rule(sex="M"), service(), False),
    (rule(sex="F"), service(sex=None), False),  # unknown sex never meets a sex condition
    # Age bounds are inclusive; the patient turns 41 on DAY.
    (rule(age_min=41), service(), True),
    (rule(age_min=42), service(), False),
    (rule(age_max=41), service(), True),
    (rule(age_max=40), service(), False),
    (rule(age_max=40), service(on=DAY - dt.timedelta(days=1)), True),
    (rule(age_min=18, age_max=60), service(birth=None), False),  # unknown age
    (rule(age_max=60), service(birth=DAY + dt.timedelta(days=1)), False),  # born after the visit: a data error
    (rule(age_max=0), service(birth=DAY), True),  # a newborn
    (rule(policy="dms"), service(), True),
    (rule(policy="oms"), service(), False),
    (rule(policy="oms"), service(policies=("oms", "dms")), True),
    (rule(policy="dms"), service(policies=()), False),
    # result_code: '' is a value ("no result recorded"), None is "any".
    (rule(result=""), service(result=""), True),
    (rule(result=""), service(result="R1"), False),
    (rule(result="R1"), service(result=""), False),
    (rule(result=None), service(result="R1"), True),
    (rule(result=None), service(result=""), True),
    (rule(code="S100", group="LAB", sex="F", age_min=18, age_max=65, policy="dms", result=""), service(), True),
    (rule(code="S100", group="LAB", sex="F", age_min=18, age_max=65, policy="dms", result="X"), service(), False),
])
def test_rule_matches(r, s, expected):
    assert rule_matches(r, s) is expected


@pytest.mark.parametrize("rules, s, state, payer_code, rule_id, candidate_ids", [
    ([], service(), UNMAPPED, "", None, []),
    ([rule(1, code="S999")], service(), UNMAPPED, "", None, []),
    ([rule(1, code="S100", payer_code="A")], service(), MAPPED, "A", 1, [1]),
    # The lowest priority number wins, whatever the order of the list.
    ([rule(1, 20, payer_code="LATE"), rule(2, 5, code="S100", payer_code="EARLY")], service(),
     MAPPED, "EARLY", 2, [2]),
    ([rule(2, 5, code="S100", payer_code="EARLY"), rule(1, 20, payer_code="LATE")], service(),
     MAPPED, "EARLY", 2, [2]),
    # A better-priority rule that does not match leaves the line to the next one.
    ([rule(1, 1, code="S100", sex="M", payer_code="MEN"), rule(2, 2, code="S100", payer_code="ALL")], service(),
     MAPPED, "ALL", 2, [2]),
    # Same priority, same payer code and price: a harmless duplicate, mapped by the smaller id.
    ([rule(7, code="S100", payer_code="A", price=Decimal("100")),
      rule(3, group="LAB", payer_code="A", price=Decimal("100.00"))], service(), MAPPED, "A", 3, [3, 7]),
    # Same priority, different payer codes: a conflict, nothing chosen.
    ([rule(1, code="S100", payer_code="A"), rule(2, group="LAB", payer_code="B")], service(),
     CONFLICT, "", None, [1, 2]),
    # Same payer code at different prices is a conflict too.
    ([rule(1, code="S100", payer_code="A", price=Decimal("10")),
      rule(2, group="LAB", payer_code="A", price=Decimal("11"))], service(), CONFLICT, "", None, [1, 2]),
    ([rule(1, code="S100", payer_code="A", price=None),
      rule(2, group="LAB", payer_code="A", price=Decimal("11"))], service(), CONFLICT, "", None, [1, 2]),
    # A conflict at a worse priority does not matter when a better rule matches.
    ([rule(1, 1, code="S100", payer_code="A"), rule(2, 9, payer_code="B"), rule(3, 9, payer_code="C")],
     service(), MAPPED, "A", 1, [1]),
    # Both policy rules match a patient holding both kinds: a conflict, not a silent choice.
    ([rule(1, policy="oms", payer_code="OMS"), rule(2, policy="dms", payer_code="DMS")],
     service(policies=("oms", "dms")), CONFLICT, "", None, [1, 2]),
    ([rule(1, policy="oms", payer_code="OMS"), rule(2, policy="dms", payer_code="DMS")],
     service(policies=("dms",)), MAPPED, "DMS", 2, [2]),
])
def test_map_service(rules, s, state, payer_code, rule_id, candidate_ids):
    m = map_service(rules, s)
    assert m.state == state
    assert m.payer_code == payer_code
    assert (m.rule.id if m.rule else None) == rule_id
    assert [r.id for r in m.candidates] == candidate_ids
    assert m.service is s
    assert map_all(rules, [s]) == [m]


def test_amounts():
    s = service(quantity=3, amount=Decimal("4500.00"))
    priced = map_service([rule(price=Decimal("333.335"))], s)
    assert priced.amount == Decimal("1000.01")  # 1000.005 rounded half up
    assert map_service([rule(price=None)], s).amount == Decimal("4500.00")
    assert map_service([rule(price=Decimal("0"))], s).amount == Decimal("0.00")
    # Unmapped and conflicting lines keep the clinic's amount: what is at stake.
    assert map_service([], s).amount == Decimal("4500.00")
    assert map_service([rule(1, payer_code="A"), rule(2, payer_code="B")], s).amount == Decimal("4500.00")


def test_register_row_of_mapped_lines_only():
    s = service(quantity=3, amount=Decimal("100.00"))
    row = register_row(map_service([rule(payer_code="A", payer_name="Payer name")], s))
    assert (row.payer_code, row.payer_name, row.quantity, row.price, row.amount) == (
        "A", "Payer name", 3, Decimal("33.33"), Decimal("100.00"))
    assert row.order_line_id == 1 and row.sex == "F" and row.birth_date == dt.date(1990, 5, 14)
    row = register_row(map_service([rule(price=Decimal("40"))], s))
    assert (row.price, row.amount) == (Decimal("40"), Decimal("120.00"))
    with pytest.raises(UnmappedRegisterLine, match="no mapping rule"):
        register_row(map_service([], s))
    with pytest.raises(UnmappedRegisterLine, match="different service codes"):
        register_row(map_service([rule(1, payer_code="A"), rule(2, payer_code="B")], s))


# --- a month of services --------------------------------------------------------------------------


def month_rules() -> list[MappingRule]:
    rules = []
    rid = 0
    for n in range(200):  # per-code rules, some split by sex, age, result
        code = f"S{n:03d}"
        rid += 1
        rules.append(rule(rid, 10, code=code, payer_code=f"P{n:03d}", price=Decimal(100 + n)))
        if n % 5 == 0:
            rid += 1
            rules.append(rule(rid, 5, code=code, age_max=17, payer_code=f"P{n:03d}-CH", price=Decimal(50 + n)))
        if n % 7 == 0:
            rid += 1
            rules.append(rule(rid, 5, code=code, result="", payer_code=f"P{n:03d}-NR"))  # may conflict with -CH
    for g in ("LAB", "XRAY", "VISIT"):
        rid += 1
        rules.append(rule(rid, 50, group=g, payer_code=f"G-{g}"))
    rid += 1
    rules.append(rule(rid, 90, policy="oms", payer_code="OMS-ANY"))
    rid += 1
    rules.append(rule(rid, 90, policy="dms", payer_code="DMS-ANY"))
    return rules


def month_services(count: int, seed: int = 7) -> list[PerformedService]:
    rnd = random.Random(seed)
    start = dt.date(2031, 5, 1)
    result = []
    for line in range(1, count + 1):
        birth = None if rnd.random() < 0.05 else dt.date(1940, 1, 1) + dt.timedelta(days=rnd.randrange(30000))
        on = start + dt.timedelta(days=rnd.randrange(31))
        if birth and birth > on:
            birth = on
        result.append(service(
            line, code=f"S{rnd.randrange(260):03d}", group=rnd.choice(["LAB", "XRAY", "VISIT", "OTHER", None]),
            sex=rnd.choice(["M", "F", None]), birth=birth,
            policies=rnd.choice([(), ("oms",), ("dms",), ("oms", "dms")]), on=on,
            quantity=rnd.randint(1, 3), amount=Decimal(rnd.randrange(100, 900000)) / 100,
            result=rnd.choice(["", "", "R1", "R2"])))
    rnd.shuffle(result)
    return result


def test_a_month_of_services_loses_and_duplicates_nothing():
    rules = month_rules()
    services = month_services(5000)
    mappings = map_all(rules, services)
    assert [m.order_line_id for m in mappings] == [s.order_line_id for s in services]
    assert sorted(m.order_line_id for m in mappings) == list(range(1, 5001))
    states = {m.state for m in mappings}
    assert states == {MAPPED, UNMAPPED, CONFLICT}  # the generated month exercises all three
    # The index gives exactly what checking every rule gives.
    assert mappings == [map_service(rules, s) for s in services]
    for m in mappings:
        if m.state == MAPPED:
            assert m.rule is not None and rule_matches(m.rule, m.service) and m.payer_code == m.rule.payer_code
        else:
            assert m.rule is None and m.payer_code == ""
        assert all(rule_matches(r, m.service) for r in m.candidates)
    rows = [register_row(m) for m in mappings if m.state == MAPPED]
    count, total = register_totals(rows)
    assert count == len(rows) and total == sum(r.amount for r in rows)


# --- conflicts between rules ----------------------------------------------------------------------


@pytest.mark.parametrize("a, b, conflict", [
    (rule(1, code="S1", payer_code="A"), rule(2, code="S1", payer_code="B"), True),
    (rule(1, code="S1", payer_code="A"), rule(2, code="S1", payer_code="A"), False),  # a duplicate
    (rule(1, code="S1", payer_code="A", price=Decimal(1)), rule(2, code="S1", payer_code="A", price=Decimal(2)), True),
    (rule(1, 1, code="S1", payer_code="A"), rule(2, 2, code="S1", payer_code="B"), False),  # priorities differ
    (rule(1, code="S1", payer_code="A"), rule(2, code="S2", payer_code="B"), False),
    (rule(1, code="S1", payer_code="A"), rule(2, payer_code="B"), True),  # the wildcard overlaps
    (rule(1, code="S1", payer_code="A"), rule(2, group="LAB", payer_code="B"), True),
    (rule(1, sex="M", payer_code="A"), rule(2, sex="F", payer_code="B"), False),
    (rule(1, result="", payer_code="A"), rule(2, result="R", payer_code="B"), False),
    (rule(1, result="", payer_code="A"), rule(2, payer_code="B"), True),
    (rule(1, age_max=17, payer_code="A"), rule(2, age_min=18, payer_code="B"), False),
    (rule(1, age_max=18, payer_code="A"), rule(2, age_min=18, payer_code="B"), True),  # 18 is in both
    (rule(1, age_min=60, payer_code="A"), rule(2, age_min=18, age_max=59, payer_code="B"), False),
    (rule(1, age_min=60, payer_code="A"), rule(2, payer_code="B"), True),
    (rule(1, policy="oms", payer_code="A"), rule(2, policy="dms", payer_code="B"), True),  # both kinds held
])
def test_find_rule_conflicts(a, b, conflict):
    found = find_rule_conflicts([b, a])
    assert [(c.first.id, c.second.id) for c in found] == ([(1, 2)] if conflict else [])


def test_conflicts_are_listed_by_priority_and_ids():
    rules = [rule(5, 2, payer_code="X"), rule(4, 2, payer_code="Y"), rule(3, 1, payer_code="A"),
             rule(1, 1, payer_code="B"), rule(2, 1, payer_code="B")]
    assert [(c.first.id, c.second.id) for c in find_rule_conflicts(rules)] == [(1, 3), (2, 3), (4, 5)]


_codes = st.sampled_from(["S1", "S2"])
_rules = st.builds(
    rule, id=st.integers(1, 10**6), priority=st.integers(1, 3), code=st.none() | _codes,
    group=st.none() | st.sampled_from(["G1", "G2"]), sex=st.none() | st.sampled_from(["M", "F"]),
    age_min=st.none() | st.integers(0, 80), age_max=st.none() | st.integers(0, 80),
    policy=st.none() | st.sampled_from(["oms", "dms"]), result=st.none() | st.sampled_from(["", "R"]),
    payer_code=st.sampled_from(["A", "B"]), price=st.none() | st.sampled_from([Decimal(1), Decimal(2)]))
_services = st.builds(
    service, line=st.integers(1, 10**6), code=_codes, group=st.none() | st.sampled_from(["G1", "G2"]),
    sex=st.none() | st.sampled_from(["M", "F"]), birth=st.none() | st.dates(dt.date(1940, 1, 1), DAY),
    policies=st.sampled_from([(), ("oms",), ("dms",), ("oms", "dms")]), result=st.sampled_from(["", "R"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(_rules, max_size=8, unique_by=lambda r: r.id), st.lists(_services, max_size=6))
def test_every_mapping_conflict_was_announced_and_the_index_agrees(rules, services):
    announced = {(c.first.id, c.second.id) for c in find_rule_conflicts(rules)}
    mappings = map_all(rules, services)
    assert mappings == [map_service(rules, s) for s in services]
    for m in mappings:
        if m.state == CONFLICT:
            ids = sorted(r.id for r in m.candidates)
            disagreeing = {(a.id, b.id) for i, a in enumerate(m.candidates) for b in m.candidates[i + 1:]
                           if (a.payer_code, a.payer_price) != (b.payer_code, b.payer_price)}
            assert disagreeing and {tuple(sorted(p)) for p in disagreeing} <= announced, ids


# --- rule validation ------------------------------------------------------------------------------


@pytest.mark.parametrize("r, text", [
    (rule(payer_code=""), "payer's service code"),
    (rule(payer_code="   "), "payer's service code"),
    (rule(payer_name=""), "payer's service name"),
    (rule(age_min=30, age_max=20), "greater than the highest"),
    (rule(age_min=-1), "negative"),
    (rule(age_max=-5), "negative"),
    (rule(age_max=200), "0 to 150"),
    (rule(price=Decimal("-0.01")), "cannot be negative"),
    (rule(price=Decimal("10000000")), "less than 10,000,000"),
    (rule(price=Decimal("NaN")), "not a number"),
    (rule(price=Decimal("Infinity")), "not a number"),
    (rule(sex="X"), "male, female"),
    (rule(sex="m"), "male, female"),
    (rule(policy="vip"), "OMS, DMS"),
    (rule(code=""), "blank"),
    (rule(group=" "), "blank"),
])
def test_bad_rules_are_refused(r, text):
    with pytest.raises(InvalidMappingRule) as info:
        validate_rule(r)
    assert text in str(info.value)
    assert isinstance(info.value, DomainError)


@pytest.mark.parametrize("r", [
    rule(),  # a catch-all with no condition
    rule(code="S1", group="LAB", sex="M", age_min=0, age_max=150, policy="oms", result="",
         price=Decimal("9999999.99")),
    rule(age_min=18, age_max=18, price=Decimal("0")),
])
def test_good_rules_pass(r):
    validate_rule(r)


# --- export format --------------------------------------------------------------------------------


def test_default_format_and_round_trip_of_settings():
    fmt = RegisterFormat.default()
    assert (fmt.format, fmt.encoding, fmt.delimiter, fmt.columns) == ("xml", "utf-8", ";", COLUMNS)
    assert RegisterFormat.from_settings({}) == fmt
    assert RegisterFormat.from_settings(None) == fmt
    custom = RegisterFormat.from_settings({"format": "CSV", "encoding": "Windows-1251", "delimiter": "\t",
                                           "columns": ["payer_code", "amount"], "xml_root": "Реестр",
                                           "xml_row": "Строка", "csv_header": False})
    assert (custom.format, custom.encoding, custom.encoding_name) == ("csv", "cp1251", "windows-1251")
    assert RegisterFormat.from_settings(custom.to_settings()) == custom


@pytest.mark.parametrize("settings_, key", [
    ({"fromat": "xml"}, "fromat"),
    ({"format": "json"}, "format"),
    ({"format": 1}, "format"),
    ({"format": ["xml"]}, "format"),
    ({"encoding": "koi8-r"}, "encoding"),
    ({"encoding": None}, "encoding"),
    ({"encoding": {"utf-8": 1}}, "encoding"),
    ({"delimiter": ""}, "delimiter"),
    ({"delimiter": ";;"}, "delimiter"),
    ({"delimiter": '"'}, "delimiter"),
    ({"delimiter": "\n"}, "delimiter"),
    ({"delimiter": "a"}, "delimiter"),
    ({"delimiter": 59}, "delimiter"),
    ({"delimiter": "\u2192", "encoding": "cp1251"}, "delimiter"),  # an arrow has no cp1251 byte
    ({"columns": "payer_code"}, "columns"),  # a string is not a list of names
    ({"columns": {"payer_code": True}}, "columns"),
    ({"columns": []}, "columns"),
    ({"columns": ["payer_code", "ssn"]}, "columns"),
    ({"columns": ["payer_code", 3]}, "columns"),
    ({"columns": ["payer_code", None]}, "columns"),
    ({"columns": ["amount", "amount"]}, "columns"),
    ({"xml_root": "1abc"}, "xml_root"),
    ({"xml_root": "a b"}, "xml_root"),
    ({"xml_root": ""}, "xml_root"),
    ({"xml_root": "ns:root"}, "xml_root"),
    ({"xml_root": "xmlRoot"}, "xml_root"),
    ({"xml_root": "<root>"}, "xml_root"),
    ({"xml_root": 5}, "xml_root"),
    ({"xml_row": "-row"}, "xml_row"),
    ({"xml_row": "row\n"}, "xml_row"),
    ({"xml_row": "register"}, "xml_row"),  # the same as the root
    ({"xml_row": "行", "encoding": "cp1251"}, "xml_row"),
    ({"csv_header": "yes"}, "csv_header"),
    ({"csv_header": 1}, "csv_header"),
    ({1: "xml"}, "1"),
    ("format=xml", "settings"),
    (["format", "xml"], "settings"),
])
def test_bad_format_settings_name_the_key(settings_, key):
    with pytest.raises(InvalidRegisterFormat) as info:
        RegisterFormat.from_settings(settings_)
    assert info.value.params["key"] == key
    assert f"\u201c{key}\u201d" in str(info.value)


def test_direct_construction_is_validated_too():
    with pytest.raises(InvalidRegisterFormat):
        RegisterFormat(format="pdf")
    with pytest.raises(InvalidRegisterFormat):
        RegisterFormat(columns=["amount"])  # a list, not a tuple


# --- export ---------------------------------------------------------------------------------------

HEADER = RegisterHeader(payer_name="ООО «Тестовая страховая» (fictitious)", payer_inn="7700000000",
                        agreement_number="Д-0001/31", period_from=dt.date(2031, 5, 1),
                        period_to=dt.date(2031, 5, 31), register_number="R-5")


def row(line=1, **kw) -> RegisterRow:
    values = dict(payer_code="P-1", payer_name="Приём врача (тест)", service_code="S100",
                  service_name="Консультация; повторная", patient_name='Тестов "Пример" Фиктивный',
                  birth_date=dt.date(1990, 5, 14), sex="M", policy_number="0000000000000000",
                  performed_on=dt.date(2031, 5, 3), quantity=2, price=Decimal("1250.5"),
                  amount=Decimal("2501"), result_code="", order_line_id=line)
    values.update(kw)
    return RegisterRow(**values)


def rows() -> list[RegisterRow]:
    return [row(1), row(2, patient_name="Многострочная\nФамилия, с запятой", birth_date=None, sex="",
                        amount=Decimal("0.1"), price=Decimal("0.05")),
            row(3, service_name="Анализ, \"срочный\"; cito", result_code="R1", amount=Decimal("-0.001"))]


@pytest.mark.parametrize("encoding, delimiter", [("utf-8", ";"), ("cp1251", ";"), ("cp1251", ","), ("utf-8", "\t")])
def test_csv_round_trip(encoding, delimiter):
    fmt = RegisterFormat.from_settings({"format": "csv", "encoding": encoding, "delimiter": delimiter})
    data = export_csv(HEADER, rows(), fmt)
    text = data.decode(encoding)
    parsed = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert parsed[0] == list(COLUMNS)
    body = [dict(zip(COLUMNS, line, strict=True)) for line in parsed[1:]]
    assert [b["order_line_id"] for b in body] == ["1", "2", "3"]
    assert body[0]["birth_date"] == "14.05.1990" and body[0]["performed_on"] == "03.05.2031"
    assert body[0]["patient_name"] == 'Тестов "Пример" Фиктивный'
    assert body[0]["service_name"] == "Консультация; повторная"
    assert (body[0]["price"], body[0]["amount"], body[0]["quantity"]) == ("1250.50", "2501.00", "2")
    assert body[1]["patient_name"] == "Многострочная\nФамилия, с запятой"
    assert (body[1]["birth_date"], body[1]["sex"], body[1]["amount"]) == ("", "", "0.10")
    assert body[2]["service_name"] == 'Анализ, "срочный"; cito'
    assert body[2]["amount"] == "0.00"  # not "-0.00"
    assert text.endswith("\r\n")


def test_csv_chosen_columns_without_header_line():
    fmt = RegisterFormat.from_settings({"format": "csv", "columns": ["order_line_id", "payer_code", "amount"],
                                        "csv_header": False})
    assert export_csv(HEADER, [row(7)], fmt) == b"7;P-1;2501.00\r\n"
    assert export_csv(HEADER, [], replace(fmt, csv_header=True)) == b"order_line_id;payer_code;amount\r\n"


@pytest.mark.parametrize("encoding", ["utf-8", "cp1251"])
def test_xml_round_trip(encoding):
    fmt = RegisterFormat.from_settings({"encoding": encoding, "xml_root": "Реестр", "xml_row": "Услуга"})
    data = export_xml(HEADER, rows(), fmt)
    declared = "windows-1251" if encoding == "cp1251" else "UTF-8"
    assert data.startswith(f'<?xml version="1.0" encoding="{declared}"?>'.encode("ascii"))
    data.decode(encoding)  # really in that encoding
    root = ET.fromstring(data)
    assert root.tag == "Реестр"
    assert root.attrib == {
        "payer_name": HEADER.payer_name, "payer_inn": "7700000000", "agreement_number": "Д-0001/31",
        "period_from": "2031-05-01", "period_to": "2031-05-31", "register_number": "R-5",
        "total_count": "3", "total_amount": "2501.10"}
    lines = root.findall("Услуга")
    assert len(lines) == 3
    first = {child.tag: (child.text or "") for child in lines[0]}
    assert list(first) == list(COLUMNS)
    assert first["birth_date"] == "1990-05-14" and first["performed_on"] == "2031-05-03"
    assert first["patient_name"] == 'Тестов "Пример" Фиктивный'
    assert (first["price"], first["amount"]) == ("1250.50", "2501.00")
    second = {child.tag: (child.text or "") for child in lines[1]}
    assert second["patient_name"] == "Многострочная\nФамилия, с запятой"
    assert second["birth_date"] == ""


def test_xml_escapes_markup_in_values():
    hostile = row(1, patient_name="</patient_name><x>&amp;", service_name="a < b & c > d")
    root = ET.fromstring(export_xml(replace(HEADER, payer_name='Payer "<&>"'), [hostile], RegisterFormat()))
    line = root.find("line")
    assert line.find("patient_name").text == "</patient_name><x>&amp;"
    assert line.find("service_name").text == "a < b & c > d"
    assert root.get("payer_name") == 'Payer "<&>"'


@pytest.mark.parametrize("exporter, fmt_settings", [
    (export_csv, {"format": "csv", "encoding": "cp1251"}),
    (export_xml, {"encoding": "cp1251"}),
])
def test_unencodable_characters_name_the_row(exporter, fmt_settings):
    fmt = RegisterFormat.from_settings(fmt_settings)
    bad = [row(1), row(42, patient_name="Тестова \u4e2d\u6587 Фиктивна")]
    with pytest.raises(UnencodableRegisterText) as info:
        exporter(HEADER, bad, fmt)
    assert info.value.params["line"] == 2 and info.value.params["order_line_id"] == 42
    assert info.value.params["character"] == "\u4e2d" and info.value.params["codepoint"] == "U+4E2D"
    assert "Line 2" in str(info.value) and "order line 42" in str(info.value) and "patient name" in str(info.value)
    # The same text is fine in UTF-8.
    exporter(HEADER, bad, replace(fmt, encoding="utf-8"))
    with pytest.raises(UnencodableHeaderText, match="payer name"):
        exporter(replace(HEADER, payer_name="Payer \U0001f600"), [row(1)], fmt)


@pytest.mark.parametrize("exporter", [export_csv, export_xml])
def test_other_refusals(exporter):
    fmt = replace(RegisterFormat.default(), format="csv" if exporter is export_csv else "xml")
    with pytest.raises(ControlCharacterInRegister, match="U\\+0001"):
        exporter(HEADER, [row(5, service_name="bad\x01name")], fmt)
    with pytest.raises(UnmappedRegisterLine, match="blank"):
        exporter(HEADER, [row(5, payer_code=" ")], fmt)
    with pytest.raises(InvalidRegisterPeriod):
        exporter(replace(HEADER, period_to=dt.date(2031, 4, 30)), [row(1)], fmt)


def test_export_of_a_mapped_month():
    mappings = map_all(month_rules(), month_services(2000, seed=11))
    mapped = [register_row(m) for m in mappings if m.state == MAPPED]
    data = export_xml(HEADER, mapped, RegisterFormat.from_settings({"encoding": "cp1251"}))
    root = ET.fromstring(data)
    count, total = register_totals(mapped)
    assert root.get("total_count") == str(count) == str(len(root))
    assert Decimal(root.get("total_amount")) == total
    text = export_csv(HEADER, mapped, RegisterFormat.from_settings({"format": "csv"})).decode("utf-8")
    assert len(list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))) == count + 1
