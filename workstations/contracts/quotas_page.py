"""Quotas in force on a day with their live usage, and the editor of a quota.

A quota limits how many services, or how much money, may be ordered in a period under an agreement,
for a payer, of a service group or a service, or in a department: external quotas are the volumes a
payer allots (the compulsory-insurance fund's monthly volumes), own ones the clinic's plan. Every
order line that falls under a quota charges it at once; the database refuses a line with no room left
unless a head of registry or the contracts department allows it over the limit.

The table shows, for each quota, the limit, the use and what is left in services and in roubles, and
a load bar: green under 80 %, amber from 80 to 100 %, red above 100 % (gone over by an override). It
is read again every 30 seconds while the page is shown, and on "Refresh".

A quota is created or changed in a dialog. A limit cannot be lowered below what is already used: the
service's `QuotaBelowUsage` refusal is shown in the dialog with what was typed kept.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text
from medcenter_desktop.operations import operation_bus
from medcenter_desktop.table_model import ALIGN_CENTER, ALIGN_LEFT, ALIGN_RIGHT, Column, DtoTableModel
from shared.errors import QT_TRANSLATE_NOOP
from shared.models.billing import QUOTA_SOURCES
from shared.services import contracts
from workstations.contracts import _pages_common as common

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

_Index = QModelIndex | QPersistentModelIndex

CONTEXT = "QuotasPage"
#: How often the usage is read again while the page is shown (ms).
REFRESH_MS = 30_000
#: Changes after which the usage is read at once (orders charge quotas).
USAGE_CHANGES = frozenset({common.QUOTA_CHANGES, "orders", "order_lines", "bookings"})

SOURCE_NAMES = {
    "external": QT_TRANSLATE_NOOP("QuotasPage", "External (the payer's volumes)"),
    "own": QT_TRANSLATE_NOOP("QuotasPage", "Own (the clinic's plan)"),
}
SHORT_SOURCE_NAMES = {
    "external": QT_TRANSLATE_NOOP("QuotasPage", "external"),
    "own": QT_TRANSLATE_NOOP("QuotasPage", "own"),
}

#: (level, bar colour, cell background, meaning), from the emptiest to the fullest.
LEGEND = (
    ("ok", "#3f9d5a", "#e3f4e8", QT_TRANSLATE_NOOP("QuotasPage", "under 80 %")),
    ("high", "#d9901a", "#fff1d6", QT_TRANSLATE_NOOP("QuotasPage", "80–100 %")),
    ("over", "#c23a3a", "#fbe0e0", QT_TRANSLATE_NOOP("QuotasPage", "over 100 % (allowed over the limit)")),
)
BAR_COLOURS = {level: bar for level, bar, _bg, _text in LEGEND}
BACKGROUNDS = {level: background for level, _bar, background, _text in LEGEND}
INACTIVE_COLOUR = "#8a98a3"


def _t(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def load_level(percent: float) -> str:
    """'ok' below 80 %, 'high' from 80 to 100 %, 'over' above 100 %."""
    if percent > 100:
        return "over"
    if percent >= 80:
        return "high"
    return "ok"


def _target_text(lists: common.ContractLists, q: contracts.QuotaEntry) -> str:
    parts = []
    if q.agreement_id is not None:
        parts.append(lists.name_of("agreement", q.agreement_id))
    if q.payer_id is not None:
        parts.append(lists.name_of("payer", q.payer_id))
    if q.service_id is not None:
        parts.append(lists.name_of("service", q.service_id))
    elif q.service_group_id is not None:
        parts.append(lists.name_of("group", q.service_group_id))
    if q.department_id is not None:
        parts.append(lists.name_of("department", q.department_id))
    return "; ".join(parts) or QCoreApplication.translate("QuotasPage", "every order")


def _count(value: int | None) -> str:
    return "—" if value is None else str(value)


def _amount(value: Decimal | None) -> str:
    return "—" if value is None else common.money_text(value)


def _col(header: str, getter, alignment=ALIGN_RIGHT) -> Column:
    return Column(header, getter, alignment, CONTEXT)


TARGET_COLUMN = 2
USED_COUNT_COLUMN = 5
LOAD_COLUMN = 10


def quota_columns(lists_of) -> tuple[Column, ...]:
    return (
        _col(QT_TRANSLATE_NOOP("QuotasPage", "Quota"), lambda q: q.name, ALIGN_LEFT),
        _col(QT_TRANSLATE_NOOP("QuotasPage", "Source"), lambda q: _t(SHORT_SOURCE_NAMES.get(q.source, q.source)),
             ALIGN_LEFT),
        _col(QT_TRANSLATE_NOOP("QuotasPage", "Applies to"), lambda q: _target_text(lists_of(), q), ALIGN_LEFT),
        _col(QT_TRANSLATE_NOOP("QuotasPage", "Period"), lambda q: common.period_text(q.period_from, q.period_to),
             ALIGN_LEFT),
        _col(QT_TRANSLATE_NOOP("QuotasPage", "Services\nlimit"), lambda q: _count(q.limit_count)),
        _col(QT_TRANSLATE_NOOP("QuotasPage", "Services\nused"), lambda q: q.used_count),
        _col(QT_TRANSLATE_NOOP("QuotasPage", "Services\nleft"), lambda q: _count(q.remaining_count)),
        _col(QT_TRANSLATE_NOOP("QuotasPage", "Roubles\nlimit"), lambda q: _amount(q.limit_amount)),
        _col(QT_TRANSLATE_NOOP("QuotasPage", "Roubles\nused"), lambda q: common.money_text(q.used_amount)),
        _col(QT_TRANSLATE_NOOP("QuotasPage", "Roubles\nleft"), lambda q: _amount(q.remaining_amount)),
        _col(QT_TRANSLATE_NOOP("QuotasPage", "Load"), lambda q: q.load_percent, ALIGN_CENTER),
    )


class QuotaModel(DtoTableModel):
    """Quotas with their usage; the load cell coloured by level, overrun "left" figures in red, inactive
    quotas greyed."""

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        quota = self.row_at(index) if index.isValid() else None
        if quota is None:
            return super().data(index, role)
        column = index.column()
        if column == LOAD_COLUMN:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{quota.load_percent:.0f} %"
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush(QColor(BACKGROUNDS[load_level(quota.load_percent)]))
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tooltip(quota)
        if role == Qt.ItemDataRole.ForegroundRole:
            if not quota.is_active:
                return QBrush(QColor(INACTIVE_COLOUR))
            left = {6: quota.remaining_count, 9: quota.remaining_amount}.get(column)
            if left is not None and left < 0:
                return QBrush(QColor(BAR_COLOURS["over"]))
        if role == Qt.ItemDataRole.ToolTipRole and column != TARGET_COLUMN:
            return self.tooltip(quota)
        return super().data(index, role)

    @staticmethod
    def tooltip(q: contracts.QuotaEntry) -> str:
        lines = [q.name]
        if q.limit_count is not None:
            text = QCoreApplication.translate("QuotasPage", "Services: {used} of {limit} used, {left} left")
            lines.append(text.format(used=q.used_count, limit=q.limit_count, left=q.remaining_count))
        else:
            text = QCoreApplication.translate("QuotasPage", "Services: {used} used, no limit")
            lines.append(text.format(used=q.used_count))
        if q.limit_amount is not None:
            text = QCoreApplication.translate("QuotasPage", "Roubles: {used} of {limit} used, {left} left")
            lines.append(text.format(
                used=common.money_text(q.used_amount), limit=common.money_text(q.limit_amount),
                left=common.money_text(q.remaining_amount)))
        else:
            text = QCoreApplication.translate("QuotasPage", "Roubles: {used} used, no limit")
            lines.append(text.format(used=common.money_text(q.used_amount)))
        lines.append(QCoreApplication.translate("QuotasPage", "Load: {percent} %").format(
            percent=f"{q.load_percent:.0f}"))
        if q.load_percent > 100:
            lines.append(QCoreApplication.translate("QuotasPage",
                                                    "Gone over the limit: orders were allowed over it."))
        if not q.is_active:
            lines.append(QCoreApplication.translate("QuotasPage", "Not active: orders do not count against it."))
        return "\n".join(lines)


class LoadBarDelegate(QStyledItemDelegate):
    """Paints the load as a bar (full at 100 %) with the percentage over it."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        model = index.model()
        quota = model.row_at(index) if isinstance(model, QuotaModel) else None
        if quota is None:
            super().paint(painter, option, index)
            return
        percent = quota.load_percent
        level = load_level(percent)
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        else:
            painter.fillRect(option.rect, QColor(BACKGROUNDS[level]))
        track = option.rect.adjusted(6, 6, -6, -6)
        painter.setPen(QPen(QColor("#c4cfd7")))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(track, 3, 3)
        filled = QRect(track)
        filled.setWidth(int(track.width() * min(percent, 100.0) / 100.0))
        if filled.width() > 0:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(BAR_COLOURS[level]))
            painter.drawRoundedRect(filled, 3, 3)
        painter.setPen(QColor("#14333f") if percent < 55 else QColor("#ffffff"))
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(track, int(Qt.AlignmentFlag.AlignCenter), f"{percent:.0f} %")
        painter.restore()


class QuotaDialog(QDialog):
    """Creates or changes a quota; the service's refusal (a limit below the usage, say) is shown in place
    and what was typed kept."""

    saved = Signal(int)

    def __init__(self, session: AppSession, lists: common.ContractLists, quota: contracts.QuotaEntry | None,
                 day: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.lists, self.quota = session, lists, quota
        self.busy = False
        self.resize(620, 520)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(200)
        self.source_combo = QComboBox(self)
        for source in QUOTA_SOURCES:
            self.source_combo.addItem("", source)
        self.agreement_combo = common.ChoiceCombo(self, searchable=True)
        self.agreement_combo.set_choices((a.id, common.agreement_label(a)) for a in lists.agreements)
        self.payer_combo = common.ChoiceCombo(self, searchable=True)
        self.payer_combo.set_choices((p.id, p.name) for p in lists.payers)
        self.group_combo = common.ChoiceCombo(self)
        self.group_combo.set_choices(common.choice_pairs(lists.groups))
        self.service_combo = common.ChoiceCombo(self, searchable=True)
        self.service_combo.set_choices(common.choice_pairs(lists.services))
        self.department_combo = common.ChoiceCombo(self)
        self.department_combo.set_choices(common.choice_pairs(lists.departments))
        first, last = (quota.period_from, quota.period_to) if quota else month_of(day)
        self.from_date = common.date_edit(self, first)
        self.to_date = common.date_edit(self, last)
        self.to_label = QLabel(self)
        self.to_label.setBuddy(self.to_date)
        self.month_button = QPushButton(self)
        self.month_button.setAutoDefault(False)
        self.month_button.clicked.connect(self._whole_month)
        self.count_edit = QLineEdit(self)
        self.amount_edit = QLineEdit(self)
        for edit in (self.count_edit, self.amount_edit):
            edit.setMaxLength(16)
            edit.setMaximumWidth(160)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.count_hint = common.muted_label(self, wrap=False)
        self.amount_hint = common.muted_label(self, wrap=False)
        self.limits_hint = common.muted_label(self)
        self.active_check = QCheckBox(self)
        self.error_label = common.error_label(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("primaryButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)

        period = QHBoxLayout()
        period.addWidget(self.from_date)
        period.addWidget(self.to_label)
        period.addWidget(self.to_date)
        period.addWidget(self.month_button)
        period.addStretch(1)
        count_row = QHBoxLayout()
        count_row.addWidget(self.count_edit)
        count_row.addWidget(self.count_hint, 1)
        amount_row = QHBoxLayout()
        amount_row.addWidget(self.amount_edit)
        amount_row.addWidget(self.amount_hint, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        buddies = (self.name_edit, self.source_combo, self.agreement_combo, self.payer_combo, self.group_combo,
                   self.service_combo, self.department_combo, self.from_date, self.count_edit, self.amount_edit)
        self.form_labels = common.form_labels(self, buddies)
        fields = (self.name_edit, self.source_combo, self.agreement_combo, self.payer_combo, self.group_combo,
                  self.service_combo, self.department_combo, period, count_row, amount_row)
        for label, field in zip(self.form_labels, fields, strict=True):
            self.form.addRow(label, field)
        self.form.addRow(self.limits_hint)
        self.form.addRow(self.active_check)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.name_edit.setText(quota.name if quota else "")
        self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(quota.source if quota else "own")))
        self.agreement_combo.set_value(quota.agreement_id if quota else None)
        self.payer_combo.set_value(quota.payer_id if quota else None)
        self.group_combo.set_value(quota.service_group_id if quota else None)
        self.service_combo.set_value(quota.service_id if quota else None)
        self.department_combo.set_value(quota.department_id if quota else None)
        self.count_edit.setText(str(quota.limit_count) if quota and quota.limit_count is not None else "")
        self.amount_edit.setText(f"{quota.limit_amount:.2f}" if quota and quota.limit_amount is not None else "")
        self.active_check.setChecked(quota.is_active if quota else True)
        self.retranslate_ui()

    # --- Public API ------------------------------------------------------------------------------

    def draft(self) -> contracts.QuotaEntry | str:
        """What the dialog holds as a quota, or the message for what cannot even be read."""
        count_text = self.count_edit.text().replace(" ", "").strip()
        limit_count = None
        if count_text:
            try:
                limit_count = int(count_text)
            except ValueError:
                return self.tr("The number of services is a whole number (leave it empty for no limit).")
        amount = common.parse_decimal(self.amount_edit.text())
        if isinstance(amount, str) or (amount is not None and not amount.is_finite()):
            return self.tr("The amount is a number of roubles, such as 150000 or 150000.50 (leave it empty "
                           "for no limit).")
        quota = self.quota
        return contracts.QuotaEntry(
            id=quota.id if quota else None,
            name=self.name_edit.text(),
            period_from=common.pydate(self.from_date),
            period_to=common.pydate(self.to_date),
            limit_count=limit_count,
            limit_amount=amount,
            source=self.source_combo.currentData(),
            agreement_id=self.agreement_combo.value(),
            payer_id=self.payer_combo.value(),
            service_group_id=self.group_combo.value(),
            service_id=self.service_combo.value(),
            department_id=self.department_combo.value(),
            is_active=self.active_check.isChecked(),
            version=quota.version if quota else 0,
        )

    def save(self) -> None:
        if self.busy:
            return
        common.show_message(self.error_label, "")
        entry = self.draft()
        if isinstance(entry, str):
            common.show_message(self.error_label, entry)
            return
        self._set_busy(True)
        common.session_call(
            self, self.session, lambda conn, org: contracts.save_quota(conn, org, entry), common.QUOTA_CHANGES,
        ).success(self._saved).failure(self._refused).run()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Quota “{name}”").format(name=self.quota.name) if self.quota
                            else self.tr("New quota"))
        texts = (self.tr("&Name"), self.tr("Sou&rce"), self.tr("Agr&eement"), self.tr("&Payer"),
                 self.tr("Service &group"), self.tr("Ser&vice"), self.tr("&Department"), self.tr("Peri&od"),
                 self.tr("Services, at &most"), self.tr("Ro&ubles, at most"))
        for label, text in zip(self.form_labels, texts, strict=True):
            label.setText(text)
        self.name_edit.setPlaceholderText(self.tr("For example: Fictional fund, X-ray volumes of the month"))
        for index in range(self.source_combo.count()):
            self.source_combo.setItemText(index, _t(SOURCE_NAMES[self.source_combo.itemData(index)]))
        self.agreement_combo.set_any_text(self.tr("any agreement"))
        self.payer_combo.set_any_text(self.tr("any payer"))
        self.group_combo.set_any_text(self.tr("any group"))
        self.service_combo.set_any_text(self.tr("any service"))
        self.department_combo.set_any_text(self.tr("any department"))
        self.to_label.setText(self.tr("to"))
        self.month_button.setText(self.tr("&Whole month"))
        self.month_button.setToolTip(self.tr("From the first to the last day of the month the period starts in"))
        self.count_edit.setPlaceholderText(self.tr("no limit"))
        self.amount_edit.setPlaceholderText(self.tr("no limit"))
        if self.quota is not None:
            self.count_hint.setText(self.tr("used: {count}").format(count=self.quota.used_count))
            self.amount_hint.setText(self.tr("used: {amount}").format(
                amount=common.money_text(self.quota.used_amount)))
        self.limits_hint.setText(self.tr(
            "Give the number of services, the amount, or both; leave a field empty for no limit. A limit "
            "cannot be set below what is already used."))
        self.active_check.setText(self.tr("&Active: orders count against this quota"))
        self.save_button.setText(self.tr("&Save"))
        self.cancel_button.setText(self.tr("Cancel"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "save_button"):
            self.retranslate_ui()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _whole_month(self) -> None:
        first, last = month_of(common.pydate(self.from_date))
        self.from_date.setDate(common.qdate(first))
        self.to_date.setDate(common.qdate(last))

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.save_button.setEnabled(not busy)

    def _saved(self, quota_id: int) -> None:
        self._set_busy(False)
        self.saved.emit(quota_id)
        self.accept()

    def _refused(self, exc: Exception) -> None:
        self._set_busy(False)
        common.show_message(self.error_label, error_text(exc))


class QuotasPage(QWidget):
    """Quotas on a day with their usage, read again every 30 s while shown; a quota is created or changed
    in a dialog (Enter or a double click on a row)."""

    def __init__(self, session: AppSession, parent: QWidget | None = None,
                 today: dt.date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._today = today
        self.lists = common.ContractLists(session.organization_id)
        self.quotas: list[contracts.QuotaEntry] = []
        self.loading = False
        self.loaded_at: dt.datetime | None = None
        self.dialog: QuotaDialog | None = None  # the last dialog opened (tests look at it)
        self._generation = 0
        self._select_after_load: int | None = None

        self.title_label = QLabel(self)
        self.title_label.setObjectName("sectionTitle")
        self.lead_label = common.muted_label(self)
        self.day_label = QLabel(self)
        self.day_edit = common.date_edit(self, self.today)
        self.day_label.setBuddy(self.day_edit)
        self.today_button = QPushButton(self)
        self.today_button.clicked.connect(lambda: self.set_day(self.today))
        self.all_check = QCheckBox(self)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.auto_check = QCheckBox(self)
        self.auto_check.setChecked(True)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(lambda: self.new_quota())
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(lambda: self.edit_quota())
        self.quota_model = QuotaModel(quota_columns(lambda: self.lists), parent=self)
        self.quota_view = common.table(self, self.quota_model, stretch_last=False)
        self.quota_view.setItemDelegateForColumn(LOAD_COLUMN, LoadBarDelegate(self.quota_view))
        self.quota_view.verticalHeader().setDefaultSectionSize(30)
        self.quota_view.horizontalHeader().setMinimumSectionSize(60)
        self.quota_view.doubleClicked.connect(lambda *_: self.edit_quota())
        self.quota_view.activated.connect(lambda *_: self.edit_quota())
        self.legend_title = common.muted_label(self, wrap=False)
        self.legend: dict[str, QLabel] = {}
        legend = QHBoxLayout()
        legend.setSpacing(6)
        legend.addWidget(self.legend_title)
        for level, bar, background, _text in LEGEND:
            label = QLabel(self)
            label.setStyleSheet(f"background: {background}; border: 1px solid {bar}; border-radius: 3px; "
                                "padding: 2px 8px;")
            self.legend[level] = label
            legend.addWidget(label)
        legend.addStretch(1)
        self.updated_label = common.muted_label(self, wrap=False)
        legend.addWidget(self.updated_label)
        self.status_label = common.muted_label(self)

        top = QHBoxLayout()
        top.addWidget(self.day_label)
        top.addWidget(self.day_edit)
        top.addWidget(self.today_button)
        top.addSpacing(12)
        top.addWidget(self.all_check)
        top.addSpacing(24)
        top.addWidget(self.new_button)
        top.addWidget(self.edit_button)
        top.addStretch(1)
        top.addWidget(self.auto_check)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 8)
        layout.addWidget(self.title_label)
        layout.addWidget(self.lead_label)
        layout.addLayout(top)
        layout.addWidget(self.quota_view, 1)
        layout.addLayout(legend)
        layout.addWidget(self.status_label)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self._tick)
        self.timer.start()
        self.auto_check.toggled.connect(lambda on: self.timer.start() if on else self.timer.stop())
        self.day_edit.dateChanged.connect(lambda _d: self.refresh())
        self.all_check.toggled.connect(lambda _on: self.refresh())
        self.quota_view.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())
        operation_bus().changed.connect(self._changed)
        self.retranslate_ui()
        self._update_buttons()
        self.refresh()

    # --- Public API ------------------------------------------------------------------------------

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    @property
    def day(self) -> dt.date:
        return common.pydate(self.day_edit)

    def set_day(self, day: dt.date) -> None:
        self.day_edit.setDate(common.qdate(day))

    def refresh(self) -> None:
        """Reads the quotas in force on the chosen day (or all of them) with their usage."""
        self._generation += 1
        generation = self._generation
        self.loading = True
        on = None if self.all_check.isChecked() else self.day
        common.load_with_lists(self, self.session, lambda conn, org: contracts.quotas(conn, org, on=on)).success(
            lambda data: self._loaded(*data) if generation == self._generation else None
        ).failure(self._load_failed).run()

    def current_quota(self) -> contracts.QuotaEntry | None:
        index = self.quota_view.currentIndex()
        return self.quota_model.row_at(index) if index.isValid() else None

    def select_quota(self, quota_id: int) -> bool:
        index = self.quota_model.index_for_id(quota_id)
        if index.isValid():
            self.quota_view.setCurrentIndex(index)
            return True
        return False

    def quota(self, quota_id: int) -> contracts.QuotaEntry | None:
        return next((q for q in self.quotas if q.id == quota_id), None)

    def new_quota(self) -> QuotaDialog:
        return self._open(None)

    def edit_quota(self) -> QuotaDialog | None:
        quota = self.current_quota()
        return self._open(quota) if quota is not None else None

    def retranslate_ui(self) -> None:
        self.title_label.setText(self.tr("Quotas and their usage"))
        self.lead_label.setText(self.tr(
            "Every order line under a quota uses it at once; a line with no room left is refused unless a head "
            "of registry or the contracts department allows it over the limit. Hover over a row for details; "
            "press Enter or double-click to change a quota."))
        self.day_label.setText(self.tr("In force &on"))
        self.today_button.setText(self.tr("&Today"))
        self.all_check.setText(self.tr("&All periods"))
        self.auto_check.setText(self.tr("Update every 30 s"))
        self.refresh_button.setText(self.tr("&Refresh"))
        self.new_button.setText(self.tr("&New quota…"))
        self.edit_button.setText(self.tr("&Change…"))
        self.legend_title.setText(self.tr("Load:"))
        for level, _bar, _background, text in LEGEND:
            self.legend[level].setText(_t(text))
        self._show_updated()
        self.quota_model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.quota_model.columnCount() - 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "quota_model"):
            self.retranslate_ui()
            self._show_quotas()
        super().changeEvent(event)

    # --- Internals -------------------------------------------------------------------------------

    def _open(self, quota: contracts.QuotaEntry | None) -> QuotaDialog:
        dialog = QuotaDialog(self.session, self.lists, quota, self.day, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._saved)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _tick(self) -> None:
        if self.isVisible() and not self.loading:
            self.refresh()

    def _loaded(self, lists: common.ContractLists, quotas: list[contracts.QuotaEntry]) -> None:
        self.loading = False
        self.lists = lists
        self.quotas = quotas
        self.loaded_at = dt.datetime.now()
        self._show_quotas()
        self._show_updated()

    def _show_quotas(self) -> None:
        current = self.current_quota()
        keep = self._select_after_load or (current.id if current is not None else None)
        self.quota_model.set_rows(self.quotas)
        self.quota_view.resizeColumnsToContents()
        self.quota_view.setColumnWidth(0, min(max(self.quota_view.columnWidth(0), 160), 240))
        self.quota_view.setColumnWidth(TARGET_COLUMN, min(max(self.quota_view.columnWidth(TARGET_COLUMN), 160),
                                                          260))
        self.quota_view.setColumnWidth(LOAD_COLUMN, 120)
        if keep is not None and self.select_quota(keep):
            self._select_after_load = None
        elif self.quota_model.rowCount():
            self.quota_view.setCurrentIndex(self.quota_model.index(0, 0))
        if not self.quotas:
            common.set_status(self.status_label, self.tr("No quotas are in force on {day}.").format(
                day=common.day_text(self.day)) if not self.all_check.isChecked() else self.tr("No quotas yet."))
        elif self.status_label.objectName() == "errorLabel" or self.status_label.text().startswith(
                self.tr("No quotas")):
            common.set_status(self.status_label, "")
        self._update_buttons()

    def _show_updated(self) -> None:
        if self.loaded_at is not None:
            self.updated_label.setText(self.tr("Updated at {time}").format(
                time=self.loaded_at.strftime("%H:%M:%S")))

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.current_quota() is not None)

    def _saved(self, quota_id: int) -> None:
        self._select_after_load = quota_id
        common.set_status(self.status_label, self.tr("The quota is saved."))

    def _load_failed(self, exc: Exception) -> None:
        self.loading = False
        common.set_status(self.status_label, error_text(exc), error=True)

    def _changed(self, changes) -> None:
        if (USAGE_CHANGES | common.LIST_CHANGES) & set(changes):
            self.refresh()


def month_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The first and the last day of the month of ``day``."""
    first = day.replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
    return first, last
