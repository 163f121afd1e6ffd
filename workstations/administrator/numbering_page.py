"""Card numbering rules: per organization and card type, a prefix, the year or not, the digits and
the next number (shared/services/card_numbering.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.operations import operation_bus
from medcenter_desktop.table_model import ALIGN_CENTER, ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.services.card_numbering import NumberingRule
from shared.services.patient_input import InvalidFields
from workstations.administrator import ops

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CONTEXT = "NumberingPage"
COLUMNS = (
    Column(QT_TRANSLATE_NOOP("NumberingPage", "Organization"), lambda r: r.organization, context=CONTEXT),
    Column(QT_TRANSLATE_NOOP("NumberingPage", "Card type"), lambda r: r.card_type, context=CONTEXT),
    Column(QT_TRANSLATE_NOOP("NumberingPage", "Prefix"), lambda r: r.prefix, ALIGN_CENTER, context=CONTEXT),
    Column(QT_TRANSLATE_NOOP("NumberingPage", "With year"), lambda r: r.with_year, ALIGN_CENTER, CONTEXT),
    Column(QT_TRANSLATE_NOOP("NumberingPage", "Digits"), lambda r: r.digits, ALIGN_RIGHT, context=CONTEXT),
    Column(QT_TRANSLATE_NOOP("NumberingPage", "Next card"), lambda r: r.example(), ALIGN_RIGHT, CONTEXT),
)


class RuleDialog(QDialog):
    """Edits one rule; the service's refusals are shown under the fields, the dialog stays open."""

    def __init__(self, session: AppSession, rule: NumberingRule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.rule = session, rule
        self.setWindowTitle(QCoreApplication.translate("NumberingPage", "Card numbering"))
        self.prefix_edit = QLineEdit(rule.prefix, self)
        self.prefix_edit.setMaxLength(20)
        self.year_check = QCheckBox(
            QCoreApplication.translate("NumberingPage", "Number anew every year"), self)
        self.year_check.setChecked(rule.with_year)
        self.digits_spin = QSpinBox(self)
        self.digits_spin.setRange(1, 12)
        self.digits_spin.setValue(rule.digits)
        self.next_spin = QSpinBox(self)
        self.next_spin.setRange(1, 999_999_999)
        self.next_spin.setValue(rule.next_value)
        self.example_label = QLabel(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(QLabel(f"{rule.organization} · {rule.card_type}", self))
        form.addRow(QCoreApplication.translate("NumberingPage", "&Prefix"), self.prefix_edit)
        form.addRow("", self.year_check)
        form.addRow(QCoreApplication.translate("NumberingPage", "&Digits"), self.digits_spin)
        form.addRow(QCoreApplication.translate("NumberingPage", "&Next number"), self.next_spin)
        form.addRow(QCoreApplication.translate("NumberingPage", "Next card"), self.example_label)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        for signal in (self.prefix_edit.textChanged, self.year_check.toggled, self.digits_spin.valueChanged,
                       self.next_spin.valueChanged):
            signal.connect(lambda *_: self._update_example())
        self._update_example()

    def values(self) -> NumberingRule:
        return NumberingRule(self.rule.organization_id, self.rule.organization, self.rule.card_type_id,
                             self.rule.card_type, self.prefix_edit.text().strip(), self.year_check.isChecked(),
                             self.digits_spin.value(), self.next_spin.value())

    def save(self) -> None:
        rule = self.values()
        ops.set_numbering(parent=self, session=self.session, rule=rule).success(
            lambda _r: self.accept()).failure(self._refused).run()

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, InvalidFields):
            self.error_label.setText("\n".join(QCoreApplication.translate("DomainError", m)
                                               for m in exc.errors.values()))
            return True
        self.error_label.setText(error_text(exc))
        return True

    def _update_example(self) -> None:
        self.example_label.setText(self.values().example())


class NumberingPage(QWidget):
    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model: DtoTableModel[NumberingRule] = DtoTableModel(COLUMNS, id_attr="card_type_id", parent=self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda *_: self.edit())
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint, 1)
        buttons.addWidget(self.edit_button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        operation_bus().changed.connect(self._changed)
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def reload(self) -> None:
        ops.load_numbering(parent=self, session=self.session).success(self._show).run()

    def selected(self) -> NumberingRule | None:
        index = self.view.currentIndex()
        return self.model.row_at(index) if index.isValid() else None

    def edit(self) -> RuleDialog | None:
        rule = self.selected()
        if rule is None:
            return None
        dialog = RuleDialog(self.session, rule, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def retranslate_ui(self) -> None:
        self.hint.setText(QCoreApplication.translate(
            "NumberingPage",
            "How new medical cards are numbered in each organization. Double-click a row to change it."))
        self.edit_button.setText(QCoreApplication.translate("NumberingPage", "&Change…"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _show(self, rules: tuple[NumberingRule, ...]) -> None:
        current = self.view.currentIndex().row()
        self.model.set_rows(list(rules))
        self.view.resizeColumnsToContents()
        if self.model.rowCount():
            self.view.selectRow(max(0, min(current, self.model.rowCount() - 1)))

    def _changed(self, changes) -> None:
        if ops.NUMBERING_CHANGES in set(changes):
            self.reload()
