"""Who is logged in: the connected login role, its staff member, jobs and organizations."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text


@dataclass(frozen=True)
class SessionUser:
    login: str | None
    role_name: str
    user_id: int | None
    staff_member_id: int | None
    full_name: str
    position_name: str | None
    jobs: frozenset[str]
    organization_ids: tuple[int, ...]
    default_organization_id: int | None

    @property
    def display_name(self) -> str:
        return self.full_name or self.login or self.role_name


def session_user(connection: Connection) -> SessionUser:
    """Reads the connected user's identity through the security-definer ``session_user_info()``."""
    row = connection.execute(text("SELECT * FROM session_user_info()")).mappings().one()
    return SessionUser(
        login=row["login"],
        role_name=row["role_name"],
        user_id=row["user_id"],
        staff_member_id=row["staff_member_id"],
        full_name=row["full_name"] or "",
        position_name=row["position_name"],
        jobs=frozenset(row["jobs"] or ()),
        organization_ids=tuple(row["organization_ids"] or ()),
        default_organization_id=row["default_organization_id"],
    )
