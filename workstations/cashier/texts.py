"""Words the cash desk screens share: operation kinds and states, sums, the journal's messages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from medcenter_desktop.error_dialog import translate_domain_text
from shared.errors import QT_TRANSLATE_NOOP
from shared.services import cash_desk

KINDS = {
    "sale": QT_TRANSLATE_NOOP("CashierTexts", "Payment"),
    "refund": QT_TRANSLATE_NOOP("CashierTexts", "Refund"),
    "deposit": QT_TRANSLATE_NOOP("CashierTexts", "Deposit"),
    "deposit_refund": QT_TRANSLATE_NOOP("CashierTexts", "Deposit return"),
    "cash_in": QT_TRANSLATE_NOOP("CashierTexts", "Cash in"),
    "cash_out": QT_TRANSLATE_NOOP("CashierTexts", "Cash out"),
    "open_shift": QT_TRANSLATE_NOOP("CashierTexts", "Shift opened"),
    "x_report": QT_TRANSLATE_NOOP("CashierTexts", "X-report"),
    "z_report": QT_TRANSLATE_NOOP("CashierTexts", "Z-report"),
    "settlement": QT_TRANSLATE_NOOP("CashierTexts", "Bank settlement"),
}

STATES = {
    "completed": QT_TRANSLATE_NOOP("CashierTexts", "done"),
    "failed": QT_TRANSLATE_NOOP("CashierTexts", "failed"),
    "voided": QT_TRANSLATE_NOOP("CashierTexts", "undone"),
    "attention": QT_TRANSLATE_NOOP("CashierTexts", "needs a decision"),
}

#: Kinds whose money leaves the drawer or the card: shown with a minus.
OUTGOING = frozenset({"refund", "deposit_refund", "cash_out"})

#: Kinds that move the client's money (the day's totals add them up).
MONEY_KINDS = frozenset(cash_desk.MONEY_KINDS)


def kind_text(kind: str) -> str:
    source = KINDS.get(kind)
    return QCoreApplication.translate("CashierTexts", source) if source else kind


def state_text(state: str) -> str:
    source = STATES.get(state)
    if source is None:
        source = QT_TRANSLATE_NOOP("CashierTexts", "in progress")
    return QCoreApplication.translate("CashierTexts", source)


def money_text(amount: Decimal | None) -> str:
    """1 234,50 (a no-break space between thousands)."""
    return "" if amount is None else cash_desk.format_money(amount)


def signed_money(amount: Decimal, kind: str) -> str:
    if amount == 0:
        return money_text(amount)
    return ("\u2212" if kind in OUTGOING else "") + money_text(amount)


def deposit_part(total: Decimal, cash: Decimal, card: Decimal) -> Decimal:
    """What of a sale (or a refund) was paid from (or went back to) the client's deposit: a money operation's
    total is its cash, its card and its deposit part."""
    return max(Decimal(0), total - cash - card)


def local_time(at: dt.datetime | None, pattern: str = "%H:%M") -> str:
    if at is None:
        return ""
    return (at.astimezone() if at.tzinfo is not None else at).strftime(pattern)


def journal_message(message: str, params: dict | None = None) -> str:
    """A message the journal keeps as a source text (`OperationResult.message`, `Unfinished.message`)."""
    if not message:
        return ""
    params = dict(params or {})
    if "what" in params:
        params["what"] = translate_domain_text(params["what"])
    try:
        return translate_domain_text(message).format(**params)
    except (KeyError, IndexError, ValueError):
        try:
            return message.format(**params)
        except (KeyError, IndexError, ValueError):
            return message


def parse_money(value: str) -> Decimal | None:
    """A typed sum, or None when the field is empty or not a sum (shown as a dash while typing)."""
    if not value.strip():
        return None
    try:
        return cash_desk.money(value)
    except cash_desk.CashRefused:
        return None
