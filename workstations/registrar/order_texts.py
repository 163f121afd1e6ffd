"""How orders read on the registrar's screens: money, line statuses, payers and the reasons of a price.

Statuses and reasons are the domain's source texts (`shared.services.orders.STATUS_NAMES`,
`shared.services.pricing`), translated in the "DomainError" context like every domain message.
"""

from __future__ import annotations

import html
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from medcenter_desktop.error_dialog import translate_domain_text
from shared.services.orders import STATUS_NAMES

if TYPE_CHECKING:
    from collections.abc import Iterable

    from shared.services.orders import OrderLineInfo
    from shared.services.pricing import Reason
    from workstations.registrar.order_ops import PayerChoice

CTX = "Orders"

#: Status colours (text, background) of lines and orders.
STATUS_COLOURS = {
    "ordered": ("#6d3b00", "#fff3e0"),
    "booked": ("#0d3c78", "#e3effd"),
    "paid": ("#145a32", "#e7f5ec"),
    "performed": ("#145a32", "#e7f5ec"),
    "closed": ("#5f6b73", "#eceff1"),
    "cancelled": ("#8a1c1c", "#fdecec"),
}


def money_text(amount: Decimal | None) -> str:
    """"1 980,00" in Russian, "1,980.00" in English."""
    if amount is None:
        return ""
    return QLocale().toString(float(amount), "f", 2)


def line_status_text(status: str | None) -> str:
    source = STATUS_NAMES.get(status or "")
    return translate_domain_text(source) if source else (status or "")


def reason_texts(reasons: Iterable[Reason]) -> list[str]:
    """Each step of a price's explanation in the UI language."""
    return [reason.render(translate_domain_text) for reason in reasons]


def reasons_html(reasons: Iterable[Reason]) -> str:
    items = "".join(f"<li>{html.escape(text)}</li>" for text in reason_texts(reasons))
    return f"<ul style='margin-left: -20px'>{items}</ul>" if items else ""


def payer_text(line: OrderLineInfo) -> str:
    """Who pays the line: the payer's name, or "Client" for what the client pays personally."""
    return line.payer_name or QCoreApplication.translate("Orders", "Client")


def period_text(choice: PayerChoice) -> str:
    if choice.valid_from is None:
        return ""
    start = choice.valid_from.strftime("%d.%m.%Y")
    return f"{start}–{choice.valid_to:%d.%m.%Y}" if choice.valid_to else \
        QCoreApplication.translate("Orders", "from {day}").format(day=start)


def payer_choice_text(choice: PayerChoice) -> str:
    """"Client personally — public offer ПО-2026" or "АО «Демо-Полис» — ДМС-2026/1"."""
    if choice.payer_id is None:
        text = QCoreApplication.translate("Orders", "Client personally")
        if choice.agreement_number:
            text += " — " + QCoreApplication.translate("Orders", "public offer {number}").format(
                number=choice.agreement_number)
        return text
    return f"{choice.payer_name} — {choice.agreement_number}"


def payer_choice_tooltip(choice: PayerChoice) -> str:
    lines = [f"{choice.agreement_number} {choice.agreement_name}".strip()]
    if choice.valid_from is not None:
        lines.append(QCoreApplication.translate("Orders", "Valid {period}").format(period=period_text(choice)))
    if choice.payer_id is not None:
        lines.append(QCoreApplication.translate("Orders", "Covers every service") if choice.covers_all_services
                     else QCoreApplication.translate("Orders", "Covers the services listed in the agreement"))
    return "\n".join(lines)
