"""Communications with patients outside documents: a call, an e-mail, a message or a talk, logged on the
patient -- who (the staff member), when, which way, by which channel, the number or address used, what it
was about, the outcome and a follow-up date, and the order or booking it concerned.

The log is append-only for everyone but the author, who may correct an entry on the day it was logged;
nobody deletes one. The trigger of sql/0011_communications.sql keeps these rules (MC080..MC083) for any
writer; these functions check first for a clear message. Functions take the logged-in user's
Connection (row-level security applies); the caller commits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.models.communications import CHANNELS, DIRECTIONS
from shared.services.concurrency import stale
from shared.services.refusals import audited_refusals
from shared.services.schedules import organization_zone

#: A communication may be dated this far ahead of the server's clock (workstations' clocks drift).
CLOCK_SKEW = dt.timedelta(minutes=5)

CHANNEL_NAMES = {
    "phone": QT_TRANSLATE_NOOP("DomainError", "phone"),
    "email": QT_TRANSLATE_NOOP("DomainError", "e-mail"),
    "sms": QT_TRANSLATE_NOOP("DomainError", "SMS"),
    "messenger": QT_TRANSLATE_NOOP("DomainError", "messenger"),
    "in_person": QT_TRANSLATE_NOOP("DomainError", "in person"),
}
DIRECTION_NAMES = {
    "incoming": QT_TRANSLATE_NOOP("DomainError", "incoming"),
    "outgoing": QT_TRANSLATE_NOOP("DomainError", "outgoing"),
}


class CommunicationRefused(DomainError):
    """Raised with one of the messages below."""


SUMMARY_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Write what the conversation was about (the summary).")
BAD_CHANNEL = QT_TRANSLATE_NOOP(
    "DomainError", "Unknown channel: choose phone, e-mail, SMS, messenger or in person.")
BAD_DIRECTION = QT_TRANSLATE_NOOP("DomainError", "Say whether the patient contacted the clinic or the clinic them.")
IN_FUTURE = QT_TRANSLATE_NOOP("DomainError", "A communication cannot be logged ahead of time ({time}).")
FOLLOW_UP_PAST = QT_TRANSLATE_NOOP("DomainError", "The follow-up date cannot be before the communication.")
NOT_AUTHOR = QT_TRANSLATE_NOOP(
    "DomainError", "Only the author of an entry may correct it; add a new entry instead.")
DAY_OVER = QT_TRANSLATE_NOOP(
    "DomainError", "An entry may be corrected only on the day it was logged; add a new entry instead.")
NOT_DELETED = QT_TRANSLATE_NOOP("DomainError", "Entries of the communications log are never deleted.")
OTHER_PATIENT = QT_TRANSLATE_NOOP(
    "DomainError", "The order, booking or staff member given belongs to another patient or organization.")
NOT_ALLOWED = QT_TRANSLATE_NOOP("DomainError", "Your job does not allow logging communications with patients.")
TOO_LONG = QT_TRANSLATE_NOOP("DomainError", "The {field} is too long (at most {limit} characters).")

_STATES = {"MC080": IN_FUTURE, "MC082": NOT_DELETED, "MC083": OTHER_PATIENT, "42501": NOT_ALLOWED}


def _refused(message: str, **params) -> CommunicationRefused:
    return CommunicationRefused(message, **params)


# --- reading ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Communication:
    id: int
    version: int
    organization_id: int
    patient_id: int
    staff_member_id: int | None
    staff_name: str  # "Иванова М. П." ('' when unknown)
    direction: str  # one of DIRECTIONS
    channel: str  # one of CHANNELS
    occurred_at: dt.datetime  # in the organization's time zone
    contact: str
    subject: str
    summary: str
    outcome: str
    follow_up_on: dt.date | None
    order_id: int | None
    booking_id: int | None
    recorded_by: str
    created_at: dt.datetime

    @property
    def channel_name(self) -> str:
        """Source text of the channel (translate in the ``DomainError`` context)."""
        return CHANNEL_NAMES[self.channel]

    @property
    def direction_name(self) -> str:
        return DIRECTION_NAMES[self.direction]


_SELECT = """
SELECT c.id, c.version, c.organization_id, c.patient_id, c.staff_member_id,
       coalesce(s.last_name || ' ' || left(s.first_name, 1) || '.'
                || CASE WHEN s.middle_name <> '' THEN ' ' || left(s.middle_name, 1) || '.' ELSE '' END, '')
           AS staff_name,
       c.direction, c.channel, c.occurred_at, c.contact, c.subject, c.summary, c.outcome, c.follow_up_on,
       c.order_id, c.booking_id, c.recorded_by, c.created_at
  FROM patient_communications c LEFT JOIN staff_members s ON s.id = c.staff_member_id
"""


def _rows(connection: Connection, where: str, params: dict, limit: int | None = None) -> list[Communication]:
    sql = _SELECT + f" WHERE {where} ORDER BY c.occurred_at DESC, c.id DESC"  # noqa: S608 - fixed fragments
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    zones: dict[int, dt.tzinfo] = {}
    result = []
    for r in connection.execute(text(sql), params).mappings():
        zone = zones.get(r["organization_id"])
        if zone is None:
            zone = zones[r["organization_id"]] = organization_zone(connection, r["organization_id"])
        result.append(Communication(**{**r, "occurred_at": r["occurred_at"].astimezone(zone),
                                       "created_at": r["created_at"].astimezone(zone)}))
    return result


def communication(connection: Connection, communication_id: int) -> Communication:
    rows = _rows(connection, "c.id = :id", {"id": communication_id})
    if not rows:
        raise stale(connection, "patient_communications", communication_id, False)
    return rows[0]


def communications_of_patient(connection: Connection, patient_id: int, *, channel: str | None = None,
                              since: dt.date | dt.datetime | None = None, until: dt.date | dt.datetime | None = None,
                              limit: int = 500) -> list[Communication]:
    """The patient's communications, newest first, with the staff members' names. ``channel``: only that
    one; ``since``/``until``: the period (dates are whole days in the organization's time zone, ``until``
    included)."""
    if channel is not None and channel not in CHANNELS:
        raise _refused(BAD_CHANNEL)
    where, params = ["c.patient_id = :p"], {"p": patient_id}
    if channel is not None:
        where.append("c.channel = :ch")
        params["ch"] = channel
    zone_sql = "(SELECT coalesce(time_zone, 'Europe/Moscow') FROM organizations o WHERE o.id = c.organization_id)"
    if since is not None:
        if isinstance(since, dt.datetime):
            where.append("c.occurred_at >= :since")
        else:
            where.append(f"(c.occurred_at AT TIME ZONE {zone_sql})::date >= :since")
        params["since"] = since
    if until is not None:
        if isinstance(until, dt.datetime):
            where.append("c.occurred_at <= :until")
        else:
            where.append(f"(c.occurred_at AT TIME ZONE {zone_sql})::date <= :until")
        params["until"] = until
    return _rows(connection, " AND ".join(where), params, limit)


# --- writing ----------------------------------------------------------------------------------------------


def _clean(channel: str, direction: str, summary: str, occurred_at: dt.datetime, contact: str, subject: str,
           follow_up_on: dt.date | None, now: dt.datetime) -> tuple[str, str, str]:
    if channel not in CHANNELS:
        raise _refused(BAD_CHANNEL)
    if direction not in DIRECTIONS:
        raise _refused(BAD_DIRECTION)
    if not summary.strip():
        raise _refused(SUMMARY_REQUIRED)
    if occurred_at.tzinfo is None:
        raise ValueError("occurred_at must carry a time zone")
    if occurred_at > now + CLOCK_SKEW:
        raise _refused(IN_FUTURE, time=occurred_at.strftime("%d.%m.%Y %H:%M"))
    if follow_up_on is not None and follow_up_on < occurred_at.date():
        raise _refused(FOLLOW_UP_PAST)
    for field, value, limit in (("contact", contact, 200), ("subject", subject, 200)):
        if len(value.strip()) > limit:
            raise _refused(TOO_LONG, field=field, limit=limit)
    return summary.strip(), contact.strip(), subject.strip()


def _translated(error: DBAPIError) -> DomainError | None:
    state = getattr(error.orig, "sqlstate", None)
    if state == "MC081":
        detail = getattr(getattr(error.orig, "diag", None), "message_primary", "") or ""
        return _refused(DAY_OVER if "day" in detail else NOT_AUTHOR)
    if state == "MC080":
        return _refused(IN_FUTURE, time="")
    if state in _STATES:
        return _refused(_STATES[state])
    return None


def log_communication(connection: Connection, organization_id: int, patient_id: int, *, channel: str,
                      direction: str, summary: str, occurred_at: dt.datetime | None = None, contact: str = "",
                      subject: str = "", outcome: str = "", follow_up_on: dt.date | None = None,
                      staff_member_id: int | None = None, order_id: int | None = None,
                      booking_id: int | None = None) -> int:
    """Logs a communication with the patient; returns its id. ``occurred_at``: now when not given;
    ``staff_member_id``: the logged-in user's staff member when not given."""
    now = connection.scalar(text("SELECT now()"))
    occurred_at = occurred_at or now
    summary, contact, subject = _clean(channel, direction, summary, occurred_at, contact, subject, follow_up_on,
                                       now)
    try:
        with connection.begin_nested():
            return connection.execute(text(
                "INSERT INTO patient_communications (organization_id, patient_id, staff_member_id, direction, "
                "channel, occurred_at, contact, subject, summary, outcome, follow_up_on, order_id, booking_id) "
                "VALUES (:o, :p, :s, :d, :ch, :t, :contact, :subject, :summary, :outcome, :f, :ord, :b) "
                "RETURNING id"),
                {"o": organization_id, "p": patient_id, "s": staff_member_id, "d": direction, "ch": channel,
                 "t": occurred_at, "contact": contact, "subject": subject, "summary": summary,
                 "outcome": outcome.strip(), "f": follow_up_on, "ord": order_id, "b": booking_id}).scalar_one()
    except DBAPIError as error:
        refusal = _translated(error)
        if refusal is None:
            raise
        raise refusal from None


@audited_refusals("patient_communications", "communication_id")
def correct_communication(connection: Connection, communication_id: int, version: int, *, channel: str,
                          direction: str, summary: str, occurred_at: dt.datetime, contact: str = "",
                          subject: str = "", outcome: str = "", follow_up_on: dt.date | None = None) -> None:
    """Corrects an entry: only its author, on the day it was logged (the organization's day)."""
    row = connection.execute(text(
        "SELECT c.version, c.recorded_by, c.created_at, c.organization_id, now() AS now, session_user AS me "
        "FROM patient_communications c WHERE c.id = :id FOR UPDATE"), {"id": communication_id}).first()
    if row is None or row.version != version:
        raise stale(connection, "patient_communications", communication_id, row is not None)
    if row.recorded_by != row.me:
        raise _refused(NOT_AUTHOR)
    zone = organization_zone(connection, row.organization_id)
    if row.created_at.astimezone(zone).date() != row.now.astimezone(zone).date():
        raise _refused(DAY_OVER)
    summary, contact, subject = _clean(channel, direction, summary, occurred_at, contact, subject, follow_up_on,
                                       row.now)
    try:
        with connection.begin_nested():
            connection.execute(text(
                "UPDATE patient_communications SET direction = :d, channel = :ch, occurred_at = :t, contact = :contact, "
                "subject = :subject, summary = :summary, outcome = :outcome, follow_up_on = :f, "
                "version = version + 1, updated_at = now() WHERE id = :id"),
                {"d": direction, "ch": channel, "t": occurred_at, "contact": contact, "subject": subject,
                 "summary": summary, "outcome": outcome.strip(), "f": follow_up_on, "id": communication_id})
    except DBAPIError as error:
        refusal = _translated(error)
        if refusal is None:
            raise
        raise refusal from None
