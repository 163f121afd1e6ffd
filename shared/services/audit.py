"""Reading the audit trail: the "History of actions" screen of the head of registry and the
administrator. Rows are written only by the database (triggers, security-definer functions)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from sqlalchemy import Connection, select, text

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.models import AuditLog
from shared.security.audit import AUDITED

MAX_ROWS = 1000


class InvalidAuditFilter(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The history filter is not valid: {detail}")
    translatable_params = ("detail",)


@dataclass(frozen=True)
class AuditFilter:
    login_role: str | None = None
    patient_id: int | None = None
    date_from: dt.date | None = None
    #: Inclusive: the whole day.
    date_to: dt.date | None = None
    table_name: str | None = None
    action: str | None = None
    limit: int = 500


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    occurred_at: dt.datetime
    login_role: str
    user_name: str
    workstation: str
    action: str
    table_name: str
    row_key: str
    patient_id: int | None
    details: str
    changes: tuple[FieldChange, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class AuditUser:
    login_role: str
    name: str


def audited_tables() -> tuple[str, ...]:
    return tuple(sorted(AUDITED))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def _changes(old: dict | None, new: dict | None) -> tuple[FieldChange, ...]:
    old, new = old or {}, new or {}
    return tuple(FieldChange(k, _text(old.get(k)), _text(new.get(k))) for k in sorted(set(old) | set(new)))


def search_audit(connection: Connection, flt: AuditFilter) -> tuple[AuditEntry, ...]:
    """The newest entries matching ``flt`` (at most ``flt.limit``, capped at MAX_ROWS)."""
    if flt.date_from and flt.date_to and flt.date_from > flt.date_to:
        raise InvalidAuditFilter(detail=QT_TRANSLATE_NOOP("DomainError", "the period starts after it ends"))
    if flt.table_name and flt.table_name not in AUDITED and flt.table_name != "users":
        raise InvalidAuditFilter(detail=QT_TRANSLATE_NOOP("DomainError", "unknown table"))
    if flt.limit < 1:
        raise InvalidAuditFilter(detail=QT_TRANSLATE_NOOP("DomainError", "the row limit must be positive"))
    log = AuditLog.__table__.c
    q = select(AuditLog.__table__).order_by(log.occurred_at.desc(), log.id.desc())
    if flt.login_role:
        q = q.where(log.login_role == flt.login_role)
    if flt.patient_id is not None:
        q = q.where(log.patient_id == flt.patient_id)
    if flt.date_from:
        q = q.where(log.occurred_at >= _start_of(connection, flt.date_from))
    if flt.date_to:
        q = q.where(log.occurred_at < _start_of(connection, flt.date_to + dt.timedelta(days=1)))
    if flt.table_name:
        q = q.where(log.table_name == flt.table_name)
    if flt.action:
        q = q.where(log.action == flt.action)
    q = q.limit(min(flt.limit, MAX_ROWS))
    rows = connection.execute(q).all()
    return tuple(
        AuditEntry(
            id=r.id, occurred_at=r.occurred_at, login_role=r.login_role, user_name=r.user_name,
            workstation=r.workstation, action=r.action, table_name=r.table_name, row_key=r.row_key or "",
            patient_id=r.patient_id, details=r.details, changes=_changes(r.old_values, r.new_values),
        )
        for r in rows
    )


def _start_of(connection: Connection, day: dt.date) -> dt.datetime:
    """Midnight of ``day`` in the session's time zone (the server's, or the workstation's)."""
    return connection.scalar(text("SELECT CAST(:d AS date)::timestamptz"), {"d": day})


def audit_users(connection: Connection) -> tuple[AuditUser, ...]:
    """Users to filter by: the clinic's logins with their staff names."""
    rows = connection.execute(
        text(
            "SELECT u.role_name, coalesce(btrim(concat_ws(' ', s.last_name, s.first_name, s.middle_name)), u.login) "
            "FROM users u LEFT JOIN staff_members s ON s.id = u.staff_member_id ORDER BY 2, 1"
        )
    ).all()
    return tuple(AuditUser(role, name or role) for role, name in rows)
