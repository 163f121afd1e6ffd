"""The registrar's one search box: what people type, turned into indexed PostgreSQL queries.

Accepted: a surname prefix ("иван", "ivan"), a full name with typos or missing parts ("иванова м п",
"иванва"), a surname and birth date ("петров 12.03.1985"), a birth date alone, a phone in any format,
a SNILS, a policy number, a card number. Latin input is read both as transliteration and as text
typed with the wrong keyboard layout; ё = е. Runs as the logged-in user: card numbers come through
row-level security.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from sqlalchemy import Connection, text

from shared.services.patient_input import parse_date

MAX_RESULTS = 50
FUZZY_THRESHOLD = 0.4

_TRANSLIT = (
    ("shch", "щ"), ("sch", "щ"), ("yo", "е"), ("zh", "ж"), ("kh", "х"), ("ts", "ц"), ("ch", "ч"),
    ("sh", "ш"), ("yu", "ю"), ("ya", "я"), ("ye", "е"), ("iy", "ий"), ("yy", "ый"),
    ("a", "а"), ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"),
    ("j", "й"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
    ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "к"), ("w", "в"), ("x", "кс"),
    ("y", "ы"), ("q", "к"), ("'", "ь"),
)
_LAYOUT = dict(zip("qwertyuiop[]asdfghjkl;'zxcvbnm,.`", "йцукенгшщзхъфывапролджэячсмитьбюё", strict=True))
_DATE_RE = re.compile(r"\b(\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{1,2}-\d{1,2})\b")
_CARD_RE = re.compile(r"^[A-Za-zА-Яа-яЁё]{1,5}[-/ ]?\d[\d/-]*$")


@dataclass(frozen=True)
class PatientHit:
    id: int
    full_name: str
    birth_date: dt.date
    sex: str
    phone_tail: str
    card_numbers: tuple[str, ...]
    #: What matched: card, snils, policy, phone, name, name_fuzzy, birth_date.
    match: str
    score: float


@dataclass(frozen=True)
class ParsedQuery:
    names: tuple[str, ...]  # normalized name candidates ("иванова м п"), best first
    birth_date: dt.date | None
    digits: str
    raw: str
    card_like: bool


def fold(value: str) -> str:
    return value.lower().replace("ё", "е")


def transliterate(latin: str) -> str:
    out, i = [], 0
    while i < len(latin):
        for src, dst in _TRANSLIT:
            if latin.startswith(src, i):
                out.append(dst)
                i += len(src)
                break
        else:
            out.append(latin[i])
            i += 1
    return "".join(out)


def swap_layout(latin: str) -> str:
    return "".join(_LAYOUT.get(c, c) for c in latin)


def parse_query(query: str) -> ParsedQuery:
    raw = " ".join(query.split())[:200]
    birth = None
    m = _DATE_RE.search(raw)
    rest = raw
    if m:
        try:
            birth = parse_date(m[1])
            rest = (raw[: m.start()] + " " + raw[m.end():]).strip()
        except ValueError:
            birth = None
    digits = re.sub(r"\D", "", rest) if re.fullmatch(r"[\d\s+()\-.]*", rest) else ""
    words = fold(re.sub(r"[^\w\s'-]", " ", rest)).split() if not digits else []
    words = [] if _CARD_RE.fullmatch(raw) else [w for w in words if not any(c.isdigit() for c in w)]
    names: list[str] = []
    if words:
        joined = " ".join(words)
        if re.search(r"[a-z]", joined):
            for candidate in (transliterate(joined), swap_layout(joined)):
                if candidate not in names and re.search(r"[а-я]", candidate):
                    names.append(candidate)
        else:
            names.append(joined)
    return ParsedQuery(tuple(names), birth, digits, raw, bool(_CARD_RE.fullmatch(raw)))


_HIT_COLUMNS = """
    p.id, btrim(concat_ws(' ', p.last_name, p.first_name, p.middle_name)) AS full_name, p.birth_date, p.sex,
    coalesce((SELECT right(ph.digits, 4) FROM patient_phones ph WHERE ph.patient_id = p.id ORDER BY ph.id LIMIT 1), '')
        AS phone_tail,
    ARRAY(SELECT c.number FROM medical_cards c WHERE c.patient_id = p.id AND c.closed_on IS NULL ORDER BY c.id)
        AS card_numbers
"""


# The prefix index is text_pattern_ops; ordering by its operator lets it deliver rows in order, so a
# common surname stops after the first page instead of sorting thousands of rows.
NAME_ORDER = "p.name_norm USING ~<~"


def _hits(connection: Connection, where: str, params: dict, match: str, order: str = NAME_ORDER,
          score: str = "1.0", limit: int = MAX_RESULTS) -> list[PatientHit]:
    # where/order/score are fragments written in this module; every typed value is a bound parameter.
    rows = connection.execute(
        text(f"SELECT {_HIT_COLUMNS}, {score} AS score FROM patients p "  # noqa: S608
             f"WHERE p.merged_into_id IS NULL AND ({where}) ORDER BY {order} LIMIT :limit"),
        {**params, "limit": limit},
    ).mappings()
    return [PatientHit(r["id"], r["full_name"], r["birth_date"], r["sex"], r["phone_tail"],
                       tuple(r["card_numbers"]), match, float(r["score"])) for r in rows]


def _name_pattern(name: str) -> str:
    """'иванова м п' -> 'иванова м% п%' (a surname typed whole, then initials or beginnings)."""
    words = [w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for w in name.split()]
    if len(words) == 1:
        return words[0] + "%"
    return words[0] + " " + "% ".join(words[1:]) + "%"


def _similar_surnames(connection: Connection, surname: str, count: int = 5) -> list[tuple[str, float]]:
    """Known surnames closest to a (mistyped) one: a trigram match over the surname dictionary,
    thousands of rows however many clients there are."""
    if len(surname) < 3:
        return []
    rows = connection.execute(
        text("SELECT surname_norm, extensions.similarity(surname_norm, :s) FROM patient_surnames "
             "WHERE surname_norm OPERATOR(extensions.%) :s AND surname_norm <> :s "
             "ORDER BY surname_norm OPERATOR(extensions.<->) :s LIMIT :n"),
        {"s": surname, "n": count},
    ).all()
    return [(r[0], r[1]) for r in rows if r[1] >= FUZZY_THRESHOLD]


def search_patients(connection: Connection, query: str, limit: int = MAX_RESULTS) -> tuple[PatientHit, ...]:
    """At most ``limit`` clients, exact identifier matches first, then by name similarity."""
    q = parse_query(query)
    limit = max(1, min(limit, MAX_RESULTS))
    found: dict[int, PatientHit] = {}

    def add(hits: list[PatientHit]) -> None:
        for hit in hits:
            found.setdefault(hit.id, hit)

    if q.card_like or (q.digits and len(q.digits) >= 4):
        number = q.raw.upper()
        add(_hits(connection, "p.id IN (SELECT c.patient_id FROM medical_cards c WHERE c.number = :n "
                              "OR c.number = :nd)", {"n": number, "nd": q.raw}, "card"))
    if q.digits:
        if len(q.digits) == 11:
            add(_hits(connection, "p.snils = :s", {"s": q.digits}, "snils"))
        if len(q.digits) == 16:
            add(_hits(connection, "p.id IN (SELECT pp.patient_id FROM patient_policies pp WHERE pp.number = :n)",
                      {"n": q.digits}, "policy"))
        phone = q.digits
        if len(phone) == 11 and phone[0] == "8":
            phone = "7" + phone[1:]
        elif len(phone) == 10 and phone[0] == "9":
            phone = "7" + phone
        if len(phone) >= 10:
            add(_hits(connection, "p.id IN (SELECT ph.patient_id FROM patient_phones ph WHERE ph.digits = :d)",
                      {"d": phone}, "phone"))
        elif len(phone) >= 5:
            add(_hits(connection, "p.id IN (SELECT ph.patient_id FROM patient_phones ph "
                                  "WHERE reverse(ph.digits) LIKE reverse(:d) || '%')", {"d": phone}, "phone"))
    for name in q.names:
        if len(found) >= limit:
            break
        date_clause = " AND p.birth_date = :b" if q.birth_date else ""
        add(_hits(connection, f"p.name_norm LIKE :pattern{date_clause}",
                  {"pattern": _name_pattern(name), "b": q.birth_date}, "name", limit=limit))
    # Typos are looked for only when the name as typed matched nobody: a registrar who typed a
    # surname that exists wants those people, not their near-namesakes.
    if q.names and not any(h.match == "name" for h in found.values()) and len(found) < limit:
        for name in q.names:
            surname, _, rest = name.partition(" ")
            for candidate, score in _similar_surnames(connection, surname):
                if len(found) >= limit:
                    break
                date_clause = " AND p.birth_date = :b" if q.birth_date else ""
                pattern = _name_pattern(f"{candidate} {rest}".strip())
                if not rest:
                    pattern = _name_pattern(candidate).removesuffix("%") + " %"
                add(_hits(connection, f"p.name_norm LIKE :pattern{date_clause}",
                          {"pattern": pattern, "b": q.birth_date}, "name_fuzzy", score=str(float(score)),
                          limit=limit))
    if q.birth_date and not q.names and not q.digits:
        add(_hits(connection, "p.birth_date = :b", {"b": q.birth_date}, "birth_date", limit=limit))
    return tuple(list(found.values())[:limit])
