"""Small helpers shared by the printed forms (Russian calendar words, markup escaping)."""

from __future__ import annotations

import datetime as dt
from xml.sax.saxutils import escape

WEEKDAYS_SHORT = ("Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс")
WEEKDAYS_FULL = ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье")

DAY_OFF = "—"  # em dash: printed for a day without hours


def markup(text: str) -> str:
    """Plain text -> reportlab Paragraph markup (escaped, line breaks kept)."""
    return "<br/>".join(escape(line) for line in text.strip().splitlines())


def date_ru(day: dt.date) -> str:
    return day.strftime("%d.%m.%Y")


def day_header(day: dt.date) -> str:
    """"Пн 30.11"."""
    return f"{WEEKDAYS_SHORT[day.weekday()]} {day.strftime('%d.%m')}"
