"""Who saved a row last, for the "changed by … at …, reload" message of a refused save.

Read through the security-definer ``audit_last_change`` function, so any user editing a row may
learn who got there first without read access to the audit trail itself.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from shared.errors import QT_TRANSLATE_NOOP, DomainError


class ConcurrentEdit(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "This record was changed by {user} at {time} while you were editing it. Reload it and "
        "make your changes again."
    )


class ConcurrentEditUnknown(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError", "This record was changed by another user while you were editing it. Reload it and make "
        "your changes again."
    )


class RecordGone(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "This record no longer exists: somebody deleted it. Reload the list.")


def last_change(connection: Connection, table: str, key: int | str) -> tuple[str, str] | None:
    """(who, when as dd.mm.yyyy hh:mm:ss in local time) of the newest change of the row, or None."""
    row = connection.execute(text("SELECT * FROM audit_last_change(:t, :k)"), {"t": table, "k": str(key)}).first()
    if row is None:
        return None
    who = row.user_name or row.login_role.rpartition(".")[2] or row.login_role
    return who, row.occurred_at.astimezone().strftime("%d.%m.%Y %H:%M:%S")


def stale(connection: Connection, table: str, key: int, exists: bool) -> DomainError:
    """Why a versioned update matched no row: deleted (``exists`` false), or changed by whom and when."""
    if not exists:
        return RecordGone()
    last = last_change(connection, table, key)
    if last is None:
        return ConcurrentEditUnknown()
    return ConcurrentEdit(user=last[0], time=last[1])
