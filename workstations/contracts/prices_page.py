"""Price lists and their prices by period: lists created, renamed and made the default (the list for
patients paying themselves); the prices of the chosen list in force on a day, or every period; a price
added from a day (until changed, or until a day), a price deleted.

The catalogue service decides what is valid: an absurd amount or a period overlapping another price of
the same service is refused beside the "Add" button, with the period it collides with, the input kept.
A price in force until changed that started earlier is closed the day before the new one by the service.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
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
    QPushButton,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.operations import operation_bus
from medcenter_desktop.table_model import ALIGN_CENTER, ALIGN_RIGHT, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services.catalogue import PriceEntry, PriceListInfo, ServiceEntry
from workstations.contracts import _page_ops as ops
from workstations.contracts._page_kit import (
    DialogButtons,
    OptionalDate,
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
    key,
    make_table,
    money_text,
    muted_label,
    pydate,
    searchable,
    section_title,
    set_status,
    show_message,
    text_matches,
)

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession


class PriceListDialog(QDialog):
    """Creates a price list or renames one (its note and default mark with it)."""

    def __init__(self, session: AppSession, price_list: PriceListInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.price_list = session, price_list
        self.saved_id: int | None = None
        self.name_edit = QLineEdit(price_list.name if price_list else "", self)
        self.name_edit.setMaxLength(200)
        self.name_edit.setMinimumWidth(340)
        self.note_edit = QLineEdit(price_list.note if price_list else "", self)
        self.default_check = QCheckBox(self)
        self.default_check.setChecked(bool(price_list and price_list.is_default))
        self.error_label = error_label(self)
        self.buttons = DialogButtons(self)
        self.buttons.main_button.clicked.connect(self.save)
        self.labels = form_labels(self, (self.name_edit, self.note_edit))
        form = QFormLayout()
        form.addRow(self.labels[0], self.name_edit)
        form.addRow(self.labels[1], self.note_edit)
        form.addRow("", self.default_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def save(self) -> None:
        show_message(self.error_label, "")
        self.buttons.main_button.setEnabled(False)
        pl = self.price_list
        ops.save_price_list(parent=self, session=self.session, name=self.name_edit.text(),
                            is_default=self.default_check.isChecked(), note=self.note_edit.text().strip(),
                            list_id=pl.id if pl else None, version=pl.version if pl else 0).success(
            self._saved).failure(self._refused).run()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Rename the price list") if self.price_list else self.tr("New price list"))
        self.labels[0].setText(self.tr("&Name"))
        self.labels[1].setText(self.tr("N&ote"))
        self.name_edit.setPlaceholderText(self.tr("For example: Prices for companies"))
        self.note_edit.setPlaceholderText(self.tr("Who the list is for"))
        self.default_check.setText(self.tr("The &default list (for patients paying themselves)"))
        self.buttons.retranslate_ui(self.tr("&Save"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "buttons"):
            self.retranslate_ui()
        super().changeEvent(event)

    def _saved(self, list_id: int) -> None:
        self.saved_id = list_id
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self.buttons.main_button.setEnabled(True)
        show_message(self.error_label, error_text(exc))


def _default_mark(pl: PriceListInfo) -> str:
    return "✓" if pl.is_default else ""


LIST_COLUMNS = (
    col(QT_TRANSLATE_NOOP("ContractsTexts", "Price list"), lambda pl: pl.name),
    col(QT_TRANSLATE_NOOP("ContractsTexts", "Default"), _default_mark, ALIGN_CENTER),
)
PRICE_COLUMNS = (
    col(QT_TRANSLATE_NOOP("ContractsTexts", "Code"), lambda p: p.service_code),
    col(QT_TRANSLATE_NOOP("ContractsTexts", "Service"), lambda p: p.service_name),
    col(QT_TRANSLATE_NOOP("ContractsTexts", "From"), lambda p: p.valid_from, ALIGN_RIGHT),
    col(QT_TRANSLATE_NOOP("ContractsTexts", "Until"), lambda p: p.valid_to, ALIGN_RIGHT),
    col(QT_TRANSLATE_NOOP("ContractsTexts", "Price, ₽"), lambda p: money_text(p.amount), ALIGN_RIGHT),
)
PRICE_CODE, PRICE_SERVICE, PRICE_FROM, PRICE_TO, PRICE_AMOUNT = range(5)


class PricesPage(QWidget):
    """The price lists on the left; the prices of the chosen one on the right, and a new price below."""

    def __init__(self, session: AppSession, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today or dt.date.today()
        self.data = ops.PriceData()
        self.loading = False
        self.prices_loading = False
        self._selected_list: int | None = None
        self._generation = 0

        # Lists.
        self.lists_title = section_title(self)
        self.list_model = DtoTableModel(LIST_COLUMNS, parent=self)
        self.list_view = make_table(self, self.list_model, stretch_last=False)
        self.list_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list_view.setColumnWidth(1, 80)
        self.list_note = muted_label(self)
        self.new_list_button = QPushButton(self)
        self.rename_list_button = QPushButton(self)
        self.default_button = QPushButton(self)
        lists_panel = QWidget(self)
        lists_layout = QVBoxLayout(lists_panel)
        lists_layout.setContentsMargins(0, 0, 6, 0)
        lists_layout.addWidget(self.lists_title)
        lists_layout.addWidget(self.list_view, 1)
        lists_layout.addWidget(self.list_note)
        lists_layout.addWidget(self.new_list_button)
        lists_layout.addWidget(self.rename_list_button)
        lists_layout.addWidget(self.default_button)

        # Prices of the chosen list.
        self.prices_title = section_title(self)
        self.on_radio = QRadioButton(self)
        self.on_radio.setChecked(True)
        self.all_radio = QRadioButton(self)
        group = QButtonGroup(self)
        group.addButton(self.on_radio)
        group.addButton(self.all_radio)
        self.on_date = date_edit(self, self.today)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setClearButtonEnabled(True)
        self.price_model = DtoTableModel(PRICE_COLUMNS, parent=self)
        self.price_filter = RowFilter(self)
        self.price_filter.setSourceModel(self.price_model)
        self.price_view = make_table(self, self.price_filter, stretch_last=False)
        header = self.price_view.horizontalHeader()
        header.setSectionResizeMode(PRICE_SERVICE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((PRICE_CODE, 110), (PRICE_FROM, 100), (PRICE_TO, 100), (PRICE_AMOUNT, 110)):
            self.price_view.setColumnWidth(column, width)
        self.price_view.setSortingEnabled(True)
        self.price_view.sortByColumn(PRICE_CODE, Qt.SortOrder.AscendingOrder)
        self.count_label = muted_label(self)
        self.delete_button = QPushButton(self)
        key(self.delete_button, QKeySequence.StandardKey.Delete)
        toolbar = QHBoxLayout()
        toolbar.addWidget(self.on_radio)
        toolbar.addWidget(self.on_date)
        toolbar.addSpacing(12)
        toolbar.addWidget(self.all_radio)
        toolbar.addSpacing(18)
        toolbar.addWidget(self.filter_edit, 1)
        under = QHBoxLayout()
        under.addWidget(self.count_label, 1)
        under.addWidget(self.delete_button)

        # A new price.
        self.add_box = QGroupBox(self)
        self.service_combo = searchable(QComboBox(self.add_box))
        self.service_combo.setMinimumWidth(360)
        self.amount_edit = QLineEdit(self.add_box)
        self.amount_edit.setMaxLength(20)
        self.amount_edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.amount_edit.setMaximumWidth(160)
        self.from_date = date_edit(self.add_box, self.today)
        self.to_date = OptionalDate(self.add_box, self.today)
        self.add_button = QPushButton(self.add_box)
        self.add_button.setObjectName("primaryButton")
        key(self.add_button, QKeySequence("Ctrl+Return"))
        self.add_error = error_label(self.add_box)
        self.add_hint = muted_label(self.add_box)
        self.add_labels = form_labels(self.add_box, (self.service_combo, self.amount_edit, self.from_date))
        self.roubles_label = QLabel(self.add_box)
        grid = QGridLayout(self.add_box)
        grid.setHorizontalSpacing(8)
        grid.addWidget(self.add_labels[0], 0, 0)
        grid.addWidget(self.service_combo, 0, 1, 1, 5)
        grid.addWidget(self.add_labels[1], 1, 0)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount_edit)
        amount_row.addWidget(self.roubles_label)
        grid.addLayout(amount_row, 1, 1)
        grid.addWidget(self.add_labels[2], 1, 2, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.from_date, 1, 3)
        grid.addWidget(self.to_date, 1, 4)
        grid.addWidget(self.add_button, 1, 5)
        grid.addWidget(self.add_hint, 2, 0, 1, 6)
        grid.addWidget(self.add_error, 3, 0, 1, 6)
        grid.setColumnStretch(4, 1)
        self.status_label = muted_label(self)
        self.status_label.hide()

        prices_panel = QWidget(self)
        prices_layout = QVBoxLayout(prices_panel)
        prices_layout.setContentsMargins(6, 0, 0, 0)
        prices_layout.addWidget(self.prices_title)
        prices_layout.addLayout(toolbar)
        prices_layout.addWidget(self.price_view, 1)
        prices_layout.addLayout(under)
        prices_layout.addWidget(self.add_box)
        prices_layout.addWidget(self.status_label)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(lists_panel)
        self.splitter.addWidget(prices_panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 980])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.splitter, 1)

        self.list_view.selectionModel().currentRowChanged.connect(lambda *_a: self._list_chosen())
        self.list_view.doubleClicked.connect(lambda _i: self.rename_list())
        self.new_list_button.clicked.connect(lambda: self.new_list())
        self.rename_list_button.clicked.connect(lambda: self.rename_list())
        self.default_button.clicked.connect(self.make_default)
        self.on_radio.toggled.connect(lambda _on: self.load_prices())
        self.on_date.dateChanged.connect(lambda _d: self.load_prices() if self.on_radio.isChecked() else None)
        self.filter_edit.textChanged.connect(lambda _t: self._apply_filter())
        self.price_view.selectionModel().currentRowChanged.connect(lambda *_a: self._price_chosen())
        self.delete_button.clicked.connect(lambda: self.delete_price())
        self.add_button.clicked.connect(self.add_price)
        self.amount_edit.returnPressed.connect(self.add_price)
        for first, second in ((self.list_view, self.new_list_button), (self.new_list_button, self.rename_list_button),
                              (self.rename_list_button, self.default_button), (self.default_button, self.on_radio),
                              (self.on_radio, self.on_date), (self.on_date, self.all_radio),
                              (self.all_radio, self.filter_edit), (self.filter_edit, self.price_view),
                              (self.price_view, self.delete_button), (self.delete_button, self.service_combo),
                              (self.service_combo, self.amount_edit), (self.amount_edit, self.from_date),
                              (self.from_date, self.to_date.check), (self.to_date.check, self.to_date.edit),
                              (self.to_date.edit, self.add_button)):
            QWidget.setTabOrder(first, second)
        operation_bus().changed.connect(self._changed)
        self.retranslate_ui()
        self.refresh()

    # --- Public API ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.loading = True
        ops.load_price_data(parent=self, session=self.session).success(self._show_data).failure(
            self._failed).run()

    def current_list(self) -> PriceListInfo | None:
        return self.list_model.row_at(self.list_view.currentIndex())

    def select_list(self, list_id: int) -> bool:
        index = self.list_model.index_for_id(list_id)
        if index.isValid():
            self.list_view.setCurrentIndex(index)
        return index.isValid()

    def selected_price(self) -> PriceEntry | None:
        return self.price_filter.row_at(self.price_view.currentIndex())

    def show_all_periods(self, all_periods: bool = True) -> None:
        (self.all_radio if all_periods else self.on_radio).setChecked(True)

    def load_prices(self) -> None:
        price_list = self.current_list()
        self.on_date.setEnabled(self.on_radio.isChecked())
        if price_list is None:
            self.price_model.set_rows(())
            self._update_count()
            return
        self._generation += 1
        generation = self._generation
        self.prices_loading = True
        on = pydate(self.on_date) if self.on_radio.isChecked() else None
        ops.load_prices(parent=self, session=self.session, price_list_id=price_list.id, on=on).success(
            lambda prices: self._show_prices(prices) if generation == self._generation else None
        ).failure(self._failed).run()

    def choose_service(self, service_id: int) -> None:
        choose(self.service_combo, service_id)

    def add_price(self) -> None:
        price_list = self.current_list()
        if price_list is None:
            return
        show_message(self.add_error, "")
        service_id = chosen_data(self.service_combo)
        if service_id is None:
            show_message(self.add_error, self.tr("Choose the service the price is for."))
            self.service_combo.setFocus()
            return
        self.add_button.setEnabled(False)
        ops.set_price(parent=self, session=self.session, price_list_id=price_list.id, service_id=service_id,
                      amount=self.amount_edit.text(), valid_from=pydate(self.from_date),
                      valid_to=self.to_date.value()).success(self._price_added).failure(self._price_refused).run()

    def delete_price(self, *, ask: bool = True) -> None:
        price = self.selected_price()
        if price is None:
            return
        question = self.tr(
            "Delete the price {amount} ₽ of “{service}” valid {period}?\n\nAn earlier price of the service "
            "keeps its end date: add a price for the days left without one.").format(
            amount=money_text(price.amount), service=price.service_name, period=self._period(price))
        if ask and not confirm(self, self.tr("Price lists"), question):
            return
        ops.delete_price(parent=self, session=self.session, price_id=price.id).success(
            lambda _r: set_status(self.status_label, self.tr("The price is deleted."))).failure(
            lambda exc: set_status(self.status_label, error_text(exc), error=True)).run()

    def new_list(self) -> PriceListDialog:
        return self._open_dialog(PriceListDialog(self.session, None, self))

    def rename_list(self) -> PriceListDialog | None:
        price_list = self.current_list()
        if price_list is None:
            return None
        return self._open_dialog(PriceListDialog(self.session, price_list, self))

    def make_default(self) -> None:
        pl = self.current_list()
        if pl is None or pl.is_default:
            return
        ops.save_price_list(parent=self, session=self.session, name=pl.name, is_default=True, note=pl.note,
                            list_id=pl.id, version=pl.version).success(
            lambda _id: set_status(self.status_label, self.tr("“{name}” is now the default price list.").format(
                name=pl.name))).failure(lambda exc: set_status(self.status_label, error_text(exc), error=True)).run()

    def retranslate_ui(self) -> None:
        self.lists_title.setText(self.tr("Price lists"))
        self.new_list_button.setText(self.tr("&New price list…"))
        self.rename_list_button.setText(self.tr("Rena&me…"))
        self.default_button.setText(self.tr("Make it the de&fault"))
        self.default_button.setToolTip(self.tr("The default list prices the services of patients paying themselves"))
        self.on_radio.setText(self.tr("In force &on"))
        self.all_radio.setText(self.tr("&All periods"))
        self.filter_edit.setPlaceholderText(self.tr("Find by code or name…"))
        self.delete_button.setText(self.tr("&Delete the price…"))
        self.delete_button.setToolTip(self.tr("Delete"))
        self.add_box.setTitle(self.tr("New price"))
        self.add_labels[0].setText(self.tr("S&ervice"))
        self.add_labels[1].setText(self.tr("&Price"))
        self.add_labels[2].setText(self.tr("&from"))
        self.roubles_label.setText(self.tr("₽"))
        self.to_date.check.setText(self.tr("&until"))
        self.amount_edit.setPlaceholderText(self.tr("1 500,00"))
        self.service_combo.lineEdit().setPlaceholderText(self.tr("Type part of a code or name…"))
        self.add_button.setText(self.tr("Add the pri&ce"))
        self.add_button.setToolTip(self.tr("Ctrl+Enter"))
        self.add_hint.setText(self.tr(
            "A price in force until changed that started earlier ends the day before the new one. "
            "Leave “until” clear for a price in force until changed."))
        self.list_model.set_rows(self.list_model.rows())
        if self._selected_list is not None:
            self.select_list(self._selected_list)
        self._show_title()
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "add_hint"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _show_data(self, data: ops.PriceData) -> None:
        self.loading = False
        self.data = data
        self.list_model.set_rows(data.lists)
        fill_combo(self.service_combo, [self._service_text(s) for s in data.services], none_text="")
        # The reset left no row current: choosing one again loads its prices.
        if (self._selected_list is None or not self.select_list(self._selected_list)) \
                and self.list_model.rowCount():
            self.list_view.setCurrentIndex(self.list_model.index(0, 0))

    @staticmethod
    def _service_text(s: ServiceEntry) -> tuple[str, int]:
        return f"{s.code} — {s.name}", s.id

    def _failed(self, exc: Exception) -> None:
        self.loading = self.prices_loading = False
        set_status(self.status_label, error_text(exc), error=True)

    def _list_chosen(self) -> None:
        price_list = self.current_list()
        self._selected_list = price_list.id if price_list else None
        self.rename_list_button.setEnabled(price_list is not None)
        self.default_button.setEnabled(price_list is not None and not price_list.is_default)
        self.add_box.setEnabled(price_list is not None)
        self._show_title()
        show_message(self.add_error, "")
        self.load_prices()

    def _show_title(self) -> None:
        price_list = self.current_list()
        if price_list is None:
            self.prices_title.setText(self.tr("Prices"))
            self.list_note.setText("")
            return
        self.prices_title.setText(self.tr("Prices: {name}").format(name=price_list.name))
        note = price_list.note
        if price_list.is_default:
            note = (note + "\n" if note else "") + self.tr("The default list: patients paying themselves.")
        self.list_note.setText(note)
        self.default_button.setEnabled(not price_list.is_default)

    def _show_prices(self, prices: tuple[PriceEntry, ...]) -> None:
        self.prices_loading = False
        keep = self.selected_price()
        self.price_model.set_rows(prices)
        self._apply_filter()
        if keep is not None:
            index = self.price_filter.index_for_id(keep.id)
            if index.isValid():
                self.price_view.setCurrentIndex(index)
        self.delete_button.setEnabled(self.selected_price() is not None)

    def _apply_filter(self) -> None:
        needle = self.filter_edit.text()
        self.price_filter.set_accept(lambda p: text_matches(needle, p.service_code, p.service_name))
        self._update_count()

    def _update_count(self) -> None:
        if self.on_radio.isChecked():
            text = self.tr("Prices in force on {day}: {count}").format(
                day=day_text(pydate(self.on_date)), count=self.price_filter.rowCount())
        else:
            text = self.tr("Prices of every period: {count}").format(count=self.price_filter.rowCount())
        self.count_label.setText(text)

    def _price_chosen(self) -> None:
        price = self.selected_price()
        self.delete_button.setEnabled(price is not None)
        if price is not None:
            # A new period of the same service starts from here: the service and the amount typed in.
            self.choose_service(price.service_id)
            self.amount_edit.setText(f"{price.amount:.2f}".replace(".", ","))

    def _period(self, price: PriceEntry) -> str:
        if price.valid_to is None:
            return self.tr("from {start}").format(start=day_text(price.valid_from))
        return f"{day_text(price.valid_from)} – {day_text(price.valid_to)}"

    def _price_added(self, _price_id: int) -> None:
        self.add_button.setEnabled(True)
        service = self.service_combo.currentText()
        set_status(self.status_label, self.tr("The price of “{service}” is added from {start}.").format(
            service=service, start=day_text(pydate(self.from_date))))

    def _price_refused(self, exc: Exception) -> None:
        self.add_button.setEnabled(True)
        show_message(self.add_error, error_text(exc))
        set_status(self.status_label, "")

    def _open_dialog(self, dialog: PriceListDialog) -> PriceListDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda d=dialog: self._list_saved(d.saved_id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _list_saved(self, list_id: int | None) -> None:
        if list_id is not None:
            self._selected_list = list_id

    def _changed(self, changes) -> None:
        changes = set(changes)
        if changes & {ops.PRICE_CHANGES, ops.CATALOGUE_CHANGES}:
            self.refresh()

