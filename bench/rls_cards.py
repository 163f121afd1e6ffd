"""Row-level security cost on medical card lookups at realistic volume.

    python -m bench.rls_cards [--cards 1000000] [--lookups 500] [--output bench/results/rls_cards.json]

Builds a clinic with ``--cards`` medical cards (about three per patient, six card types, two
organizations), then times the same lookups in the same run twice: as the owner role, to which no
policy applies, and as a therapist's login, filtered by organization and card type. Reports
latency percentiles for each and the plan the policy-filtered query gets.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy import text

from bench.common import bench_server, emit, latency_stats, new_namespace
from medcenter_desktop.demo import seed_clinic
from shared.db.admin import bootstrap_clinic, drop_clinic
from shared.db.connection import make_engine
from shared.db.migrate import upgrade
from shared.services.users import create_login

PASSWORD = "Bench-Pass-2026"

FILL_SQL = """
INSERT INTO patients (last_name, first_name, middle_name, birth_date, sex)
SELECT 'Пациент' || g, 'Имя', 'Отчество', DATE '1940-01-01' + (g % 30000), CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END
FROM generate_series(1, %(patients)s) AS g;

INSERT INTO medical_cards (organization_id, patient_id, card_type_id, number, opened_on)
SELECT o.id, p.id, t.id, 'B' || t.code || '-' || p.id, DATE '2015-01-01' + (p.id % 3900)
FROM patients p
JOIN LATERAL (SELECT id FROM organizations ORDER BY id OFFSET (p.id % 2) LIMIT 1) o ON true
JOIN LATERAL (
    SELECT id, code FROM medical_card_types ORDER BY id
    OFFSET (p.id % 2) LIMIT 3
) t ON true
WHERE p.last_name LIKE 'Пациент%';
"""


def _build(admin, database: str, namespace: str, cards: int) -> dict:
    roles = bootstrap_clinic(admin, database, namespace)
    clinic = admin.with_database(database)
    upgrade(clinic, namespace=namespace)
    seed_clinic(clinic, roles)
    started = time.perf_counter()
    with psycopg.connect(clinic.conninfo(), autocommit=True) as conn:
        conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(roles.owner)))
        # A bulk load is not what the audit trail is for; the triggers return right after.
        for table in ("patients", "medical_cards"):
            conn.execute(sql.SQL("ALTER TABLE {} DISABLE TRIGGER audit_row_change").format(sql.Identifier(table)))
        conn.execute(FILL_SQL.replace("%(patients)s", str(cards // 3)))
        for table in ("patients", "medical_cards"):
            conn.execute(sql.SQL("ALTER TABLE {} ENABLE TRIGGER audit_row_change").format(sql.Identifier(table)))
        conn.execute("ANALYZE patients")
        conn.execute("ANALYZE medical_cards")
        total = conn.execute("SELECT count(*) FROM medical_cards").fetchone()[0]
        staff = conn.execute(
            "SELECT s.id FROM staff_members s JOIN specialties sp ON sp.id = s.specialty_id "
            "WHERE sp.code = 'therapy' AND s.organization_id = 1 "
            "AND NOT EXISTS (SELECT 1 FROM users u WHERE u.staff_member_id = s.id) LIMIT 1"
        ).fetchone()[0]
    engine = make_engine(clinic)
    with engine.begin() as conn:
        create_login(conn, roles, "benchdoc", PASSWORD, ["medical_worker"], staff_member_id=staff,
                     organization_ids=[1], default_organization_id=1)
        conn.execute(text("INSERT INTO staff_card_type_access (staff_member_id, card_type_id) "
                          "SELECT :s, id FROM medical_card_types WHERE code = 'outpatient' ON CONFLICT DO NOTHING"),
                     {"s": staff})
    engine.dispose()
    return {"roles": roles, "clinic": clinic, "cards": total, "load_s": round(time.perf_counter() - started, 1)}


def _time(conn: psycopg.Connection, query: str, values: list) -> list[float]:
    samples = []
    for value in values:
        start = time.perf_counter()
        conn.execute(query, (value,), prepare=True).fetchall()
        samples.append(time.perf_counter() - start)
    return samples


def run(cards: int, lookups: int) -> dict:
    with bench_server() as (admin, kind):
        namespace = new_namespace()
        database = f"{namespace}_rls"
        try:
            built = _build(admin, database, namespace, cards)
            roles, clinic = built["roles"], built["clinic"]
            with psycopg.connect(clinic.conninfo()) as owner_conn:
                owner_conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(roles.owner)))
                numbers = [r[0] for r in owner_conn.execute(
                    "SELECT number FROM medical_cards TABLESAMPLE SYSTEM (1) LIMIT %s", (lookups,))]
                patients = [r[0] for r in owner_conn.execute(
                    "SELECT id FROM patients TABLESAMPLE SYSTEM (1) LIMIT %s", (lookups,))]
            random.Random(7).shuffle(numbers)
            user = clinic.with_user(roles.login_role("benchdoc"), PASSWORD)
            queries = {
                "card_by_number": ("SELECT * FROM medical_cards WHERE number = %s", numbers),
                "cards_of_patient": ("SELECT * FROM medical_cards WHERE patient_id = %s", patients),
            }
            results = {}
            with psycopg.connect(clinic.conninfo()) as owner_conn, psycopg.connect(user.conninfo()) as user_conn:
                owner_conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(roles.owner)))
                for name, (query, values) in queries.items():
                    _time(owner_conn, query, values[:50])  # warm both caches alike
                    _time(user_conn, query, values[:50])
                    without = latency_stats(_time(owner_conn, query, values))
                    with_rls = latency_stats(_time(user_conn, query, values))
                    plan = [r[0] for r in user_conn.execute(f"EXPLAIN {query}", (values[0],))]
                    results[name] = {
                        "without_policies": without,
                        "with_policies": with_rls,
                        "median_ratio": round(with_rls["median_ms"] / without["median_ms"], 2),
                        "plan_with_policies": plan,
                    }
            return {"server": kind, "cards": built["cards"], "load_s": built["load_s"], **results}
        finally:
            drop_clinic(admin, [database], namespace)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1_000_000)
    parser.add_argument("--lookups", type=int, default=500)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    emit("rls_cards", run(args.cards, args.lookups), args.output)


if __name__ == "__main__":
    main()
