"""Names of the PostgreSQL roles of one clinic database.

PostgreSQL roles are cluster-wide, while a clinic lives in one database. Every role of a clinic is
therefore named after its database (the *namespace*), so that two clinic databases -- or two test
runs -- on one server never collide:

* ``<ns>_owner``    owns every object and runs migrations (NOLOGIN; IT staff reach it via SET ROLE);
* ``<ns>_user``     base group every staff login belongs to (connect, read the schema version);
* ``<ns>_<job>``    one group role per job, e.g. ``clinic_registrar``;
* ``<ns>.<login>``  a staff member's login role, e.g. ``clinic.ivanova``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from shared.errors import QT_TRANSLATE_NOOP, DomainError

# The jobs of a medical organization, in the order screens list them.
JOBS: tuple[str, ...] = (
    "registrar",
    "receptionist",
    "call_centre",
    "cashier",
    "head_of_registry",
    "medical_worker",
    "contracts",
    "marketer",
    "head",
    "admission",
    "statistician",
    "administrator",
)

# Human titles of the jobs, as source texts of the ``Jobs`` translation context.
JOB_TITLES: dict[str, str] = {
    "registrar": QT_TRANSLATE_NOOP("Jobs", "Registrar"),
    "receptionist": QT_TRANSLATE_NOOP("Jobs", "Receptionist"),
    "call_centre": QT_TRANSLATE_NOOP("Jobs", "Call centre operator"),
    "cashier": QT_TRANSLATE_NOOP("Jobs", "Cashier"),
    "head_of_registry": QT_TRANSLATE_NOOP("Jobs", "Head of registry"),
    "medical_worker": QT_TRANSLATE_NOOP("Jobs", "Medical worker"),
    "contracts": QT_TRANSLATE_NOOP("Jobs", "Contracts manager"),
    "marketer": QT_TRANSLATE_NOOP("Jobs", "Marketer"),
    "head": QT_TRANSLATE_NOOP("Jobs", "Head of the organization"),
    "admission": QT_TRANSLATE_NOOP("Jobs", "Admission department"),
    "statistician": QT_TRANSLATE_NOOP("Jobs", "Medical statistician"),
    "administrator": QT_TRANSLATE_NOOP("Jobs", "Administrator"),
}

_NAMESPACE_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_LOGIN_RE = re.compile(r"^[a-z][a-z0-9_\-]{0,19}$")


class InvalidLogin(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "A user name starts with a Latin letter and has up to 20 lowercase Latin letters, digits, '_' or '-'.",
    )


class InvalidNamespace(DomainError):
    message = QT_TRANSLATE_NOOP(
        "DomainError",
        "The database name \u201c{name}\u201d cannot name a clinic: use up to 40 lowercase Latin letters, "
        "digits and '_', starting with a letter.",
    )


def validate_login(login: str) -> str:
    login = login.strip().lower()
    if not _LOGIN_RE.fullmatch(login):
        raise InvalidLogin()
    return login


@dataclass(frozen=True)
class RoleNames:
    """The role names of the clinic database ``namespace``."""

    namespace: str

    def __post_init__(self) -> None:
        if not _NAMESPACE_RE.fullmatch(self.namespace):
            raise InvalidNamespace(name=self.namespace)

    @property
    def owner(self) -> str:
        return f"{self.namespace}_owner"

    @property
    def base_user(self) -> str:
        return f"{self.namespace}_user"

    def job(self, job: str) -> str:
        if job not in JOBS:
            raise ValueError(f"unknown job {job!r}")
        return f"{self.namespace}_{job}"

    def all_jobs(self) -> dict[str, str]:
        return {job: self.job(job) for job in JOBS}

    def login_role(self, login: str) -> str:
        return f"{self.namespace}.{validate_login(login)}"

    def login_from_role(self, role: str) -> str | None:
        prefix = f"{self.namespace}."
        return role[len(prefix) :] if role.startswith(prefix) else None

    def is_login_role(self, role: str) -> bool:
        return role.startswith(f"{self.namespace}.")
