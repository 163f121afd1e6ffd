"""The registrar's search box over a million clients.

    python -m bench.patient_search [--clients 1000000] [--queries 1000] [--naive 50] [--output bench/results/patient_search.json]

Generates ``--clients`` clients with invented Russian names whose surnames follow the real skew
(a few very common surnames, a long tail), about 1.5 cards each, phones, SNILS and OMS policies;
reports the import rate; then times ``--queries`` searches of each kind through the service the
workstation uses (as a registrar, under row-level security), and ``--naive`` of the name and phone
kinds with a plain ``ILIKE '%…%'`` for comparison. Target: p95 under 30 ms per kind on 2 cores.
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
from shared.demo.names import FEMALE_FIRST, MALE_FIRST, PATRONYMIC_ROOTS, SURNAMES, patronymic
from shared.identifiers import enp_check_digit, format_snils, snils_check_number
from shared.services.patient_search import search_patients

# Surname roots and endings for the long tail; the common surnames of names.py head the ranking.
_ROOTS = ("Абрам", "Бел", "Бог", "Бор", "Быч", "Вас", "Вет", "Вол", "Гал", "Глад", "Гор", "Греб", "Дан", "Дем",
          "Добр", "Друж", "Ер", "Жар", "Зим", "Зуб", "Ив", "Кал", "Кар", "Клим", "Кол", "Крас", "Кругл", "Лав",
          "Лес", "Лип", "Лук", "Мал", "Мар", "Мед", "Мир", "Мол", "Нес", "Нов", "Овч", "Оз", "Пан", "Пес",
          "Пол", "Рад", "Руд", "Сав", "Сед", "Сок", "Стар", "Тар", "Тих", "Труб", "Уш", "Фед", "Хар", "Цвет",
          "Чер", "Шап", "Шир", "Юр", "Яр", "Ясн")
_ENDINGS = ("ов", "ев", "ин", "ёв", "ский", "енков", "ышев", "анов", "унин", "ицын", "охин", "аков")
_TO_LATIN = str.maketrans({"а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
                           "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
                           "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
                           "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
                           "я": "ya"})


def _surnames() -> tuple[list[str], list[float]]:
    names = list(SURNAMES) + [r + e for r in _ROOTS for e in _ENDINGS]
    names = list(dict.fromkeys(names))
    # Zipf-like with a flattened head: the commonest surname takes about 2% of people, as Smirnov or
    # Ivanov do in Russia, and a long tail follows.
    weights = [1.0 / (rank + 10) for rank in range(len(names))]
    return names, weights


def _female(surname: str) -> str:
    return surname[:-2] + "ая" if surname.endswith("ий") else surname + "а"


def _clients(n: int, rng: random.Random):
    names, weights = _surnames()
    chosen = rng.choices(names, weights, k=n)
    for i in range(n):
        female = rng.random() < 0.55
        surname = _female(chosen[i]) if female else chosen[i]
        first = rng.choice(FEMALE_FIRST if female else MALE_FIRST)
        middle = patronymic(rng.choice(PATRONYMIC_ROOTS), female)
        birth = dt.date(1930, 1, 1) + dt.timedelta(days=rng.randrange(33000))
        snils = None
        if rng.random() < 0.6:
            body = f"{rng.randrange(2_000_000, 999_999_999):09d}"
            snils = body + snils_check_number(body)
        yield surname, first, middle, birth, "F" if female else "M", snils


def _load(conn: psycopg.Connection, n: int, rng: random.Random) -> dict:
    started = time.perf_counter()
    first_id = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM patients").fetchone()[0]
    with conn.cursor().copy("COPY patients (last_name, first_name, middle_name, birth_date, sex, snils) FROM STDIN") as cp:
        for row in _clients(n, rng):
            cp.write_row(row)
    patients_s = time.perf_counter() - started
    ids = range(first_id, first_id + n)
    with conn.cursor().copy("COPY patient_phones (patient_id, digits) FROM STDIN") as cp:
        for pid in ids:
            if rng.random() < 0.85:
                cp.write_row((pid, f"79{rng.randrange(10**9):09d}"))
    with conn.cursor().copy("COPY patient_policies (patient_id, kind, number) FROM STDIN") as cp:
        for pid in ids:
            if rng.random() < 0.7:
                body = f"{rng.randrange(10**15):015d}"
                cp.write_row((pid, "oms", body + enp_check_digit(body)))
    types = dict(conn.execute("SELECT code, id FROM medical_card_types").fetchall())
    with conn.cursor().copy(
        "COPY medical_cards (organization_id, patient_id, card_type_id, number) FROM STDIN"
    ) as cp:
        for pid in ids:
            org = 1 + pid % 2
            cp.write_row((org, pid, types["outpatient"], f"А-{pid:07d}"))
            if rng.random() < 0.5:
                cp.write_row((org, pid, types["dental"], f"С-{pid:07d}"))
    total_s = time.perf_counter() - started
    return {"clients": n, "import_s": round(total_s, 1), "clients_per_s": round(n / patients_s),
            "rows_per_s": round(conn.execute("SELECT (SELECT count(*) FROM patients) + (SELECT count(*) FROM "
                                             "patient_phones) + (SELECT count(*) FROM patient_policies) + "
                                             "(SELECT count(*) FROM medical_cards)").fetchone()[0] / total_s)}


def _queries(conn: psycopg.Connection, count: int, rng: random.Random) -> dict[str, list[str]]:
    sample = conn.execute(
        "SELECT p.last_name, p.first_name, p.middle_name, p.birth_date, p.snils, "
        "(SELECT digits FROM patient_phones WHERE patient_id = p.id LIMIT 1), "
        "(SELECT number FROM patient_policies WHERE patient_id = p.id LIMIT 1), "
        "(SELECT number FROM medical_cards WHERE patient_id = p.id AND organization_id = 1 LIMIT 1) "
        "FROM patients p TABLESAMPLE SYSTEM (2) WHERE p.snils IS NOT NULL LIMIT %s", (count * 3,)
    ).fetchall()
    rng.shuffle(sample)

    def typo(word: str) -> str:
        i = rng.randrange(1, len(word) - 1)
        return word[:i] + word[i + 1:] if rng.random() < 0.5 else word[:i] + rng.choice("аеиоу") + word[i + 1:]

    q: dict[str, list[str]] = {k: [] for k in ("surname_prefix", "full_name_initials", "name_typo", "latin",
                                                "surname_birth_date", "birth_date", "phone", "snils", "policy",
                                                "card_number")}
    for last, first, middle, birth, snils, phone, policy, card in sample:
        q["surname_prefix"].append(last[: rng.randrange(3, min(6, len(last)) + 1)].lower())
        q["full_name_initials"].append(f"{last.lower()} {first[0].lower()} {middle[0].lower()}")
        q["name_typo"].append(typo(last.lower()) + " " + first.lower())
        q["latin"].append(last.lower().translate(_TO_LATIN))
        q["surname_birth_date"].append(f"{last} {birth:%d.%m.%Y}")
        q["birth_date"].append(f"{birth:%d.%m.%Y}")
        if phone:
            q["phone"].append(f"+7 ({phone[1:4]}) {phone[4:7]}-{phone[7:9]}-{phone[9:]}")
        q["snils"].append(format_snils(snils))
        if policy:
            q["policy"].append(policy)
        if card:
            q["card_number"].append(card)
    return {k: v[:count] for k, v in q.items()}


NAIVE = {
    "surname_prefix": "SELECT id FROM patients WHERE last_name || ' ' || first_name || ' ' || middle_name ILIKE %s LIMIT 50",
    "phone": "SELECT patient_id FROM patient_phones WHERE digits LIKE %s LIMIT 50",
}


def run(clients: int, count: int, naive: int) -> dict:
    rng = random.Random(2026)
    with bench_server() as (admin, kind):
        namespace = new_namespace()
        database = f"{namespace}_search"
        try:
            roles = bootstrap_clinic(admin, database, namespace)
            clinic = admin.with_database(database)
            upgrade(clinic, namespace=namespace)
            seed_clinic(clinic, roles)
            with psycopg.connect(clinic.conninfo(), autocommit=True) as conn:
                conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(roles.owner)))
                tables = ("patients", "patient_phones", "patient_policies", "medical_cards")
                for t in tables:  # a bulk import is not what the audit trail is for
                    conn.execute(sql.SQL("ALTER TABLE {} DISABLE TRIGGER audit_row_change").format(sql.Identifier(t)))
                imported = _load(conn, clients, rng)
                for t in tables:
                    conn.execute(sql.SQL("ALTER TABLE {} ENABLE TRIGGER audit_row_change").format(sql.Identifier(t)))
                for t in tables:
                    conn.execute(sql.SQL("ANALYZE {}").format(sql.Identifier(t)))
                queries = _queries(conn, count, rng)
            settings = Settings(host=admin.host, port=admin.port, database=database, sslmode=admin.sslmode,
                                role_namespace=namespace, workstation_name="BENCH")
            session = log_in(settings, "registrar", DEMO_PASSWORD)
            results: dict[str, dict] = {}
            with session.engine.connect() as conn:
                for name, values in queries.items():
                    samples, found = [], 0
                    for value in values[:20]:
                        search_patients(conn, value)  # warm-up
                    for value in values:
                        start = time.perf_counter()
                        found += bool(search_patients(conn, value))
                        samples.append(time.perf_counter() - start)
                    results[name] = {**latency_stats(samples), "found_share": round(found / max(1, len(values)), 3)}
                    conn.rollback()
            session.close()
            naive_results = {}
            with psycopg.connect(clinic.conninfo()) as conn:
                conn.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(roles.owner)))
                for name, query in NAIVE.items():
                    samples = []
                    for value in queries[name][:naive]:
                        pattern = "%" + (value if name != "phone" else "".join(c for c in value if c.isdigit())[1:]) + "%"
                        start = time.perf_counter()
                        conn.execute(query, (pattern,)).fetchall()
                        samples.append(time.perf_counter() - start)
                    naive_results[name] = latency_stats(samples)
            return {"server": kind, **imported, "queries_per_kind": count, "search": results,
                    "naive_ilike": naive_results}
        finally:
            drop_clinic(admin, [database], namespace)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=1_000_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--naive", type=int, default=50)
    parser.add_argument("--output", type=Path)
    args = parser.parse_args()
    emit("patient_search", run(args.clients, args.queries, args.naive), args.output)


if __name__ == "__main__":
    main()
