"""Discount rules and the manual-discount limits of each job.

A rule gives a percentage off (or, negative, a surcharge on) the price of the services it names, when
every condition it sets holds: a service or a service group, an agreement, a card type, the patient's
sex and age, days of the week, a time of day and a period of validity. The price engine applies the
best matching active rule automatically (`shared.services.pricing`).

A manual discount is one a person gives at the registry desk with a reason; the database refuses one
above the largest limit of the giver's jobs (a job with no limit may give none).

Every change goes through `shared.services.contracts` on a worker thread; the service decides what is
valid, and its refusal is shown next to the editor with what was typed kept.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.jobs import job_title
from medcenter_desktop.operations import operation_bus
from medcenter_desktop.table_model import ALIGN_CENTER, ALIGN_LEFT, ALIGN_RIGHT, Column, DtoTableModel
from shared.db.roles import JOBS
from shared.errors import QT_TRANSLATE_NOOP
from shared.services import contracts
from shared.services.schedule_rules import InvalidSchedule, format_minutes, parse_hhmm
from workstations.contracts import _pages_common as common

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

_Index = QModelIndex | QPersistentModelIndex

CONTEXT = "DiscountsPage"
SEX_NAMES = {
    "M": QT_TRANSLATE_NOOP("DiscountsPage", "men"),
    "F": QT_TRANSLATE_NOOP("DiscountsPage", "women"),
}
INACTIVE_COLOUR = "#8a98a3"
NOT_SET = QT_TRANSLATE_NOOP("DiscountsPage", "none (not set)")
SURCHARGE_COLOUR = "#8a4b00"


def _t(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def weekday_name(iso_day: int, *, short: bool = True) -> str:
    fmt = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    name = QLocale().standaloneDayName(iso_day, fmt)
    return name[:1].upper() + name[1:]


def percent_text(percent: Decimal) -> str:
    """"10.00 % off" or "5.00 % surcharge"."""
    if percent < 0:
        text = QCoreApplication.translate("DiscountsPage", "{percent} % surcharge")
        return text.format(percent=f"{-percent:.2f}")
    return QCoreApplication.translate("DiscountsPage", "{percent} % off").format(percent=f"{percent:.2f}")


def weekdays_text(days: tuple[int, ...] | None) -> str:
    if not days or len(days) == 7:
        return ""
    ordered = sorted(days)
    if len(ordered) > 2 and ordered == list(range(ordered[0], ordered[-1] + 1)):
        return f"{weekday_name(ordered[0])}–{weekday_name(ordered[-1])}"
    return ", ".join(weekday_name(d) for d in ordered)


def ages_text(age_min: int | None, age_max: int | None) -> str:
    if age_min is None and age_max is None:
        return ""
    if age_max is None:
        return QCoreApplication.translate("DiscountsPage", "aged {low}+").format(low=age_min)
    if age_min is None:
        return QCoreApplication.translate("DiscountsPage", "aged up to {high}").format(high=age_max)
    return QCoreApplication.translate("DiscountsPage", "aged {low}–{high}").format(low=age_min, high=age_max)


def conditions_text(rule: contracts.DiscountRuleEntry) -> str:
    """Who and when, in a few words: "women, aged 65+, Mon–Fri 08:00–10:00"."""
    parts = []
    if rule.sex in SEX_NAMES:
        parts.append(_t(SEX_NAMES[rule.sex]))
    if ages := ages_text(rule.age_min, rule.age_max):
        parts.append(ages)
    when = weekdays_text(rule.weekdays)
    if rule.time_from is not None and rule.time_to is not None:
        when = f"{when} {format_minutes(rule.time_from)}–{format_minutes(rule.time_to)}".strip()
    if when:
        parts.append(when)
    return ", ".join(parts) or QCoreApplication.translate("DiscountsPage", "anyone, any time")


def _target_text(lists: common.ContractLists, rule: contracts.DiscountRuleEntry) -> str:
    parts = []
    if rule.service_id is not None:
        parts.append(lists.name_of("service", rule.service_id))
    elif rule.service_group_id is not None:
        parts.append(lists.name_of("group", rule.service_group_id))
    else:
        parts.append(QCoreApplication.translate("DiscountsPage", "all services"))
    if rule.agreement_id is not None:
        name = lists.name_of("agreement", rule.agreement_id)
        parts.append(QCoreApplication.translate("DiscountsPage", "agreement {name}").format(name=name))
    if rule.card_type_id is not None:
        parts.append(lists.name_of("card_type", rule.card_type_id))
    return "; ".join(parts)


def _col(header: str, getter, alignment=ALIGN_LEFT) -> Column:
    return Column(header, getter, alignment, CONTEXT)


def rule_columns(lists_of) -> tuple[Column, ...]:
    """``lists_of()`` gives the current lists (names of groups, services, agreements, card types)."""
    return (
        _col(QT_TRANSLATE_NOOP("DiscountsPage", "Rule"), lambda r: r.name),
        _col(QT_TRANSLATE_NOOP("DiscountsPage", "Discount"), lambda r: percent_text(r.percent), ALIGN_RIGHT),
        _col(QT_TRANSLATE_NOOP("DiscountsPage", "Active"), lambda r: r.is_active, ALIGN_CENTER),
        _col(QT_TRANSLATE_NOOP("DiscountsPage", "Valid"), lambda r: common.period_text(r.valid_from, r.valid_to)),
        _col(QT_TRANSLATE_NOOP("DiscountsPage", "Applies to"), lambda r: _target_text(lists_of(), r)),
        _col(QT_TRANSLATE_NOOP("DiscountsPage", "Who and when"), conditions_text),
    )


PERCENT_COLUMN, TARGET_COLUMN, CONDITIONS_COLUMN = 1, 4, 5


class RuleModel(DtoTableModel):
    """Discount rules; inactive ones greyed, surcharges in brown."""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            rule = self.row_at(index)
            if rule is not None and not rule.is_active:
                return QBrush(QColor(INACTIVE_COLOUR))
            if rule is not None and rule.percent < 0 and index.column() == PERCENT_COLUMN:
                return QBrush(QColor(SURCHARGE_COLOUR))
        return super().data(index, role)


# --- Manual-discount limits -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LimitRow:
    job: str
    max_percent: Decimal | None  # None: no limit stored (the job may give no manual discount)


LIMIT_COLUMN = 1
LIMIT_COLUMNS = (
    _col(QT_TRANSLATE_NOOP("DiscountsPage", "Job"), lambda r: job_title(r.job)),
    _col(QT_TRANSLATE_NOOP("DiscountsPage", "At most"),
         lambda r: f"{r.max_percent:.2f} %" if r.max_percent is not None else _t(NOT_SET), ALIGN_RIGHT),
)


def limit_rows(limits: dict[str, Decimal]) -> list[LimitRow]:
    """Every job the build knows, in the usual order, then any other job with a stored limit."""
    jobs = list(JOBS) + sorted(set(limits) - set(JOBS))
    return [LimitRow(job, limits.get(job)) for job in jobs]


class LimitModel(DtoTableModel):
    """The limits with the percentage editable in place; an edit is handed to ``edited``, not kept here."""

    edited = Signal(str, object)  # job, typed percentage

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == LIMIT_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == LIMIT_COLUMN:
            row = self.row_at(index)
            return f"{row.max_percent:.2f}" if row is not None and row.max_percent is not None else "0"
        if role == Qt.ItemDataRole.ForegroundRole and index.isValid():
            row = self.row_at(index)
            if row is not None and not row.max_percent:
                return QBrush(QColor(INACTIVE_COLOUR))
        return super().data(index, role)

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        row = self.row_at(index) if index.isValid() else None
        if role != Qt.ItemDataRole.EditRole or row is None or index.column() != LIMIT_COLUMN:
            return False
        if str(value).strip() != (f"{row.max_percent:.2f}" if row.max_percent is not None else ""):
            self.edited.emit(row.job, value)
        return True


# --- The page -------------------------------------------------------------------------------------------


class DiscountsPage(QWidget):
    """Rules on the left with the limits under them; the chosen (or a new) rule's editor on the right."""

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lists = common.ContractLists(session.organization_id)
        self.rules: list[contracts.DiscountRuleEntry] = []
        self.current: contracts.DiscountRuleEntry | None = None  # the rule in the editor (None: a new one)
        self.loading = False
        self.busy = False
        self._generation = 0
        self._select_after_load: int | None = None

        # Left: the rules, and the limits under them.
        left = QWidget(self)
        self.title_label = QLabel(left)
        self.title_label.setObjectName("sectionTitle")
        self.lead_label = common.muted_label(left)
        self.show_inactive_check = QCheckBox(left)
        self.show_inactive_check.setChecked(True)
        self.refresh_button = QPushButton(left)
        self.refresh_button.clicked.connect(self.refresh)
        self.new_button = QPushButton(left)
        self.new_button.clicked.connect(self.new_rule)
        self.rule_model = RuleModel(rule_columns(lambda: self.lists), parent=self)
        self.rule_view = common.table(left, self.rule_model)
        self.limits_box = QGroupBox(left)
        self.limits_lead = common.muted_label(self.limits_box)
        self.limit_model = LimitModel(LIMIT_COLUMNS, id_attr="job", parent=self)
        self.limit_model.edited.connect(self.set_limit)
        self.limit_view = common.table(self.limits_box, self.limit_model, stretch_last=False)
        self.limit_view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                        | QAbstractItemView.EditTrigger.EditKeyPressed
                                        | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.limit_view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.limit_view.setColumnWidth(LIMIT_COLUMN, 150)
        self.limit_view.setMinimumHeight(150)
        self.limits_error = common.error_label(self.limits_box)
        limits_layout = QVBoxLayout(self.limits_box)
        limits_layout.addWidget(self.limits_lead)
        limits_layout.addWidget(self.limit_view, 1)
        limits_layout.addWidget(self.limits_error)
        rule_buttons = QHBoxLayout()
        rule_buttons.addWidget(self.new_button)
        rule_buttons.addStretch(1)
        rule_buttons.addWidget(self.show_inactive_check)
        rule_buttons.addWidget(self.refresh_button)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 6, 0)
        left_layout.addWidget(self.title_label)
        left_layout.addWidget(self.lead_label)
        left_layout.addLayout(rule_buttons)
        left_layout.addWidget(self.rule_view, 1)
        left_layout.addWidget(self.limits_box, 1)

        # Right: the editor.
        self.editor_box = QGroupBox(self)
        self._build_editor(self.editor_box)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.editor_box)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.editor_box.minimumSizeHint().width() + 16)

        self.status_label = common.muted_label(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([780, 580])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status_label)

        self.rule_view.selectionModel().currentChanged.connect(lambda *_: self._rule_chosen())
        self.show_inactive_check.toggled.connect(lambda _on: self._show_rules())
        operation_bus().changed.connect(self._changed)
        self.retranslate_ui()
        self._fill_editor(None)
        self.refresh()

    def _build_editor(self, box: QGroupBox) -> None:
        self.name_edit = QLineEdit(box)
        self.name_edit.setMaxLength(200)
        self.percent_edit = QLineEdit(box)
        self.percent_edit.setMaxLength(10)
        self.percent_edit.setMaximumWidth(120)
        self.percent_hint = common.muted_label(box)
        self.group_combo = common.ChoiceCombo(box)
        self.service_combo = common.ChoiceCombo(box, searchable=True)
        self.agreement_combo = common.ChoiceCombo(box, searchable=True)
        self.card_type_combo = common.ChoiceCombo(box)
        self.sex_combo = QComboBox(box)
        for value in (None, "M", "F"):
            self.sex_combo.addItem("", value)
        self.age_from_spin = common.age_spin(box)
        self.age_to_spin = common.age_spin(box)
        self.age_to_label = QLabel(box)
        self.weekday_checks = {day: QCheckBox(box) for day in range(1, 8)}
        self.time_from_edit = QLineEdit(box)
        self.time_to_edit = QLineEdit(box)
        for edit in (self.time_from_edit, self.time_to_edit):
            edit.setMaxLength(5)
            edit.setMaximumWidth(80)
            edit.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time_to_label = QLabel(box)
        today = dt.date.today()
        self.valid_from_check = QCheckBox(box)
        self.valid_from_date = common.date_edit(box, today)
        self.valid_to_check = QCheckBox(box)
        self.valid_to_date = common.date_edit(box, dt.date(today.year, 12, 31))
        self.valid_from_check.toggled.connect(self.valid_from_date.setEnabled)
        self.valid_to_check.toggled.connect(self.valid_to_date.setEnabled)
        self.active_check = QCheckBox(box)
        self.editor_error = common.error_label(box)
        self.save_button = QPushButton(box)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_rule)
        self.revert_button = QPushButton(box)
        self.revert_button.clicked.connect(lambda: self._fill_editor(self.current))
        for edit in (self.name_edit, self.percent_edit, self.time_from_edit, self.time_to_edit):
            edit.returnPressed.connect(self.save_rule)  # Enter in a field saves, as in a dialog

        percent_row = QHBoxLayout()
        percent_row.addWidget(self.percent_edit)
        percent_row.addWidget(self.percent_hint, 1)
        ages = QHBoxLayout()
        ages.addWidget(self.age_from_spin)
        ages.addWidget(self.age_to_label)
        ages.addWidget(self.age_to_spin)
        ages.addStretch(1)
        self.age_to_label.setBuddy(self.age_to_spin)
        days = QHBoxLayout()
        days.setSpacing(8)
        for check in self.weekday_checks.values():
            days.addWidget(check)
        days.addStretch(1)
        times = QHBoxLayout()
        times.addWidget(self.time_from_edit)
        times.addWidget(self.time_to_label)
        times.addWidget(self.time_to_edit)
        times.addStretch(1)
        self.time_to_label.setBuddy(self.time_to_edit)
        validity = QHBoxLayout()
        validity.addWidget(self.valid_from_check)
        validity.addWidget(self.valid_from_date)
        validity.addSpacing(12)
        validity.addWidget(self.valid_to_check)
        validity.addWidget(self.valid_to_date)
        validity.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)

        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        buddies = (self.name_edit, self.percent_edit, self.group_combo, self.service_combo, self.agreement_combo,
                   self.card_type_combo, self.sex_combo, self.age_from_spin, self.weekday_checks[1],
                   self.time_from_edit, self.valid_from_check)
        self.form_labels = common.form_labels(box, buddies)
        fields = (self.name_edit, percent_row, self.group_combo, self.service_combo, self.agreement_combo,
                  self.card_type_combo, self.sex_combo, ages, days, times, validity)
        for label, field in zip(self.form_labels, fields, strict=True):
            self.form.addRow(label, field)
        self.form.addRow(self.active_check)
        layout = QVBoxLayout(box)
        layout.addLayout(self.form)
        layout.addWidget(self.editor_error)
        layout.addLayout(buttons)
        layout.addStretch(1)

    # --- Public API ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reads the lists to choose from, the rules and the limits again."""
        self._generation += 1
        generation = self._generation
        self.loading = True

        def read(conn, organization_id):
            return (contracts.discount_rules(conn, organization_id),
                    contracts.manual_discount_limits(conn, organization_id))

        common.load_with_lists(self, self.session, read).success(
            lambda data: self._loaded(data[0], *data[1]) if generation == self._generation else None
        ).failure(self._load_failed).run()

    def new_rule(self) -> None:
        """Empties the editor for a new rule."""
        self.rule_view.clearSelection()
        self.rule_view.setCurrentIndex(QModelIndex())
        self._fill_editor(None)
        self.name_edit.setFocus()

    def select_rule(self, rule_id: int) -> bool:
        index = self.rule_model.index_for_id(rule_id)
        if index.isValid():
            self.rule_view.setCurrentIndex(index)
            return True
        return False

    def draft(self) -> contracts.DiscountRuleEntry | str:
        """What the editor holds as a rule, or the message for what cannot even be read."""
        times = (self.time_from_edit.text().strip(), self.time_to_edit.text().strip())
        time_from = time_to = None
        if any(times):
            try:
                time_from, time_to = (parse_hhmm(text) for text in times)
            except InvalidSchedule:
                return self.tr("Type the time of day as HH:MM (for example 08:00 and 10:30), or leave both "
                               "times empty for any time.")
        days = tuple(day for day, check in self.weekday_checks.items() if check.isChecked())
        if not days:
            return self.tr("Tick at least one day of the week.")
        percent = common.parse_decimal(self.percent_edit.text())
        current = self.current
        return contracts.DiscountRuleEntry(
            id=current.id if current else None,
            name=self.name_edit.text(),
            percent=percent if percent is not None else "",  # the service refuses what is not a number
            service_group_id=self.group_combo.value(),
            service_id=self.service_combo.value(),
            agreement_id=self.agreement_combo.value(),
            card_type_id=self.card_type_combo.value(),
            sex=self.sex_combo.currentData(),
            age_min=common.spin_value(self.age_from_spin),
            age_max=common.spin_value(self.age_to_spin),
            weekdays=None if len(days) == 7 else days,
            time_from=time_from,
            time_to=time_to,
            valid_from=common.pydate(self.valid_from_date) if self.valid_from_check.isChecked() else None,
            valid_to=common.pydate(self.valid_to_date) if self.valid_to_check.isChecked() else None,
            is_active=self.active_check.isChecked(),
            version=current.version if current else 0,
        )

    def save_rule(self) -> None:
        if self.busy:
            return
        common.show_message(self.editor_error, "")
        entry = self.draft()
        if isinstance(entry, str):
            common.show_message(self.editor_error, entry)
            return
        self._set_busy(True)
        common.session_call(
            self, self.session, lambda conn, org: contracts.save_discount_rule(conn, org, entry),
            common.DISCOUNT_CHANGES,
        ).success(self._rule_saved).failure(self._rule_refused).run()

    def set_limit(self, job: str, value) -> None:
        """Stores the largest manual discount ``job`` may give (a percentage from 0 to 100)."""
        common.show_message(self.limits_error, "")
        typed = common.parse_decimal(str(value))
        percent = typed if typed is not None else str(value)
        common.session_call(
            self, self.session,
            lambda conn, org: contracts.set_manual_discount_limit(conn, org, job, percent),
            common.DISCOUNT_CHANGES,
        ).success(lambda _r: self._limit_saved(job)).failure(self._limit_refused).run()

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("Discount rules"))
        self.lead_label.setText(self.tr(
            "A rule lowers (or, with a negative percentage, raises) the price of the services it names when "
            "all its conditions hold; the price engine applies the best matching active rule by itself. "
            "Rules are not deleted: clear “Active” to stop one."))
        self.new_button.setText(self.tr("Ne&w rule"))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self.show_inactive_check.setText(self.tr("Show &inactive"))
        self.limits_box.setTitle(self.tr("Manual discounts by job"))
        self.limits_lead.setText(self.tr(
            "The largest discount a person of each job may give by hand, with a reason. Double-click or "
            "press F2 on a percentage to change it; a job without a limit may give none."))
        texts = (self.tr("&Name"), self.tr("&Percent"), self.tr("Service &group"), self.tr("Ser&vice"),
                 self.tr("Ag&reement"), self.tr("&Card type"), self.tr("Se&x"), self.tr("Ag&e from"),
                 self.tr("&Days"), self.tr("&Time from"), self.tr("Va&lid"))
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.name_edit.setPlaceholderText(self.tr("For example: Students, weekday mornings"))
        self.percent_edit.setPlaceholderText(self.tr("e.g. 10"))
        self.percent_hint.setText(self.tr("positive: a discount; negative: a surcharge"))
        self.group_combo.set_any_text(self.tr("any group"))
        self.service_combo.set_any_text(self.tr("any service of the group"))
        self.agreement_combo.set_any_text(self.tr("any agreement or none"))
        self.card_type_combo.set_any_text(self.tr("any card"))
        for index, text in enumerate((self.tr("either"), self.tr("male"), self.tr("female"))):
            self.sex_combo.setItemText(index, text)
        for spin in (self.age_from_spin, self.age_to_spin):
            spin.setSpecialValueText(self.tr("any"))
            spin.setSuffix(self.tr(" y."))
        self.age_to_label.setText(self.tr("t&o"))
        for day, check in self.weekday_checks.items():
            check.setText(weekday_name(day))
            check.setToolTip(weekday_name(day, short=False))
        for edit in (self.time_from_edit, self.time_to_edit):
            edit.setPlaceholderText(self.tr("HH:MM"))
        self.time_to_label.setText(self.tr("to"))
        self.valid_from_check.setText(self.tr("from"))
        self.valid_to_check.setText(self.tr("to"))
        self.active_check.setText(self.tr("&Active: the price engine applies this rule"))
        self.save_button.setText(self.tr("&Save rule"))
        self.revert_button.setText(self.tr("&Undo changes"))
        self._show_editor_title()
        self.rule_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.rule_model.columnCount() - 1)
        self.limit_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "save_button"):
            self.retranslate_ui()
            self._show_rules()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _loaded(self, lists: common.ContractLists, rules: list[contracts.DiscountRuleEntry],
                limits: dict[str, Decimal]) -> None:
        self.loading = False
        first = not self.lists.groups and not self.lists.services
        self.lists = lists
        self.group_combo.set_choices(common.choice_pairs(lists.groups))
        self.service_combo.set_choices(common.choice_pairs(lists.services))
        self.agreement_combo.set_choices((a.id, common.agreement_label(a)) for a in lists.agreements)
        self.card_type_combo.set_choices(common.choice_pairs(lists.card_types))
        self.rules = rules
        self._show_rules()
        self._show_limits(limits)
        if first and self.current is None and self._select_after_load is None and self.rule_model.rowCount():
            self.rule_view.setCurrentIndex(self.rule_model.index(0, 0))

    def _show_rules(self) -> None:
        """The rules again, the chosen one kept; the editor is refilled only for a rule just saved or
        changed meanwhile (what is being typed stays)."""
        index = self.rule_view.currentIndex()
        just_saved = self._select_after_load
        keep = just_saved
        if keep is None and index.isValid():
            row = self.rule_model.row_at(index)
            keep = row.id if row is not None else None
        shown = [r for r in self.rules if r.is_active or self.show_inactive_check.isChecked()]
        self.rule_model.set_rows(shown)
        self.rule_view.resizeColumnsToContents()
        for column, widest in ((0, 190), (TARGET_COLUMN, 190)):
            self.rule_view.setColumnWidth(column, min(self.rule_view.columnWidth(column), widest))
        if keep is not None and self.select_rule(keep):
            if just_saved is not None:
                self._select_after_load = None
                self._fill_editor(self.rule_model.row_at(self.rule_view.currentIndex()))
        if not self.rules and not self.loading:
            common.set_status(self.status_label, self.tr("No discount rules yet: press “New rule”."))

    def _show_limits(self, limits: dict[str, Decimal]) -> None:
        index = self.limit_view.currentIndex()
        job = self.limit_model.row_at(index).job if index.isValid() and self.limit_model.row_at(index) else None
        self.limit_model.set_rows(limit_rows(limits))
        if job is not None:
            self.limit_view.setCurrentIndex(self.limit_model.index_for_id(job, LIMIT_COLUMN))

    def _rule_chosen(self) -> None:
        index = self.rule_view.currentIndex()
        rule = self.rule_model.row_at(index) if index.isValid() else None
        if rule is not None and (self.current is None or rule.id != self.current.id
                                 or rule.version != self.current.version):
            self._fill_editor(rule)

    def _fill_editor(self, rule: contracts.DiscountRuleEntry | None) -> None:
        self.current = rule
        common.show_message(self.editor_error, "")
        self.name_edit.setText(rule.name if rule else "")
        self.percent_edit.setText(f"{rule.percent:.2f}".rstrip("0").rstrip(".") if rule else "")
        self.group_combo.set_value(rule.service_group_id if rule else None)
        self.service_combo.set_value(rule.service_id if rule else None)
        self.agreement_combo.set_value(rule.agreement_id if rule else None)
        self.card_type_combo.set_value(rule.card_type_id if rule else None)
        self.sex_combo.setCurrentIndex(max(0, self.sex_combo.findData(rule.sex if rule else None)))
        common.set_spin(self.age_from_spin, rule.age_min if rule else None)
        common.set_spin(self.age_to_spin, rule.age_max if rule else None)
        days = set(rule.weekdays or range(1, 8)) if rule else set(range(1, 8))
        for day, check in self.weekday_checks.items():
            check.setChecked(day in days)
        has_time = rule is not None and rule.time_from is not None and rule.time_to is not None
        self.time_from_edit.setText(format_minutes(rule.time_from) if has_time else "")
        self.time_to_edit.setText(format_minutes(rule.time_to) if has_time else "")
        today = dt.date.today()
        self.valid_from_check.setChecked(bool(rule and rule.valid_from))
        self.valid_from_date.setDate(common.qdate(rule.valid_from if rule and rule.valid_from else today))
        self.valid_to_check.setChecked(bool(rule and rule.valid_to))
        self.valid_to_date.setDate(common.qdate(rule.valid_to if rule and rule.valid_to
                                                else dt.date(today.year, 12, 31)))
        self.valid_from_date.setEnabled(self.valid_from_check.isChecked())
        self.valid_to_date.setEnabled(self.valid_to_check.isChecked())
        self.active_check.setChecked(rule.is_active if rule else True)
        self._show_editor_title()

    def _show_editor_title(self) -> None:
        if self.current is None:
            self.editor_box.setTitle(self.tr("New rule"))
        else:
            self.editor_box.setTitle(self.tr("Rule “{name}”").format(name=self.current.name))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setEnabled(not busy)

    def _rule_saved(self, rule_id: int) -> None:
        self._set_busy(False)
        self._select_after_load = rule_id
        common.set_status(self.status_label, self.tr("The rule is saved."))

    def _rule_refused(self, exc: Exception) -> None:
        self._set_busy(False)
        common.show_message(self.editor_error, error_text(exc))

    def _limit_saved(self, job: str) -> None:
        common.set_status(self.status_label, self.tr("The manual-discount limit of “{job}” is saved.").format(
            job=job_title(job)))

    def _limit_refused(self, exc: Exception) -> None:
        common.show_message(self.limits_error, error_text(exc))

    def _load_failed(self, exc: Exception) -> None:
        self.loading = False
        common.set_status(self.status_label, error_text(exc), error=True)

    def _changed(self, changes) -> None:
        if common.DISCOUNT_CHANGES in changes or common.LIST_CHANGES & set(changes):
            self.refresh()
