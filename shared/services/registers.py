"""Payer registers on the database: build a period's register of an agreement from the performed order
lines with the payer's mapping rules (`register_rules` does the mapping), review and correct it, lock
it, and export it in the payer's format.

Every performed line of the agreement in the period lands in exactly one register line: mapped,
unmapped or conflicting (shown for correction, never dropped), or excluded by hand with a note. The
unique order line of ``register_lines`` keeps a line out of a second register; a locked register is
frozen by the database.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services import register_rules as rr
from shared.services.catalogue import money
from shared.services.concurrency import stale
from shared.services.contracts import MappingRuleEntry
from shared.services.schedules import organization_zone


class RegisterRefused(DomainError):
    """Raised with one of the messages below."""


NOT_DRAFT = QT_TRANSLATE_NOOP("DomainError", "The register is locked: it can no longer be changed.")
NOT_LOCKED = QT_TRANSLATE_NOOP("DomainError", "Lock the register before exporting it.")
OPEN_LINES = QT_TRANSLATE_NOOP(
    "DomainError", "{count} lines of the register are unmapped or conflicting: map or exclude them before locking.")
BAD_PERIOD = QT_TRANSLATE_NOOP("DomainError", "The register's period ends before it starts.")
NOTE_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Say why the line is excluded from the register.")
CODE_REQUIRED = QT_TRANSLATE_NOOP("DomainError", "Enter the payer's code and name of the service.")
NO_PAYER = QT_TRANSLATE_NOOP("DomainError", "A register is built for an agreement with a payer.")
TAKEN_MEANWHILE = QT_TRANSLATE_NOOP(
    "DomainError", "Another register took some of these services at the same time. Rebuild this one.")
NOTHING_TO_EXPORT = QT_TRANSLATE_NOOP("DomainError", "The register has no mapped lines to export.")
NOTHING_TO_BUILD = QT_TRANSLATE_NOOP(
    "DomainError", "No services performed under this agreement in {start}\u2013{end} are left outside registers.")
OTHER_ORGANIZATION = QT_TRANSLATE_NOOP("DomainError", "The payer belongs to another organization.")


@dataclass(frozen=True)
class RegisterInfo:
    id: int
    version: int
    agreement_id: int
    agreement_number: str
    payer_id: int
    payer_name: str
    number: str
    period_from: dt.date
    period_to: dt.date
    status: str
    built_by: str
    built_at: dt.datetime
    locked_by: str | None
    locked_at: dt.datetime | None
    exported_at: dt.datetime | None
    counts: dict[str, int] = field(default_factory=dict)
    total_amount: Decimal = Decimal(0)  # of the mapped lines

    @property
    def open_count(self) -> int:
        return self.counts.get("unmapped", 0) + self.counts.get("conflict", 0)


_REGISTER_SQL = (
    "SELECT r.id, r.version, r.agreement_id, a.number AS agreement_number, a.payer_id, p.name AS payer_name, "
    "r.number, r.period_from, r.period_to, r.status, r.built_by, r.built_at, r.locked_by, r.locked_at, "
    "r.exported_at FROM payer_registers r JOIN agreements a ON a.id = r.agreement_id "
    "JOIN payers p ON p.id = a.payer_id")


def _with_counts(connection: Connection, rows) -> list[RegisterInfo]:
    rows = list(rows)
    if not rows:
        return []
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    totals: dict[int, Decimal] = defaultdict(Decimal)
    for register_id, state, count, amount in connection.execute(text(
            "SELECT register_id, state, count(*), coalesce(sum(amount), 0) FROM register_lines "
            "WHERE register_id = ANY(:ids) GROUP BY 1, 2"), {"ids": [r.id for r in rows]}):
        counts[register_id][state] = count
        if state == "mapped":
            totals[register_id] = amount
    return [RegisterInfo(**r._mapping, counts=counts[r.id], total_amount=totals[r.id]) for r in rows]


def registers(connection: Connection, organization_id: int) -> list[RegisterInfo]:
    return _with_counts(connection, connection.execute(text(
        _REGISTER_SQL + " WHERE r.organization_id = :o ORDER BY r.period_from DESC, r.number"),
        {"o": organization_id}))


def register(connection: Connection, register_id: int) -> RegisterInfo:
    found = _with_counts(connection, connection.execute(text(_REGISTER_SQL + " WHERE r.id = :id"),
                                                        {"id": register_id}))
    if not found:
        raise stale(connection, "payer_registers", register_id, False)
    return found[0]


# --- mapping rules ----------------------------------------------------------------------------------------


def _engine_rules(connection: Connection, payer_id: int) -> list[rr.MappingRule]:
    rows = connection.execute(text(
        "SELECT m.id, m.priority, s.code AS service_code, g.code AS service_group, m.sex, m.age_min, m.age_max, "
        "m.policy_kind, m.result_code, m.payer_code, m.payer_name, m.payer_price FROM register_mapping_rules m "
        "LEFT JOIN medical_services s ON s.id = m.service_id LEFT JOIN service_groups g ON g.id = m.service_group_id "
        "WHERE m.payer_id = :p ORDER BY m.priority, m.id"), {"p": payer_id}).mappings()
    return [rr.MappingRule(**r) for r in rows]


def save_mapping_rule(connection: Connection, organization_id: int, entry: MappingRuleEntry) -> int:
    """Creates or replaces a rule after checking it (`register_rules.validate_rule`)."""
    service_code = connection.scalar(text("SELECT code FROM medical_services WHERE id = :id"),
                                     {"id": entry.service_id}) if entry.service_id else None
    group_code = connection.scalar(text("SELECT code FROM service_groups WHERE id = :id"),
                                   {"id": entry.service_group_id}) if entry.service_group_id else None
    price = money(entry.payer_price) if entry.payer_price is not None else None
    if connection.scalar(text("SELECT organization_id FROM payers WHERE id = :p"), {"p": entry.payer_id}) \
            != organization_id:
        raise RegisterRefused(OTHER_ORGANIZATION)
    rr.validate_rule(rr.MappingRule(
        id=entry.id or 0, priority=entry.priority, service_code=service_code, service_group=group_code,
        sex=entry.sex, age_min=entry.age_min, age_max=entry.age_max, policy_kind=entry.policy_kind,
        result_code=entry.result_code, payer_code=entry.payer_code.strip(), payer_name=entry.payer_name.strip(),
        payer_price=price))
    values = {"p": entry.payer_id, "pr": entry.priority, "s": entry.service_id, "g": entry.service_group_id,
              "sex": entry.sex, "amin": entry.age_min, "amax": entry.age_max, "pk": entry.policy_kind,
              "rc": entry.result_code, "code": entry.payer_code.strip(), "name": entry.payer_name.strip(),
              "price": price}
    if entry.id is None:
        return connection.execute(text(
            "INSERT INTO register_mapping_rules (organization_id, payer_id, priority, service_id, service_group_id, "
            "sex, age_min, age_max, policy_kind, result_code, payer_code, payer_name, payer_price) VALUES (:o, :p, "
            ":pr, :s, :g, :sex, :amin, :amax, :pk, :rc, :code, :name, :price) RETURNING id"),
            {**values, "o": organization_id}).scalar_one()
    done = connection.execute(text(
        "UPDATE register_mapping_rules SET payer_id = :p, priority = :pr, service_id = :s, service_group_id = :g, "
        "sex = :sex, age_min = :amin, age_max = :amax, policy_kind = :pk, result_code = :rc, payer_code = :code, "
        "payer_name = :name, payer_price = :price, updated_at = now() WHERE id = :id RETURNING id"),
        {**values, "id": entry.id}).first()
    if done is None:
        raise stale(connection, "register_mapping_rules", entry.id, False)
    return entry.id


def delete_mapping_rule(connection: Connection, rule_id: int) -> None:
    connection.execute(text("DELETE FROM register_mapping_rules WHERE id = :id"), {"id": rule_id})


def rule_conflicts(connection: Connection, payer_id: int) -> list[rr.RuleConflict]:
    return rr.find_rule_conflicts(_engine_rules(connection, payer_id))


# --- building ---------------------------------------------------------------------------------------------


def _bounds(day_from: dt.date, day_to: dt.date, zone: ZoneInfo) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day_from, dt.time(), tzinfo=zone)
    end = dt.datetime.combine(day_to + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    return start, end


def _performed(connection: Connection, agreement_id: int, payer_kind: str, start: dt.datetime, end: dt.datetime,
               zone: ZoneInfo) -> list[rr.PerformedService]:
    """The agreement's performed lines in [start, end) that no register holds yet."""
    rows = connection.execute(text(
        "SELECT l.id, s.code, g.code AS grp, s.name, o.patient_id, p.last_name, p.first_name, p.middle_name, "
        "p.sex, p.birth_date, o.contact_name, l.performed_at, l.quantity, l.amount, l.result_code "
        "FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN medical_services s ON s.id = l.service_id "
        "LEFT JOIN service_groups g ON g.id = s.group_id LEFT JOIN patients p ON p.id = o.patient_id "
        "WHERE l.agreement_id = :a AND l.status IN ('performed', 'closed') AND l.parent_line_id IS NULL "
        "AND l.performed_at >= :s "
        "AND l.performed_at < :e AND NOT EXISTS (SELECT 1 FROM register_lines r WHERE r.order_line_id = l.id) "
        "ORDER BY l.performed_at, l.id"), {"a": agreement_id, "s": start, "e": end}).all()
    patient_ids = list({r.patient_id for r in rows if r.patient_id})
    policies: dict[int, list] = defaultdict(list)
    for pid, kind, number, valid_from, valid_to in connection.execute(text(
            "SELECT patient_id, kind, number, valid_from, valid_to FROM patient_policies WHERE patient_id = ANY(:ids) "
            "ORDER BY valid_from DESC NULLS LAST"), {"ids": patient_ids}):
        policies[pid].append((kind, number, valid_from, valid_to))
    wanted_kind = "oms" if payer_kind == "oms_fund" else "dms" if payer_kind == "insurer" else None
    services = []
    for r in rows:
        day = r.performed_at.astimezone(zone).date()
        valid = [p for p in policies.get(r.patient_id, ()) if (p[2] is None or p[2] <= day)
                 and (p[3] is None or day <= p[3])]
        number = next((p[1] for p in valid if p[0] == wanted_kind), "")
        name = " ".join(x for x in (r.last_name, r.first_name, r.middle_name) if x) if r.last_name else r.contact_name
        services.append(rr.PerformedService(
            order_line_id=r.id, service_code=r.code, service_group=r.grp, service_name=r.name,
            patient_id=r.patient_id, patient_name=name, patient_sex=r.sex, patient_birth_date=r.birth_date,
            policy_kinds=frozenset(p[0] for p in valid), policy_number=number, performed_on=day,
            quantity=r.quantity, amount=r.amount, result_code=r.result_code))
    return services


def _insert_lines(connection: Connection, organization_id: int, register_id: int,
                  mappings: list[rr.Mapping]) -> None:
    """One INSERT over arrays: a month of a busy clinic is 100,000 lines."""
    if not mappings:
        return
    cols: dict[str, list] = defaultdict(list)
    for m in mappings:
        s = m.service
        cols["line"].append(s.order_line_id)
        cols["state"].append(m.state)
        cols["rule"].append(m.rule.id if m.rule is not None and m.state == rr.MAPPED else None)
        cols["code"].append(m.payer_code)
        cols["name"].append(m.payer_name)
        cols["scode"].append(s.service_code)
        cols["sname"].append(s.service_name)
        cols["patient"].append(s.patient_name[:320])
        cols["birth"].append(s.patient_birth_date)
        cols["sex"].append(s.patient_sex or "")
        cols["policy"].append(s.policy_number[:30])
        cols["day"].append(s.performed_on)
        cols["qty"].append(s.quantity)
        cols["price"].append((m.amount / s.quantity).quantize(Decimal("0.01")) if s.quantity else m.amount)
        cols["amount"].append(m.amount)
        cols["result"].append(s.result_code)
        cols["cand"].append(",".join(c.payer_code for c in m.candidates) if m.state == rr.CONFLICT else "")
    try:
        with connection.begin_nested():
            connection.execute(text(
                "INSERT INTO register_lines (organization_id, register_id, order_line_id, state, rule_id, payer_code, "
                "payer_name, service_code, service_name, patient_name, birth_date, sex, policy_number, performed_on, "
                "quantity, price, amount, result_code, candidates) "
                "SELECT :o, :r, t.line, t.state, t.rule, t.code, t.name, t.scode, t.sname, t.patient, t.birth, t.sex, "
                "t.policy, t.day, t.qty, t.price, t.amount, t.result, "
                "CASE WHEN t.cand = '' THEN '{}'::varchar[] ELSE string_to_array(t.cand, ',')::varchar[] END "
                "FROM unnest(CAST(:line AS integer[]), CAST(:state AS text[]), CAST(:rule AS integer[]), "
                "CAST(:code AS text[]), CAST(:name AS text[]), CAST(:scode AS text[]), CAST(:sname AS text[]), "
                "CAST(:patient AS text[]), CAST(:birth AS date[]), CAST(:sex AS text[]), CAST(:policy AS text[]), "
                "CAST(:day AS date[]), CAST(:qty AS integer[]), CAST(:price AS numeric[]), CAST(:amount AS numeric[]), "
                "CAST(:result AS text[]), CAST(:cand AS text[])) AS t(line, state, rule, code, name, scode, sname, "
                "patient, birth, sex, policy, day, qty, price, amount, result, cand)"),
                {"o": organization_id, "r": register_id, **cols})
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) == "23505":
            raise RegisterRefused(TAKEN_MEANWHILE) from None
        raise


def _agreement(connection: Connection, agreement_id: int):
    row = connection.execute(text(
        "SELECT a.id, a.organization_id, a.number, a.payer_id, p.kind AS payer_kind FROM agreements a "
        "LEFT JOIN payers p ON p.id = a.payer_id WHERE a.id = :id"), {"id": agreement_id}).first()
    if row is None:
        raise stale(connection, "agreements", agreement_id, False)
    if row.payer_id is None:
        raise RegisterRefused(NO_PAYER)
    return row


def build_register(connection: Connection, agreement_id: int, period_from: dt.date, period_to: dt.date, *,
                   number: str | None = None) -> int:
    """A draft register of every performed line of the agreement in the period not yet in a register."""
    if period_to < period_from:
        raise RegisterRefused(BAD_PERIOD)
    agreement = _agreement(connection, agreement_id)
    # One builder per agreement at a time; a concurrent one waits, then finds the lines taken.
    connection.execute(text("SELECT pg_advisory_xact_lock(hashtext('payer_register'), :a)"), {"a": agreement_id})
    base = (number or f"{agreement.number}/{period_from:%Y-%m}").strip()[:34]
    taken = set(connection.execute(text(
        "SELECT number FROM payer_registers WHERE organization_id = :o AND number LIKE :p"),
        {"o": agreement.organization_id, "p": base.replace("%", r"\%").replace("_", r"\_") + "%"}).scalars())
    chosen, suffix = base, 1
    while chosen in taken:
        suffix += 1
        chosen = f"{base}-{suffix}"
    register_id = connection.execute(text(
        "INSERT INTO payer_registers (organization_id, agreement_id, number, period_from, period_to) "
        "VALUES (:o, :a, :n, :f, :t) RETURNING id"),
        {"o": agreement.organization_id, "a": agreement_id, "n": chosen, "f": period_from, "t": period_to}).scalar_one()
    if not _fill(connection, register_id, agreement, period_from, period_to):
        raise RegisterRefused(NOTHING_TO_BUILD, start=period_from.strftime("%d.%m.%Y"),
                              end=period_to.strftime("%d.%m.%Y"))
    return register_id


def _fill(connection: Connection, register_id: int, agreement, period_from: dt.date, period_to: dt.date) -> int:
    """Adds the period's performed lines not in a register yet; how many."""
    zone = organization_zone(connection, agreement.organization_id)
    start, end = _bounds(period_from, period_to, zone)
    services = _performed(connection, agreement.id, agreement.payer_kind, start, end, zone)
    mappings = rr.map_all(_engine_rules(connection, agreement.payer_id), services)
    _insert_lines(connection, agreement.organization_id, register_id, mappings)
    return len(mappings)


def _draft(connection: Connection, register_id: int, version: int | None = None):
    row = connection.execute(text(
        "SELECT id, version, status, agreement_id, period_from, period_to FROM payer_registers WHERE id = :id "
        "FOR UPDATE"), {"id": register_id}).first()
    if row is None or (version is not None and row.version != version):
        raise stale(connection, "payer_registers", register_id, row is not None)
    if row.status != "draft":
        raise RegisterRefused(NOT_DRAFT)
    return row


def rebuild_register(connection: Connection, register_id: int, version: int) -> None:
    """Maps the draft again with the current rules (lines corrected or excluded by hand are kept) and adds
    lines performed in the period since it was built."""
    row = _draft(connection, register_id, version)
    agreement = _agreement(connection, row.agreement_id)
    connection.execute(text("SELECT pg_advisory_xact_lock(hashtext('payer_register'), :a)"), {"a": agreement.id})
    connection.execute(text(
        "DELETE FROM register_lines WHERE register_id = :r AND corrected_by IS NULL AND state <> 'excluded'"),
        {"r": register_id})
    _fill(connection, register_id, agreement, row.period_from, row.period_to)
    connection.execute(text(
        "UPDATE payer_registers SET version = version + 1, updated_at = now(), built_at = now(), "
        "built_by = session_user WHERE id = :id"), {"id": register_id})


def delete_register(connection: Connection, register_id: int, version: int) -> None:
    """Discards a draft; its lines become free for another register."""
    _draft(connection, register_id, version)
    connection.execute(text("DELETE FROM payer_registers WHERE id = :id"), {"id": register_id})


# --- review -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterLineInfo:
    id: int
    order_line_id: int
    state: str
    payer_code: str
    payer_name: str
    service_code: str
    service_name: str
    patient_name: str
    birth_date: dt.date | None
    sex: str
    policy_number: str
    performed_on: dt.date
    quantity: int
    price: Decimal | None
    amount: Decimal | None
    result_code: str
    note: str
    corrected_by: str | None
    candidates: tuple[str, ...]


_STATE_ORDER = "CASE state WHEN 'conflict' THEN 0 WHEN 'unmapped' THEN 1 WHEN 'excluded' THEN 2 ELSE 3 END"


def register_lines(connection: Connection, register_id: int, *, state: str | None = None,
                   limit: int | None = None) -> list[RegisterLineInfo]:
    """The lines, those needing attention (conflict, unmapped) first."""
    rows = connection.execute(text(
        "SELECT id, order_line_id, state, payer_code, payer_name, service_code, service_name, patient_name, "  # noqa: S608
        "birth_date, sex, policy_number, performed_on, quantity, price, amount, result_code, note, corrected_by, "
        f"candidates FROM register_lines WHERE register_id = :r AND (CAST(:s AS text) IS NULL OR state = :s) "
        f"ORDER BY {_STATE_ORDER}, performed_on, id LIMIT :n"),
        {"r": register_id, "s": state, "n": limit}).all()
    return [RegisterLineInfo(*r[:-1], candidates=tuple(r[-1] or ())) for r in rows]


def _line_in_draft(connection: Connection, line_id: int):
    row = connection.execute(text(
        "SELECT l.id, l.register_id, l.quantity FROM register_lines l WHERE l.id = :id"), {"id": line_id}).first()
    if row is None:
        raise stale(connection, "register_lines", line_id, False)
    _draft(connection, row.register_id)
    return row


def correct_line(connection: Connection, line_id: int, *, payer_code: str, payer_name: str, amount: object,
                 note: str = "") -> None:
    """Maps a line by hand (an unmapped or conflicting one, or a correction of a mapped one)."""
    if not payer_code.strip() or not payer_name.strip():
        raise RegisterRefused(CODE_REQUIRED)
    value = money(amount)
    row = _line_in_draft(connection, line_id)
    connection.execute(text(
        "UPDATE register_lines SET state = 'mapped', payer_code = :c, payer_name = :n, amount = :a, price = :p, "
        "note = :note, corrected_by = session_user, rule_id = NULL WHERE id = :id"),
        {"c": payer_code.strip()[:40], "n": payer_name.strip()[:300], "a": value,
         "p": (value / row.quantity).quantize(Decimal("0.01")), "note": note.strip(), "id": line_id})


def exclude_line(connection: Connection, line_id: int, note: str) -> None:
    """Keeps a line out of the export (the payer refuses it, say) -- listed, with the reason."""
    if not note.strip():
        raise RegisterRefused(NOTE_REQUIRED)
    _line_in_draft(connection, line_id)
    connection.execute(text(
        "UPDATE register_lines SET state = 'excluded', note = :note, corrected_by = session_user WHERE id = :id"),
        {"note": note.strip(), "id": line_id})


def lock_register(connection: Connection, register_id: int, version: int) -> None:
    """Freezes a register with no open lines; the order lines it bills become closed."""
    _draft(connection, register_id, version)
    still_open = connection.scalar(text(
        "SELECT count(*) FROM register_lines WHERE register_id = :r AND state IN ('unmapped', 'conflict')"),
        {"r": register_id})
    if still_open:
        raise RegisterRefused(OPEN_LINES, count=still_open)
    connection.execute(text(
        "UPDATE payer_registers SET status = 'locked', locked_at = now(), locked_by = session_user, "
        "version = version + 1, updated_at = now() WHERE id = :id"), {"id": register_id})
    # What the payer is billed for is done with: its order lines close.
    connection.execute(text(
        "UPDATE order_lines SET status = 'closed', version = version + 1, updated_at = now() "
        "WHERE status = 'performed' AND id IN (SELECT order_line_id FROM register_lines "
        "WHERE register_id = :r AND state = 'mapped')"), {"r": register_id})


def export_register(connection: Connection, register_id: int) -> tuple[str, bytes]:
    """(file name, content) of a locked register in its payer's format; marks it exported."""
    info = register(connection, register_id)
    if info.status == "draft":
        raise RegisterRefused(NOT_LOCKED)
    payer = connection.execute(text("SELECT name, inn, register_format FROM payers WHERE id = :p"),
                               {"p": info.payer_id}).first()
    fmt = rr.RegisterFormat.from_settings(payer.register_format or {})
    rows = [rr.RegisterRow(
        payer_code=line.payer_code, payer_name=line.payer_name, service_code=line.service_code,
        service_name=line.service_name, patient_name=line.patient_name, birth_date=line.birth_date, sex=line.sex,
        policy_number=line.policy_number, performed_on=line.performed_on, quantity=line.quantity,
        price=line.price if line.price is not None else Decimal(0), amount=line.amount,
        result_code=line.result_code, order_line_id=line.order_line_id)
        for line in register_lines(connection, register_id, state="mapped")]
    if not rows:
        raise RegisterRefused(NOTHING_TO_EXPORT)
    header = rr.RegisterHeader(payer_name=payer.name, payer_inn=payer.inn, agreement_number=info.agreement_number,
                               period_from=info.period_from, period_to=info.period_to, register_number=info.number)
    content = rr.export_xml(header, rows, fmt) if fmt.format == "xml" else rr.export_csv(header, rows, fmt)
    connection.execute(text(
        "UPDATE payer_registers SET status = 'exported', exported_at = now(), version = version + 1, "
        "updated_at = now() WHERE id = :id"), {"id": register_id})
    safe = re.sub(r"[^\w.-]+", "_", info.number, flags=re.UNICODE).strip("_") or f"register-{register_id}"
    return f"{safe}.{fmt.format}", content
