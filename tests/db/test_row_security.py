"""Row-level security: organizations and card types, through plain queries, joins and views."""

from __future__ import annotations

import psycopg
import pytest

from tests.db.security_helpers import attempt, connect_as, make_login


def _staff(clinic, specialty: str, organization: int = 1) -> int:
    with clinic.connect() as conn:
        return conn.execute(
            "SELECT s.id FROM staff_members s JOIN specialties sp ON sp.id = s.specialty_id "
            "WHERE sp.code = %s AND s.organization_id = %s "
            "AND NOT EXISTS (SELECT 1 FROM users u WHERE u.staff_member_id = s.id) ORDER BY s.id LIMIT 1",
            (specialty, organization),
        ).fetchone()[0]


def _count(conn, sql, params=None) -> int:
    return conn.execute(sql, params).fetchone()[0]


def test_organization_rows_of_other_organizations_are_invisible(clinic):
    one = make_login(clinic, ["registrar"], organization_ids=(1,))
    both = make_login(clinic, ["registrar"], organization_ids=(1, 2))
    with clinic.connect() as admin:
        totals = {t: _count(admin, f"SELECT count(*) FROM {t}") for t in ("departments", "offices", "staff_members")}
        in_first = {t: _count(admin, f"SELECT count(*) FROM {t} WHERE organization_id = 1")
                    for t in ("departments", "offices", "staff_members")}
    with connect_as(clinic, one) as conn:
        assert _count(conn, "SELECT count(*) FROM organizations") == 1
        for table, expected in in_first.items():
            assert _count(conn, f"SELECT count(*) FROM {table}") == expected
        assert _count(conn, "SELECT count(*) FROM staff_members WHERE organization_id = 2") == 0
        # Through a join: offices with their departments and organizations.
        assert _count(conn, "SELECT count(*) FROM offices o JOIN organizations g ON g.id = o.organization_id "
                            "LEFT JOIN departments d ON d.id = o.department_id") == in_first["offices"]
    with connect_as(clinic, both) as conn:
        for table, expected in totals.items():
            assert _count(conn, f"SELECT count(*) FROM {table}") == expected


def test_row_security_applies_through_views(clinic):
    login = make_login(clinic, ["registrar"], organization_ids=(1,))
    with clinic.connect(autocommit=True) as owner:
        owner.execute(f'SET ROLE "{clinic.roles.owner}"')
        owner.execute("CREATE VIEW staff_list WITH (security_invoker = true) AS "
                      "SELECT s.id, s.last_name, g.short_name FROM staff_members s "
                      "JOIN organizations g ON g.id = s.organization_id")
        owner.execute(f'GRANT SELECT ON staff_list TO "{clinic.roles.base_user}"')
        expected = _count(owner, "SELECT count(*) FROM staff_members WHERE organization_id = 1")
    with connect_as(clinic, login) as conn:
        assert _count(conn, "SELECT count(*) FROM staff_list") == expected


def test_card_types_split_one_patients_cards(clinic):
    therapist = make_login(clinic, ["medical_worker"], staff_member_id=_staff(clinic, "therapy"),
                           card_type_codes=("outpatient",))
    venereologist = make_login(clinic, ["medical_worker"], staff_member_id=_staff(clinic, "dermatovenereology"),
                               card_type_codes=("outpatient", "std"))
    with clinic.connect() as admin:
        patient, std_card, outpatient_card = admin.execute(
            "SELECT c.patient_id, c.id, o.id FROM medical_cards c "
            "JOIN medical_card_types t ON t.id = c.card_type_id AND t.code = 'std' "
            "JOIN medical_cards o ON o.patient_id = c.patient_id AND o.organization_id = c.organization_id "
            "JOIN medical_card_types ot ON ot.id = o.card_type_id AND ot.code = 'outpatient' "
            "WHERE c.organization_id = 1 LIMIT 1"
        ).fetchone()
        outpatient_in_org1 = _count(admin, "SELECT count(*) FROM medical_cards c JOIN medical_card_types t "
                                           "ON t.id = c.card_type_id WHERE t.code = 'outpatient' AND c.organization_id = 1")
    with connect_as(clinic, therapist) as conn:
        visible = {r[0] for r in conn.execute("SELECT id FROM medical_cards WHERE patient_id = %s", (patient,))}
        assert outpatient_card in visible and std_card not in visible
        assert _count(conn, "SELECT count(*) FROM medical_cards") == outpatient_in_org1
        # Through a join with the records and the patient.
        assert _count(conn, "SELECT count(*) FROM medical_records r JOIN medical_cards c ON c.id = r.card_id "
                            "JOIN patients p ON p.id = c.patient_id WHERE c.id = %s", (std_card,)) == 0
        assert _count(conn, "SELECT count(*) FROM medical_records r WHERE r.card_id = %s", (std_card,)) == 0
        error = attempt(conn, "SELECT * FROM card_records(%s)", (std_card,))
        assert error is not None and error.sqlstate == "MC010"
        conn.execute("SELECT * FROM card_records(%s)", (outpatient_card,)).fetchall()
        # Writing into a card of a type not granted is refused by the policy.
        error = attempt(conn, "INSERT INTO medical_records (card_id, card_type_id, organization_id, kind) "
                              "SELECT id, card_type_id, organization_id, 'x' FROM medical_cards WHERE id = %s",
                        (std_card,))
        assert error is None  # the SELECT sees no such card: nothing is inserted
        error = attempt(conn, "INSERT INTO medical_records (card_id, card_type_id, organization_id, kind) "
                              "VALUES (%s, (SELECT id FROM medical_card_types WHERE code = 'std'), 1, 'x')",
                        (std_card,))
        assert error is not None and "row-level security" in str(error)
    with connect_as(clinic, venereologist) as conn:
        visible = {r[0] for r in conn.execute("SELECT id FROM medical_cards WHERE patient_id = %s", (patient,))}
        assert {std_card, outpatient_card} <= visible
        conn.execute("SELECT * FROM card_records(%s)", (std_card,)).fetchall()


def test_grants_take_effect_at_once(clinic):
    staff = _staff(clinic, "therapy")
    login = make_login(clinic, ["medical_worker"], staff_member_id=staff)
    with clinic.connect(autocommit=True) as admin:
        admin.execute("DELETE FROM staff_card_type_access WHERE staff_member_id = %s", (staff,))
    with connect_as(clinic, login, autocommit=True) as conn:
        assert _count(conn, "SELECT count(*) FROM medical_cards") == 0
        with clinic.connect(autocommit=True) as admin:
            admin.execute("INSERT INTO staff_card_type_access (staff_member_id, card_type_id) "
                          "SELECT %s, id FROM medical_card_types WHERE code = 'dental' ON CONFLICT DO NOTHING",
                          (staff,))
        assert _count(conn, "SELECT count(*) FROM medical_cards") > 0


def test_registrar_cannot_file_a_card_in_another_organization(clinic):
    login = make_login(clinic, ["registrar"], staff_member_id=_staff(clinic, "nursing"),
                       card_type_codes=("outpatient",))
    with connect_as(clinic, login) as conn:
        error = attempt(conn, "INSERT INTO medical_cards (organization_id, patient_id, card_type_id, number) "
                              "VALUES (2, 1, (SELECT id FROM medical_card_types WHERE code = 'outpatient'), 'X-1')")
        assert error is not None and "row-level security" in str(error)
        error = attempt(conn, "INSERT INTO medical_cards (organization_id, patient_id, card_type_id, number) "
                              "VALUES (1, 1, (SELECT id FROM medical_card_types WHERE code = 'outpatient'), 'X-1')")
        assert error is None


def test_policy_keeps_the_card_number_index_usable(clinic):
    """The policy's arrays are computed once (InitPlan), so an index on the card number serves."""
    login = make_login(clinic, ["medical_worker"], staff_member_id=_staff(clinic, "therapy"),
                       card_type_codes=("outpatient",))
    with connect_as(clinic, login) as conn:
        conn.execute("SET enable_seqscan = off")
        plan = "\n".join(r[0] for r in conn.execute("EXPLAIN SELECT * FROM medical_cards WHERE number = 'А-000001'"))
    assert "ix_medical_cards_number" in plan, plan
    assert "InitPlan" in plan and "SubPlan" not in plan, plan


@pytest.mark.parametrize("hostile", ["'; DROP TABLE medical_cards; --", "%", "_", "\\", "x" * 10000, "\x01\x02"])
def test_hostile_search_values_are_just_values(clinic, hostile):
    login = make_login(clinic, ["registrar"], staff_member_id=_staff(clinic, "nursing"),
                       card_type_codes=("outpatient",))
    with connect_as(clinic, login) as conn:
        rows = conn.execute("SELECT id FROM medical_cards WHERE number = %s", (hostile,)).fetchall()
        assert rows == []
        rows = conn.execute("SELECT id FROM patients WHERE last_name ILIKE %s", (hostile.replace("%", r"\%"),)).fetchall()
        assert rows == []
    with clinic.connect() as admin:
        assert _count(admin, "SELECT count(*) FROM medical_cards") > 0
    with pytest.raises(psycopg.errors.InsufficientPrivilege), connect_as(clinic, login) as conn:
        conn.execute("DROP TABLE medical_cards")
