"""The doctor opens a patient with a long history: 200 visits and 2,000 visit records.

    python -m bench.visit_records [--visits 200] [--records 2000] [--rounds 30] [--keep]
                                  [--output bench/results/visit_records.json]

Seeds the demo clinic, then gives one patient ``--visits`` visits over the years (bookings with different
doctors, an order line for each, paid and performed with the record of its performance) and ``--records``
signed visit records written from the templates (doctors' visits, laboratory results, nurses' procedures,
diagnostics; 1-3 KB of content each, ICD-10 diagnoses, a few corrections) across three cards: the
outpatient card of the demo doctor's organization (most records), the dental card there, and an outpatient
card of the second organization (row security hides the last two from a therapist).

Then, logged in as the demo ``doctor`` (a real login: row security and the audit of every card opening
apply), times ``--rounds`` times what the doctor's patient screen loads in one unit of work: the header
(patient, phones, policy), the cards the doctor may open, ``visit_records.history`` of each, the authors'
names, the patient's bookings (visits) and the list of diagnoses. Reports median/p95/max per part and in
total (the data part; target under 300 ms), with the sizes loaded.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import time
from pathlib import Path

import psycopg
from sqlalchemy import text

from bench.common import bench_server, emit, latency_stats, new_namespace
from medcenter_desktop.demo import seed_clinic
from medcenter_desktop.login_service import log_in
from medcenter_desktop.settings import Settings
from shared.db.admin import bootstrap_clinic, drop_clinic
from shared.demo import clinical
from shared.demo.generator import DEMO_PASSWORD
from shared.services import booking, patients
from shared.services import record_templates as rt
from shared.services import visit_records as vr
from shared.services.session import session_user

ZONE = clinical.ZONE
LIFE = (" Анамнез жизни: рос(ла) и развивался(ась) соответственно возрасту. Перенесённые заболевания: ОРВИ, "
        "ветряная оспа в детстве, аппендэктомия в 2004 г. Туберкулёз, вирусные гепатиты, ВИЧ-инфекцию отрицает. "
        "Гемотрансфузий не было. Аллергологический анамнез: крапивница на пенициллин. Наследственность: у отца "
        "гипертоническая болезнь, у матери сахарный диабет 2 типа. Не курит, алкоголь — редко. Профессиональные "
        "вредности отрицает. Эпидемиологический анамнез без особенностей.")
ANALYTES = (("Гемоглобин", "г/л", 120, 160, 0), ("Эритроциты", "×10¹²/л", 3.9, 5.5, 2),
            ("Лейкоциты", "×10⁹/л", 4.0, 9.0, 1), ("Тромбоциты", "×10⁹/л", 180, 320, 0), ("СОЭ", "мм/ч", 2, 15, 0),
            ("Гематокрит", "%", 36, 48, 1), ("Нейтрофилы", "%", 47, 72, 0), ("Лимфоциты", "%", 19, 37, 0),
            ("Моноциты", "%", 3, 11, 0), ("Эозинофилы", "%", 0.5, 5, 1), ("Глюкоза", "ммоль/л", 3.9, 6.1, 1),
            ("Креатинин", "мкмоль/л", 62, 115, 0), ("Мочевина", "ммоль/л", 2.5, 8.3, 1),
            ("Холестерин общий", "ммоль/л", 3.0, 5.2, 2), ("АЛТ", "Ед/л", 0, 41, 0), ("АСТ", "Ед/л", 0, 37, 0),
            ("Билирубин общий", "мкмоль/л", 3.4, 20.5, 1), ("Калий", "ммоль/л", 3.5, 5.1, 1),
            ("Натрий", "ммоль/л", 136, 145, 0), ("С-реактивный белок", "мг/л", 0, 5, 1))
# Kinds of records besides the visit's own, with weights.
OTHER_RECORDS = (("clinical_lab", 3), ("nursing", 2), ("ultrasound", 1), ("radiology", 1), ("cardiology", 1),
                 ("neurology", 1), ("ophthalmology", 1))


def _lab_content(rng: random.Random) -> dict:
    rows, ranges, out = [], [], False
    for name, unit, low, high, decimals in ANALYTES:
        value = rng.uniform(low * 0.85, high * 1.1)
        out = out or not (low <= value <= high)
        rows.append(f"{name}: {value:.{decimals}f} {unit}")
        ranges.append(f"{name}: {low}–{high} {unit}")
    tpl = rt.template("clinical_lab.result")
    return rt.normalized(tpl, {
        "complaints": "Плановое обследование; диагноз направления: I10.", "anamnesis": "Натощак, утром.",
        "examination": "Образец без гемолиза и липемии.", "results": "\n".join(rows),
        "reference_ranges": "\n".join(ranges), "material": "venous blood", "analyzer": "Mindray BC-6200, BS-800M",
        "conclusion": "Показатели с отклонениями от референсных значений отмечены." if out else
        "Показатели в пределах референсных значений.", "out_of_range": out})


def _content(specialty: str, rng: random.Random) -> tuple[str, dict, tuple[str, ...]]:
    if specialty == "clinical_lab":
        return "clinical_lab.result", _lab_content(rng), ("Z01.7",)
    tpl = rt.default_template(specialty)
    if tpl.code not in clinical.SCENARIOS:
        tpl = rt.template("therapy.visit")
    scenario = rng.choice(clinical.SCENARIOS[tpl.code])
    content = clinical.record_content(tpl, scenario, rng)
    content["anamnesis"] = (content.get("anamnesis", "") + LIFE).strip()
    return tpl.code, content, scenario.codes


def _build(conn: psycopg.Connection, visits: int, records: int, today: dt.date, seed: int = 8) -> dict:
    """The patient, visits and records, as the owner (records loaded with the rules triggers off, as the demo
    generator does; the audit trail sees every row)."""
    rng = random.Random(seed)
    org, other_org = [r[0] for r in conn.execute("SELECT id FROM organizations ORDER BY id LIMIT 2")]
    types = dict(conn.execute("SELECT code, id FROM medical_card_types").fetchall())
    patient = conn.execute(
        "INSERT INTO patients (last_name, first_name, middle_name, birth_date, sex) VALUES "
        "('Долгоисторин', 'Пётр', 'Петрович', '1956-03-14', 'M') RETURNING id").fetchone()[0]
    conn.execute("INSERT INTO patient_phones (patient_id, digits) VALUES (%s, '79161234567')", (patient,))
    cards = {}
    for key, card_org, type_code in (("main", org, "outpatient"), ("dental", org, "dental"),
                                     ("other", other_org, "outpatient")):
        cards[key] = conn.execute(
            "INSERT INTO medical_cards (organization_id, patient_id, card_type_id, number, opened_on) "
            "VALUES (%s, %s, %s, %s, '2010-01-15') RETURNING id, card_type_id, organization_id",
            (card_org, patient, types[type_code], f"BENCH-{key}")).fetchone()
    staff: dict[str, list[int]] = {}
    for staff_id, code in conn.execute(
            "SELECT s.id, sp.code FROM staff_members s JOIN specialties sp ON sp.id = s.specialty_id "
            "WHERE s.organization_id = %s ORDER BY s.id", (org,)):
        staff.setdefault(code, []).append(staff_id)
    resources = conn.execute(
        "SELECT r.id, r.staff_member_id, sp.code, rs.service_id, rs.duration_minutes, "
        "(SELECT p.amount FROM prices p JOIN price_lists pl ON pl.id = p.price_list_id AND pl.is_default "
        "  WHERE p.service_id = rs.service_id LIMIT 1) AS price, "
        "(SELECT id FROM price_lists WHERE organization_id = r.organization_id AND is_default) AS list_id "
        "FROM schedule_resources r JOIN staff_members s ON s.id = r.staff_member_id "
        "JOIN specialties sp ON sp.id = s.specialty_id "
        "JOIN LATERAL (SELECT service_id, duration_minutes FROM resource_services WHERE resource_id = r.id "
        "ORDER BY service_id LIMIT 1) rs ON true WHERE r.organization_id = %s AND sp.code <> 'nursing' "
        "ORDER BY r.id", (org,)).fetchall()
    resources = [r for r in resources if r[5] is not None and (r[2] != "obstetrics")]

    # Visits: one a week going back from the week before last, at 10:00, with doctors of every specialty.
    visit_rows = []
    first_day = today - dt.timedelta(days=14)
    for i in range(visits):
        day = first_day - dt.timedelta(days=7 * i)
        res = resources[0] if i % 3 == 0 else rng.choice(resources)  # the therapist most often
        start = dt.datetime.combine(day, dt.time(10, 0), tzinfo=ZONE)
        visit_rows.append({"resource": res, "start": start, "end": start + dt.timedelta(minutes=res[4])})
    conn.execute(
        "INSERT INTO bookings (organization_id, patient_id, service_id, resource_id, period, channel, status) "
        "SELECT %s, %s, service_id, resource_id, tstzrange(s, e), 'registry', 'done' "
        "FROM jsonb_to_recordset(%s::jsonb) AS v(n integer, service_id integer, resource_id integer, "
        "s timestamptz, e timestamptz) ORDER BY n",
        (org, patient, json.dumps([{"n": n, "service_id": v["resource"][3], "resource_id": v["resource"][0],
                                    "s": v["start"].isoformat(), "e": v["end"].isoformat()}
                                   for n, v in enumerate(visit_rows)])))
    by_start = {r[1]: r[0] for r in conn.execute(
        "SELECT id, lower(period) FROM bookings WHERE patient_id = %s", (patient,)).fetchall()}
    booking_ids = [by_start[v["start"]] for v in visit_rows]

    order_ids = [r[0] for r in conn.execute(
        "SELECT nextval(pg_get_serial_sequence('orders', 'id')) FROM generate_series(1, %s)", (visits,)).fetchall()]
    line_ids = [r[0] for r in conn.execute(
        "SELECT nextval(pg_get_serial_sequence('order_lines', 'id')) FROM generate_series(1, %s)",
        (visits,)).fetchall()]
    conn.execute(
        "INSERT INTO orders (id, organization_id, patient_id, channel, created_at) SELECT id, %s, %s, 'registry', at "
        "FROM jsonb_to_recordset(%s::jsonb) AS o(id integer, at timestamptz)",
        (org, patient, json.dumps([{"id": o, "at": (v["start"] - dt.timedelta(days=3)).isoformat()}
                                   for o, v in zip(order_ids, visit_rows, strict=True)])))
    conn.execute(
        "INSERT INTO order_lines (id, organization_id, order_id, service_id, price_list_id, base_price, price, amount, "
        "status, booking_id) SELECT id, %s, order_id, service_id, list_id, price, price, price, 'paid', booking_id "
        "FROM jsonb_to_recordset(%s::jsonb) AS l(id integer, order_id integer, service_id integer, list_id integer, "
        "price numeric, booking_id integer)",
        (org, json.dumps([{"id": line, "order_id": o, "service_id": v["resource"][3], "list_id": v["resource"][6],
                           "price": str(v["resource"][5]), "booking_id": b}
                          for line, o, v, b in zip(line_ids, order_ids, visit_rows, booking_ids, strict=True)])))

    # Records: the visit's own (linked to its booking), then laboratory, nursing, diagnostics and consultations.
    main_n = records - records // 5 - records // 20
    plan = [("main", i % visits) for i in range(main_n)] + [("dental", i % visits) for i in range(records // 5)] \
        + [("other", i % visits) for i in range(records // 20)]
    rows, diagnoses = [], []
    ids = [r[0] for r in conn.execute(
        "SELECT nextval(pg_get_serial_sequence('medical_records', 'id')) FROM generate_series(1, %s)",
        (len(plan),)).fetchall()]
    visit_record: dict[int, int] = {}
    for record_id, (card_key, visit) in zip(ids, plan, strict=True):
        v = visit_rows[visit]
        own = card_key == "main" and visit not in visit_record
        if card_key == "dental":
            specialty = "dentistry"
        elif own:
            specialty = v["resource"][2]
        else:
            specialty = rng.choices([s for s, _ in OTHER_RECORDS], weights=[w for _, w in OTHER_RECORDS])[0]
        author_pool = staff.get("nursing" if specialty == "clinical_lab" else specialty) or staff["therapy"]
        author = v["resource"][1] if own else rng.choice(author_pool)
        code, content, codes = _content(specialty, rng)
        at = v["end"] + dt.timedelta(minutes=rng.randrange(0, 600))
        card = cards[card_key]
        if own:
            visit_record[visit] = record_id
        rows.append({"id": record_id, "card_id": card[0], "card_type_id": card[1], "organization_id": card[2],
                     "recorded_at": at.isoformat(), "author_staff_id": author, "kind": "visit",
                     "summary": clinical.summary_of(content), "status": "signed", "content": content,
                     "template_code": code, "booking_id": booking_ids[visit] if own else None, "version_no": 1,
                     "supersedes_id": None, "signed_at": (at + dt.timedelta(minutes=15)).isoformat(),
                     "signed_by": author})
        for index, dx in enumerate(codes):
            diagnoses.append({"record_id": record_id, "card_id": card[0], "card_type_id": card[1],
                              "organization_id": card[2], "code": dx, "role": "main" if index == 0 else "accompanying",
                              "first_time": rng.random() < 0.2 and index == 0})
    # A few corrections (version 2 of a signed record), counted in the records.
    corrections = [r for r in rows if r["card_id"] == cards["main"][0]][: max(0, len(rows) // 50)]
    correction_ids = [r[0] for r in conn.execute(
        "SELECT nextval(pg_get_serial_sequence('medical_records', 'id')) FROM generate_series(1, %s)",
        (len(corrections),)).fetchall()]
    for new_id, old in zip(correction_ids, corrections, strict=True):
        at = dt.datetime.fromisoformat(old["recorded_at"]) + dt.timedelta(days=1)
        content = {**old["content"], "conclusion": old["content"]["conclusion"] + " Уточнение по результатам."}
        rows.append({**old, "id": new_id, "recorded_at": at.isoformat(), "content": content, "booking_id": None,
                     "version_no": 2, "supersedes_id": old["id"], "signed_at": (at + dt.timedelta(minutes=5)).isoformat(),
                     "summary": clinical.summary_of(content)})
        diagnoses.extend({**d, "record_id": new_id} for d in diagnoses if d["record_id"] == old["id"])
    conn.execute("ALTER TABLE medical_records DISABLE TRIGGER medical_record_rules")
    conn.execute("ALTER TABLE diagnoses DISABLE TRIGGER diagnosis_rules")
    conn.execute(
        "INSERT INTO medical_records (id, card_id, card_type_id, organization_id, recorded_at, author_staff_id, kind, "
        "summary, status, content, template_code, booking_id, version_no, supersedes_id, signed_at, signed_by) "
        "SELECT id, card_id, card_type_id, organization_id, recorded_at, author_staff_id, kind, summary, status, "
        "content, template_code, booking_id, version_no, supersedes_id, signed_at, signed_by "
        "FROM jsonb_to_recordset(%s::jsonb) AS r(id integer, card_id integer, card_type_id integer, "
        "organization_id integer, recorded_at timestamptz, author_staff_id integer, kind text, summary text, "
        "status text, content jsonb, template_code text, booking_id integer, version_no integer, supersedes_id integer, "
        "signed_at timestamptz, signed_by integer) ORDER BY id", (json.dumps(rows, ensure_ascii=False),))
    conn.execute(
        "INSERT INTO diagnoses (record_id, card_id, card_type_id, organization_id, code, role, first_time) "
        "SELECT record_id, card_id, card_type_id, organization_id, code, role, first_time "
        "FROM jsonb_to_recordset(%s::jsonb) AS d(record_id integer, card_id integer, card_type_id integer, "
        "organization_id integer, code text, role text, first_time boolean)", (json.dumps(diagnoses),))
    conn.execute("ALTER TABLE diagnoses ENABLE TRIGGER diagnosis_rules")
    conn.execute("ALTER TABLE medical_records ENABLE TRIGGER medical_record_rules")

    # Each visit's service performed, with the record of its performance.
    conn.execute(
        "INSERT INTO service_performances (order_line_id, performed_by, started_at, ended_at, result, record_id) "
        "SELECT line_id, performed_by, s, e, 'Выполнено', record_id FROM jsonb_to_recordset(%s::jsonb) "
        "AS p(line_id integer, performed_by integer, s timestamptz, e timestamptz, record_id integer)",
        (json.dumps([{"line_id": line, "performed_by": v["resource"][1], "s": v["start"].isoformat(),
                      "e": v["end"].isoformat(), "record_id": visit_record.get(n)}
                     for n, (line, v) in enumerate(zip(line_ids, visit_rows, strict=True))]),))
    conn.execute(
        "UPDATE order_lines l SET status = 'performed', performed_at = upper(b.period), version = l.version + 1 "
        "FROM bookings b WHERE b.id = l.booking_id AND l.id = ANY(%s)", (line_ids,))
    conn.commit()
    sizes = conn.execute(
        "SELECT count(*), round(avg(octet_length(content::text))), min(octet_length(content::text)), "
        "max(octet_length(content::text)) FROM medical_records WHERE card_id = ANY(%s)",
        ([c[0] for c in cards.values()],)).fetchone()
    return {"patient_id": patient, "cards": {k: c[0] for k, c in cards.items()}, "records": sizes[0],
            "content_bytes": {"avg": int(sizes[1]), "min": sizes[2], "max": sizes[3]},
            "diagnoses": len(diagnoses), "visits": visits}


def load_patient_screen(conn, patient_id: int) -> dict:
    """What the doctor's patient screen shows, timed part by part (one unit of work)."""
    parts: dict[str, float] = {}
    mark = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal mark
        now = time.perf_counter()
        parts[name] = now - mark
        mark = now

    header = patients.get_patient(conn, patient_id)
    lap("header")
    cards = patients.patient_cards(conn, patient_id)
    lap("cards")
    histories = {c.id: vr.history(conn, c.id) for c in cards}
    lap("history")
    ids = sorted({i for rs in histories.values() for r in rs for i in (r.author_staff_id, r.signed_by) if i})
    authors = {r.id: r.last_name for r in conn.execute(text(
        "SELECT id, last_name, first_name, middle_name FROM staff_members WHERE id = ANY(:ids)"), {"ids": ids})}
    lap("authors")
    visits = booking.patient_bookings(conn, patient_id, upcoming_only=False)
    lap("visits")
    # The diagnoses list: each code once, with the last time it was set (current versions only).
    latest: dict[str, dt.datetime] = {}
    for records in histories.values():
        for r in records:
            if r.is_current:
                for d in r.diagnoses:
                    if d.code not in latest or latest[d.code] < r.recorded_at:
                        latest[d.code] = r.recorded_at
    lap("diagnoses")
    return {"parts": parts, "header": header, "cards": len(cards),
            "records": sum(len(rs) for rs in histories.values()), "authors": len(authors), "visits": len(visits),
            "diagnoses": len(latest)}


def run(visits: int, records: int, rounds: int, keep: bool) -> dict:
    with bench_server() as (admin, kind):
        namespace = new_namespace()
        database = f"{namespace}_records"
        try:
            roles = bootstrap_clinic(admin, database, namespace)
            clinic = admin.with_database(database)
            from shared.db.migrate import upgrade

            upgrade(clinic, namespace=namespace)
            start = time.perf_counter()
            seed_clinic(clinic, roles)
            seed_seconds = time.perf_counter() - start
            start = time.perf_counter()
            with psycopg.connect(clinic.conninfo()) as conn:
                conn.execute(f'SET ROLE "{roles.owner}"')
                built = _build(conn, visits, records, dt.date.today())
                conn.execute("ANALYZE")
            build_seconds = time.perf_counter() - start
            settings = Settings(host=admin.host, port=admin.port, database=database, sslmode=admin.sslmode,
                                role_namespace=namespace, workstation_name="BENCH-DOCTOR")
            session = log_in(settings, "doctor", DEMO_PASSWORD)
            totals: list[float] = []
            parts: dict[str, list[float]] = {}
            seen: dict = {}
            first_open = None
            try:
                with session.uow() as uow:
                    assert session_user(uow.session.connection()).login == "doctor"
                for index in range(rounds + 1):
                    start = time.perf_counter()
                    with session.uow() as uow:
                        result = load_patient_screen(uow.session.connection(), built["patient_id"])
                        uow.commit()
                    elapsed = time.perf_counter() - start
                    if index == 0:
                        first_open = elapsed  # a new connection's first screen: plans and caches are cold
                        continue
                    totals.append(elapsed)
                    for name, value in result["parts"].items():
                        parts.setdefault(name, []).append(value)
                    seen = {k: result[k] for k in ("cards", "records", "authors", "visits", "diagnoses")}
            finally:
                session.close()
            return {
                "server": kind,
                "seed_seconds": round(seed_seconds, 2),
                "build_seconds": round(build_seconds, 2),
                "patient": {k: v for k, v in built.items() if k != "patient_id"},
                "doctor_sees": seen,
                "first_open_ms": round((first_open or 0) * 1000, 1),
                "patient_screen_total": latency_stats(totals),
                "parts": {name: latency_stats(values) for name, values in parts.items()},
                "target_ms": 300,
            }
        finally:
            if not keep:
                drop_clinic(admin, [database], namespace)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--visits", type=int, default=200)
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    emit("visit_records", run(args.visits, args.records, args.rounds, args.keep), args.output)


if __name__ == "__main__":
    main()
