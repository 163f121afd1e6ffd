"""The contracts workstation against the real demo database, logged in as the contracts clerk: the window's
tabs build when first opened; a service and a complex service with two steps are typed into the catalogue;
a price is added to a list and an overlapping one refused in place; a payer with a wrong INN is refused,
then saved with a right one; an individual agreement is created from a model agreement with its services
and prices copied; a scheduled payment is added and marked paid. Each tab is rendered to
/tmp/contracts-*.png. Every code, name and number typed here is made up."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from medcenter_desktop.login_service import log_in
from medcenter_desktop.operations import in_uow, wait_for_background_ops
from shared.demo.generator import DEMO_PASSWORD
from shared.identifiers import inn_check_digits
from shared.services import catalogue as cat
from shared.services import contracts as con
from workstations.contracts._page_kit import qdate
from workstations.contracts.window import ContractsWindow

TIMEOUT = 30_000
SHOTS = Path(os.environ.get("CONTRACTS_SCREENSHOTS", "/tmp"))


@pytest.fixture
def clerk(clinic):
    session = log_in(clinic.settings("CON-01", language="en"), "contracts", DEMO_PASSWORD)
    yield session
    wait_for_background_ops(TIMEOUT)
    session.close()


@pytest.fixture
def window(qtbot, clerk, no_message_boxes):
    window = ContractsWindow(clerk)
    qtbot.addWidget(window)
    window.resize(1320, 800)
    window.show()
    return window


def read(session, fn):
    return in_uow(session, fn, commit=False)


def shoot(widget, name: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / f"contracts-{name}.png"))


def settle(qtbot, condition) -> None:
    qtbot.waitUntil(condition, timeout=TIMEOUT)
    wait_for_background_ops(TIMEOUT)


def test_tabs_in_order_built_on_demand(qtbot, window):
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Catalogue", "Price lists", "Payers", "Agreements", "Discounts", "Quotas", "Registers"]
    qtbot.waitUntil(lambda: window._lazy[0]._page is not None, timeout=TIMEOUT)
    assert all(tab._page is None for tab in window._lazy[1:]), "a tab not opened yet is not built"
    names = ("catalogue", "prices", "payers", "agreements", "discounts", "quotas", "registers")
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        assert window._lazy[index]._page is not None
        qtbot.wait(300)
        wait_for_background_ops(TIMEOUT)
        shoot(window, f"tab-{names[index]}")
    # Ctrl+number opens a tab.
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == window.PRICES_TAB


def test_catalogue_service_and_complex_service(qtbot, window, clerk):
    page = window.catalogue_page
    settle(qtbot, lambda: page.service_model.rowCount() > 10 and page.current is not None)
    # The groups of the demo catalogue filter the services.
    assert page.group_list.count() == 2 + len(page.data.groups) >= 5
    page.filter_edit.setText("B01.047")
    assert page.service_filter.rowCount() == 2

    # A group added, then renamed; a taken code is refused in the dialog.
    dialog = page.new_group()
    qtbot.keyClicks(dialog.code_edit, "CONS")
    dialog.name_edit.setText("Вымышленная группа")
    dialog.save()
    settle(qtbot, lambda: dialog.error_label.isVisible())
    assert "CONS is already used" in dialog.error_label.text()
    dialog.code_edit.setText("ZZTEST")
    dialog.save()
    settle(qtbot, lambda: any(g.code == "ZZTEST" for g in page.data.groups))
    group = next(g for g in page.data.groups if g.code == "ZZTEST")
    assert page.group_list.currentItem().text() == "Вымышленная группа"
    assert page.service_filter.rowCount() == 0, "the new group is chosen: no services in it yet"
    dialog = page.rename_group()
    dialog.name_edit.setText("Вымышленная группа (переименована)")
    dialog.save()
    settle(qtbot, lambda: page.group_list.currentItem().text() == "Вымышленная группа (переименована)")
    page.group_list.setCurrentRow(0)

    # A simple service.
    page.filter_edit.clear()
    page.new_service()
    form = page.form
    assert page.editor_title.text() == "New service"
    qtbot.keyClicks(form.code_edit, "ZZ99.001")
    form.name_edit.setText("Осмотр вымышленного специалиста")
    form.group_combo.setCurrentIndex(form.group_combo.findData(group.id))
    form.duration_spin.setValue(25)
    form.sex_combo.setCurrentIndex(form.sex_combo.findData("F"))
    form.age_min_spin.setValue(18)
    form.age_max_spin.setValue(17)
    page.save_service()
    settle(qtbot, lambda: page.form_status.isVisible())
    assert "age limits" in page.form_status.text(), "the service's refusal is shown, the input kept"
    assert form.code_edit.text() == "ZZ99.001"
    form.age_max_spin.setValue(60)
    form.vat_combo.setCurrentIndex(form.vat_combo.findData("vat20"))
    form.preparation_edit.setPlainText("Ничего особенного (тестовая запись).")
    page.save_service()
    settle(qtbot, lambda: page.current is not None and page.current.code == "ZZ99.001")
    simple = page.current
    assert (simple.sex, simple.age_min, simple.age_max, simple.vat_rate, simple.duration_minutes,
            simple.group_id) == ("F", 18, 60, "vat20", 25, group.id)
    settle(qtbot, lambda: page.selected_service() is not None and page.selected_service().id == simple.id)
    shoot(window, "catalogue")

    # A complex service of two steps: the new simple one and a demo consultation (Ctrl+N, Ctrl+S).
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=TIMEOUT)
    qtbot.keyClick(page.service_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.current is None and form.code_edit.hasFocus()
    qtbot.keyClicks(form.code_edit, "ZZ99.900")
    form.name_edit.setText("Вымышленный комплекс из двух шагов")
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("complex"))
    assert not page.specification.body.isVisible()
    qtbot.keyClick(form.code_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, lambda: page.current is not None and page.current.code == "ZZ99.900")
    complex_service = page.current
    page.editor_tabs.setCurrentIndex(page.SPECIFICATION_TAB)
    spec = page.specification
    assert spec.body.isVisible()
    for text in ("ZZ99.001", "B01.047.001"):
        spec.add_combo.setCurrentIndex(next(i for i in range(spec.add_combo.count())
                                            if spec.add_combo.itemText(i).startswith(text)))
        spec.add_chosen()
    assert [s.service_code for s in spec.steps] == ["ZZ99.001", "B01.047.001"]
    spec.table.selectRow(1)
    spec.move(-1)
    assert [s.service_code for s in spec.steps] == ["B01.047.001", "ZZ99.001"]
    spec.table.item(1, spec.OPTIONAL).setCheckState(Qt.CheckState.Checked)
    spec.table.cellWidget(1, spec.MINUTES).setValue(40)
    # The first step needs a therapist: a specialty, not one doctor.
    performer = spec.table.cellWidget(0, spec.PERFORMER)
    therapy = next(i for i in range(performer.count()) if "специальность" in performer.itemText(i).lower()
                   or "specialty" in performer.itemText(i).lower())
    performer.setCurrentIndex(therapy)
    wanted = performer.currentData()
    page.save_specification()
    settle(qtbot, lambda: "saved" in spec.status_label.text())
    steps = read(clerk, lambda c: cat.specification(c, complex_service.id))
    assert [(s.service_code, s.optional, s.duration_minutes) for s in steps] == [
        ("B01.047.001", False, None), ("ZZ99.001", True, 40)]
    assert (steps[0].specialty_id, steps[0].resource_id) == wanted and wanted[0] is not None
    spec.set_steps(steps)  # read back: the combo shows what is stored
    assert spec.table.cellWidget(0, spec.PERFORMER).currentData() == wanted
    shoot(window, "catalogue-specification")


def test_price_added_overlap_and_absurd_amount_refused(qtbot, window, clerk):
    page = window.show_page(window.PRICES_TAB)
    settle(qtbot, lambda: page.list_model.rowCount() >= 2 and page.price_model.rowCount() > 10
           and not page.prices_loading)
    retail = page.current_list()
    assert retail.is_default
    therapist = next(s for s in page.data.services if s.code == "B01.047.001")
    start = dt.date.today() + dt.timedelta(days=30)

    page.choose_service(therapist.id)
    page.amount_edit.setText("12 345 678 901")
    page.from_date.setDate(qdate(start))
    page.add_price()
    settle(qtbot, lambda: page.add_error.isVisible())
    assert "A price is an amount" in page.add_error.text()

    page.amount_edit.setText("1 950,50")
    page.add_price()
    settle(qtbot, lambda: "is added" in page.status_label.text())
    assert not page.add_error.isVisible()
    assert read(clerk, lambda c: cat.price_on(c, retail.id, therapist.id, start)) == Decimal("1950.50")
    # The earlier price, in force until changed, now ends the day before.
    assert read(clerk, lambda c: cat.price_on(c, retail.id, therapist.id, start - dt.timedelta(days=1))) == 1800

    # A period over both prices is refused with the period it collides with; the input stays.
    page.amount_edit.setText("2000")
    page.from_date.setDate(qdate(start - dt.timedelta(days=10)))
    page.to_date.set_value(start + dt.timedelta(days=5))
    page.add_price()
    settle(qtbot, lambda: page.add_error.isVisible())
    assert "already has a price of this service" in page.add_error.text()
    assert page.amount_edit.text() == "2000"
    shoot(window, "prices-refused")

    page.show_all_periods()
    page.filter_edit.setText("B01.047.001")
    settle(qtbot, lambda: page.price_filter.rowCount() == 2 and not page.prices_loading)
    rows = [page.price_filter.row_at(page.price_filter.index(r, 0)) for r in range(2)]
    assert [(r.valid_to, r.amount) for r in rows] == [(start - dt.timedelta(days=1), 1800), (None, Decimal("1950.50"))]
    # Deleting the new price (asked first: the test answers for the clerk).
    page.price_view.setCurrentIndex(page.price_filter.index_for_id(rows[1].id))
    page.delete_price(ask=False)
    settle(qtbot, lambda: page.price_filter.rowCount() == 1)
    page.filter_edit.clear()
    shoot(window, "prices")

    # A new list, made the default: the retail list loses the mark.
    dialog = page.new_list()
    dialog.name_edit.setText("Вымышленный прейскурант")
    dialog.save()
    settle(qtbot, lambda: page.current_list() is not None and page.current_list().name == "Вымышленный прейскурант"
           and not page.prices_loading)
    assert page.price_model.rowCount() == 0
    page.make_default()
    settle(qtbot, lambda: page.current_list() is not None and page.current_list().is_default)
    lists = read(clerk, lambda c: cat.price_lists(c, clerk.organization_id))
    assert [(pl.name, pl.is_default) for pl in lists][0] == ("Вымышленный прейскурант", True)
    assert sum(pl.is_default for pl in lists) == 1


def test_payer_with_a_wrong_inn_refused_then_saved(qtbot, window, clerk):
    page = window.show_page(window.PAYERS_TAB)
    settle(qtbot, lambda: page.model.rowCount() >= 3 and page.current is not None)
    page.set_kind_filter("insurer")
    assert page.filter.rowCount() == 1
    page.set_kind_filter(None)

    page.new_payer()
    assert page.editor_title.text() == "New payer"
    assert page.register.isVisible(), "a company's register format is edited with it"
    page.name_edit.setText("ООО «Вымышленные Перевозки»")
    qtbot.keyClicks(page.inn_edit, "7799000001")  # the check digit is wrong
    qtbot.keyClicks(page.kpp_edit, "779901001")
    page.save()
    settle(qtbot, lambda: page.error_label.isVisible())
    assert "INN 7799000001 is not valid" in page.error_label.text()
    assert page.name_edit.text() == "ООО «Вымышленные Перевозки»", "the input is kept"

    good_inn = "779900000" + inn_check_digits("779900000")
    page.inn_edit.setText(good_inn)
    page.register.format_combo.setCurrentIndex(page.register.format_combo.findData("csv"))
    page.register.encoding_combo.setCurrentIndex(page.register.encoding_combo.findData("cp1251"))
    page.register.delimiter_combo.setCurrentText("|")
    # Only three columns, the service code first.
    for row in range(page.register.columns_list.count()):
        item = page.register.columns_list.item(row)
        keep = item.data(Qt.ItemDataRole.UserRole) in ("service_code", "patient_name", "amount")
        item.setCheckState(Qt.CheckState.Checked if keep else Qt.CheckState.Unchecked)
    page.register.columns_list.setCurrentRow(2)  # service_code
    page.register.move_column(-1)
    page.register.move_column(-1)
    page.save()
    settle(qtbot, lambda: "saved" in page.error_label.text() and page.current.version > 0)
    saved = read(clerk, lambda c: con.payer(c, page.current.id))
    assert (saved.name, saved.inn, saved.kpp, saved.kind) == ("ООО «Вымышленные Перевозки»", good_inn, "779901001",
                                                              "company")
    assert saved.register_format["format"] == "csv" and saved.register_format["delimiter"] == "|"
    assert saved.register_format["columns"] == ["service_code", "patient_name", "amount"]
    assert page.selected_payer() is not None and page.selected_payer().id == saved.id
    shoot(window, "payers")

    # A wrong register format is refused by the same rules the export uses.
    page.register.row_edit.setText("")
    page.register.format_combo.setCurrentIndex(page.register.format_combo.findData("xml"))
    page.register.root_edit.setText("1register")
    page.save()
    settle(qtbot, lambda: page.error_label.objectName() == "errorLabel" and page.error_label.isVisible())
    assert "register format setting" in page.error_label.text()


def test_agreement_from_model_with_services_and_paid_payment(qtbot, window, clerk):
    page = window.show_page(window.AGREEMENTS_TAB)
    settle(qtbot, lambda: page.model.rowCount() >= 6 and page.current is not None and not page.details_loading)
    page.set_filters(kind="model")
    assert page.filter.rowCount() == 3
    year = dt.date.today().year
    model = next(a for a in page.models() if a.number == f"М-С-{year}")
    page.select_agreement(model.id)
    settle(qtbot, lambda: page.current.id == model.id and not page.details_loading)
    assert page.form.number_edit.text() == model.number
    assert not page.form.payer_combo.isVisible(), "a model agreement has no payer"

    # The model names two services: one at its own price, one with its own discount.
    page.editor_tabs.setCurrentIndex(page.SERVICES_TAB)
    services = page.services
    for code in ("B01.047.001", "A04.16.001"):
        services.add_combo.setCurrentIndex(next(i for i in range(services.add_combo.count())
                                                if services.add_combo.itemText(i).startswith(code)))
        services.add_chosen()
    services.table.item(0, services.PRICE).setText("абв")
    page.save_services()
    settle(qtbot, lambda: services.status_label.objectName() == "errorLabel" and services.status_label.isVisible())
    assert "A price is an amount" in services.status_label.text()
    services.table.item(0, services.PRICE).setText("1 234,50")
    services.table.item(1, services.ADJUSTMENT).setText("-5")
    page.save_services()
    settle(qtbot, lambda: "are saved" in services.status_label.text() and not page.details_loading)
    model_services = read(clerk, lambda c: con.agreement_services(c, model.id))
    assert [(s.service_code, s.price, s.adjustment_percent) for s in model_services] == [
        ("A04.16.001", None, Decimal("-5.00")), ("B01.047.001", Decimal("1234.50"), None)]

    # An individual agreement from the model.
    dialog = page.create_from_model()
    assert dialog.model_combo.currentData() == model.id
    assert dialog.name_edit.text() == model.name
    qtbot.keyClicks(dialog.number_edit, "TEST-0001")
    insurer = next(p for p in page.lists.payers if p.kind == "insurer")
    dialog.payer_combo.setCurrentIndex(dialog.payer_combo.findData(insurer.id))
    signed = dt.date.today() - dt.timedelta(days=3)
    dialog.signed_date.setDate(qdate(signed))
    dialog.create()
    settle(qtbot, lambda: page.current is not None and page.current.number == "TEST-0001"
           and not page.details_loading and page.selected_agreement() is not None)
    created = page.current
    assert (created.kind, created.status, created.payer_id, created.model_id, created.signed_on,
            created.valid_from) == ("individual", "draft", insurer.id, model.id, signed, signed)
    assert (created.price_list_id, created.adjustment_percent, created.payment_due_days) == (
        model.price_list_id, model.adjustment_percent, model.payment_due_days)
    assert page.selected_agreement().id == created.id
    assert [(e.service_code, e.price, e.adjustment_percent) for e in services.entries] == [
        (s.service_code, s.price, s.adjustment_percent) for s in model_services]
    assert services.table.item(1, services.PRICE).text() == "1234,50"
    page.editor_tabs.setCurrentIndex(page.CARD_TAB)
    assert page.form.payer_combo.isVisible() and page.form.payer_combo.currentData() == insurer.id
    shoot(window, "agreements")
    page.editor_tabs.setCurrentIndex(page.SERVICES_TAB)
    shoot(window, "agreements-services")

    # Its status is changed on the card.
    page.editor_tabs.setCurrentIndex(page.CARD_TAB)
    page.form.status_combo.setCurrentIndex(page.form.status_combo.findData("active"))
    page.form.adjustment_edit.setText("2000")
    page.save()
    settle(qtbot, lambda: page.form_status.objectName() == "errorLabel" and page.form_status.isVisible())
    assert "markup or discount" in page.form_status.text()
    page.form.adjustment_edit.setText("7,5")
    page.form.offer_check.setChecked(True)
    page.save()
    settle(qtbot, lambda: "public offer" in page.form_status.text())
    assert f"close ПО-{year} first" in page.form_status.text()
    page.form.offer_check.setChecked(False)
    page.save()
    settle(qtbot, lambda: "is saved" in page.form_status.text() and not page.details_loading)
    assert read(clerk, lambda c: con.agreement(c, created.id)).status == "active"
    assert page.current.adjustment_percent == Decimal("7.50")

    # A payment overdue since five days, then received in full.
    page.editor_tabs.setCurrentIndex(page.PAYMENTS_TAB)
    payments = page.payments
    assert payments.summary.text() == "No payments are scheduled."
    payments.due_date.setDate(qdate(dt.date.today() - dt.timedelta(days=5)))
    payments.amount_edit.setText("0")
    page.add_payment()
    settle(qtbot, lambda: payments.status_label.objectName() == "errorLabel" and payments.status_label.isVisible())
    assert "amount above zero" in payments.status_label.text()
    payments.amount_edit.setText("15 000")
    payments.note_edit.setText("Аванс (тест)")
    page.add_payment()
    settle(qtbot, lambda: payments.model.rowCount() == 1 and not page.details_loading)
    status_cell = payments.model.index(0, payments.STATUS)
    assert status_cell.data() == "Overdue"
    assert status_cell.data(Qt.ItemDataRole.ForegroundRole).name() == "#a61b1b"
    assert payments.selected_payment() is not None
    payments.due_date.setDate(qdate(dt.date.today() + dt.timedelta(days=25)))
    payments.amount_edit.setText("15000")
    page.add_payment()
    settle(qtbot, lambda: payments.model.rowCount() == 2 and not page.details_loading)
    assert payments.model.index(1, payments.STATUS).data() == "Due"
    payments.select_payment(payments.model.row_at(0).id)
    page.record_payment(full=True)
    settle(qtbot, lambda: payments.model.rowCount() == 2 and payments.model.index(0, payments.STATUS).data() == "Paid")
    assert payments.model.index(0, payments.STATUS).data(Qt.ItemDataRole.BackgroundRole).name() == "#e3f4e8"
    stored = read(clerk, lambda c: con.payment_schedule(c, created.id))
    assert [(p.amount, p.paid_amount, p.paid_on) for p in stored] == [
        (Decimal("15000.00"), Decimal("15000.00"), dt.date.today()), (Decimal("15000.00"), Decimal(0), None)]
    assert "paid: 15\u202f000.00 ₽" in payments.summary.text()
    shoot(window, "agreements-payments")


def test_language_switch_redraws_the_pages(qtbot, window):
    from medcenter_desktop import i18n

    pages = [window.show_page(index) for index in range(4)]
    settle(qtbot, lambda: not any(getattr(p, "loading", False) for p in pages))
    i18n.switch_language("ru")
    QApplication.processEvents()
    i18n.switch_language("en")
    QApplication.processEvents()
    assert window.tabs.tabText(window.AGREEMENTS_TAB) == "Agreements"
    assert window.catalogue_page.new_service_button.text() == "&New service"
    assert window.agreements_page.payments.summary.text()


def test_a_page_missing_from_the_release_leaves_a_note(qtbot, monkeypatch, stub_session):
    import sys

    from PySide6.QtWidgets import QWidget

    from workstations.contracts import window as contracts_window

    monkeypatch.setitem(sys.modules, "workstations.contracts.quotas_page", None)  # import raises ImportError
    holder = QWidget()
    qtbot.addWidget(holder)
    page = contracts_window._quotas(stub_session, holder)
    assert isinstance(page, contracts_window.UnavailablePage)
    assert "not available" in page.text()
