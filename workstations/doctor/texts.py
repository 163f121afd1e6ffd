"""How the doctor's screens word statuses, payment, age and sex (translated where shown)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from medcenter_desktop.error_dialog import translate_domain_text
from shared.errors import QT_TRANSLATE_NOOP
from shared.services import booking, orders
from shared.services.shift_tasks import PAYMENT_NAMES, TaskEntry, TaskLine

CTX = "DoctorTexts"

SEX = {"M": QT_TRANSLATE_NOOP("DoctorTexts", "male"), "F": QT_TRANSLATE_NOOP("DoctorTexts", "female")}
ROLE_NAMES = {
    "main": QT_TRANSLATE_NOOP("DoctorTexts", "main"),
    "accompanying": QT_TRANSLATE_NOOP("DoctorTexts", "accompanying"),
    "complication": QT_TRANSLATE_NOOP("DoctorTexts", "complication"),
}
STEP_STATES = {
    "done": QT_TRANSLATE_NOOP("DoctorTexts", "done"),
    "skipped": QT_TRANSLATE_NOOP("DoctorTexts", "skipped"),
    "left": QT_TRANSLATE_NOOP("DoctorTexts", "to do"),
    "cancelled": QT_TRANSLATE_NOOP("DoctorTexts", "cancelled"),
}
UNPAID = QT_TRANSLATE_NOOP("DoctorTexts", "UNPAID")
RECORD_STATES = {
    "draft": QT_TRANSLATE_NOOP("DoctorTexts", "draft"),
    "signed": QT_TRANSLATE_NOOP("DoctorTexts", "signed"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CTX, text)


def booking_status(status: str) -> str:
    return translate_domain_text(booking.STATUS_NAMES.get(status, status))


def line_status(status: str) -> str:
    return translate_domain_text(orders.STATUS_NAMES.get(status, status))


def line_payment(line: TaskLine) -> str:
    return translate_domain_text(PAYMENT_NAMES[line.payment]).format(payer=line.payer_name)


def entry_payment(entry: TaskEntry) -> str:
    """The visit as a whole: UNPAID stands out, a payer is named."""
    state = entry.payment
    if state == "unpaid":
        return tr(UNPAID)
    if state == "covered":
        return ", ".join(entry.payer_names) or translate_domain_text(PAYMENT_NAMES["covered"]).format(payer="")
    return translate_domain_text(PAYMENT_NAMES[state]).format(payer="")


def entry_services(entry: TaskEntry) -> str:
    """The booked service, and the other services ordered for the visit."""
    names = [entry.service_name]
    for line in entry.lines:
        if line.parent_line_id is None and line.status != "cancelled" and line.service_name not in names:
            names.append(line.service_name)
    return "; ".join(names)


def age(birth: dt.date | None, on: dt.date | None = None) -> int | None:
    if birth is None:
        return None
    on = on or dt.date.today()
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def age_text(birth: dt.date | None, on: dt.date | None = None) -> str:
    years = age(birth, on)
    if years is None:
        return ""
    return QCoreApplication.translate("DoctorTexts", "%n year(s)", "", years)


def sex_text(sex: str) -> str:
    return tr(SEX[sex]) if sex in SEX else ""


def role_text(role: str) -> str:
    return tr(ROLE_NAMES.get(role, role))


def step_state(state: str) -> str:
    return tr(STEP_STATES.get(state, state))


def record_state(status: str) -> str:
    return tr(RECORD_STATES.get(status, status))


def local(moment: dt.datetime | None) -> str:
    return moment.astimezone().strftime("%d.%m.%Y %H:%M") if moment is not None else ""
