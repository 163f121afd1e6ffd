"""The demo clinic: organizations, departments, offices, staff, card types and a user for every job.

Used by ``medcenter demo`` (scale 1) and by ``bench/`` to build large data sets (``scale`` N gives N
times as many organizations' worth of staff and offices). Deterministic for a given seed. Every
person is invented (random combinations of common names); INN/OGRN numbers carry valid check digits
but are made up.

Later issues extend it (patients, schedules, price lists, ...).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.orm import Session

from shared.db.roles import RoleNames
from shared.demo.billing import seed_billing
from shared.demo.cash import seed_cash
from shared.demo.clinical import seed_clinical
from shared.demo.names import FEMALE_FIRST, MALE_FIRST, PATRONYMIC_ROOTS, SURNAMES, patronymic, surname
from shared.demo.scheduling import seed_scheduling
from shared.identifiers import enp_check_digit, inn_check_digits, ogrn_check_digit, snils_check_number
from shared.models import (
    Department,
    MedicalCard,
    MedicalCardType,
    Office,
    Organization,
    Patient,
    PatientPhone,
    PatientPolicy,
    Position,
    Specialty,
    StaffCardTypeAccess,
    StaffMember,
)
from shared.services.users import create_login

DEMO_PASSWORD = "Demo-2026"


@dataclass(frozen=True)
class DemoUser:
    login: str
    jobs: tuple[str, ...]
    position: str
    #: Both organizations instead of the main one.
    all_organizations: bool = False
    #: Codes of the card types this user's staff member may open.
    card_types: tuple[str, ...] = ()


# One user per job (two for medical workers: a doctor and a nurse), as listed in the README and
# in the login window's demo hint. Their password is DEMO_PASSWORD.
_REGISTRY_CARDS = ("outpatient", "dental", "child", "pregnancy")
DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser("registrar", ("registrar",), "Медицинский регистратор", card_types=_REGISTRY_CARDS),
    DemoUser("reception", ("receptionist",), "Администратор приемного отделения поликлиники",
             card_types=_REGISTRY_CARDS),
    DemoUser("callcentre", ("call_centre",), "Оператор колл-центра", card_types=_REGISTRY_CARDS),
    DemoUser("cashier", ("cashier",), "Кассир"),
    DemoUser("headregistry", ("head_of_registry",), "Заведующий регистратурой",
             card_types=(*_REGISTRY_CARDS, "inpatient")),
    DemoUser("doctor", ("medical_worker",), "Врач-терапевт", card_types=("outpatient",)),
    DemoUser("nurse", ("medical_worker",), "Медицинская сестра", card_types=("outpatient",)),
    DemoUser("contracts", ("contracts",), "Специалист договорного отдела"),
    DemoUser("marketer", ("marketer",), "Маркетолог"),
    DemoUser("head", ("head",), "Главный врач", all_organizations=True,
             card_types=(*_REGISTRY_CARDS, "inpatient")),
    DemoUser("admission", ("admission",), "Медицинская сестра приемного отделения", card_types=("inpatient",)),
    DemoUser("statistician", ("statistician",), "Медицинский статистик", card_types=("outpatient", "inpatient")),
    DemoUser("admin", ("administrator",), "Системный администратор", all_organizations=True),
)

# Card types a doctor of each specialty keeps (everyone else medical: outpatient).
_SPECIALTY_CARDS = {
    "dermatovenereology": ("outpatient", "std"),
    "dentistry": ("dental",),
    "obstetrics": ("outpatient", "pregnancy"),
    "pediatrics": ("child",),
}
_CARD_PREFIX = {"outpatient": "А", "dental": "С", "inpatient": "И", "std": "В", "child": "Д", "pregnancy": "Б"}

SPECIALTIES = (
    ("therapy", "Терапия"), ("general_practice", "Общая врачебная практика"), ("cardiology", "Кардиология"),
    ("neurology", "Неврология"), ("surgery", "Хирургия"), ("traumatology", "Травматология и ортопедия"),
    ("ophthalmology", "Офтальмология"), ("otorhinolaryngology", "Оториноларингология"),
    ("obstetrics", "Акушерство и гинекология"), ("urology", "Урология"), ("endocrinology", "Эндокринология"),
    ("gastroenterology", "Гастроэнтерология"), ("dermatovenereology", "Дерматовенерология"),
    ("dentistry", "Стоматология общей практики"), ("radiology", "Рентгенология"),
    ("ultrasound", "Ультразвуковая диагностика"), ("functional_diagnostics", "Функциональная диагностика"),
    ("clinical_lab", "Клиническая лабораторная диагностика"), ("pediatrics", "Педиатрия"),
    ("nursing", "Сестринское дело"),
)

# (position, specialty code or None, medical?, how many per organization at scale 1)
STAFFING = (
    ("Врач-терапевт", "therapy", True, 4),
    ("Врач общей практики", "general_practice", True, 1),
    ("Врач-кардиолог", "cardiology", True, 1),
    ("Врач-невролог", "neurology", True, 1),
    ("Врач-хирург", "surgery", True, 1),
    ("Врач-травматолог-ортопед", "traumatology", True, 1),
    ("Врач-офтальмолог", "ophthalmology", True, 1),
    ("Врач-оториноларинголог", "otorhinolaryngology", True, 1),
    ("Врач-акушер-гинеколог", "obstetrics", True, 1),
    ("Врач-уролог", "urology", True, 1),
    ("Врач-эндокринолог", "endocrinology", True, 1),
    ("Врач-дерматовенеролог", "dermatovenereology", True, 1),
    ("Врач-стоматолог", "dentistry", True, 1),
    ("Врач-рентгенолог", "radiology", True, 1),
    ("Врач ультразвуковой диагностики", "ultrasound", True, 1),
    ("Медицинская сестра", "nursing", True, 2),
)

CARD_TYPES = (
    ("outpatient", "Медицинская карта пациента, получающего помощь в амбулаторных условиях", "025/у", 10),
    ("dental", "Медицинская карта стоматологического пациента", "043/у", 20),
    ("inpatient", "Медицинская карта пациента, получающего помощь в стационарных условиях", "003/у", 30),
    ("std", "Медицинская карта больного венерическим заболеванием", "065/у", 40),
    ("child", "История развития ребенка", "112/у", 50),
    ("pregnancy", "Индивидуальная медицинская карта беременной и родильницы", "111/у-20", 60),
)

DEPARTMENTS = (
    ("Регистратура", "registry", None),
    ("Терапевтическое отделение", "outpatient", None),
    ("Хирургическое отделение", "outpatient", None),
    ("Отделение специализированной помощи", "outpatient", None),
    ("Отделение лучевой диагностики", "paraclinical", None),
    ("Стоматологическое отделение", "outpatient", None),
    ("Приемное отделение", "admission", None),
    ("Стационар дневного пребывания", "inpatient", None),
    ("Круглосуточный стационар", "inpatient", None),
    ("Администрация", "administrative", None),
)
_DEPARTMENT_OF = {
    "therapy": "Терапевтическое отделение", "general_practice": "Терапевтическое отделение",
    "cardiology": "Отделение специализированной помощи", "neurology": "Отделение специализированной помощи",
    "surgery": "Хирургическое отделение", "traumatology": "Хирургическое отделение",
    "ophthalmology": "Отделение специализированной помощи", "otorhinolaryngology": "Отделение специализированной помощи",
    "obstetrics": "Отделение специализированной помощи", "urology": "Хирургическое отделение",
    "endocrinology": "Отделение специализированной помощи", "dermatovenereology": "Отделение специализированной помощи",
    "dentistry": "Стоматологическое отделение", "radiology": "Отделение лучевой диагностики",
    "ultrasound": "Отделение лучевой диагностики", "nursing": "Терапевтическое отделение",
}

ORGANIZATION_NAMES = (
    ("Общество с ограниченной ответственностью «Медицинский центр „Здоровье“»", "МЦ «Здоровье»",
     "г. Москва, ул. Садовая, д. 12"),
    ("Общество с ограниченной ответственностью «Клиника „Семейный доктор“»", "Клиника «Семейный доктор»",
     "г. Москва, Ленинский пр-т, д. 45, корп. 2"),
)


@dataclass(frozen=True)
class DemoSummary:
    organizations: int
    departments: int
    offices: int
    staff: int
    users: int
    patients: int = 0
    cards: int = 0


class _Generator:
    def __init__(self, session: Session, seed: int) -> None:
        self.session = session
        self.rng = random.Random(seed)
        self.positions: dict[str, Position] = {}
        self.specialties: dict[str, Specialty] = {}
        self.card_types: dict[str, MedicalCardType] = {}

    def person(self) -> tuple[str, str, str]:
        female = self.rng.random() < 0.6
        first = self.rng.choice(FEMALE_FIRST if female else MALE_FIRST)
        return (
            surname(self.rng.choice(SURNAMES), female),
            first,
            patronymic(self.rng.choice(PATRONYMIC_ROOTS), female),
        )

    def position(self, name: str, medical: bool) -> Position:
        if name not in self.positions:
            self.positions[name] = Position(name=name, is_medical=medical)
            self.session.add(self.positions[name])
        return self.positions[name]

    def references(self) -> None:
        for code, name in SPECIALTIES:
            self.specialties[code] = Specialty(code=code, name=name, is_medical=True)
            self.session.add(self.specialties[code])
        for code, name, form, order in CARD_TYPES:
            self.card_types[code] = MedicalCardType(code=code, name=name, form_number=form, sort_order=order)
            self.session.add(self.card_types[code])

    def grant_cards(self, member: StaffMember, codes: tuple[str, ...]) -> None:
        for code in codes:
            self.session.add(StaffCardTypeAccess(staff_member_id=member.id, card_type_id=self.card_types[code].id))

    def patients(self, organizations: list[Organization], count: int) -> tuple[int, int]:
        """``count`` patients with an outpatient card each, some dental, a few STD; records in them."""
        rows = []
        for _ in range(count):
            female = self.rng.random() < 0.55
            rows.append({
                "last_name": surname(self.rng.choice(SURNAMES), female),
                "first_name": self.rng.choice(FEMALE_FIRST if female else MALE_FIRST),
                "middle_name": patronymic(self.rng.choice(PATRONYMIC_ROOTS), female),
                "birth_date": dt.date(1940, 1, 1) + dt.timedelta(days=self.rng.randrange(30000)),
                "sex": "F" if female else "M",
            })
        for row in rows:
            if self.rng.random() < 0.7:
                body = f"{self.rng.randrange(2_000_000, 999_999_999):09d}"
                row["snils"] = body + snils_check_number(body)
        ids = self.session.scalars(insert(Patient).returning(Patient.id), rows).all()
        phones, policies = [], []
        for patient_id in ids:
            if self.rng.random() < 0.9:
                phones.append({"patient_id": patient_id, "digits": f"79{self.rng.randrange(10**9):09d}"})
            if self.rng.random() < 0.8:
                body = f"{self.rng.randrange(10**15):015d}"
                policies.append({"patient_id": patient_id, "kind": "oms", "number": body + enp_check_digit(body),
                                 "insurer": "АО «Страховая компания „Надёжная“»"})
        self.session.execute(insert(PatientPhone), phones)
        self.session.execute(insert(PatientPolicy), policies)
        cards, numbers = [], {}
        for patient_id in ids:
            org = self.rng.choice(organizations)
            kinds = ["outpatient"]
            if self.rng.random() < 0.3:
                kinds.append("dental")
            if self.rng.random() < 0.05:
                kinds.append("std")
            for code in kinds:
                key = (org.id, code)
                numbers[key] = numbers.get(key, 0) + 1
                cards.append({
                    "organization_id": org.id, "patient_id": patient_id, "card_type_id": self.card_types[code].id,
                    "number": f"{_CARD_PREFIX[code]}-{numbers[key]:06d}",
                    "opened_on": dt.date(2015, 1, 1) + dt.timedelta(days=self.rng.randrange(3900)),
                })
        card_rows = self.session.execute(
            insert(MedicalCard).returning(MedicalCard.id, MedicalCard.card_type_id, MedicalCard.organization_id),
            cards,
        ).all()
        # Their records are written by shared.demo.clinical once the staff (and the schedules) exist.
        return len(ids), len(card_rows)

    def organization(self, index: int) -> Organization:
        if index < len(ORGANIZATION_NAMES):
            name, short, address = ORGANIZATION_NAMES[index]
        else:
            name = f"Общество с ограниченной ответственностью «Медицинский центр № {index + 1}»"
            short, address = f"МЦ № {index + 1}", f"г. Москва, ул. Лесная, д. {index + 1}"
        inn_prefix = f"77{self.rng.randrange(10**7):07d}"
        ogrn_prefix = f"11577{self.rng.randrange(10**7):07d}"
        org = Organization(
            name=name, short_name=short, address=address,
            inn=inn_prefix + inn_check_digits(inn_prefix),
            ogrn=ogrn_prefix + ogrn_check_digit(ogrn_prefix),
            phone=f"+7 495 {self.rng.randrange(100, 999)}-{self.rng.randrange(10, 99)}-{self.rng.randrange(10, 99)}",
            time_zone="Europe/Moscow",
        )
        self.session.add(org)
        return org

    def staff(self, org: Organization, departments: dict[str, Department], position: Position,
              specialty: Specialty | None, hired: dt.date) -> StaffMember:
        last, first, middle = self.person()
        dept = departments.get(_DEPARTMENT_OF.get(specialty.code, "")) if specialty else None
        member = StaffMember(
            organization=org, department=dept, position=position, specialty=specialty,
            last_name=last, first_name=first, middle_name=middle, hired_on=hired,
        )
        self.session.add(member)
        return member


def is_seeded(connection: Connection) -> bool:
    return bool(connection.scalar(select(func.count()).select_from(Organization)))


def generate_clinic(
    connection: Connection, roles: RoleNames, *, scale: int = 1, seed: int = 2026,
    with_users: bool = True, password: str = DEMO_PASSWORD, with_schedules: bool = True,
    today: dt.date | None = None,
) -> DemoSummary:
    """Fills an empty clinic database; ``connection`` acts as the owner role. Does not commit."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    session = Session(bind=connection, join_transaction_mode="create_savepoint")
    gen = _Generator(session, seed)
    gen.references()
    organizations, all_staff, users = [], [], 0
    office_count = dept_count = 0
    for org_index in range(2 * scale):
        org = gen.organization(org_index)
        organizations.append(org)
        departments: dict[str, Department] = {}
        for name, kind, _ in DEPARTMENTS:
            departments[name] = Department(organization=org, name=name, kind=kind)
            session.add(departments[name])
        dept_count += len(departments)
        # Offices: two per doctor position slot, on three floors, with equipment notes where it matters.
        number = 100
        for position_name, code, medical, count in STAFFING:
            position = gen.position(position_name, medical)
            specialty = gen.specialties[code] if code else None
            for _ in range(count):
                hired = dt.date(2010, 1, 1) + dt.timedelta(days=gen.rng.randrange(5000))
                all_staff.append((org_index, gen.staff(org, departments, position, specialty, hired)))
                number += 1
                session.add(Office(
                    organization=org, department=departments.get(_DEPARTMENT_OF.get(code, "")),
                    number=str(number), name=f"Кабинет {number}", floor=1 + (number - 100) // 10,
                    equipment_notes=_equipment(code),
                ))
                office_count += 1
        for extra in ("Процедурный кабинет", "Прививочный кабинет", "Кабинет забора крови"):
            number += 1
            session.add(Office(organization=org, department=departments["Терапевтическое отделение"],
                               number=str(number), name=extra, floor=1, equipment_notes=""))
            office_count += 1
    session.flush()
    for _, member in all_staff:
        if member.position.is_medical and member.specialty is not None:
            gen.grant_cards(member, _SPECIALTY_CARDS.get(member.specialty.code, ("outpatient",)))
    patients, cards = gen.patients(organizations, 300 * scale)
    for demo in DEMO_USERS:
        gen.position(demo.position, demo.position.startswith(("Врач", "Медицинская сестра")))
    session.flush()
    if with_users:
        main = organizations[0]
        registry = session.scalars(
            select(Department).where(Department.organization_id == main.id, Department.kind == "registry")
        ).first()
        for demo in DEMO_USERS:
            if demo.position == "Врач-терапевт":
                member = next(s for i, s in all_staff if i == 0 and s.position.name == "Врач-терапевт")
            elif demo.position == "Медицинская сестра":
                member = next(s for i, s in all_staff if i == 0 and s.position.name == "Медицинская сестра")
            else:
                last, first, middle = gen.person()
                member = StaffMember(
                    organization=main, department=registry if "регистр" in demo.position.lower() else None,
                    position=gen.positions[demo.position], last_name=last, first_name=first,
                    middle_name=middle, hired_on=dt.date(2019, 3, 1),
                )
                session.add(member)
                all_staff.append((0, member))
            session.flush()
            if demo.card_types and demo.position not in ("Врач-терапевт", "Медицинская сестра"):
                gen.grant_cards(member, demo.card_types)
                session.flush()
            orgs = [o.id for o in organizations] if demo.all_organizations else [main.id]
            create_login(
                connection, roles, demo.login, password, demo.jobs,
                staff_member_id=member.id, organization_ids=orgs, default_organization_id=main.id,
            )
            users += 1
    if with_schedules:
        session.flush()
        seed_scheduling(connection, [o.id for o in organizations], today=today or dt.date.today(), seed=seed)
        seed_billing(connection, [o.id for o in organizations], today=today or dt.date.today())
        seed_cash(connection, [o.id for o in organizations], today=today or dt.date.today())
    session.flush()
    # Visit records from the templates, and the demo doctor's (the first therapist's) days.
    seed_clinical(connection, [o.id for o in organizations], today=today or dt.date.today(), seed=seed,
                  demo_doctor_id=next(s.id for i, s in all_staff if i == 0 and s.position.name == "Врач-терапевт"))
    # Releases the session's savepoint; the caller's transaction decides whether it all lands.
    session.commit()
    session.close()
    return DemoSummary(len(organizations), dept_count, office_count, len(all_staff), users, patients, cards)


def _equipment(code: str | None) -> str:
    return {
        "radiology": "Рентгеновский аппарат, автоматизированное рабочее место врача-рентгенолога",
        "ultrasound": "Аппарат УЗИ экспертного класса",
        "ophthalmology": "Щелевая лампа, автореферактометр, тонометр",
        "otorhinolaryngology": "ЛОР-комбайн",
        "dentistry": "Стоматологическая установка",
        "functional_diagnostics": "Электрокардиограф 12-канальный",
        "obstetrics": "Гинекологическое кресло, кольпоскоп",
    }.get(code or "", "")
