"""What the discounts, quotas and registers pages of the contracts workstation share: the lists they
choose from (service groups, services, agreements, payers, departments, card types) read in one unit of
work, and small widget helpers in the house style (tables, inline error labels, dates, money, choice
combos with an "any" entry).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLabel,
    QSpinBox,
    QWidget,
)

from medcenter_desktop.operations import BackgroundOp, in_uow
from shared.services import calendar, catalogue, contracts, reference

# The pages' shared widgets and formats live in the workstation's one kit.
from workstations.contracts._page_kit import (  # noqa: F401 - re-exported for the pages
    DATE_FORMAT,
    confirm,
    date_edit,
    day_text,
    error_label,
    form_labels,
    money_text,
    muted_label,
    pydate,
    qdate,
    show_message,
)
from workstations.contracts._page_kit import make_table as table  # noqa: F401

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession

CONTEXT = "ContractsPages"
DAY_FORMAT = DATE_FORMAT

#: Operation-bus names of what these pages change (other open screens refresh on them).
DISCOUNT_CHANGES = "discounts"
QUOTA_CHANGES = "quotas"
REGISTER_CHANGES = "registers"
MAPPING_CHANGES = "register_mapping_rules"
#: What the catalogue, payers and agreements pages announce: the lists these pages choose from change.
LIST_CHANGES = frozenset({"catalogue", "payers", "agreements"})


# --- The lists the editors choose from ----------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    id: int
    label: str


@dataclass(frozen=True)
class ContractLists:
    """The organization's groups, services, agreements, payers, departments and card types."""

    organization_id: int | None
    groups: tuple[Choice, ...] = ()
    services: tuple[Choice, ...] = ()
    agreements: tuple[contracts.AgreementEntry, ...] = ()
    payers: tuple[contracts.PayerEntry, ...] = ()
    departments: tuple[Choice, ...] = ()
    card_types: tuple[Choice, ...] = ()
    service_groups: dict[int, int | None] = field(default_factory=dict)  # service id -> its group

    def name_of(self, kind: str, item_id: int | None) -> str:
        if item_id is None:
            return ""
        if kind == "agreement":
            return next((agreement_label(a) for a in self.agreements if a.id == item_id), f"#{item_id}")
        if kind == "payer":
            return next((p.name for p in self.payers if p.id == item_id), f"#{item_id}")
        choices = {"group": self.groups, "service": self.services, "department": self.departments,
                   "card_type": self.card_types}[kind]
        return next((c.label for c in choices if c.id == item_id), f"#{item_id}")


def agreement_label(agreement: contracts.AgreementEntry) -> str:
    label = f"{agreement.number} {agreement.name}"
    return f"{label} — {agreement.payer_name}" if agreement.payer_name else label


def read_lists(session: AppSession) -> ContractLists:
    """Reads the lists in one unit of work (on a worker thread: it blocks)."""
    organization_id = session.organization_id
    if organization_id is None:
        return ContractLists(None)
    with session.uow() as uow:
        assert uow.session is not None
        conn = uow.session.connection()
        services = catalogue.services(conn, organization_id, include_inactive=False)
        return ContractLists(
            organization_id=organization_id,
            groups=tuple(Choice(g.id, f"{g.code} {g.name}") for g in catalogue.groups(conn, organization_id)),
            services=tuple(Choice(s.id, f"{s.code} {s.name}") for s in services),
            agreements=tuple(contracts.agreements(conn, organization_id)),
            payers=tuple(contracts.payers(conn, organization_id)),
            departments=tuple(Choice(i, name) for i, name in calendar.departments(conn, organization_id)),
            card_types=tuple(Choice(c.id, c.name) for c in reference.list_card_types(uow) if c.is_active),
            service_groups={s.id: s.group_id for s in services},
        )


def load_with_lists(parent: QWidget, session: AppSession, fn) -> BackgroundOp:
    """``(lists, fn(connection, organization_id))`` on a worker thread: what a page shows, with what its
    editors choose from."""
    organization_id = session.organization_id

    def read():
        lists = read_lists(session)
        return lists, in_uow(session, lambda conn: fn(conn, organization_id), commit=False)

    return BackgroundOp(parent, read)


def session_call(parent: QWidget, session: AppSession, fn, *changes: str, commit: bool = True) -> BackgroundOp:
    """``fn(connection, organization_id)`` in one unit of work on a worker thread."""
    organization_id = session.organization_id
    return BackgroundOp(parent, lambda: in_uow(session, lambda conn: fn(conn, organization_id),
                                               commit=commit)).changes(*changes)


# --- Widgets ------------------------------------------------------------------------------------------








def set_status(label: QLabel, text: str, *, error: bool = False) -> None:
    """A page's status line: muted, or in the error style."""
    label.setObjectName("errorLabel" if error and text else "mutedLabel")
    label.style().unpolish(label)
    label.style().polish(label)
    label.setText(text)
















def period_text(first: dt.date | None, last: dt.date | None) -> str:
    if first is None and last is None:
        return QCoreApplication.translate("ContractsPages", "always")
    if last is None:
        return QCoreApplication.translate("ContractsPages", "from {first}").format(first=day_text(first))
    if first is None:
        return QCoreApplication.translate("ContractsPages", "until {last}").format(last=day_text(last))
    return f"{day_text(first)} – {day_text(last)}"




def parse_decimal(text: str) -> Decimal | str | None:
    """A typed number as Decimal, None when blank, the text itself when it is not a number (the
    service then refuses it with its own message)."""
    cleaned = "".join(text.split()).replace("\u202f", "").replace(",", ".")
    if not cleaned:
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return text.strip()


def age_spin(parent: QWidget) -> QSpinBox:
    """An age in whole years, or "any" (the special value −1)."""
    spin = QSpinBox(parent)
    spin.setRange(-1, 150)
    spin.setValue(-1)
    spin.setMinimumWidth(80)
    return spin


def spin_value(spin: QSpinBox) -> int | None:
    return None if spin.value() == spin.minimum() else spin.value()


def set_spin(spin: QSpinBox, value: int | None) -> None:
    spin.setValue(spin.minimum() if value is None else value)


class ChoiceCombo(QComboBox):
    """A combo of (id, label) with an "any" entry first (data None); typing finds an entry by any word."""

    def __init__(self, parent: QWidget | None = None, *, searchable: bool = False) -> None:
        super().__init__(parent)
        self.any_text = ""
        self.addItem("", None)
        self.setMinimumWidth(220)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        if searchable:
            self.setEditable(True)
            self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self.completer().setFilterMode(Qt.MatchFlag.MatchContains)
            self.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def set_choices(self, choices: Iterable[tuple[int | str, str]]) -> None:
        """Replaces the entries, keeping the chosen one where it still exists."""
        current = self.value()
        self.blockSignals(True)
        while self.count() > 1:
            self.removeItem(1)
        for item_id, label in choices:
            self.addItem(label, item_id)
        self.blockSignals(False)
        self.set_value(current)

    def set_any_text(self, text: str) -> None:
        self.any_text = text
        self.setItemText(0, text)

    def value(self):
        """The chosen id, None for "any" (or for typed text that names no entry)."""
        if self.isEditable() and self.currentText() != self.itemText(self.currentIndex()):
            return None
        return self.currentData()

    def set_value(self, value) -> None:
        index = self.findData(value) if value is not None else 0
        self.setCurrentIndex(max(0, index))
        if self.isEditable():
            self.lineEdit().setCursorPosition(0)  # a long name shows its beginning (the code)


def choice_pairs(choices: Iterable[Choice]) -> list[tuple[int, str]]:
    return [(c.id, c.label) for c in choices]
