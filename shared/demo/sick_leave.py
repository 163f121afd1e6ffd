"""Sick-leave blanks for the demo (``medcenter demo`` only, not the test clinic): each organization has
received a batch of blanks, and the demo doctor and nurse hold some, so a certificate can be issued on the
first try. Real blanks come from the Social Fund in numbered batches; these numbers start with 9 (paper
blanks' numbers are 12 digits) and are kept apart per organization."""

from __future__ import annotations

from sqlalchemy import Connection, text

from shared.db.roles import RoleNames
from shared.services import sick_leave_blanks as blanks

#: Blanks received per organization, and how many the demo doctor and nurse hold each.
BATCH = 100
HELD = 20
_FIRST = 920_000_000_000
_SUPPLIER = "Отделение Социального фонда России"


def _number(value: int) -> str:
    return f"{value:012d}"


def seed_demo_blanks(connection: Connection, roles: RoleNames) -> int:
    """Receives a batch in every organization that has none and hands blanks to the demo doctor and nurse
    (in the organization they work in). Returns the number of batches received; the caller commits."""
    holders = dict(connection.execute(text(
        "SELECT s.organization_id, array_agg(s.id ORDER BY u.role_name) FROM users u "
        "JOIN staff_members s ON s.id = u.staff_member_id WHERE u.role_name = ANY(:r) GROUP BY s.organization_id"),
        {"r": [roles.login_role("doctor"), roles.login_role("nurse")]}).all())
    received = 0
    for org in connection.scalars(text(
            "SELECT o.id FROM organizations o WHERE NOT EXISTS "
            "(SELECT 1 FROM sick_leave_blank_batches b WHERE b.organization_id = o.id) ORDER BY o.id")).all():
        first = _FIRST + org * 1_000_000
        blanks.receive_batch(connection, org, _number(first), _number(first + BATCH - 1), supplier=_SUPPLIER,
                             document="Накладная № 1")
        received += 1
        for n, staff_id in enumerate(holders.get(org, ())):
            start = first + n * HELD
            blanks.issue_blanks(connection, org, _number(start), _number(start + HELD - 1),
                                staff_member_id=staff_id, document="Требование-накладная № 1")
    return received
