"""The numbering rules of medical cards, per organization and card type (the administrator's):
a prefix, optionally the year, and a zero-padded sequence -- e.g. ``АМБ-2026/00041``.

`next_card_number()` in the database applies them; a pair without a rule numbers plainly (000001).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection, text

from shared.errors import QT_TRANSLATE_NOOP
from shared.services.patient_input import InvalidFields


@dataclass(frozen=True)
class NumberingRule:
    organization_id: int
    organization: str
    card_type_id: int
    card_type: str
    prefix: str
    with_year: bool
    digits: int
    next_value: int

    def example(self, year: int | None = None) -> str:
        """What the next card's number will look like."""
        year_part = f"{year or dt.date.today().year}/" if self.with_year else ""
        return f"{self.prefix}{year_part}{self.next_value:0{self.digits}d}"


def list_rules(connection: Connection) -> tuple[NumberingRule, ...]:
    """Every organization and active card type the caller sees, with its rule (or the default)."""
    rows = connection.execute(text(
        "SELECT o.id, o.short_name, t.id, t.name, coalesce(n.prefix, ''), coalesce(n.with_year, false), "
        "coalesce(n.digits, 6), coalesce(n.next_value, 1) FROM organizations o CROSS JOIN medical_card_types t "
        "LEFT JOIN card_numbering n ON n.organization_id = o.id AND n.card_type_id = t.id "
        "WHERE t.is_active ORDER BY o.short_name, t.sort_order, t.id"
    )).all()
    return tuple(NumberingRule(*r) for r in rows)


def set_rule(connection: Connection, organization_id: int, card_type_id: int, *, prefix: str, with_year: bool,
             digits: int, next_value: int) -> None:
    errors: dict[str, str] = {}
    prefix = prefix.strip()
    if len(prefix) > 10:
        errors["prefix"] = QT_TRANSLATE_NOOP("DomainError", "At most 10 characters.")
    elif any(unicodedata.category(c).startswith(("C", "Z")) and c != " " for c in prefix):
        errors["prefix"] = QT_TRANSLATE_NOOP("DomainError", "Remove tabs and line breaks.")
    if not 1 <= digits <= 12:
        errors["digits"] = QT_TRANSLATE_NOOP("DomainError", "From 1 to 12 digits.")
    if not 1 <= next_value < 10**9:
        errors["next_value"] = QT_TRANSLATE_NOOP("DomainError", "A whole number from 1.")
    elif digits >= 1 and len(str(next_value)) > digits:
        errors["next_value"] = QT_TRANSLATE_NOOP("DomainError", "The number does not fit in the digits given.")
    if errors:
        raise InvalidFields(errors)
    connection.execute(text(
        "INSERT INTO card_numbering (organization_id, card_type_id, prefix, with_year, digits, next_value, year) "
        "VALUES (:o, :t, :p, :y, :d, :n, CASE WHEN :y THEN extract(year FROM now())::integer END) "
        "ON CONFLICT (organization_id, card_type_id) DO UPDATE SET prefix = excluded.prefix, "
        "with_year = excluded.with_year, digits = excluded.digits, next_value = excluded.next_value, "
        "year = excluded.year"),
        {"o": organization_id, "t": card_type_id, "p": prefix, "y": with_year, "d": digits, "n": next_value})
