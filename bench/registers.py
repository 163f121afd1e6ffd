"""A month's payer register of a busy clinic.

    python -m bench.registers [--services 100000] [--patients 20000] [--output bench/results/registers.json]

Loads ``--services`` order lines performed last month under the demo compulsory-insurance agreement
(services the fund's rules map, one they do not, X-rays with two disagreeing rules for women, one line
in fifty of another agreement, and lines on the days just around the month), then, as the contracts
clerk under row-level security, times building the register (reading the performed lines, mapping them
with the payer's rules, writing the register lines), the review list, and -- once the open lines are
excluded -- locking and exporting it. Checks that every performed line of the month is in the register
exactly once.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from collections import Counter
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy import text

from bench.common import bench_server, emit, new_namespace
from medcenter_desktop.demo import seed_clinic
from medcenter_desktop.login_service import log_in
from medcenter_desktop.settings import Settings
from shared.db.admin import bootstrap_clinic, drop_clinic
from shared.db.migrate import upgrade
from shared.demo.generator import DEMO_PASSWORD
from shared.services import contracts, registers


def _load(conn: psycopg.Connection, services: int, patients: int, month: dt.date, month_end: dt.date) -> dict:
    org = conn.execute("SELECT organization_id FROM agreements WHERE number LIKE 'ОМС-%' ORDER BY id LIMIT 1"
                       ).fetchone()[0]
    oms, fund = conn.execute("SELECT id, payer_id FROM agreements WHERE organization_id = %s AND number LIKE 'ОМС-%%'",
                             (org,)).fetchone()
    other = conn.execute("SELECT id FROM agreements WHERE organization_id = %s AND number LIKE 'ДМС-%%'",
                         (org,)).fetchone()[0]
    codes = ["B01.047.001", "B01.047.002", "A06.09.007", "A04.16.001"]
    service_ids = [conn.execute("SELECT id FROM medical_services WHERE organization_id = %s AND code = %s",
                                (org, c)).fetchone()[0] for c in codes]
    conn.execute("""
        INSERT INTO patients (last_name, first_name, birth_date, sex)
        SELECT 'Нагрузочный' || g, 'Тест', date '1940-01-01' + (g * 7 %% 25000), CASE WHEN g %% 2 = 0 THEN 'M' ELSE 'F' END
          FROM generate_series(1, %s) g""", (patients,))
    conn.execute("""
        INSERT INTO patient_policies (patient_id, kind, number)
        SELECT id, 'oms', lpad(id::text, 16, '7') FROM patients WHERE last_name LIKE 'Нагрузочный%%'""")
    conn.execute("""
        INSERT INTO orders (organization_id, patient_id)
        SELECT %s, p.id FROM patients p WHERE p.last_name LIKE 'Нагрузочный%%'""", (org,))
    # ``services`` lines of the month under the agreement, one in fifty more under another agreement, and
    # one in a hundred more on the two days either side of the month: neither may enter the register.
    days = (month_end - month).days + 1
    extra = services // 50 + services // 100
    conn.execute("ALTER TABLE order_lines DISABLE TRIGGER USER")
    conn.execute("""
        INSERT INTO order_lines (organization_id, order_id, service_id, payer_id, agreement_id, base_price, price,
                                 amount, status, performed_at)
        SELECT %(o)s, o.id, (%(svc)s::int[])[1 + (g / 7) %% 4], %(fund)s,
               CASE WHEN g > %(n)s AND g <= %(n)s + %(n)s / 50 THEN %(other)s ELSE %(oms)s END, 900, 900, 900,
               'performed',
               (CASE WHEN g > %(n)s + %(n)s / 50 THEN (CASE WHEN g %% 2 = 0 THEN %(start)s::date - 1 - g %% 2
                                                         ELSE %(end)s::date + 1 + g %% 2 END)
                     ELSE %(start)s::date + (g %% %(days)s) END)::timestamp AT TIME ZONE 'Europe/Moscow'
               + make_interval(hours => 8 + g %% 11)
          FROM generate_series(1, %(n)s + %(extra)s) g
          JOIN orders o ON o.id = (SELECT min(id) FROM orders WHERE organization_id = %(o)s) + g %% %(p)s""",
                 {"o": org, "svc": service_ids, "fund": fund, "other": other, "oms": oms, "start": month,
                  "end": month_end, "days": days, "n": services, "extra": extra, "p": patients})
    conn.execute("ALTER TABLE order_lines ENABLE TRIGGER USER")
    for table in ("patients", "patient_policies", "orders", "order_lines"):
        conn.execute(sql.SQL("VACUUM ANALYZE {}").format(sql.Identifier(table)))
    expected = conn.execute(
        "SELECT count(*) FROM order_lines WHERE agreement_id = %s AND status = 'performed' "
        "AND performed_at >= %s::date::timestamp AT TIME ZONE 'Europe/Moscow' "
        "AND performed_at < (%s::date + 1)::timestamp AT TIME ZONE 'Europe/Moscow'", (oms, month, month_end)
    ).fetchone()[0]
    return {"organization_id": org, "agreement_id": oms, "fund": fund, "xray": service_ids[2], "expected": expected}


def run(services: int, patients: int, keep: bool = False) -> dict:
    today = dt.date.today()
    month_end = today.replace(day=1) - dt.timedelta(days=1)
    month = month_end.replace(day=1)
    with bench_server() as (admin, kind):
        namespace = new_namespace()
        database = f"{namespace}_reg"
        try:
            roles = bootstrap_clinic(admin, database, namespace)
            clinic = admin.with_database(database)
            upgrade(clinic, namespace=namespace)
            seed_clinic(clinic, roles)
            with psycopg.connect(clinic.conninfo(), autocommit=True) as conn:
                conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(roles.owner)))
                start = time.perf_counter()
                plan = _load(conn, services, patients, month, month_end)
                load_s = time.perf_counter() - start
                conn.execute("RESET ROLE")
                conn.execute("CHECKPOINT")
            settings = Settings(host=admin.host, port=admin.port, database=database, sslmode=admin.sslmode,
                                role_namespace=namespace, workstation_name="BENCH")
            session = log_in(settings, "contracts", DEMO_PASSWORD)
            with session.uow() as uow:
                c = uow.session.connection()
                registers.save_mapping_rule(c, plan["organization_id"], contracts.MappingRuleEntry(
                    id=None, payer_id=plan["fund"], payer_code="4.1.7Ж", payer_name="Рентгенография (женщины)",
                    priority=10, service_id=plan["xray"], sex="F"))
                uow.commit()
            with session.uow() as uow:
                c = uow.session.connection()
                start = time.perf_counter()
                register_id = registers.build_register(c, plan["agreement_id"], month, month_end)
                uow.commit()
                build_s = time.perf_counter() - start
            with session.uow() as uow:
                c = uow.session.connection()
                start = time.perf_counter()
                first_page = registers.register_lines(c, register_id, limit=500)
                review_s = time.perf_counter() - start
                info = registers.register(c, register_id)
                in_register = c.scalar(text("SELECT count(DISTINCT order_line_id) FROM register_lines "
                                            "WHERE register_id = :r"), {"r": register_id})
                c.execute(text("UPDATE register_lines SET state = 'excluded', note = 'bench', "
                               "corrected_by = session_user WHERE register_id = :r AND state IN ('unmapped', 'conflict')"),
                          {"r": register_id})
                registers.lock_register(c, register_id, info.version)
                start = time.perf_counter()
                name, content = registers.export_register(c, register_id)
                export_s = time.perf_counter() - start
                uow.commit()
            session.close()
            return {"server": kind, "performed_lines_loaded": services, "load_seconds": round(load_s, 1),
                    "lines_in_month": plan["expected"], "lines_in_register": in_register,
                    "every_line_once": in_register == plan["expected"] == sum(info.counts.values()),
                    "states": dict(Counter(info.counts)), "build_seconds": round(build_s, 2),
                    "build_lines_per_second": round(in_register / build_s) if build_s else None,
                    "review_first_500_ms": round(review_s * 1000, 1), "export_seconds": round(export_s, 2),
                    "export_file": name, "export_bytes": len(content), "first_page_states": dict(Counter(
                        x.state for x in first_page))}
        finally:
            if keep:
                print(f"kept database {database} (namespace {namespace})")
            else:
                drop_clinic(admin, [database], namespace)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--patients", type=int, default=20_000)
    parser.add_argument("--output", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the database (with MEDCENTER_BENCH_DATABASE_URL)")
    args = parser.parse_args()
    emit("registers", run(args.services, args.patients, args.keep), args.output)


if __name__ == "__main__":
    main()
