"""Model and individual agreements: the list filtered by kind, payer and number or name; the editor of
every field of an agreement; an individual agreement created from a model (the number, name, payer and
signing date typed, the rest — price list, markup, services, terms — copied by the contracts service);
the services the agreement names with their own prices or markups; and its payment schedule, each
payment due, paid or overdue (said in words and in colour), a received amount recorded against it.

Every change goes through `_page_ops`; the service's refusal is shown beside the button that asked.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.operations import operation_bus
from medcenter_desktop.table_model import ALIGN_RIGHT, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.models.billing import AGREEMENT_STATUSES
from shared.services.catalogue import ServiceEntry
from shared.services.contracts import (
    ONE_PUBLIC_OFFER,
    AgreementEntry,
    AgreementServiceEntry,
    InvalidContractEntry,
    PayerEntry,
    ScheduledPayment,
)
from workstations.contracts import _page_ops as ops
from workstations.contracts._page_kit import (
    AGREEMENT_KIND_NAMES,
    AGREEMENT_STATUS_NAMES,
    PAYMENT_COLOURS,
    PAYMENT_STATUS_NAMES,
    ColouredTableModel,
    DialogButtons,
    OptionalDate,
    OptionalSpin,
    RowFilter,
    choose,
    chosen_data,
    col,
    confirm,
    date_edit,
    day_text,
    error_label,
    fill_combo,
    form_labels,
    form_scroll,
    key,
    make_table,
    money_text,
    muted_label,
    name_of,
    percent_text,
    pydate,
    qdate,
    searchable,
    section_title,
    set_status,
    show_message,
    text_matches,
    watch_edits,
)

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession


def _validity(a: AgreementEntry) -> str:
    if a.valid_to is None:
        return QCoreApplication.translate("ContractsTexts", "from {start}").format(start=day_text(a.valid_from))
    return f"{day_text(a.valid_from)} – {day_text(a.valid_to)}"


AGREEMENT_COLUMNS = (
    col(QT_TRANSLATE_NOOP("ContractsTexts", "Number"), lambda a: a.number),
    col(QT_TRANSLATE_NOOP("ContractsTexts", "Name"), lambda a: a.name),
    col(QT_TRANSLATE_NOOP("ContractsTexts", "Payer"), lambda a: a.payer_name if a.kind == "individual" else
        QCoreApplication.translate("ContractsTexts", "(model agreement)")),
    col(QT_TRANSLATE_NOOP("ContractsTexts", "Valid"), _validity),
    col(QT_TRANSLATE_NOOP("ContractsTexts", "Status"), lambda a: name_of(AGREEMENT_STATUS_NAMES, a.status)),
)


def _money_input(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}".replace(".", ",")


def _percent_input(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def _typed(text: str) -> str | None:
    """What was typed in a money or percent cell, for the service to check (None when left empty)."""
    text = text.strip().rstrip("%").strip()
    return text or None


# --- Create from a model ------------------------------------------------------------------------------


class FromModelDialog(QDialog):
    """An individual agreement from a model: number, name, payer and signing date; the rest is copied."""

    def __init__(self, session: AppSession, models: Sequence[AgreementEntry], payers: Sequence[PayerEntry],
                 model_id: int | None = None, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.models = {m.id: m for m in models}
        self.created_id: int | None = None
        self.model_combo = QComboBox(self)
        for m in models:
            self.model_combo.addItem(f"{m.number} — {m.name}", m.id)
        self.model_combo.setMinimumWidth(420)
        self.number_edit = QLineEdit(self)
        self.number_edit.setMaxLength(60)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(300)
        self.payer_combo = searchable(QComboBox(self))
        fill_combo(self.payer_combo, [(p.name, p.id) for p in payers if p.is_active], none_text="")
        self.signed_date = date_edit(self, today or dt.date.today())
        self.copied_label = muted_label(self)
        self.error_label = error_label(self)
        self.buttons = DialogButtons(self)
        self.buttons.main_button.clicked.connect(self.create)
        self.labels = form_labels(self, (self.model_combo, self.number_edit, self.name_edit, self.payer_combo,
                                         self.signed_date))
        form = QFormLayout()
        for label, field in zip(self.labels, (self.model_combo, self.number_edit, self.name_edit, self.payer_combo,
                                              self.signed_date), strict=True):
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.copied_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.model_combo.currentIndexChanged.connect(lambda _i: self._model_changed())
        if model_id is not None:
            choose(self.model_combo, model_id)
        self.retranslate_ui()
        self._model_changed()

    def create(self) -> None:
        show_message(self.error_label, "")
        model_id = self.model_combo.currentData()
        payer_id = chosen_data(self.payer_combo)
        if model_id is None:
            show_message(self.error_label, self.tr("There is no model agreement to start from."))
            return
        if payer_id is None:
            show_message(self.error_label, self.tr("Choose the payer of the agreement."))
            self.payer_combo.setFocus()
            return
        self.buttons.main_button.setEnabled(False)
        ops.create_from_model(parent=self, session=self.session, model_id=model_id,
                              number=self.number_edit.text(), name=self.name_edit.text(), payer_id=payer_id,
                              signed_on=pydate(self.signed_date)).success(self._created).failure(
            self._refused).run()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Agreement from a model"))
        for label, text in zip(self.labels, (self.tr("&Model"), self.tr("&Number"), self.tr("N&ame"),
                                             self.tr("&Payer"), self.tr("&Signed on")), strict=True):
            label.setText(text)
        self.number_edit.setPlaceholderText(self.tr("For example: K-2026/15"))
        self.payer_combo.lineEdit().setPlaceholderText(self.tr("Type part of the payer's name…"))
        self.buttons.retranslate_ui(self.tr("&Create"))
        self._model_changed()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _model_changed(self) -> None:
        model = self.models.get(self.model_combo.currentData())
        if model is None:
            self.copied_label.setText("")
            return
        if not self.name_edit.text().strip() or self.name_edit.text() in {m.name for m in self.models.values()}:
            self.name_edit.setText(model.name)
        self.copied_label.setText(self.tr(
            "Copied from the model: the price list, the markup or discount ({adjustment}), the services with "
            "their own prices, the payment terms. The agreement starts as a draft and takes effect on the "
            "signing date.").format(adjustment=percent_text(model.adjustment_percent)))

    def _created(self, agreement_id: int) -> None:
        self.created_id = agreement_id
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.buttons.main_button.setEnabled(True)
        show_message(self.error_label, error_text(exc))


# --- The agreement card --------------------------------------------------------------------------------


class AgreementForm(QWidget):
    """Every field of an agreement, as typed; `entry` builds what the contracts service will check."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dirty = False
        self._loading = False
        self.kind_combo = QComboBox(self)
        for kind in AGREEMENT_KIND_NAMES:
            self.kind_combo.addItem("", kind)
        self.status_combo = QComboBox(self)
        for status in AGREEMENT_STATUSES:
            self.status_combo.addItem("", status)
        self.number_edit = QLineEdit(self)
        self.number_edit.setMaxLength(60)
        self.signed_date = OptionalDate(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(300)
        self.payer_combo = searchable(QComboBox(self))
        self.model_combo = QComboBox(self)
        self.from_date = date_edit(self)
        self.to_date = OptionalDate(self)
        self.price_list_combo = QComboBox(self)
        self.adjustment_edit = QLineEdit(self)
        self.adjustment_edit.setMaxLength(10)
        self.adjustment_edit.setMaximumWidth(110)
        self.adjustment_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.adjustment_hint = muted_label(self)
        self.covers_check = QCheckBox(self)
        self.offer_check = QCheckBox(self)
        self.due_spin = OptionalSpin(0, 365, self)
        self.due_label = QLabel(self)
        self.terms_edit = QPlainTextEdit(self)
        self.terms_edit.setTabChangesFocus(True)
        self.terms_edit.setFixedHeight(54)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(54)

        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind_combo, 1)
        kind_row.addSpacing(8)
        self.status_label = form_labels(self, (self.status_combo,))[0]
        kind_row.addWidget(self.status_label)
        kind_row.addWidget(self.status_combo, 1)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number_edit, 1)
        number_row.addSpacing(8)
        number_row.addWidget(self.signed_date)
        period_row = QHBoxLayout()
        period_row.addWidget(self.from_date)
        period_row.addSpacing(8)
        period_row.addWidget(self.to_date)
        period_row.addStretch(1)
        adjustment_row = QHBoxLayout()
        adjustment_row.addWidget(self.adjustment_edit)
        adjustment_row.addSpacing(6)
        adjustment_row.addWidget(self.adjustment_hint, 1)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due_spin)
        due_row.addSpacing(6)
        due_row.addWidget(self.due_label, 1)
        self.labels = form_labels(self, (self.kind_combo, self.number_edit, self.name_edit, self.payer_combo,
                                         self.model_combo, self.from_date, self.price_list_combo,
                                         self.adjustment_edit, self.due_spin, self.terms_edit, self.note_edit))
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setVerticalSpacing(8)
        self.form.addRow(self.labels[0], kind_row)
        self.form.addRow(self.labels[1], number_row)
        self.form.addRow(self.labels[2], self.name_edit)
        self.form.addRow(self.labels[3], self.payer_combo)
        self.form.addRow(self.labels[4], self.model_combo)
        self.form.addRow(self.labels[5], period_row)
        self.form.addRow(self.labels[6], self.price_list_combo)
        self.form.addRow(self.labels[7], adjustment_row)
        self.form.addRow("", self.covers_check)
        self.form.addRow("", self.offer_check)
        self.form.addRow(self.labels[8], due_row)
        self.form.addRow(self.labels[9], self.terms_edit)
        self.form.addRow(self.labels[10], self.note_edit)
        order = (self.kind_combo, self.status_combo, self.number_edit, self.signed_date.check, self.signed_date.edit,
                 self.name_edit, self.payer_combo, self.model_combo, self.from_date, self.to_date.check,
                 self.to_date.edit, self.price_list_combo, self.adjustment_edit, self.covers_check,
                 self.offer_check, self.due_spin, self.terms_edit, self.note_edit)
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        watch_edits(self._edited, *order, self.signed_date, self.to_date)
        self.payer_combo.editTextChanged.connect(lambda _t: self._edited())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def set_choices(self, payers: Sequence[PayerEntry], models: Sequence[AgreementEntry],
                    price_lists: Sequence) -> None:
        self._loading = True
        fill_combo(self.payer_combo, [(p.name if p.is_active else self.tr("{name} (inactive)").format(name=p.name),
                                       p.id) for p in payers], none_text="")
        fill_combo(self.model_combo, [(f"{m.number} — {m.name}", m.id) for m in models], none_text=self.tr("—"))
        fill_combo(self.price_list_combo, [(pl.name, pl.id) for pl in price_lists],
                   none_text=self.tr("— the default list —"))
        self._loading = False

    def set_entry(self, entry: AgreementEntry) -> None:
        self._loading = True
        choose(self.kind_combo, entry.kind)
        self.kind_combo.setEnabled(entry.id is None)
        choose(self.status_combo, entry.status)
        self.number_edit.setText(entry.number)
        self.signed_date.set_value(entry.signed_on)
        self.name_edit.setText(entry.name)
        self.name_edit.setCursorPosition(0)  # a long name is read from its start
        choose(self.payer_combo, entry.payer_id)
        if entry.payer_id is None:
            self.payer_combo.setEditText("")
        choose(self.model_combo, entry.model_id)
        self.from_date.setDate(qdate(entry.valid_from))
        self.to_date.set_value(entry.valid_to, entry.valid_from)
        choose(self.price_list_combo, entry.price_list_id)
        self.adjustment_edit.setText(_percent_input(entry.adjustment_percent) or "0")
        self.covers_check.setChecked(entry.covers_all_services)
        self.offer_check.setChecked(entry.is_public_offer)
        self.due_spin.set_value_or_none(entry.payment_due_days)
        self.terms_edit.setPlainText(entry.payment_terms)
        self.note_edit.setPlainText(entry.note)
        self._loading = False
        self._kind_changed()
        self.dirty = False

    def entry(self, base: AgreementEntry | None) -> AgreementEntry:
        kind = self.kind_combo.currentData()
        individual = kind == "individual"
        return AgreementEntry(
            id=base.id if base else None, version=base.version if base else 0, kind=kind,
            number=self.number_edit.text(), name=self.name_edit.text(), valid_from=pydate(self.from_date),
            valid_to=self.to_date.value(), payer_id=chosen_data(self.payer_combo) if individual else None,
            model_id=self.model_combo.currentData() if individual else None, signed_on=self.signed_date.value(),
            price_list_id=self.price_list_combo.currentData(),
            adjustment_percent=_typed(self.adjustment_edit.text()) or "0",  # type: ignore[arg-type]
            covers_all_services=self.covers_check.isChecked(), is_public_offer=self.offer_check.isChecked(),
            payment_terms=self.terms_edit.toPlainText().strip(), payment_due_days=self.due_spin.value_or_none(),
            status=self.status_combo.currentData(), note=self.note_edit.toPlainText().strip())

    def retranslate_ui(self) -> None:
        for label, text in zip(self.labels, (
                self.tr("&Kind"), self.tr("&Number"), self.tr("N&ame"), self.tr("&Payer"), self.tr("&Model"),
                self.tr("&Valid from"), self.tr("Price &list"), self.tr("Mar&kup, %"), self.tr("Payment &due"),
                self.tr("Payment &terms"), self.tr("N&ote")), strict=True):
            label.setText(text)
        self.status_label.setText(self.tr("&Status"))
        self.signed_date.check.setText(self.tr("si&gned on"))
        self.to_date.check.setText(self.tr("&until"))
        for combo, names in ((self.kind_combo, AGREEMENT_KIND_NAMES), (self.status_combo, AGREEMENT_STATUS_NAMES)):
            for index in range(combo.count()):
                combo.setItemText(index, name_of(names, combo.itemData(index)))
        self.adjustment_hint.setText(self.tr("to the list's prices; negative for a discount, e.g. −5"))
        self.covers_check.setText(self.tr("Covers &every service of the price list (not only those listed)"))
        self.offer_check.setText(self.tr("P&ublic offer (accepted by paying)"))
        self.due_spin.setSpecialValueText(self.tr("—"))
        self.due_label.setText(self.tr("days after the invoice"))
        self.number_edit.setPlaceholderText(self.tr("As printed on the agreement"))
        if self.payer_combo.lineEdit() is not None:
            self.payer_combo.lineEdit().setPlaceholderText(self.tr("Type part of the payer's name…"))
        if self.model_combo.count():
            self.model_combo.setItemText(0, self.tr("—"))
        if self.price_list_combo.count():
            self.price_list_combo.setItemText(0, self.tr("— the default list —"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "note_edit"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _kind_changed(self) -> None:
        individual = self.kind_combo.currentData() == "individual"
        self.form.setRowVisible(3, individual)
        self.form.setRowVisible(4, individual)

    def _edited(self) -> None:
        if not self._loading:
            self.dirty = True


# --- Services of the agreement ------------------------------------------------------------------------


class AgreementServicesEditor(QWidget):
    """The services an agreement names, each with an own price or markup and whether it is performed only
    with the insurer's approval (a check box); saved as a whole."""

    CODE, NAME, PRICE, ADJUSTMENT, APPROVAL = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[AgreementServiceEntry] = []
        self.dirty = False
        self.hint = muted_label(self)
        self.table = QTableWidget(0, 5, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        for column, width in ((self.CODE, 100), (self.PRICE, 120), (self.ADJUSTMENT, 150), (self.APPROVAL, 150)):
            self.table.setColumnWidth(column, width)
        self.table.itemChanged.connect(lambda _i: self._mark_dirty())
        self.add_combo = searchable(QComboBox(self))
        self.add_combo.setMinimumWidth(260)
        self.add_label = form_labels(self, (self.add_combo,))[0]
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add_chosen)
        self.remove_button = QPushButton(self)
        key(self.remove_button, QKeySequence.StandardKey.Delete)
        self.remove_button.clicked.connect(self.remove)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primaryButton")
        key(self.save_button, QKeySequence.StandardKey.Save)
        self.status_label = muted_label(self)
        self.status_label.hide()
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_label)
        add_row.addWidget(self.add_combo, 1)
        add_row.addWidget(self.add_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(add_row)
        layout.addLayout(buttons)
        layout.addWidget(self.status_label)
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def set_choices(self, services: Sequence[ServiceEntry]) -> None:
        fill_combo(self.add_combo, [(f"{s.code} — {s.name}", s.id) for s in services if s.is_active],
                   none_text="")
        self.add_combo.setCurrentIndex(0)

    def set_entries(self, entries: Sequence[AgreementServiceEntry]) -> None:
        self.entries = list(entries)
        self._rebuild()
        self.dirty = False
        self.remove_button.setEnabled(bool(self.entries))

    def typed_entries(self) -> list[AgreementServiceEntry]:
        """The rows as typed; prices and percentages are left as text for the service to check."""
        result = []
        for row, entry in enumerate(self.entries):
            price = self.table.item(row, self.PRICE)
            adjustment = self.table.item(row, self.ADJUSTMENT)
            approval = self.table.item(row, self.APPROVAL)
            result.append(AgreementServiceEntry(
                service_id=entry.service_id, service_code=entry.service_code, service_name=entry.service_name,
                price=_typed(price.text()) if price else None,  # type: ignore[arg-type]
                adjustment_percent=_typed(adjustment.text()) if adjustment else None,  # type: ignore[arg-type]
                requires_approval=approval is not None and approval.checkState() == Qt.CheckState.Checked))
        return result

    def add_chosen(self) -> None:
        service_id = chosen_data(self.add_combo)
        if service_id is None:
            set_status(self.status_label, self.tr("Choose the service to add."), error=True)
            self.add_combo.setFocus()
            return
        if any(e.service_id == service_id for e in self.entries):
            set_status(self.status_label, self.tr("The agreement already names this service."), error=True)
            return
        self.entries = self.typed_entries()
        code, _, name = self.add_combo.itemText(self.add_combo.findData(service_id)).partition(" — ")
        self.entries.append(AgreementServiceEntry(service_id=service_id, service_code=code, service_name=name))
        self._rebuild()
        self.table.setCurrentCell(len(self.entries) - 1, self.PRICE)
        self.dirty = True
        self.remove_button.setEnabled(True)
        set_status(self.status_label, "")
        self.add_combo.setCurrentIndex(0)
        self.add_combo.setEditText("")

    def remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        self.entries = self.typed_entries()
        self.entries.pop(row)
        self._rebuild()
        if self.entries:
            self.table.selectRow(min(row, len(self.entries) - 1))
        self.remove_button.setEnabled(bool(self.entries))
        self.dirty = True

    def retranslate_ui(self) -> None:
        self.hint.setText(self.tr(
            "The services the agreement names. An own price replaces the price list's; an own markup "
            "(negative: a discount), in percent, replaces the agreement's. Leave both empty to use the list's "
            "price with the agreement's markup. Double-click a cell to type in it. \u201cInsurer's approval\u201d: "
            "the service is performed only once the registry has recorded the insurer's approval for the line."))
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Service"), self.tr("Own price, ₽"),
                                              self.tr("Own markup, %"), self.tr("Insurer's approval")])
        self.add_label.setText(self.tr("Add a ser&vice:"))
        self.add_combo.lineEdit().setPlaceholderText(self.tr("Type part of a code or name…"))
        self.add_button.setText(self.tr("&Add"))
        self.remove_button.setText(self.tr("&Remove the service"))
        self.remove_button.setToolTip(self.tr("Delete"))
        self.save_button.setText(self.tr("&Save the services"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "save_button"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.setRowCount(len(self.entries))
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        for row, entry in enumerate(self.entries):
            for column, text in ((self.CODE, entry.service_code), (self.NAME, entry.service_name)):
                item = QTableWidgetItem(text)
                item.setFlags(fixed)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
            for column, text in ((self.PRICE, self._cell(entry.price, money=True)),
                                 (self.ADJUSTMENT, self._cell(entry.adjustment_percent, money=False))):
                item = QTableWidgetItem(text)
                item.setFlags(fixed | Qt.ItemFlag.ItemIsEditable)
                item.setTextAlignment(ALIGN_RIGHT)
                self.table.setItem(row, column, item)
            item = QTableWidgetItem(self.tr("needed"))
            item.setFlags(fixed | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if entry.requires_approval else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("Performed only with the insurer's approval linked to the line"))
            self.table.setItem(row, self.APPROVAL, item)
        self.table.blockSignals(False)

    @staticmethod
    def _cell(value, *, money: bool) -> str:
        if value is None:
            return ""
        if isinstance(value, Decimal):
            return _money_input(value) if money else _percent_input(value)
        return str(value)

    def _mark_dirty(self) -> None:
        self.dirty = True


# --- Payment schedule ---------------------------------------------------------------------------------


class PaymentScheduleEditor(QWidget):
    """The agreement's scheduled payments with their status; a payment added, a received amount recorded."""

    STATUS = 4  # the column coloured by the status

    def __init__(self, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.today = today or dt.date.today()
        status = self.status_of
        self.model = ColouredTableModel((
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Due on"), lambda p: p.due_on, ALIGN_RIGHT),
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Amount, ₽"), lambda p: money_text(p.amount), ALIGN_RIGHT),
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Paid, ₽"), lambda p: money_text(p.paid_amount), ALIGN_RIGHT),
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Paid on"), lambda p: p.paid_on, ALIGN_RIGHT),
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Status"), lambda p: name_of(PAYMENT_STATUS_NAMES, status(p))),
            col(QT_TRANSLATE_NOOP("ContractsTexts", "Note"), lambda p: p.note),
        ), lambda p: PAYMENT_COLOURS[status(p)], colour_columns=(self.STATUS,), parent=self)
        self.view = make_table(self, self.model)
        for column, width in ((0, 95), (1, 105), (2, 105), (3, 95), (4, 85)):
            self.view.setColumnWidth(column, width)
        self.summary = muted_label(self)

        self.add_box = QGroupBox(self)
        self.due_date = date_edit(self.add_box, self.today)
        self.amount_edit = QLineEdit(self.add_box)
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_edit.setMaximumWidth(150)
        self.note_edit = QLineEdit(self.add_box)
        self.note_edit.setMaxLength(300)
        self.add_button = QPushButton(self.add_box)
        key(self.add_button, QKeySequence("Ctrl+Return"))
        self.add_labels = form_labels(self.add_box, (self.due_date, self.amount_edit, self.note_edit))
        add_grid = QGridLayout(self.add_box)
        add_grid.addWidget(self.add_labels[0], 0, 0)
        add_grid.addWidget(self.due_date, 0, 1)
        add_grid.addWidget(self.add_labels[1], 0, 2, Qt.AlignmentFlag.AlignRight)
        add_grid.addWidget(self.amount_edit, 0, 3)
        add_grid.addWidget(self.add_button, 0, 5)
        add_grid.addWidget(self.add_labels[2], 1, 0)
        add_grid.addWidget(self.note_edit, 1, 1, 1, 5)
        add_grid.setColumnStretch(4, 1)

        self.paid_box = QGroupBox(self)
        self.paid_edit = QLineEdit(self.paid_box)
        self.paid_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.paid_edit.setMaximumWidth(150)
        self.paid_date = date_edit(self.paid_box, self.today)
        self.record_button = QPushButton(self.paid_box)
        self.full_button = QPushButton(self.paid_box)
        self.paid_labels = form_labels(self.paid_box, (self.paid_edit, self.paid_date))
        paid_row = QHBoxLayout(self.paid_box)
        paid_row.addWidget(self.paid_labels[0])
        paid_row.addWidget(self.paid_edit)
        paid_row.addWidget(self.paid_labels[1])
        paid_row.addWidget(self.paid_date)
        paid_row.addStretch(1)
        paid_row.addWidget(self.full_button)
        paid_row.addWidget(self.record_button)
        self.status_label = muted_label(self)
        self.status_label.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.paid_box)
        layout.addWidget(self.add_box)
        layout.addWidget(self.status_label)
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._chosen())
        self.retranslate_ui()
        self._chosen()

    # --- Public API ------------------------------------------------------------------------------

    def status_of(self, payment: ScheduledPayment) -> str:
        return payment.status(self.today)

    def set_payments(self, payments: Sequence[ScheduledPayment]) -> None:
        index = self.view.currentIndex()
        keep = self.model.row_at(index).id if index.isValid() and self.model.row_at(index) else None
        self.model.set_rows(payments)
        again = self.model.index_for_id(keep) if keep is not None else None
        if again is not None and again.isValid():
            self.view.setCurrentIndex(again)
        self._summarize()
        self._chosen()

    def selected_payment(self) -> ScheduledPayment | None:
        return self.model.row_at(self.view.currentIndex())

    def select_payment(self, payment_id: int) -> bool:
        index = self.model.index_for_id(payment_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
        return index.isValid()

    def retranslate_ui(self) -> None:
        self.add_box.setTitle(self.tr("New scheduled payment"))
        self.add_labels[0].setText(self.tr("D&ue on"))
        self.add_labels[1].setText(self.tr("A&mount, ₽"))
        self.add_labels[2].setText(self.tr("N&ote"))
        self.note_edit.setPlaceholderText(self.tr("For example: for March"))
        self.add_button.setText(self.tr("&Add the payment"))
        self.add_button.setToolTip(self.tr("Ctrl+Enter"))
        self.paid_box.setTitle(self.tr("Received from the payer (the chosen payment)"))
        self.paid_labels[0].setText(self.tr("&Paid, ₽"))
        self.paid_labels[1].setText(self.tr("o&n"))
        self.record_button.setText(self.tr("&Record"))
        self.full_button.setText(self.tr("Paid in &full"))
        self.model.set_rows(self.model.rows())
        self._summarize()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "status_label"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _chosen(self) -> None:
        payment = self.selected_payment()
        self.paid_box.setEnabled(payment is not None)
        if payment is not None:
            self.paid_edit.setText(_money_input(payment.paid_amount) if payment.paid_amount else "")
            self.paid_date.setDate(qdate(payment.paid_on or self.today))

    def _summarize(self) -> None:
        payments = self.model.rows()
        if not payments:
            self.summary.setText(self.tr("No payments are scheduled."))
            return
        total = sum((p.amount for p in payments), Decimal(0))
        paid = sum((p.paid_amount for p in payments), Decimal(0))
        overdue = sum((p.amount - p.paid_amount for p in payments if self.status_of(p) == "overdue"), Decimal(0))
        text = self.tr("Scheduled: {total} ₽ · paid: {paid} ₽ · overdue: {overdue} ₽").format(
            total=money_text(total), paid=money_text(paid), overdue=money_text(overdue))
        self.summary.setText(text)


# --- The page -----------------------------------------------------------------------------------------


class AgreementsPage(QWidget):
    """Agreements on the left; the chosen one's card, services and payment schedule on the right."""

    CARD_TAB, SERVICES_TAB, PAYMENTS_TAB = range(3)

    def __init__(self, session: AppSession, parent: QWidget | None = None, today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today or dt.date.today()
        self.lists = ops.AgreementLists()
        self.loading = False
        self.details_loading = False
        #: The agreement in the editor (None: a new one, not saved yet).
        self.current: AgreementEntry | None = None
        self._selected_id: int | None = None
        self._generation = 0
        self._quiet = False
        self._shown_id: int | None = None

        # The list.
        self.list_title = section_title(self)
        self.kind_filter = QComboBox(self)
        self.kind_filter.addItem("", None)
        for kind in AGREEMENT_KIND_NAMES:
            self.kind_filter.addItem("", kind)
        self.payer_filter = searchable(QComboBox(self))
        self.payer_filter.setMinimumWidth(200)
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.model = DtoTableModel(AGREEMENT_COLUMNS, parent=self)
        self.filter = RowFilter(self)
        self.filter.setSourceModel(self.model)
        self.view = make_table(self, self.filter, stretch_last=False)
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 100), (2, 150), (3, 180), (4, 75)):
            self.view.setColumnWidth(column, width)
        self.new_button = QPushButton(self)
        key(self.new_button, QKeySequence.StandardKey.New)
        self.from_model_button = QPushButton(self)
        self.from_model_button.setObjectName("primaryButton")
        key(self.from_model_button, QKeySequence("Ctrl+Shift+N"))
        self.count_label = muted_label(self)
        filters = QHBoxLayout()
        filters.addWidget(self.kind_filter)
        filters.addWidget(self.payer_filter, 1)
        list_panel = QWidget(self)
        list_layout = QVBoxLayout(list_panel)
        list_layout.setContentsMargins(0, 0, 6, 0)
        list_layout.addWidget(self.list_title)
        list_layout.addLayout(filters)
        list_layout.addWidget(self.search_edit)
        list_layout.addWidget(self.view, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.from_model_button)
        list_layout.addLayout(bottom)

        # The editor.
        self.editor_title = section_title(self)
        self.editor_meta = muted_label(self)
        self.editor_tabs = QTabWidget(self)
        self.form = AgreementForm(self)
        holder = QWidget(self)
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(10, 10, 10, 10)
        holder_layout.addWidget(self.form)
        holder_layout.addStretch(1)
        scroll = form_scroll(self, holder)
        self.form_status = muted_label(self)
        self.form_status.hide()
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primaryButton")
        key(self.save_button, QKeySequence.StandardKey.Save)
        self.revert_button = QPushButton(self)
        card = QWidget(self)
        card_layout = QVBoxLayout(card)
        card_layout.setContentsMargins(0, 0, 0, 8)
        card_layout.addWidget(scroll, 1)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(10, 0, 10, 0)
        status_row.addWidget(self.form_status)
        card_layout.addLayout(status_row)
        save_row = QHBoxLayout()
        save_row.setContentsMargins(10, 0, 10, 0)
        save_row.addWidget(self.revert_button)
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        card_layout.addLayout(save_row)
        self.services = AgreementServicesEditor(self)
        self.payments = PaymentScheduleEditor(self, self.today)
        self.editor_tabs.addTab(card, "")
        self.editor_tabs.addTab(self.services, "")
        self.editor_tabs.addTab(self.payments, "")
        editor_panel = QWidget(self)
        editor_layout = QVBoxLayout(editor_panel)
        editor_layout.setContentsMargins(6, 0, 0, 0)
        editor_layout.addWidget(self.editor_title)
        editor_layout.addWidget(self.editor_meta)
        editor_layout.addWidget(self.editor_tabs, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(list_panel)
        self.splitter.addWidget(editor_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([650, 630])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.splitter, 1)

        self.kind_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.payer_filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.search_edit.textChanged.connect(lambda _t: self._apply_filter())
        self.view.selectionModel().currentRowChanged.connect(lambda *_a: self._agreement_chosen())
        self.new_button.clicked.connect(lambda: self.new_agreement())
        self.from_model_button.clicked.connect(lambda: self.create_from_model())
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.services.save_button.clicked.connect(self.save_services)
        self.payments.add_button.clicked.connect(self.add_payment)
        self.payments.amount_edit.returnPressed.connect(self.add_payment)
        self.payments.record_button.clicked.connect(lambda: self.record_payment())
        self.payments.paid_edit.returnPressed.connect(lambda: self.record_payment())
        self.payments.full_button.clicked.connect(lambda: self.record_payment(full=True))
        for first, second in ((self.kind_filter, self.payer_filter), (self.payer_filter, self.search_edit),
                              (self.search_edit, self.view), (self.view, self.new_button),
                              (self.new_button, self.from_model_button)):
            QWidget.setTabOrder(first, second)
        operation_bus().changed.connect(self._changed)
        self.retranslate_ui()
        self._show_header()
        self._enable_tabs()
        self.refresh()

    # --- Public API ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.loading = True
        ops.load_agreement_lists(parent=self, session=self.session).success(self._show_lists).failure(
            self._load_failed).run()

    def selected_agreement(self) -> AgreementEntry | None:
        return self.filter.row_at(self.view.currentIndex())

    def select_agreement(self, agreement_id: int) -> bool:
        index = self.filter.index_for_id(agreement_id)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)
        return index.isValid()

    def set_filters(self, *, kind: str | None = None, payer_id: int | None = None, text: str = "") -> None:
        choose(self.kind_filter, kind)
        choose(self.payer_filter, payer_id)
        self.search_edit.setText(text)

    def models(self) -> list[AgreementEntry]:
        return [a for a in self.lists.agreements if a.kind == "model"]

    def new_agreement(self, kind: str = "individual") -> None:
        if not self._may_leave():
            return
        self._generation += 1
        self.details_loading = False
        self._selected_id = None
        self._quietly(lambda: (self.view.selectionModel().clearCurrentIndex(), self.view.clearSelection()))
        entry = AgreementEntry(id=None, kind=self.kind_filter.currentData() or kind, number="", name="",
                               valid_from=self.today, payer_id=self.payer_filter.currentData())
        self.current = entry
        self.form.set_entry(entry)
        self.services.set_entries(())
        self.payments.set_payments(())
        self._shown_id = None
        for label in (self.form_status, self.services.status_label, self.payments.status_label):
            set_status(label, "")
        self.editor_tabs.setCurrentIndex(self.CARD_TAB)
        self._show_header()
        self._enable_tabs()
        self.form.number_edit.setFocus()

    def create_from_model(self) -> FromModelDialog:
        selected = self.selected_agreement()
        model_id = selected.id if selected is not None and selected.kind == "model" else (
            selected.model_id if selected is not None else None)
        dialog = FromModelDialog(self.session, self.models(), self.lists.payers, model_id, self, self.today)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._created(d.created_id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def save(self) -> None:
        if self.details_loading:
            return
        set_status(self.form_status, "")
        self.save_button.setEnabled(False)
        entry = self.form.entry(self.current)
        ops.save_agreement(parent=self, session=self.session, entry=entry).success(
            self._saved).failure(lambda exc: self._refused(exc, entry)).run()

    def revert(self) -> None:
        self.form.dirty = self.services.dirty = False
        if self.current is None or self.current.id is None:
            self.new_agreement(self.form.kind_combo.currentData())
        else:
            self._load_details(self.current.id)

    def save_services(self) -> None:
        if self.current is None or self.current.id is None:
            return
        set_status(self.services.status_label, "")
        self.services.save_button.setEnabled(False)
        ops.set_agreement_services(parent=self, session=self.session, agreement_id=self.current.id,
                                   entries=self.services.typed_entries()).success(
            lambda _r: self._services_saved()).failure(self._services_refused).run()

    def add_payment(self) -> None:
        if self.current is None or self.current.id is None:
            return
        p = self.payments
        set_status(p.status_label, "")
        p.add_button.setEnabled(False)
        ops.add_payment(parent=self, session=self.session, agreement_id=self.current.id, due_on=pydate(p.due_date),
                        amount=p.amount_edit.text(), note=p.note_edit.text().strip()).success(
            self._payment_added).failure(self._payment_refused).run()

    def record_payment(self, *, full: bool = False) -> None:
        payment = self.payments.selected_payment()
        if payment is None:
            return
        p = self.payments
        if full:
            p.paid_edit.setText(_money_input(payment.amount))
        set_status(p.status_label, "")
        amount = p.paid_edit.text().strip() or "0"
        ops.record_payment(parent=self, session=self.session, payment_id=payment.id, paid_amount=amount,
                           paid_on=pydate(p.paid_date)).success(lambda _r: self._payment_recorded(payment.id)).failure(
            self._payment_refused).run()

    def retranslate_ui(self) -> None:
        self.list_title.setText(self.tr("Agreements"))
        self.kind_filter.setItemText(0, self.tr("All kinds"))
        for index in range(1, self.kind_filter.count()):
            self.kind_filter.setItemText(index, self.tr("{kind} agreements").format(
                kind=name_of(AGREEMENT_KIND_NAMES, self.kind_filter.itemData(index))))
        if self.payer_filter.count():
            self.payer_filter.setItemText(0, self.tr("All payers"))
        self.search_edit.setPlaceholderText(self.tr("Find by number or name…"))
        self.new_button.setText(self.tr("&New agreement"))
        self.new_button.setToolTip(self.tr("Ctrl+N"))
        self.from_model_button.setText(self.tr("Create from a &model…"))
        self.from_model_button.setToolTip(self.tr("Ctrl+Shift+N"))
        self.editor_tabs.setTabText(self.CARD_TAB, self.tr("Agreement"))
        self.editor_tabs.setTabText(self.SERVICES_TAB, self.tr("Services and prices"))
        self.editor_tabs.setTabText(self.PAYMENTS_TAB, self.tr("Payment schedule"))
        self.save_button.setText(self.tr("&Save the agreement"))
        self.save_button.setToolTip(self.tr("Ctrl+S"))
        self.revert_button.setText(self.tr("Undo the changes"))
        self.model.set_rows(self.model.rows())
        if self._selected_id is not None:
            self._quietly(lambda: self.select_agreement(self._selected_id))
        self._update_count()
        self._show_header()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "payments"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _show_lists(self, lists: ops.AgreementLists) -> None:
        self.loading = False
        self.lists = lists
        fill_combo(self.payer_filter, [(p.name, p.id) for p in lists.payers], none_text=self.tr("All payers"))
        self.form.set_choices(lists.payers, self.models(), lists.price_lists)
        self.services.set_choices(lists.services)
        self.model.set_rows(lists.agreements)
        self._apply_filter()
        if self._selected_id is not None:
            # Whoever chose it loads its details; the list only shows where it is.
            if not self.filter.index_for_id(self._selected_id).isValid():
                # Hidden by the filters: show every agreement, so the one being edited is seen.
                self._quietly(lambda: self.set_filters())
            self._quietly(lambda: self.select_agreement(self._selected_id))
        elif self.current is None and self.filter.rowCount():
            self.view.setCurrentIndex(self.filter.index(0, 0))

    def _load_failed(self, exc: Exception) -> None:
        self.loading = self.details_loading = False
        set_status(self.form_status, error_text(exc), error=True)

    def _apply_filter(self) -> None:
        kind, payer_id, needle = self.kind_filter.currentData(), chosen_data(self.payer_filter), self.search_edit.text()
        if not self.payer_filter.currentText().strip():
            payer_id = None
        self.filter.set_accept(lambda a: (kind is None or a.kind == kind)
                               and (payer_id is None or a.payer_id == payer_id)
                               and text_matches(needle, a.number, a.name, a.payer_name))
        self._update_count()

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("Shown: {shown}").format(shown=self.filter.rowCount()))

    def _quietly(self, action) -> None:
        self._quiet = True
        try:
            action()
        finally:
            self._quiet = False

    def _may_leave(self) -> bool:
        if not (self.form.dirty or self.services.dirty):
            return True
        if confirm(self, self.tr("Agreements"), self.tr("The agreement has unsaved changes. Leave them unsaved?")):
            self.form.dirty = self.services.dirty = False
            return True
        return False

    def _agreement_chosen(self) -> None:
        if self._quiet:
            return
        entry = self.selected_agreement()
        if entry is None or (self.current is not None and entry.id == self.current.id):
            return
        if not self._may_leave():
            current = self.current
            self._quietly(lambda: self.select_agreement(current.id) if current is not None and current.id
                          else self.view.clearSelection())
            return
        self._selected_id = entry.id
        self.current = entry
        self.form.set_entry(entry)
        set_status(self.form_status, "")
        self._show_header()
        self._load_details(entry.id)

    def _load_details(self, agreement_id: int) -> None:
        self._generation += 1
        generation = self._generation
        self.details_loading = True
        ops.load_agreement(parent=self, session=self.session, agreement_id=agreement_id).success(
            lambda details: self._show_details(details) if generation == self._generation else None
        ).failure(self._load_failed).run()

    def _show_details(self, details: ops.AgreementDetails | None) -> None:
        self.details_loading = False
        if details is None:
            set_status(self.form_status, self.tr("The agreement no longer exists."), error=True)
            return
        if self._shown_id != details.agreement.id:
            # Another agreement: what was said about the previous one's services and payments goes.
            set_status(self.services.status_label, "")
            set_status(self.payments.status_label, "")
            self._shown_id = details.agreement.id
        self.current = details.agreement
        if not self.form.dirty:
            self.form.set_entry(details.agreement)
        if not self.services.dirty:
            self.services.set_entries(details.services)
        self.payments.set_payments(details.payments)
        self._show_header()
        self._enable_tabs()

    def _show_header(self) -> None:
        a = self.current
        if a is None:
            self.editor_title.setText(self.tr("Agreements"))
            self.editor_meta.setText(self.tr("Choose an agreement on the left, or create one."))
            return
        if a.id is None:
            self.editor_title.setText(self.tr("New agreement"))
            self.editor_meta.setText(self.tr("Fill in the card and save it (Ctrl+S); then list its services "
                                             "and payments."))
            return
        self.editor_title.setText(f"{a.number} — {a.name}")
        parts = [self.tr("{kind} agreement").format(kind=name_of(AGREEMENT_KIND_NAMES, a.kind)),
                 name_of(AGREEMENT_STATUS_NAMES, a.status)]
        if a.payer_name:
            parts.append(a.payer_name)
        if a.model_id is not None:
            model = next((m for m in self.lists.agreements if m.id == a.model_id), None)
            if model is not None:
                parts.append(self.tr("from the model {number}").format(number=model.number))
        self.editor_meta.setText(" · ".join(parts))

    def _enable_tabs(self) -> None:
        saved = self.current is not None and self.current.id is not None
        self.editor_tabs.setTabEnabled(self.SERVICES_TAB, saved)
        self.editor_tabs.setTabEnabled(self.PAYMENTS_TAB, saved)

    def _saved(self, agreement_id: int) -> None:
        self.save_button.setEnabled(True)
        self.form.dirty = False
        self._selected_id = agreement_id
        set_status(self.form_status, self.tr("The agreement is saved."))
        self._load_details(agreement_id)

    def _refused(self, exc: Exception, entry: AgreementEntry | None = None) -> None:
        self.save_button.setEnabled(True)
        text = error_text(exc)
        if entry is not None and isinstance(exc, InvalidContractEntry) and exc.message == ONE_PUBLIC_OFFER:
            # Name the offer in force, which the service does not know to say.
            offer = next((a for a in self.lists.agreements if a.is_public_offer and a.status == "active"
                          and a.id != entry.id), None)
            text = self.tr("Only one public offer may be in force at a time: close {number} first, or save this "
                           "one as a draft.").format(number=offer.number if offer else "")
        set_status(self.form_status, text, error=True)

    def _created(self, agreement_id: int | None) -> None:
        if agreement_id is None:
            return
        self.form.dirty = self.services.dirty = False
        self._selected_id = agreement_id
        self.current = None
        set_status(self.form_status, self.tr("The agreement is created from the model as a draft. Check its "
                                             "fields, services and payment terms."))
        self._load_details(agreement_id)

    def _services_saved(self) -> None:
        self.services.save_button.setEnabled(True)
        self.services.dirty = False
        set_status(self.services.status_label, self.tr("The services of the agreement are saved."))
        if self.current is not None and self.current.id is not None:
            self._load_details(self.current.id)

    def _services_refused(self, exc: Exception) -> None:
        self.services.save_button.setEnabled(True)
        set_status(self.services.status_label, error_text(exc), error=True)

    def _payment_added(self, payment_id: int) -> None:
        p = self.payments
        p.add_button.setEnabled(True)
        p.amount_edit.clear()
        p.note_edit.clear()
        set_status(p.status_label, self.tr("The payment is added to the schedule."))
        self._after_payment(payment_id)

    def _payment_recorded(self, payment_id: int) -> None:
        set_status(self.payments.status_label, self.tr("The received amount is recorded."))
        self._after_payment(payment_id)

    def _after_payment(self, payment_id: int) -> None:
        if self.current is None or self.current.id is None:
            return
        self._generation += 1
        generation = self._generation
        ops.load_agreement(parent=self, session=self.session, agreement_id=self.current.id).success(
            lambda details: self._payments_again(details, payment_id) if generation == self._generation else None
        ).failure(self._load_failed).run()

    def _payments_again(self, details: ops.AgreementDetails | None, payment_id: int) -> None:
        self._show_details(details)
        self.payments.select_payment(payment_id)

    def _payment_refused(self, exc: Exception) -> None:
        self.payments.add_button.setEnabled(True)
        set_status(self.payments.status_label, error_text(exc), error=True)

    def _changed(self, changes) -> None:
        if set(changes) & {ops.AGREEMENT_CHANGES, ops.PAYER_CHANGES, ops.PRICE_CHANGES, ops.CATALOGUE_CHANGES}:
            self.refresh()
