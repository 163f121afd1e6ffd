"""The demo clinic generator: realistic, valid, deterministic."""

from __future__ import annotations

from shared.demo.generator import DEMO_USERS
from shared.identifiers import is_valid_inn, is_valid_ogrn


def test_demo_clinic_contents(clinic):
    with clinic.connect() as conn:
        orgs = conn.execute("SELECT inn, ogrn FROM organizations").fetchall()
        assert len(orgs) == 2
        assert all(is_valid_inn(inn) and is_valid_ogrn(ogrn) for inn, ogrn in orgs)
        staff = conn.execute("SELECT count(*) FROM staff_members").fetchone()[0]
        assert 35 <= staff <= 80
        specialties = conn.execute(
            "SELECT count(DISTINCT specialty_id) FROM staff_members WHERE specialty_id IS NOT NULL"
        ).fetchone()[0]
        assert specialties >= 12
        assert conn.execute("SELECT count(*) FROM offices").fetchone()[0] >= 40
        assert conn.execute("SELECT count(*) FROM medical_card_types").fetchone()[0] >= 4
        users = conn.execute("SELECT login, staff_member_id FROM users ORDER BY login").fetchall()
        assert sorted(u.login for u in DEMO_USERS) == [u[0] for u in users]
        assert all(staff_id is not None for _, staff_id in users)
        # Every job has at least one demo user.
        jobs = conn.execute(
            "SELECT DISTINCT substr(r.rolname, length(%s) + 2) FROM pg_auth_members m "
            "JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
            "WHERE starts_with(u.rolname, %s)",
            (clinic.roles.namespace, clinic.roles.namespace + "."),
        ).fetchall()
        from shared.db.roles import JOBS

        assert set(JOBS) <= {j[0] for j in jobs}


def test_generator_is_deterministic_and_scales(pg_server, fresh_namespace):
    from sqlalchemy import text

    from shared.db.admin import bootstrap_clinic
    from shared.db.connection import make_engine
    from shared.db.migrate import upgrade
    from shared.demo.generator import generate_clinic

    namespace, databases = fresh_namespace
    results = []
    for suffix, scale in (("a", 1), ("b", 1), ("c", 3)):
        database = f"{namespace}_{suffix}"
        databases.append(database)
        roles = bootstrap_clinic(pg_server.admin, database, namespace)
        upgrade(pg_server.admin.with_database(database), namespace=namespace)
        engine = make_engine(pg_server.admin.with_database(database))
        with engine.connect() as conn:
            conn.execute(text(f'SET ROLE "{roles.owner}"'))
            summary = generate_clinic(conn, roles, scale=scale, with_users=False)
            names = conn.execute(text("SELECT last_name, first_name FROM staff_members ORDER BY id")).fetchall()
            conn.commit()
        engine.dispose()
        results.append((summary, names))
    assert results[0] == results[1]
    assert results[2][0].staff == 3 * results[0][0].staff
    assert results[2][0].organizations == 6


def test_the_demo_has_blanks_so_its_doctor_issues_sick_leave_at_once(clinic, doctor):
    """`medcenter demo` (not the tests' clinic) receives sick-leave blanks and hands some to the demo doctor
    and nurse; done once. The doctor's first certificate takes the lowest blank he holds."""
    import datetime as dt

    from sqlalchemy import text

    from medcenter_desktop.demo import seed_demo_only
    from shared.services import sick_leave as sl
    from shared.services.session import session_user
    from tests.db.demo_sessions import work

    seed_demo_only(clinic.admin, clinic.roles)
    seed_demo_only(clinic.admin, clinic.roles)  # again: nothing more
    with clinic.connect() as conn:
        assert conn.execute("SELECT count(*) FROM sick_leave_blank_batches").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM sick_leave_blank_issues").fetchone()[0] == 2
    with work(doctor) as c:
        me = session_user(c).staff_member_id
        held = c.scalar(text("SELECT min(number) FROM sick_leave_blanks WHERE holder_staff_id = :s"), {"s": me})
        patient = c.scalar(text("SELECT c.patient_id FROM medical_cards c ORDER BY c.id LIMIT 1"))
        cert = sl.create_draft(c, patient, employer="ООО «Ромашка»")
        today = dt.date.today()
        version = sl.add_period(c, cert, sl.certificate(c, cert).version, today, today + dt.timedelta(days=2))
        assert sl.issue(c, cert, version) == held and held.startswith("92")
        # The demo organization's name ("Общество с ограниченной ответственностью «… „…“»") is prefilled as the
        # blank takes it, so the certificate prints with nothing retyped.
        from medcenter_desktop import sick_leave_printing as slp

        assert sl.certificate(c, cert).organization_name == "ООО «Медицинский центр «Здоровье»»"
        assert slp.print_problems(c, cert) == []
