"""Foundation benchmark: schema migration, demo data generation at scale, and login latency.

    python -m bench.foundation [--scale 25] [--logins 50] [--output bench/results/foundation.json]

Login is what every registrar waits for each morning: connect as the user's own role (SCRAM),
check the schema version, read identity and jobs. Generation at --scale N builds 2N organizations
with about 25N staff members each (the generator `bench/` shares with `medcenter demo`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy import text

from bench.common import bench_server, emit, latency_stats, new_namespace, timed
from medcenter_desktop.login_service import log_in
from medcenter_desktop.settings import Settings
from shared.db.admin import bootstrap_clinic, drop_clinic
from shared.db.connection import make_engine
from shared.db.migrate import check_at_head, upgrade
from shared.demo.generator import DEMO_PASSWORD, generate_clinic


def run(scale: int, logins: int) -> dict:
    with bench_server() as (admin, kind):
        namespace = new_namespace()
        database = f"{namespace}_clinic"
        try:
            roles = bootstrap_clinic(admin, database, namespace)
            clinic = admin.with_database(database)
            migrate_s = timed(lambda: upgrade(clinic, namespace=namespace))
            check_s = timed(lambda: check_at_head(clinic))

            engine = make_engine(clinic)
            with engine.connect() as conn:
                conn.execute(text(f'SET ROLE "{roles.owner}"'))
                summary = None

                def generate():
                    nonlocal summary
                    summary = generate_clinic(conn, roles, scale=scale)
                    conn.commit()

                generate_s = timed(generate)
            engine.dispose()

            settings = Settings(host=admin.host, port=admin.port, database=database, sslmode=admin.sslmode,
                                role_namespace=namespace, workstation_name="BENCH")
            samples = []
            for _ in range(logins):
                session = None

                def login():
                    nonlocal session
                    session = log_in(settings, "registrar", DEMO_PASSWORD)

                samples.append(timed(login))
                session.close()
            return {
                "server": kind,
                "scale": scale,
                "data": summary.__dict__ if summary else {},
                "migrate_empty_to_head_s": round(migrate_s, 3),
                "check_at_head_ms": round(check_s * 1000, 2),
                "generate_clinic_s": round(generate_s, 3),
                "staff_per_s": round(summary.staff / generate_s, 1) if summary else None,
                "login": latency_stats(samples),
            }
        finally:
            drop_clinic(admin, [database], namespace)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=25)
    parser.add_argument("--logins", type=int, default=50)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    emit("foundation", run(args.scale, args.logins), args.output)


if __name__ == "__main__":
    main()
