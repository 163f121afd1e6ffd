"""Payer registers on PostgreSQL: a generated month of performed services becomes registers with the
payers' mapping rules -- every performed line in exactly one register, mapped or listed as unmapped or
conflicting, never dropped -- reviewed, corrected, locked (then frozen) and exported."""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from sqlalchemy import text

from shared.services import contracts, registers
from shared.services.register_rules import InvalidMappingRule
from tests.db.demo_sessions import work

TODAY = dt.date.today()
MONTH = (TODAY.replace(day=1) - dt.timedelta(days=1)).replace(day=1)  # last month
MONTH_END = TODAY.replace(day=1) - dt.timedelta(days=1)


class Month:
    """A month of performed order lines under the demo OMS and insurer agreements, made as the owner."""

    def __init__(self, clinic, org: int, size: int) -> None:
        rng = random.Random(7)
        with clinic.connect(autocommit=True) as conn:
            def one(sql, **p):
                return conn.execute(sql, {"o": org, **p}).fetchone()[0]

            self.fund = one("SELECT id FROM payers WHERE organization_id = %(o)s AND kind = 'oms_fund'")
            self.insurer = one("SELECT id FROM payers WHERE organization_id = %(o)s AND kind = 'insurer'")
            self.oms = one("SELECT id FROM agreements WHERE payer_id = %(p)s", p=self.fund)
            self.dms = one("SELECT id FROM agreements WHERE payer_id = %(p)s", p=self.insurer)
            codes = ("B01.047.001", "B01.047.002", "A06.09.007", "A04.16.001")
            self.services = {c: one("SELECT id FROM medical_services WHERE organization_id = %(o)s AND code = %(c)s",
                                    c=c) for c in codes}
            patients = []
            for i in range(40):
                sex = "F" if i % 2 else "M"
                pid = conn.execute(
                    "INSERT INTO patients (last_name, first_name, birth_date, sex) VALUES (%s, 'Реестр', %s, %s) "
                    "RETURNING id", (f"Реестров{i}", dt.date(1950 + i, 3, 1), sex)).fetchone()[0]
                conn.execute("INSERT INTO patient_policies (patient_id, kind, number) VALUES (%s, 'oms', %s)",
                             (pid, f"{7700000000000000 + i}"))
                patients.append((pid, sex))
            self.women = {p for p, s in patients if s == "F"}
            self.lines: dict[int, tuple[int, str, int, dt.date]] = {}  # line -> agreement, code, patient, day
            days = (MONTH_END - MONTH).days + 1
            for n in range(size):
                agreement = self.oms if n % 4 else self.dms
                code = rng.choice(codes)
                patient, _sex = rng.choice(patients)
                # A few lines just outside the month: they must stay out of its register.
                day = MONTH + dt.timedelta(days=rng.randrange(-2, days + 2))
                order = conn.execute(
                    "INSERT INTO orders (organization_id, patient_id) VALUES (%s, %s) RETURNING id",
                    (org, patient)).fetchone()[0]
                line = conn.execute(
                    "INSERT INTO order_lines (organization_id, order_id, service_id, payer_id, agreement_id, base_price, "
                    "price, amount, status, performed_at) VALUES (%s, %s, %s, %s, %s, 1000, 1000, 1000, 'performed', "
                    "%s) RETURNING id",
                    (org, order, self.services[code], self.fund if agreement == self.oms else self.insurer, agreement,
                     dt.datetime.combine(day, dt.time(12, 0), tzinfo=dt.UTC))).fetchone()[0]
                self.lines[line] = (agreement, code, patient, day)

    def in_month(self, agreement: int) -> set[int]:
        return {line for line, (a, _c, _p, day) in self.lines.items() if a == agreement and MONTH <= day <= MONTH_END}


def _all_register_lines(clerk) -> list[tuple[int, int, str]]:
    with work(clerk) as c:
        return c.execute(text("SELECT order_line_id, register_id, state FROM register_lines")).all()


def test_a_month_becomes_registers_with_every_line_exactly_once(clinic, clerk):
    org = clerk.organization_id
    month = Month(clinic, org, 400)
    with work(clerk) as c:
        # A second rule for women's X-rays at the same priority as the demo's: a conflict the clerk is told of.
        xray = month.services["A06.09.007"]
        contracts_rule = contracts.MappingRuleEntry(id=None, payer_id=month.fund, payer_code="4.1.7Ж",
                                                    payer_name="Рентгенография (женщины)", priority=10,
                                                    service_id=xray, sex="F")
        registers.save_mapping_rule(c, org, contracts_rule)
        assert registers.rule_conflicts(c, month.fund)
        with pytest.raises(InvalidMappingRule):
            registers.save_mapping_rule(c, org, contracts.MappingRuleEntry(
                id=None, payer_id=month.fund, payer_code="", payer_name="Без кода"))
        oms_register = registers.build_register(c, month.oms, MONTH, MONTH_END)
        dms_register = registers.build_register(c, month.dms, MONTH, MONTH_END)
    # Built again for the same month: nothing is left to take, and no empty register is left behind.
    with pytest.raises(registers.RegisterRefused), work(clerk) as c:
        registers.build_register(c, month.oms, MONTH, MONTH_END)
    with work(clerk) as c:
        assert len(registers.registers(c, org)) == 2

    rows = _all_register_lines(clerk)
    ids = [line for line, _r, _s in rows]
    assert len(ids) == len(set(ids)), "a performed line sits in two registers"
    by_register = {r: {line for line, reg, _s in rows if reg == r} for r in (oms_register, dms_register)}
    assert by_register[oms_register] == month.in_month(month.oms)
    assert by_register[dms_register] == month.in_month(month.dms)

    with work(clerk) as c:
        lines = {x.order_line_id: x for x in registers.register_lines(c, oms_register)}
    for line_id, info in lines.items():
        _a, code, patient, _day = month.lines[line_id]
        if code == "A04.16.001":
            assert info.state == "unmapped" and info.payer_code == ""
        elif code == "A06.09.007" and patient in month.women:
            assert info.state == "conflict" and set(info.candidates) == {"4.1.7", "4.1.7Ж"}
        else:
            assert info.state == "mapped" and info.payer_code in ("2.78.1", "2.78.2", "4.1.7")
            assert info.policy_number.startswith("77")
    # Attention first: conflicts and unmapped lines lead the list.
    with work(clerk) as c:
        ordered = registers.register_lines(c, oms_register)
    states = [x.state for x in ordered]
    assert states == sorted(states, key=lambda s: {"conflict": 0, "unmapped": 1, "excluded": 2}.get(s, 3))


def test_review_lock_and_export(clinic, clerk):
    org = clerk.organization_id
    month = Month(clinic, org, 120)
    with work(clerk) as c:
        register_id = registers.build_register(c, month.oms, MONTH, MONTH_END)
        info = registers.register(c, register_id)
        with pytest.raises(registers.RegisterRefused) as caught:
            registers.lock_register(c, register_id, info.version)
        assert str(info.open_count) in str(caught.value)
        with pytest.raises(registers.RegisterRefused):
            registers.export_register(c, register_id)
        open_lines = [x for x in registers.register_lines(c, register_id) if x.state in ("unmapped", "conflict")]
        first, *rest = open_lines
        registers.correct_line(c, first.id, payer_code="9.9.9", payer_name="Исправлено вручную", amount="1 000,00",
                               note="По письму фонда")
        with pytest.raises(registers.RegisterRefused):
            registers.exclude_line(c, rest[0].id, "  ")
        for line in rest:
            registers.exclude_line(c, line.id, "Не входит в программу ОМС")
        # A rebuild keeps what was corrected or excluded by hand.
        registers.rebuild_register(c, register_id, registers.register(c, register_id).version)
        after = {x.id: x for x in registers.register_lines(c, register_id)}
        assert after[first.id].payer_code == "9.9.9" and after[first.id].corrected_by
        assert all(after[x.id].state == "excluded" for x in rest)
        registers.lock_register(c, register_id, registers.register(c, register_id).version)
        name, content = registers.export_register(c, register_id)
        mapped = [x for x in registers.register_lines(c, register_id) if x.state == "mapped"]
        statuses = dict(c.execute(text(
            "SELECT r.state, array_agg(DISTINCT l.status) FROM register_lines r JOIN order_lines l "
            "ON l.id = r.order_line_id WHERE r.register_id = :r GROUP BY 1"), {"r": register_id}).all())
    assert statuses == {"mapped": ["closed"], "excluded": ["performed"]}
    assert name.endswith(".xml")
    root = ET.fromstring(content)
    assert root.tag == "ZL_LIST" and len(root.findall("SLUCH")) == len(mapped)
    assert Decimal(root.get("total_amount")) == sum((x.amount for x in mapped), Decimal(0))
    # Locked: the database refuses any change, whoever asks.
    with pytest.raises(Exception) as caught, work(clerk) as c:
        c.execute(text("UPDATE register_lines SET payer_code = 'X' WHERE register_id = :r"), {"r": register_id})
    assert "register_locked" in str(caught.value)
    with pytest.raises(Exception) as caught, work(clerk) as c:
        c.execute(text("DELETE FROM payer_registers WHERE id = :r"), {"r": register_id})
    assert "register_locked" in str(caught.value)


def test_insurer_register_exports_csv_in_cp1251(clinic, clerk):
    org = clerk.organization_id
    month = Month(clinic, org, 80)
    with work(clerk) as c:
        register_id = registers.build_register(c, month.dms, MONTH, MONTH_END)
        for line in registers.register_lines(c, register_id):
            if line.state != "mapped":
                registers.exclude_line(c, line.id, "Вне договора ДМС")
        registers.lock_register(c, register_id, registers.register(c, register_id).version)
        name, content = registers.export_register(c, register_id)
        mapped = registers.register_lines(c, register_id, state="mapped")
    assert name.endswith(".csv")
    table = list(csv.reader(io.StringIO(content.decode("cp1251")), delimiter=";"))
    assert len(table) == len(mapped) + 1  # a header line
    assert {row[0] for row in table[1:]} <= {"ДМС-КОНС", "ДМС-ДИАГ"}


def test_mapping_rule_bad_input(clerk):
    with work(clerk) as c:
        fund = c.scalar(text("SELECT id FROM payers WHERE kind = 'oms_fund' AND organization_id = :o"),
                        {"o": clerk.organization_id})
        for bad in ({"age_min": 10, "age_max": 5}, {"payer_price": Decimal("-1")}, {"payer_name": " "}):
            with pytest.raises(Exception) as caught:
                registers.save_mapping_rule(c, clerk.organization_id, contracts.MappingRuleEntry(
                    **{"id": None, "payer_id": fund, "payer_code": "1", "payer_name": "Правило", **bad}))
            assert type(caught.value).__name__ in ("InvalidMappingRule", "InvalidPrice")
