"""What the registrar chooses from when opening a card or moving a paper one: the card types the
logged-in user may open, and the offices of an organization. Read-only; row-level security applies.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text


@dataclass(frozen=True)
class CardTypeChoice:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class OfficeChoice:
    id: int
    number: str
    name: str

    @property
    def label(self) -> str:
        return f"{self.number} {self.name}".strip()


def card_types_to_open(connection: Connection) -> tuple[CardTypeChoice, ...]:
    """Active card types the user's staff member is granted (the others would be refused anyway)."""
    rows = connection.execute(
        text("SELECT id, code, name FROM medical_card_types "
             "WHERE is_active AND id = ANY(app_user_card_type_ids()) ORDER BY sort_order, name")
    )
    return tuple(CardTypeChoice(r.id, r.code, r.name) for r in rows)


def organization_offices(connection: Connection, organization_id: int) -> tuple[OfficeChoice, ...]:
    """Active offices of the organization, by number, for the paper-card move."""
    rows = connection.execute(
        text("SELECT id, number, name FROM offices WHERE organization_id = :o AND is_active "
             "ORDER BY length(number), number, id"),
        {"o": organization_id},
    )
    return tuple(OfficeChoice(r.id, r.number, r.name) for r in rows)
