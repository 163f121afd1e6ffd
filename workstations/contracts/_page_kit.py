"""Small pieces the contracts pages share: names of the catalogue's and contracts' codes, tables, date and
money fields, status and error labels, confirmation, and tracking of unsaved edits.

Texts of module-level tables are marked in the ``ContractsTexts`` context and translated when shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QWidget,
)

from medcenter_desktop.table_model import ALIGN_LEFT, SORT_ROLE, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP

CONTEXT = "ContractsTexts"
DATE_FORMAT = "dd.MM.yyyy"

_Index = QModelIndex | QPersistentModelIndex

SERVICE_KIND_NAMES = {
    "simple": QT_TRANSLATE_NOOP("ContractsTexts", "Simple"),
    "complex": QT_TRANSLATE_NOOP("ContractsTexts", "Complex (several steps)"),
}
VAT_NAMES = {
    "exempt": QT_TRANSLATE_NOOP("ContractsTexts", "Exempt from VAT"),
    "vat0": QT_TRANSLATE_NOOP("ContractsTexts", "VAT 0 %"),
    "vat5": QT_TRANSLATE_NOOP("ContractsTexts", "VAT 5 %"),
    "vat7": QT_TRANSLATE_NOOP("ContractsTexts", "VAT 7 %"),
    "vat10": QT_TRANSLATE_NOOP("ContractsTexts", "VAT 10 %"),
    "vat20": QT_TRANSLATE_NOOP("ContractsTexts", "VAT 20 %"),
    "vat22": QT_TRANSLATE_NOOP("ContractsTexts", "VAT 22 %"),
}
SEX_NAMES = {
    None: QT_TRANSLATE_NOOP("ContractsTexts", "Any"),
    "M": QT_TRANSLATE_NOOP("ContractsTexts", "Men only"),
    "F": QT_TRANSLATE_NOOP("ContractsTexts", "Women only"),
}
PAYER_KIND_NAMES = {
    "company": QT_TRANSLATE_NOOP("ContractsTexts", "Company"),
    "insurer": QT_TRANSLATE_NOOP("ContractsTexts", "Insurer (voluntary insurance)"),
    "oms_fund": QT_TRANSLATE_NOOP("ContractsTexts", "Compulsory insurance fund"),
    "individual": QT_TRANSLATE_NOOP("ContractsTexts", "Private person"),
}
AGREEMENT_KIND_NAMES = {
    "model": QT_TRANSLATE_NOOP("ContractsTexts", "Model"),
    "individual": QT_TRANSLATE_NOOP("ContractsTexts", "Individual"),
}
AGREEMENT_STATUS_NAMES = {
    "draft": QT_TRANSLATE_NOOP("ContractsTexts", "Draft"),
    "active": QT_TRANSLATE_NOOP("ContractsTexts", "In force"),
    "closed": QT_TRANSLATE_NOOP("ContractsTexts", "Closed"),
}
PAYMENT_STATUS_NAMES = {
    "due": QT_TRANSLATE_NOOP("ContractsTexts", "Due"),
    "paid": QT_TRANSLATE_NOOP("ContractsTexts", "Paid"),
    "overdue": QT_TRANSLATE_NOOP("ContractsTexts", "Overdue"),
}
# Background and text colours of a payment's status (text says it too, for those who tell colours poorly).
PAYMENT_COLOURS = {
    "due": (QColor("#fff6dc"), QColor("#6b4e00")),
    "paid": (QColor("#e3f4e8"), QColor("#1d6b35")),
    "overdue": (QColor("#fdecec"), QColor("#a61b1b")),
}


def t(source: str) -> str:
    """A text marked with ``QT_TRANSLATE_NOOP("ContractsTexts", ...)`` in the current language."""
    return QCoreApplication.translate(CONTEXT, source)


def name_of(table: dict, key: Any) -> str:
    source = table.get(key)
    return t(source) if source is not None else str(key or "")


def col(header: str, getter: Callable, alignment: Qt.AlignmentFlag = ALIGN_LEFT) -> Column:
    return Column(header, getter, alignment, CONTEXT)


def day_text(value: dt.date | None) -> str:
    return value.strftime("%d.%m.%Y") if value else ""


def money_text(value: Decimal | None) -> str:
    """``1 800.00`` (a narrow no-break space between thousands), or an empty string."""
    if value is None:
        return ""
    return f"{value:,.2f}".replace(",", "\u202f")


def percent_text(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return f"{text} %"


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(edit: QDateEdit) -> dt.date:
    d = edit.date()
    return dt.date(d.year(), d.month(), d.day())


def date_edit(parent: QWidget, value: dt.date | None = None, display_format: str = DATE_FORMAT) -> QDateEdit:
    edit = QDateEdit(qdate(value or dt.date.today()), parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(display_format)
    edit.setMinimumWidth(120)
    return edit


class OptionalDate(QWidget):
    """A date that may be left out: a check box turning a date field on."""

    def __init__(self, parent: QWidget | None = None, default: dt.date | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self)
        self.edit = date_edit(self, default)
        self.edit.setEnabled(False)
        self.check.toggled.connect(self.edit.setEnabled)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.edit)
        layout.addStretch(1)
        self.setFocusProxy(self.check)

    def value(self) -> dt.date | None:
        return pydate(self.edit) if self.check.isChecked() else None

    def set_value(self, value: dt.date | None, default: dt.date | None = None) -> None:
        self.check.setChecked(value is not None)
        self.edit.setDate(qdate(value or default or dt.date.today()))


class OptionalSpin(QSpinBox):
    """A whole number that may be left out: the lowest value stands for "not set"."""

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low - 1, high)
        self.setValue(low - 1)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(90)

    def value_or_none(self) -> int | None:
        value = self.value()
        return None if value == self.minimum() else value

    def set_value_or_none(self, value: int | None) -> None:
        self.setValue(self.minimum() if value is None else value)


def key(button: QPushButton, sequence: QKeySequence | QKeySequence.StandardKey | str) -> QShortcut:
    """A keyboard shortcut for ``button`` that its mnemonic (set with its text) does not replace; it works
    while the button is visible and enabled, so a hidden tab's button never answers."""
    shortcut = QShortcut(QKeySequence(sequence), button)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.activated.connect(lambda: button.click() if button.isEnabled() and button.isVisible() else None)
    return shortcut


def make_table(parent: QWidget, model, *, stretch_last: bool = True) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table for the next field
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(28)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    view.horizontalHeader().setHighlightSections(False)
    return view


def form_scroll(parent: QWidget, content: QWidget) -> QScrollArea:
    """A vertically scrolling frame for a long form: never narrower than the form, so a splitter cannot
    squeeze its fields under a horizontal scroll bar."""
    scroll = QScrollArea(parent)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(content)
    bar = scroll.verticalScrollBar().sizeHint().width()
    scroll.setMinimumWidth(content.minimumSizeHint().width() + bar + 2)
    return scroll


def fit_columns(view: QTableView, widths: dict[int, tuple[int, int]]) -> None:
    """Sizes columns to their contents within (lowest, highest) pixels each."""
    view.resizeColumnsToContents()
    for column, (low, high) in widths.items():
        view.setColumnWidth(column, max(low, min(view.columnWidth(column), high)))


class ColouredTableModel(DtoTableModel):
    """A `DtoTableModel` whose rows may have their own background and text colours."""

    def __init__(self, columns: Sequence[Column], colours: Callable[[Any], tuple[QColor | None, QColor | None]],
                 *, colour_columns: Iterable[int] | None = None, id_attr: str = "id", parent=None) -> None:
        super().__init__(columns, id_attr=id_attr, parent=parent)
        self._colours = colours
        self._colour_columns = set(colour_columns) if colour_columns is not None else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and index.isValid():
            if self._colour_columns is not None and index.column() not in self._colour_columns:
                return None
            row = self.row_at(index)
            if row is None:
                return None
            try:
                background, foreground = self._colours(row)
            except Exception:  # noqa: BLE001 - a colour is never worth breaking the table over
                return None
            return background if role == Qt.ItemDataRole.BackgroundRole else foreground
        return super().data(index, role)


class RowFilter(QSortFilterProxyModel):
    """Keeps the rows of a `DtoTableModel` that ``accept(row)`` accepts; sorts by raw values."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._accept: Callable[[Any], bool] = lambda _row: True
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_accept(self, accept: Callable[[Any], bool]) -> None:
        self.beginFilterChange()
        self._accept = accept
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        row = model.row_at(source_row) if isinstance(model, DtoTableModel) else None
        return row is not None and self._accept(row)

    def row_at(self, index: _Index):
        model = self.sourceModel()
        if not index.isValid() or not isinstance(model, DtoTableModel):
            return None
        return model.row_at(self.mapToSource(index))

    def index_for_id(self, row_id) -> QModelIndex:
        model = self.sourceModel()
        if not isinstance(model, DtoTableModel):
            return QModelIndex()
        return self.mapFromSource(model.index_for_id(row_id))


def text_matches(needle: str, *values: object) -> bool:
    needle = needle.strip().casefold()
    return not needle or any(needle in str(v or "").casefold() for v in values)


def section_title(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("sectionTitle")
    label.setWordWrap(True)
    return label


def muted_label(parent: QWidget, *, wrap: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("mutedLabel")
    label.setWordWrap(wrap)
    return label


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("errorLabel")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_message(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def set_status(label: QLabel, text: str, *, error: bool = False) -> None:
    """A status line: muted for news, red for a refusal; hidden when empty."""
    name = "errorLabel" if error and text else "mutedLabel"
    if label.objectName() != name:
        label.setObjectName(name)
        label.style().unpolish(label)
        label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))


def confirm(parent: QWidget, title: str, question: str) -> bool:
    answer = QMessageBox.question(parent, title, question,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def fill_combo(combo: QComboBox, items: Iterable[tuple[str, Any]], *, keep: Any = None,
               none_text: str | None = None) -> None:
    """Refills ``combo`` with (text, data) items, choosing ``keep`` (or the current data) again."""
    current = keep if keep is not None else combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, None)
    for text, data in items:
        combo.addItem(text, data)
    found = combo.findData(current) if current is not None else -1
    combo.setCurrentIndex(found if found >= 0 else 0)
    combo.blockSignals(False)


def choose(combo: QComboBox, data: Any) -> None:
    """Chooses the item with ``data`` (the first one when there is none)."""
    found = combo.findData(data)
    combo.setCurrentIndex(found if found >= 0 else 0)


def searchable(combo: QComboBox) -> QComboBox:
    """Lets one type part of a code or name to find an item among many."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = combo.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    combo.setMaxVisibleItems(20)
    return combo


def chosen_data(combo: QComboBox) -> Any:
    """The data of the item whose text is typed in an editable combo (None if nothing matches)."""
    if combo.isEditable():
        index = combo.findText(combo.currentText(), Qt.MatchFlag.MatchExactly)
        return combo.itemData(index) if index >= 0 else None
    return combo.currentData()


def watch_edits(callback: Callable[[], None], *widgets: QWidget) -> None:
    """Calls ``callback`` when the person changes any of ``widgets``."""
    for widget in widgets:
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(lambda _t: callback())
        elif isinstance(widget, QPlainTextEdit):
            widget.textChanged.connect(callback)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(lambda _i: callback())
        elif isinstance(widget, QCheckBox):
            widget.toggled.connect(lambda _on: callback())
        elif isinstance(widget, QSpinBox):
            widget.valueChanged.connect(lambda _v: callback())
        elif isinstance(widget, QDateEdit):
            widget.dateChanged.connect(lambda _d: callback())
        elif isinstance(widget, OptionalDate):
            widget.check.toggled.connect(lambda _on: callback())
            widget.edit.dateChanged.connect(lambda _d: callback())


def form_labels(parent: QWidget, buddies: Sequence[QWidget]) -> list[QLabel]:
    """Labels of a form's rows, each with its field as buddy (Alt+letter jumps there)."""
    labels = []
    for buddy in buddies:
        label = QLabel(parent)
        label.setBuddy(buddy)
        labels.append(label)
    return labels


def set_texts(widgets: Sequence[Any], texts: Sequence[str]) -> None:
    for widget, text in zip(widgets, texts, strict=True):
        widget.setText(text)


class DialogButtons(QWidget):
    """A dialog's buttons on the right: the main action and Cancel."""

    def __init__(self, dialog: QDialog) -> None:
        super().__init__(dialog)
        self.main_button = QPushButton(self)
        self.main_button.setObjectName("primaryButton")
        self.main_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(dialog.reject)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.main_button)
        layout.addWidget(self.cancel_button)

    def retranslate_ui(self, main_text: str) -> None:
        self.main_button.setText(main_text)
        self.cancel_button.setText(QCoreApplication.translate("ContractsTexts", "Cancel"))
