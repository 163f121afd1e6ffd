"""Who saved a row last, for the "changed by … at …, reload" message of a refused save.

Read through the security-definer ``audit_last_change`` function, so any user editing a row may
learn who got there first without read access to the audit trail itself.
"""

from __future__ import annotations

from sqlalchemy import Connection, text


def last_change(connection: Connection, table: str, key: int | str) -> tuple[str, str] | None:
    """(who, when as dd.mm.yyyy hh:mm:ss in local time) of the newest change of the row, or None."""
    row = connection.execute(text("SELECT * FROM audit_last_change(:t, :k)"), {"t": table, "k": str(key)}).first()
    if row is None:
        return None
    who = row.user_name or row.login_role.rpartition(".")[2] or row.login_role
    return who, row.occurred_at.astimezone().strftime("%d.%m.%Y %H:%M:%S")
