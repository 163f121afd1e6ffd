"""History-of-actions queries over a year of a busy clinic's audit trail.

    python -m bench.audit_history [--rows 3000000] [--queries 50] [--output bench/results/audit_history.json]

Fills audit_log with ``--rows`` entries spread over the last twelve months (200 users, 100,000
patients, the audited tables), then times the screen's typical searches through the same service
the screen uses (shared.services.audit.search_audit), as the head of registry.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time
from pathlib import Path

import psycopg
from psycopg import sql

from bench.common import bench_server, emit, latency_stats, new_namespace
from medcenter_desktop.demo import seed_clinic
from medcenter_desktop.login_service import log_in
from medcenter_desktop.settings import Settings
from shared.db.admin import bootstrap_clinic, drop_clinic
from shared.db.migrate import upgrade
from shared.demo.generator import DEMO_PASSWORD
from shared.services.audit import AuditFilter, search_audit

FILL_SQL = """
INSERT INTO audit_log (occurred_at, login_role, user_id, user_name, workstation, action, table_name,
                       row_key, patient_id, old_values, new_values)
SELECT now() - (random() * interval '365 days'),
       '{ns}.user' || (g % 200), g % 200, 'Сотрудник ' || (g % 200), 'medcenter:WS-' || (g % 40),
       (ARRAY['INSERT', 'UPDATE', 'UPDATE', 'READ'])[1 + g % 4],
       (ARRAY['patients', 'medical_cards', 'medical_records', 'offices'])[1 + (g / 7) % 4],
       (g % 500000)::text, 1 + (g % 100000),
       '{{"first_name": "Анна"}}'::jsonb, '{{"first_name": "Мария"}}'::jsonb
FROM generate_series(1, {rows}) AS g
"""


def run(rows: int, queries: int) -> dict:
    with bench_server() as (admin, kind):
        namespace = new_namespace()
        database = f"{namespace}_audit"
        try:
            roles = bootstrap_clinic(admin, database, namespace)
            clinic = admin.with_database(database)
            upgrade(clinic, namespace=namespace)
            seed_clinic(clinic, roles)
            started = time.perf_counter()
            with psycopg.connect(clinic.conninfo(), autocommit=True) as conn:
                conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(roles.owner)))
                conn.execute("SELECT audit_ensure_partitions(24)")
                conn.execute(FILL_SQL.format(ns=namespace, rows=rows))
                conn.execute("ANALYZE audit_log")
                total = conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
            load_s = time.perf_counter() - started
            settings = Settings(host=admin.host, port=admin.port, database=database, sslmode=admin.sslmode,
                                role_namespace=namespace, workstation_name="BENCH")
            session = log_in(settings, "headregistry", DEMO_PASSWORD)
            rng = random.Random(11)
            today = dt.date.today()

            def week_of_user():
                start = today - dt.timedelta(days=rng.randrange(7, 360))
                return AuditFilter(login_role=f"{namespace}.user{rng.randrange(200)}", date_from=start,
                                   date_to=start + dt.timedelta(days=6))

            def patient_year():
                return AuditFilter(patient_id=1 + rng.randrange(100000), date_from=today - dt.timedelta(days=365),
                                   date_to=today)

            def table_day():
                day = today - dt.timedelta(days=rng.randrange(0, 360))
                return AuditFilter(table_name="medical_cards", date_from=day, date_to=day, limit=500)

            results = {}
            for name, make in (("user_week", week_of_user), ("patient_year", patient_year), ("table_day", table_day)):
                samples, found = [], 0
                for _ in range(queries):
                    flt = make()
                    with session.uow() as uow:
                        start = time.perf_counter()
                        found += len(search_audit(uow.session.connection(), flt))
                        samples.append(time.perf_counter() - start)
                results[name] = {**latency_stats(samples), "rows_per_query": round(found / queries, 1)}
            session.close()
            return {"server": kind, "audit_rows": total, "load_s": round(load_s, 1), **results}
        finally:
            drop_clinic(admin, [database], namespace)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=3_000_000)
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    emit("audit_history", run(args.rows, args.queries), args.output)


if __name__ == "__main__":
    main()
