"""The contracts workstation's discounts, quotas and registers pages against the real demo database:
a discount rule is created and a bad percentage refused; a quota shows the usage of an order line a
registrar adds, and its limit cannot be lowered below that; a register of the demo OMS agreement is
built from performed lines, its unmapped lines corrected, locked (refused while lines are open) and
exported to a file. Each page is rendered to /tmp/contracts-pages-*.png for a look."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from medcenter_desktop.login_service import log_in
from medcenter_desktop.operations import wait_for_background_ops
from shared.demo.generator import DEMO_PASSWORD
from shared.services import contracts, orders
from workstations.contracts.discounts_page import CONDITIONS_COLUMN, DiscountsPage
from workstations.contracts.quotas_page import LOAD_COLUMN, USED_COUNT_COLUMN, QuotasPage, load_level

TIMEOUT = 30000
SCREENSHOTS = Path("/tmp")


@pytest.fixture
def sessions(clinic):
    opened = []

    def open_as(login, workstation):
        settings = clinic.settings(workstation, language="en")
        session = log_in(settings, login, DEMO_PASSWORD)
        opened.append(session)
        return session

    yield open_as
    wait_for_background_ops(TIMEOUT)
    for session in opened:
        session.close()


@pytest.fixture
def clerk(sessions):
    return sessions("contracts", "CON-01")


@pytest.fixture
def registrar(sessions):
    return sessions("registrar", "REG-01")


def _show(qtbot, page):
    qtbot.addWidget(page)
    page.resize(1360, 780)
    page.show()
    qtbot.waitUntil(lambda: not page.loading, timeout=TIMEOUT)
    return page


def _screenshot(page, name: str) -> Path:
    wait_for_background_ops(TIMEOUT)
    QApplication.processEvents()
    path = SCREENSHOTS / f"contracts-pages-{name}.png"
    assert page.grab().save(str(path)) and path.stat().st_size > 10000
    return path


def _service_id(session, code: str) -> int:
    with session.uow() as uow:
        from shared.services import catalogue

        return next(s.id for s in catalogue.services(uow.session.connection(), session.organization_id)
                    if s.code == code)


def _adult_patient(clinic) -> int:
    with clinic.connect() as conn:
        return conn.execute("SELECT id FROM patients WHERE merged_into_id IS NULL "
                            "AND birth_date < now() - interval '25 years' "
                            "AND birth_date > now() - interval '60 years' ORDER BY id LIMIT 1").fetchone()[0]


# --- Discounts ------------------------------------------------------------------------------------------


def test_discount_rule_is_created_and_a_bad_percent_refused(qtbot, clerk, no_message_boxes):
    page = _show(qtbot, DiscountsPage(clerk))
    demo_rules = page.rule_model.rowCount()
    assert demo_rules >= 2, "the demo has two rules"
    assert page.limit_model.rowCount() >= 6
    registrar_row = page.limit_model.row_for_id("registrar")
    assert page.limit_model.index(registrar_row, 1).data() == "5.00 %"

    page.new_rule()
    assert page.current is None and page.editor_box.title() == "New rule"
    page.name_edit.setText("Test: Fictional students on Saturdays")
    page.percent_edit.setText("150")
    page.save_button.click()
    qtbot.waitUntil(lambda: page.editor_error.isVisibleTo(page), timeout=TIMEOUT)
    assert "from -100 to 100" in page.editor_error.text() and "150" in page.editor_error.text()
    assert page.name_edit.text() == "Test: Fictional students on Saturdays", "what was typed is kept"

    page.percent_edit.setText("abc")
    page.save_button.click()
    qtbot.waitUntil(lambda: "abc" in page.editor_error.text(), timeout=TIMEOUT)

    page.percent_edit.setText("12,5")
    group = page.lists.groups[0]
    page.group_combo.set_value(group.id)
    page.sex_combo.setCurrentIndex(page.sex_combo.findData("F"))
    page.age_from_spin.setValue(18)
    page.age_to_spin.setValue(25)
    for day, check in page.weekday_checks.items():
        check.setChecked(day == 6)
    page.time_from_edit.setText("9:00")
    page.time_to_edit.setText("13:30")
    qtbot.keyClick(page.time_to_edit, Qt.Key.Key_Return)  # Enter in a field saves
    qtbot.waitUntil(lambda: page.rule_model.rowCount() == demo_rules + 1 and page.current is not None
                    and page.current.name.startswith("Test:"), timeout=TIMEOUT)
    rule = page.current
    assert rule.percent == Decimal("12.50") and rule.service_group_id == group.id and rule.sex == "F"
    assert (rule.age_min, rule.age_max, rule.weekdays, rule.time_from, rule.time_to) == (18, 25, (6,), 540, 810)
    assert not page.editor_error.isVisibleTo(page)
    row = page.rule_model.row_for_id(rule.id)
    assert page.rule_model.index(row, 1).data() == "12.50 % off"
    assert "women" in page.rule_model.index(row, CONDITIONS_COLUMN).data() and "09:00–13:30" in page.rule_model.index(row, CONDITIONS_COLUMN).data()
    with clerk.uow() as uow:
        stored = [r for r in contracts.discount_rules(uow.session.connection(), clerk.organization_id)
                  if r.id == rule.id]
    assert stored and stored[0].percent == Decimal("12.50")

    # A surcharge, and no day ticked.
    page.percent_edit.setText("-5")
    for check in page.weekday_checks.values():
        check.setChecked(False)
    page.save_button.click()
    assert "at least one day" in page.editor_error.text()
    page.weekday_checks[1].setChecked(True)
    page.save_button.click()
    qtbot.waitUntil(lambda: page.current.percent == Decimal("-5.00"), timeout=TIMEOUT)
    assert page.rule_model.index(page.rule_model.row_for_id(rule.id), 1).data() == "5.00 % surcharge"

    # The manual limit of a job, typed in the table; a bad one is refused.
    page.set_limit("registrar", "7")
    qtbot.waitUntil(lambda: page.limit_model.index(page.limit_model.row_for_id("registrar"), 1).data()
                    == "7.00 %", timeout=TIMEOUT)
    page.limit_model.setData(page.limit_model.index(page.limit_model.row_for_id("cashier"), 1), "120")
    qtbot.waitUntil(lambda: page.limits_error.isVisibleTo(page), timeout=TIMEOUT)
    assert "from 0 to 100" in page.limits_error.text()
    page.rule_view.setCurrentIndex(page.rule_model.index(page.rule_model.row_for_id(rule.id), 0))
    _screenshot(page, "discounts")
    assert no_message_boxes == []


# --- Quotas ---------------------------------------------------------------------------------------------


def test_quota_shows_live_usage_and_refuses_a_limit_below_it(qtbot, clinic, clerk, registrar, no_message_boxes):
    service = _service_id(clerk, "B01.029.001")
    patient = _adult_patient(clinic)
    page = _show(qtbot, QuotasPage(clerk))
    assert page.day == dt.date.today()
    assert page.quota_model.rowCount() >= 2, "the demo's quotas of this month"
    assert page.timer.isActive() and page.timer.interval() == 30_000
    generation = page._generation
    page.timer.timeout.emit()
    assert page._generation == generation + 1, "the timer reads the usage again while the page is shown"
    qtbot.waitUntil(lambda: not page.loading, timeout=TIMEOUT)

    dialog = page.new_quota()
    assert dialog.windowTitle() == "New quota"
    assert (dialog.from_date.date().day(), dialog.to_date.date().month()) == (1, dt.date.today().month)
    dialog.name_edit.setText("Test: Fictional ophthalmology plan")
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData("own"))
    dialog.service_combo.set_value(service)
    dialog.count_edit.setText("two")
    dialog.save_button.click()
    assert "whole number" in dialog.error_label.text()
    dialog.count_edit.setText("2")
    dialog.amount_edit.setText("100 000")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: any(q.name.startswith("Test:") for q in page.quotas), timeout=TIMEOUT)
    quota = next(q for q in page.quotas if q.name.startswith("Test:"))
    assert quota.limit_count == 2 and quota.limit_amount == Decimal("100000.00") and quota.used_count == 0
    assert page.current_quota() == quota, "the saved quota is chosen"
    row = page.quota_model.row_for_id(quota.id)
    assert page.quota_model.index(row, USED_COUNT_COLUMN).data() == "0"

    with registrar.uow() as uow:
        conn = uow.session.connection()
        order_id = orders.create_order(conn, registrar.organization_id, patient_id=patient)
        orders.add_line(conn, order_id, service)
        uow.commit()
    page.refresh_button.click()
    qtbot.waitUntil(lambda: page.quota(quota.id).used_count == 1, timeout=TIMEOUT)
    row = page.quota_model.row_for_id(quota.id)
    assert page.quota_model.index(row, USED_COUNT_COLUMN).data() == "1"
    assert page.quota_model.index(row, USED_COUNT_COLUMN + 1).data() == "1", "one left"
    assert page.quota_model.index(row, LOAD_COLUMN).data() == "50 %"
    assert page.quota_model.index(row, LOAD_COLUMN).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#e3f4e8"
    assert "1 of 2 used, 1 left" in page.quota_model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)

    page.select_quota(quota.id)
    dialog = page.edit_quota()
    assert dialog.count_hint.text() == "used: 1"
    dialog.count_edit.setText("0")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog), timeout=TIMEOUT)
    assert "already used for 1 services" in dialog.error_label.text()
    assert dialog.count_edit.text() == "0" and dialog.isVisible(), "what was typed is kept"
    dialog.count_edit.setText("1")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.quota(quota.id).limit_count == 1, timeout=TIMEOUT)
    row = page.quota_model.row_for_id(quota.id)
    assert page.quota_model.index(row, LOAD_COLUMN).data() == "100 %"
    assert page.quota_model.index(row, LOAD_COLUMN).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fff1d6"

    page.set_day(dt.date.today() + dt.timedelta(days=400))
    qtbot.waitUntil(lambda: not page.loading and page.quota(quota.id) is None, timeout=TIMEOUT)
    page.set_day(dt.date.today())
    qtbot.waitUntil(lambda: not page.loading and page.quota(quota.id) is not None, timeout=TIMEOUT)
    page.select_quota(quota.id)
    _screenshot(page, "quotas")
    dialog = page.edit_quota()
    _screenshot(dialog, "quota-dialog")
    dialog.reject()
    assert no_message_boxes == []


def test_load_levels():
    assert [load_level(p) for p in (0, 79.9, 80, 100, 100.1, 250)] == ["ok", "ok", "high", "high", "over", "over"]


# --- Registers ------------------------------------------------------------------------------------------


def _oms(clerk):
    with clerk.uow() as uow:
        conn = uow.session.connection()
        fund = next(p for p in contracts.payers(conn, clerk.organization_id) if p.kind == "oms_fund")
        agreement = next(a for a in contracts.agreements(conn, clerk.organization_id, payer_id=fund.id)
                         if a.kind == "individual")
        return fund, agreement


def _performed_lines(registrar, patient: int, agreement, fund, service_ids) -> list[int]:
    """Order lines of the OMS agreement for ``patient``, performed now."""
    with registrar.uow() as uow:
        conn = uow.session.connection()
        order_id = orders.create_order(conn, registrar.organization_id, patient_id=patient)
        ids = [orders.add_line(conn, order_id, service, payer_id=fund.id, agreement_id=agreement.id)
               for service in service_ids]
        versions = {line.id: line.version for line in orders.order(conn, order_id).lines}
        for line_id in ids:
            orders.mark_performed(conn, line_id, versions[line_id], performed_at=dt.datetime.now(dt.UTC))
        uow.commit()
    return ids


def test_register_is_built_corrected_locked_and_exported(qtbot, clinic, clerk, registrar, tmp_path,
                                                         no_message_boxes):
    from shared.services import registers
    from shared.services.schedules import organization_zone
    from workstations.contracts.registers_page import RegistersPage

    fund, agreement = _oms(clerk)
    first_visit, repeat_visit, cardiology = (_service_id(clerk, code) for code in
                                             ("B01.047.001", "B01.047.002", "B01.015.001"))
    with clerk.uow() as uow:
        conn = uow.session.connection()
        covered = contracts.agreement_services(conn, agreement.id)
        # A service the fund pays for that no mapping rule names yet.
        contracts.set_agreement_services(conn, agreement.id, [*covered, contracts.AgreementServiceEntry(
            cardiology, price=Decimal("1300.00"))])
        today = dt.datetime.now(organization_zone(conn, clerk.organization_id)).date()
        uow.commit()
    patient = _adult_patient(clinic)
    ours = _performed_lines(registrar, patient, agreement, fund, (first_visit, repeat_visit, cardiology))

    page = _show(qtbot, RegistersPage(clerk))
    expected_month = (dt.date.today().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    assert page.period[0] == expected_month, "last month by default"
    assert page.period[1].month == expected_month.month and (page.period[1] + dt.timedelta(days=1)).day == 1

    # Mapping rules of the fund: a contradicting rule is listed with the one it contradicts.
    page.tabs.setCurrentIndex(page.RULES)
    assert page.set_payer(fund.id)
    qtbot.waitUntil(lambda: page.rules_data is not None and page.rules_data.payer_id == fund.id
                    and not page.rules_loading, timeout=TIMEOUT)
    assert page.rule_model.rowCount() == 3 and page.conflict_model.rowCount() == 0
    assert "XML" in page.format_label.text()
    dialog = page.add_rule()
    dialog.priority_spin.setValue(10)
    dialog.service_combo.set_value(repeat_visit)
    dialog.code_edit.setText("")
    dialog.name_edit.setText("Fictional repeat visit")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog), timeout=TIMEOUT)
    assert "payer's service code" in dialog.error_label.text()
    dialog.code_edit.setText("2.78.99")
    dialog.price_edit.setText("999")
    _screenshot(dialog, "rule-dialog")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: page.rule_model.rowCount() == 4 and page.conflict_model.rowCount() == 1,
                    timeout=TIMEOUT)
    conflict = page.conflict_model.index(0, 2).data()
    assert "2.78.2" in page.conflict_model.index(0, 1).data() + conflict and "2.78.99" in \
        page.conflict_model.index(0, 1).data() + conflict
    _screenshot(page, "mapping-rules")

    # Build this month's register.
    page.tabs.setCurrentIndex(page.REGISTERS)
    assert page.set_agreement(agreement.id)
    page.set_month(today)
    page.build_button.click()
    qtbot.waitUntil(lambda: page.current_register() is not None and page.current_register().number.startswith(
        agreement.number) and page.lines_register_id == page.current_register().id and not page.lines_loading,
        timeout=TIMEOUT)
    info = page.current_register()
    assert info.status == "draft" and info.period_from == today.replace(day=1)
    by_line = {line.order_line_id: line for line in page.lines}
    assert set(ours) <= set(by_line)
    first, repeat, cardio = (by_line[i] for i in ours)
    assert (first.state, first.payer_code) == ("mapped", "2.78.1")
    assert repeat.state == "conflict" and set(repeat.candidates) == {"2.78.2", "2.78.99"}
    assert cardio.state == "unmapped"
    assert page.lines[0].state in ("conflict", "unmapped"), "lines needing attention come first"
    row = page.line_model.row_for_id(cardio.id)
    assert page.line_model.index(row, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#fbe0e0"
    assert "need attention" in page.lines_title.text()
    page.set_filter("attention")
    qtbot.waitUntil(lambda: not page.lines_loading and all(
        line.state in ("conflict", "unmapped") for line in page.lines), timeout=TIMEOUT)
    page.set_filter(None)
    qtbot.waitUntil(lambda: not page.lines_loading and len(page.lines) >= 3, timeout=TIMEOUT)
    page.select_line(cardio.id)
    _screenshot(page, "registers")

    # Locking is refused while lines are open.
    page.lock_button.click()
    qtbot.waitUntil(lambda: bool(no_message_boxes), timeout=TIMEOUT)
    assert "unmapped or conflicting" in no_message_boxes[-1][1]
    assert "unmapped or conflicting" in page.status_label.text()
    no_message_boxes.clear()

    # The unmapped line is corrected by hand in the dialog.
    assert page.select_line(cardio.id)
    dialog = page.open_correct()
    assert dialog is not None and "B01.015.001" in dialog.about_label.text()
    _screenshot(dialog, "line-dialog")
    dialog.code_combo.setEditText("9.99.1")
    dialog.name_edit.setText("")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: dialog.error_label.isVisibleTo(dialog), timeout=TIMEOUT)
    assert "code and name" in dialog.error_label.text()
    dialog.name_edit.setText("Fictional cardiology consultation")
    dialog.amount_edit.setText("650")
    dialog.note_edit.setText("Agreed with the fund by phone")
    dialog.save_button.click()
    qtbot.waitUntil(lambda: any(line.id == cardio.id and line.state == "mapped" for line in page.lines)
                    and not page.lines_loading, timeout=TIMEOUT)
    cardio = next(line for line in page.lines if line.id == cardio.id)
    assert (cardio.payer_code, cardio.amount, cardio.corrected_by is not None) == ("9.99.1", Decimal("650.00"), True)

    # The contradicting rule goes; a rebuild maps the conflict and keeps the hand correction.
    page.tabs.setCurrentIndex(page.RULES)
    page.rule_view.setCurrentIndex(page.rule_model.index_for_id(
        next(r.id for r in page.rules_data.rules if r.payer_code == "2.78.99")))
    page.delete_rule(ask=False)
    qtbot.waitUntil(lambda: page.rule_model.rowCount() == 3 and page.conflict_model.rowCount() == 0,
                    timeout=TIMEOUT)
    page.tabs.setCurrentIndex(page.REGISTERS)
    page.select_register(info.id)
    page.rebuild_button.click()
    qtbot.waitUntil(lambda: not page.busy and not page.loading and not page.lines_loading and any(
        line.order_line_id == repeat.order_line_id and line.state == "mapped" for line in page.lines),
        timeout=TIMEOUT)
    by_line = {line.order_line_id: line for line in page.lines}
    assert by_line[repeat.order_line_id].payer_code == "2.78.2"
    assert by_line[cardio.order_line_id].payer_code == "9.99.1", "the hand correction is kept"
    others = [line for line in page.lines if line.order_line_id not in ours and line.state != "mapped"]
    for line in others:  # performed lines of the demo itself, if any
        page.exclude_line(line.id, "Not ours: fictional test exclusion")
        qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT)

    # Lock and export.
    page.lock_button.click()
    qtbot.waitUntil(lambda: page.register(info.id) is not None and page.register(info.id).status == "locked",
                    timeout=TIMEOUT)
    assert page.current_register().id == info.id and page.export_button.isEnabled()
    assert not page.correct_button.isEnabled(), "a locked register is not corrected"
    assert page.suggested_file_name(page.current_register()).endswith(".xml")
    target = tmp_path / "oms-register.xml"
    page.export_to(target)
    qtbot.waitUntil(lambda: page.register(info.id).status == "exported", timeout=TIMEOUT)
    root = ET.fromstring(target.read_bytes())
    assert root.tag == "ZL_LIST" and root.get("register_number") == info.number
    rows = {int(row.findtext("order_line_id")): row for row in root.iter("SLUCH")}
    assert set(ours) <= set(rows)
    assert rows[ours[2]].findtext("payer_code") == "9.99.1" and rows[ours[2]].findtext("amount") == "650.00"
    assert rows[ours[1]].findtext("payer_code") == "2.78.2"
    assert str(target) in page.status_label.text()
    with clerk.uow() as uow:
        assert registers.register(uow.session.connection(), info.id).status == "exported"
    assert no_message_boxes == []
    _screenshot(page, "registers-exported")


def test_register_export_to_a_bad_place_leaves_it_locked(qtbot, clinic, clerk, registrar, tmp_path,
                                                         no_message_boxes):
    from workstations.contracts.registers_page import RegistersPage

    fund, agreement = _oms(clerk)
    ours = _performed_lines(registrar, _adult_patient(clinic), agreement, fund,
                            [_service_id(clerk, "B01.047.001")])
    page = _show(qtbot, RegistersPage(clerk))
    page.set_agreement(agreement.id)
    page.set_month(dt.date.today())
    page.build()
    qtbot.waitUntil(lambda: not page.busy and page.current_register() is not None
                    and page.lines_register_id == page.current_register().id and not page.lines_loading,
                    timeout=TIMEOUT)
    for line in page.lines:
        if line.state != "mapped":
            page.exclude_line(line.id, "Fictional test exclusion")
            qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT)
    assert any(line.order_line_id == ours[0] for line in page.lines)
    register_id = page.current_register().id
    page.lock()
    qtbot.waitUntil(lambda: page.register(register_id).status == "locked", timeout=TIMEOUT)
    page.export_to(tmp_path / "no-such-folder" / "register.xml")
    qtbot.waitUntil(lambda: bool(no_message_boxes), timeout=TIMEOUT)
    assert "could not be written" in no_message_boxes[0][1]
    page.refresh()
    qtbot.waitUntil(lambda: not page.loading, timeout=TIMEOUT)
    assert page.register(register_id).status == "locked", "nothing is marked exported"


def test_pages_switch_language_and_answer_the_keyboard(qtbot, clerk, no_message_boxes):
    from medcenter_desktop import i18n
    from workstations.contracts.quotas_page import QuotaDialog
    from workstations.contracts.registers_page import RegistersPage

    discounts = _show(qtbot, DiscountsPage(clerk))
    quotas = _show(qtbot, QuotasPage(clerk))
    registers_page = _show(qtbot, RegistersPage(clerk))
    qtbot.waitUntil(lambda: registers_page.rules_data is not None, timeout=TIMEOUT)

    quotas.quota_view.setFocus()
    quotas.quota_view.setCurrentIndex(quotas.quota_model.index(0, 0))
    qtbot.keyClick(quotas.quota_view, Qt.Key.Key_Return)
    assert isinstance(quotas.dialog, QuotaDialog) and quotas.dialog.quota == quotas.quota_model.row_at(0)
    quotas.dialog.reject()

    i18n.switch_language("ru")
    try:
        for page in (discounts, quotas, registers_page):
            assert page.layout() is not None
        assert discounts.rule_model.rowCount() >= 2 and quotas.quota_model.rowCount() >= 2
    finally:
        i18n.switch_language("en")
    assert discounts.save_button.text() == "&Save rule"
    assert registers_page.tabs.tabText(registers_page.RULES) == "Mapp&ing rules"
    assert no_message_boxes == []

    # Building the month again finds nothing left: refused with the reason, no empty register left behind.
    count = len(page.registers)
    page.build()
    qtbot.waitUntil(lambda: not page.busy, timeout=TIMEOUT)
    assert "left outside registers" in page.status_label.text()
    assert len(page.registers) == count
