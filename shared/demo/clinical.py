"""Demo clinical data: visit records written from the specialties' templates (shared.services.record_templates)
by doctors, nurses and diagnosticians of matching specialties, most of them signed, with ICD-10 diagnoses
from a list of common real codes; and a working day for the demo doctor (a therapist) today and the next
days: bookings with order lines -- paid, unpaid, or covered by a company's agreement or the compulsory
insurance fund -- so the doctor's shift task is full when someone opens the demo.

The records are inserted by the owner with the rules triggers of sql/0008_visit_records.sql switched off for
the load (they let only a logged-in author sign, and the owner is nobody's staff member); the CHECK
constraints still hold every row (a signed record has signed_at and signed_by, a correction supersedes a
signed version of the same card), and the audit trail still sees every row. Every text is invented.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, text

from shared.services import orders, pricing, schedules
from shared.services import record_templates as rt
from shared.services.schedule_rules import DayInterval

ZONE = ZoneInfo("Europe/Moscow")
DEMO_DOCTOR_SPECIALTY = "therapy"
#: How far ahead the demo doctor's bookings get order lines (today included).
ORDER_DAYS = 8
RECORD_KIND = "visit"

# Specialties writing in outpatient cards, with weights (the rest of the card types have one specialty).
_OUTPATIENT_AUTHORS = (
    ("therapy", 40), ("general_practice", 5), ("cardiology", 7), ("neurology", 7), ("surgery", 4),
    ("traumatology", 5), ("ophthalmology", 6), ("otorhinolaryngology", 6), ("obstetrics", 5), ("urology", 4),
    ("endocrinology", 5), ("dermatovenereology", 2), ("radiology", 4), ("ultrasound", 5), ("nursing", 6),
)
_CARD_AUTHORS = {"dental": (("dentistry", 1),), "std": (("dermatovenereology", 1),)}
_ONLY_SEX = {"obstetrics": "F", "urology": "M"}


# --- what the records say ------------------------------------------------------------------------------------

Values = Callable[[random.Random], dict]


@dataclass(frozen=True)
class Scenario:
    codes: tuple[str, ...]  # the main diagnosis first, then accompanying ones
    complaints: str
    anamnesis: str
    examination: str
    conclusion: str
    recommendations: str
    values: Values = lambda rng: {}  # noqa: E731 - structured fields of the template


def _vitals(rng: random.Random, *, pressure: tuple[int, int] = (110, 135), fever: bool = False) -> dict:
    systolic = rng.randrange(*pressure)
    return {
        "bp_systolic": systolic, "bp_diastolic": rng.randrange(max(55, systolic - 60), max(60, systolic - 35)),
        "pulse": rng.randrange(62, 96), "temperature": round(rng.uniform(37.4, 38.6) if fever
                                                              else rng.uniform(36.3, 36.9), 1),
    }


def _general(rng: random.Random, **kwargs) -> dict:
    weight = round(rng.uniform(52, 104), 1)
    return {**_vitals(rng, **kwargs), "spo2": rng.randrange(95, 100), "respiratory_rate": rng.randrange(14, 19),
            "weight": weight, "height": rng.randrange(152, 192), "general_condition": "satisfactory",
            "skin": "Обычной окраски, чистые, влажность нормальная",
            "lymph_nodes": "Не увеличены, безболезненные",
            "lungs": "Дыхание везикулярное, хрипов нет", "heart": "Тоны ясные, ритмичные",
            "abdomen": "Мягкий, безболезненный при пальпации", "liver": "По краю рёберной дуги",
            "stool_urine": "Без особенностей", "edema": "Нет"}


THERAPY = (
    Scenario(("J06.9",), "Заложенность носа, першение в горле, сухой кашель, слабость, температура до 37,8 °C.",
             "Заболел(а) 2 дня назад, после переохлаждения. Контакт с больными ОРВИ на работе. Принимал(а) "
             "парацетамол. Аллергологический анамнез не отягощён.",
             "Зев умеренно гиперемирован, миндалины не увеличены, налётов нет. Носовое дыхание затруднено, "
             "слизистое отделяемое.",
             "Острая инфекция верхних дыхательных путей неуточнённая, лёгкое течение.",
             "Обильное тёплое питьё, промывание носа солевым раствором, парацетамол 500 мг при температуре выше "
             "38,5 °C. Листок нетрудоспособности. Явка на повторный приём через 5 дней.",
             lambda rng: {**_general(rng, fever=True), "pharynx": "Умеренно гиперемирован", "sick_leave": True}),
    Scenario(("I10",), "Периодические головные боли в затылочной области, мелькание «мушек» перед глазами при "
             "повышении давления до 160/95 мм рт. ст.",
             "Повышение АД около 3 лет. Регулярно принимает лизиноприл 10 мг утром. Курит, 10 сигарет в день. "
             "Отец — гипертоническая болезнь, инсульт в 62 года.",
             "Состояние удовлетворительное. Границы сердца не расширены, акцент II тона над аортой.",
             "Гипертоническая болезнь II стадии, контролируемая артериальная гипертензия, риск ССО 3.",
             "Продолжить лизиноприл 10 мг утром, добавить амлодипин 5 мг вечером. Дневник АД утром и вечером. "
             "Ограничить соль до 5 г в сутки, отказ от курения. Липидный профиль, креатинин, ЭКГ. Повторно через "
             "2 недели.",
             lambda rng: {**_general(rng, pressure=(138, 165)), "heart": "Тоны ритмичные, акцент II тона над аортой"}),
    Scenario(("E11.9", "I10"), "Сухость во рту, жажда, учащённое мочеиспускание; жалоб на боли нет.",
             "Сахарный диабет 2 типа 5 лет. Метформин 1000 мг 2 раза в день. Самоконтроль гликемии нерегулярный, "
             "натощак 7–9 ммоль/л.",
             "Состояние удовлетворительное. Питание повышенное. Стопы: пульсация сохранена, чувствительность "
             "не нарушена.",
             "Сахарный диабет 2 типа без осложнений, целевой уровень гликемии не достигнут. Гипертоническая "
             "болезнь.",
             "Диета с ограничением лёгких углеводов, ходьба 30 минут ежедневно. Гликированный гемоглобин, "
             "микроальбуминурия. Консультация эндокринолога. Контроль через месяц.",
             lambda rng: {**_general(rng, pressure=(130, 150)), "weight": round(rng.uniform(86, 118), 1)}),
    Scenario(("M54.5",), "Ноющие боли в поясничной области, усиливающиеся при наклонах и длительном сидении.",
             "Боли 5 дней после подъёма тяжести. Ранее подобные эпизоды 1–2 раза в год. Травм не было.",
             "Напряжение паравертебральных мышц поясничного отдела, болезненность при пальпации L4–S1. "
             "Симптомы натяжения отрицательные. Чувствительность и сила в ногах сохранены.",
             "Люмбаго (боль внизу спины) без корешкового синдрома.",
             "Щадящий двигательный режим без постельного. Мелоксикам 7,5 мг 1 раз в день 5 дней после еды. "
             "ЛФК после стихания боли. При онемении или слабости в ногах — срочно к неврологу.",
             lambda rng: _general(rng)),
    Scenario(("K29.7",), "Ноющие боли в эпигастрии натощак, изжога, отрыжка кислым.",
             "Жалобы около месяца, связывает с нерегулярным питанием. НПВС не принимал.",
             "Язык обложен белым налётом. Живот мягкий, болезненный в эпигастрии. Симптомы раздражения брюшины "
             "отрицательные.",
             "Гастрит неуточнённый, обострение.",
             "Дробное питание 5 раз в день, исключить острое, жирное, алкоголь. Омепразол 20 мг 2 раза в день "
             "4 недели. ФГДС с тестом на H. pylori. Повторный приём с результатом.",
             lambda rng: {**_general(rng), "abdomen": "Мягкий, болезненный в эпигастральной области"}),
    Scenario(("J20.9",), "Кашель с трудноотделяемой слизистой мокротой, заложенность в груди, слабость.",
             "Болеет 7 дней: начиналось с насморка и боли в горле, затем появился кашель.",
             "Дыхание жёсткое, рассеянные сухие хрипы, исчезающие после откашливания. ЧДД в норме.",
             "Острый бронхит неуточнённый.",
             "Обильное питьё, амброксол 30 мг 3 раза в день 7 дней. Рентгенография органов грудной клетки при "
             "сохранении температуры более 3 дней. Явка через 7 дней.",
             lambda rng: {**_general(rng, fever=True), "lungs": "Дыхание жёсткое, сухие рассеянные хрипы"}),
    Scenario(("Z00.0",), "Жалоб нет. Пришёл(пришла) на профилактический осмотр (диспансеризация).",
             "Хронических заболеваний не отмечает. Прививки по календарю. Вредные привычки отрицает.",
             "Состояние удовлетворительное. По органам без патологии.",
             "Общий медицинский осмотр: практически здоров(а). II группа здоровья.",
             "Ежегодная диспансеризация. Физическая активность не менее 150 минут в неделю. Флюорография, "
             "общий анализ крови, глюкоза и холестерин — по плану диспансеризации.",
             lambda rng: _general(rng)),
    Scenario(("I20.8", "I10", "E78.0"), "Давящие боли за грудиной при быстрой ходьбе и подъёме на 2 этаж, "
             "проходят в покое за 3–5 минут.",
             "Боли около полугода. Гипертоническая болезнь 10 лет. Холестерин 6,8 ммоль/л год назад.",
             "Тоны сердца приглушены, ритм правильный. Отёков нет.",
             "ИБС: стенокардия напряжения, функциональный класс II. Гипертоническая болезнь. "
             "Гиперхолестеринемия.",
             "Аторвастатин 20 мг вечером, ацетилсалициловая кислота 75 мг, бисопролол 2,5 мг. Нитроглицерин "
             "под язык при приступе. ЭКГ, ЭхоКГ, липидограмма. Направлен(а) к кардиологу.",
             lambda rng: {**_general(rng, pressure=(135, 155)), "heart": "Тоны приглушены, ритм правильный"}),
)

CARDIOLOGY = (
    Scenario(("I11.9",), "Одышка при умеренной нагрузке, головные боли при повышении давления.",
             "АГ 12 лет, максимально до 190/110 мм рт. ст. Принимает периндоприл 8 мг, индапамид 1,5 мг.",
             "Верхушечный толчок усилен, смещён влево. Тоны ритмичные.",
             "Гипертензивная болезнь сердца без сердечной недостаточности.",
             "Продолжить терапию, добавить бисопролол 5 мг. Суточное мониторирование АД. ЭхоКГ. Контроль через "
             "месяц.",
             lambda rng: {**_vitals(rng, pressure=(140, 170)), "rhythm": "regular",
                          "heart_sounds": "Ритмичные, акцент II тона над аортой", "murmurs": "Нет",
                          "lungs": "Хрипов нет", "edema": "Нет", "ecg": "Синусовый ритм, признаки ГЛЖ",
                          "cv_risk": "high", "current_therapy": "Периндоприл 8 мг, индапамид 1,5 мг"}),
    Scenario(("I48.9",), "Эпизоды учащённого неритмичного сердцебиения, слабость.",
             "Впервые выявлено на ЭКГ при профосмотре 2 недели назад. Антикоагулянты не принимает.",
             "Тоны аритмичные, дефицит пульса 8 в минуту.",
             "Фибрилляция предсердий, персистирующая форма, тахисистолия. CHA2DS2-VASc 3 балла.",
             "Апиксабан 5 мг 2 раза в день, бисопролол 5 мг. ЭхоКГ, ТТГ, холтеровское мониторирование. Контроль "
             "через 2 недели.",
             lambda rng: {**_vitals(rng), "pulse": rng.randrange(96, 128), "rhythm": "irregular",
                          "heart_sounds": "Аритмичные", "murmurs": "Нет", "ecg": "Фибрилляция предсердий",
                          "cv_risk": "high", "nyha_class": "II"}),
    Scenario(("I25.1", "E78.0"), "Боли за грудиной при подъёме на 3 этаж, проходят в покое.",
             "Стентирование ПНА 2 года назад. Аторвастатин 40 мг, клопидогрел отменён через год.",
             "Тоны приглушены, ритм правильный. Отёков нет.",
             "Атеросклеротическая болезнь сердца, стенокардия напряжения ФК II. Гиперхолестеринемия.",
             "Продолжить терапию, ЛПНП целевой < 1,4 ммоль/л. Нагрузочный тест. Повторно через 3 месяца.",
             lambda rng: {**_vitals(rng), "rhythm": "regular", "heart_sounds": "Приглушены", "murmurs": "Нет",
                          "ecg": "Рубцовые изменения не выявлены", "cv_risk": "very high", "nyha_class": "I"}),
)

NEUROLOGY = (
    Scenario(("G44.2",), "Сжимающие головные боли по типу «обруча» к вечеру, 3–4 раза в неделю.",
             "Около года, связывает со стрессом на работе и работой за компьютером.",
             "Сознание ясное. Менингеальных знаков нет. Напряжение и болезненность перикраниальных мышц.",
             "Головная боль напряжённого типа, хроническая.",
             "Режим сна, перерывы в работе каждые 45 минут, ЛФК для шеи. Амитриптилин 10 мг на ночь 2 месяца. "
             "Дневник головной боли.",
             lambda rng: {**_vitals(rng), "consciousness": "clear", "cranial_nerves": "Без патологии",
                          "meningeal_signs": "Отрицательные", "motor": "Сила 5 баллов во всех группах",
                          "reflexes": "Живые, D=S", "sensation": "Не нарушена",
                          "coordination": "Устойчив(а) в позе Ромберга", "pain_score": rng.randrange(3, 6)}),
    Scenario(("M54.1",), "Стреляющая боль в пояснице с иррадиацией по задней поверхности левой ноги до стопы.",
             "Боли 2 недели после подъёма тяжести. МРТ: протрузия L5–S1.",
             "Симптом Ласега слева 45°. Ахиллов рефлекс слева снижен. Гипестезия по наружному краю левой стопы.",
             "Радикулопатия S1 слева, болевой синдром умеренной выраженности.",
             "Мелоксикам 15 мг 7 дней, затем 7,5 мг. Витамины группы B. ЛФК, плавание. Контроль через 10 дней.",
             lambda rng: {**_vitals(rng), "consciousness": "clear", "meningeal_signs": "Отрицательные",
                          "reflexes": "Ахиллов слева снижен", "sensation": "Гипестезия S1 слева",
                          "spine": "Болезненность паравертебральных точек L5–S1", "pain_score": rng.randrange(5, 8)}),
    Scenario(("G43.9",), "Приступы пульсирующей головной боли в правой половине головы с тошнотой, "
             "светобоязнью, 2–3 раза в месяц.",
             "С юности; приступы участились в последние полгода.",
             "Неврологический статус без очаговой симптоматики.",
             "Мигрень без ауры.",
             "Суматриптан 50 мг в начале приступа. Дневник головной боли. При более 4 приступов в месяц — "
             "профилактическое лечение.",
             lambda rng: {**_vitals(rng), "consciousness": "clear", "cranial_nerves": "Без патологии",
                          "meningeal_signs": "Отрицательные", "pain_score": rng.randrange(0, 3)}),
)

SURGERY = (
    Scenario(("S93.4",), "Боль и отёк в области правого голеностопного сустава.",
             "Вчера подвернул(а) ногу при спуске по лестнице. За помощью не обращался(ась).",
             "Отёк и болезненность в области наружной лодыжки, кровоподтёк. Осевая нагрузка болезненна.",
             "Растяжение связок правого голеностопного сустава.",
             "Ортез на 2 недели, холод первые сутки, возвышенное положение. Ибупрофен 400 мг при боли. "
             "Повторно через 7 дней.",
             lambda rng: {**_vitals(rng), "injury": "Бытовая: подвернул(а) ногу на лестнице",
                          "local_status": "Отёк наружной лодыжки справа, кровоподтёк",
                          "range_of_motion": "Ограничен из-за боли", "neurovascular": "Сохранены",
                          "xray": "Костно-травматических изменений не выявлено", "sick_leave": True}),
    Scenario(("L02.4",), "Болезненное уплотнение на предплечье, покраснение, температура 37,5 °C.",
             "3 дня назад — царапина при работе на даче.",
             "На левом предплечье инфильтрат 3×2 см с флюктуацией в центре, гиперемия кожи.",
             "Абсцесс кожи левого предплечья.",
             "Вскрытие и дренирование абсцесса под местной анестезией выполнено. Перевязки ежедневно. "
             "Амоксициллин/клавуланат 875/125 мг 2 раза в день 7 дней.",
             lambda rng: {**_vitals(rng, fever=True), "local_status": "Инфильтрат 3×2 см с флюктуацией",
                          "wound": "Рана дренирована, повязка с антисептиком",
                          "manipulation": "Вскрытие и дренирование абсцесса"}),
    Scenario(("K40.9",), "Выпячивание в правой паховой области при натуживании, дискомфорт.",
             "Около года, постепенно увеличивается. Ущемлений не было.",
             "В правой паховой области грыжевое выпячивание 3×4 см, вправимое, симптом кашлевого толчка "
             "положительный.",
             "Паховая грыжа справа, вправимая.",
             "Плановое оперативное лечение: анализы по списку, ЭКГ, консультация терапевта. Избегать поднятия "
             "тяжестей.",
             lambda rng: {**_vitals(rng), "local_status": "Вправимое грыжевое выпячивание 3×4 см справа"}),
)

OPHTHALMOLOGY = (
    Scenario(("H52.1",), "Снижение зрения вдаль, усталость глаз при работе за компьютером.",
             "Носит очки −2,0 D в течение 5 лет; последний подбор 3 года назад.",
             "Передний отрезок спокоен. Оптические среды прозрачны.",
             "Миопия средней степени обоих глаз.",
             "Подбор очков для дали. Гимнастика для глаз, перерывы в работе. Осмотр 1 раз в год.",
             lambda rng: {"visus_od": 0.1, "visus_os": 0.15, "correction_od": "sph −3,0 D = 1,0",
                          "correction_os": "sph −2,75 D = 1,0", "iop_od": rng.randrange(15, 21),
                          "iop_os": rng.randrange(15, 21), "anterior_segment": "Спокоен", "lens": "Прозрачный",
                          "fundus": "ДЗН бледно-розовый, границы чёткие, миопический конус",
                          "glasses": "OD sph −3,0 D; OS sph −2,75 D; DP 64 мм"}),
    Scenario(("H40.1",), "Периодическая затуманенность зрения, радужные круги вокруг источников света.",
             "Глаукома выявлена 2 года назад. Закапывает латанопрост 1 раз вечером.",
             "Экскавация ДЗН расширена до 0,6, сосудистый пучок смещён назально.",
             "Первичная открытоугольная глаукома обоих глаз, II стадия, давление компенсировано.",
             "Продолжить латанопрост вечером. Периметрия и ОКТ через 3 месяца. Контроль ВГД ежемесячно.",
             lambda rng: {"visus_od": 0.8, "visus_os": 0.7, "iop_od": rng.randrange(18, 23),
                          "iop_os": rng.randrange(18, 24), "anterior_segment": "Спокоен",
                          "lens": "Начальные помутнения", "fundus": "Экскавация ДЗН 0,6"}),
    Scenario(("H10.3",), "Покраснение и слезотечение обоих глаз, ощущение песка, слизистое отделяемое.",
             "3 дня, после ОРВИ.", "Гиперемия конъюнктивы век и глазного яблока, слизистое отделяемое.",
             "Острый конъюнктивит обоих глаз.",
             "Тобрамицин капли 4 раза в день 7 дней, гигиена век. Повторно при отсутствии улучшения через 5 дней.",
             lambda rng: {"visus_od": 1.0, "visus_os": 1.0, "iop_od": 17, "iop_os": 17,
                          "anterior_segment": "Конъюнктивальная инъекция, слизистое отделяемое"}),
)

ENT = (
    Scenario(("J01.0",), "Заложенность носа, гнойные выделения, тяжесть в области правой щеки, головная боль.",
             "Болеет 10 дней после ОРВИ, улучшения нет.",
             "Слизистая носа гиперемирована, отёчна, в среднем носовом ходе справа гнойное отделяемое.",
             "Острый верхнечелюстной синусит справа.",
             "Амоксициллин 500 мг 3 раза в день 10 дней, промывание носа, мометазон спрей. Рентгенография "
             "околоносовых пазух.",
             lambda rng: {"temperature": round(rng.uniform(37.1, 37.9), 1),
                          "nose": "Гнойное отделяемое в среднем носовом ходе справа", "pharynx": "Спокоен",
                          "ear_right": "Без патологии", "ear_left": "Без патологии"}),
    Scenario(("H61.2",), "Заложенность правого уха после душа, снижение слуха.",
             "Ранее серные пробки удалялись дважды.", "В правом наружном слуховом проходе серная пробка.",
             "Серная пробка правого уха. Удалена промыванием.",
             "Не использовать ватные палочки. Профилактические капли 1 раз в неделю.",
             lambda rng: {"ear_right": "Серная пробка, удалена", "ear_left": "Без патологии",
                          "hearing": "Шёпотная речь 6 м на оба уха после удаления"}),
    Scenario(("J35.0",), "Частые ангины (3–4 раза в год), неприятный запах изо рта.",
             "Хронический тонзиллит много лет.", "Миндалины II степени, в лакунах казеозные пробки.",
             "Хронический тонзиллит, компенсированная форма.",
             "Промывание лакун миндалин курсом 10 процедур. Санация полости рта.",
             lambda rng: {"tonsils": "II степени, казеозные пробки в лакунах", "pharynx": "Умеренная гиперемия"}),
)

OBSTETRICS = (
    Scenario(("Z01.4",), "Жалоб нет, профилактический осмотр.", "Менструации регулярные. Беременностей 2, родов 1.",
             "Шейка матки цилиндрической формы, эпителий не изменён. Придатки не пальпируются.",
             "Гинекологически здорова.", "Цитологическое исследование мазка. УЗИ органов малого таза. "
             "Осмотр 1 раз в год.",
             lambda rng: {"cycle": "28 дней, по 5 дней, регулярный", "pregnancies": 2, "births": 1,
                          "breasts": "Без узловых образований", "speculum": "Шейка не изменена",
                          "bimanual": "Матка не увеличена, придатки не пальпируются", "discharge": "Светлые",
                          "smear_taken": True}),
    Scenario(("N76.0",), "Выделения из половых путей, зуд, жжение.", "Жалобы 4 дня, после курса антибиотиков.",
             "Слизистая влагалища гиперемирована, творожистые выделения.", "Острый вагинит.",
             "Флуконазол 150 мг однократно, местно клотримазол 6 дней. Мазок на флору после лечения.",
             lambda rng: {"discharge": "Творожистые", "speculum": "Гиперемия слизистой", "smear_taken": True}),
)

UROLOGY = (
    Scenario(("N40",), "Учащённое ночное мочеиспускание (3 раза за ночь), вялая струя.",
             "Жалобы около 2 лет, постепенно нарастают.",
             "Per rectum: предстательная железа увеличена, плотноэластичная, безболезненная, бороздка сглажена.",
             "Доброкачественная гиперплазия предстательной железы.",
             "Тамсулозин 0,4 мг вечером. ПСА, УЗИ с определением остаточной мочи. Повторно через месяц.",
             lambda rng: {**_vitals(rng), "prostate": "Увеличена, плотноэластичная, безболезненная",
                          "urination": "Никтурия до 3 раз", "ipss": rng.randrange(10, 19),
                          "psa": round(rng.uniform(0.8, 3.6), 2)}),
    Scenario(("N20.0",), "Приступообразные боли в правой поясничной области, иррадиирующие в пах.",
             "Мочекаменная болезнь 3 года. Приступ сегодня ночью.",
             "Симптом поколачивания справа положительный.", "Камень почки справа, почечная колика купирована.",
             "Дротаверин, обильное питьё. УЗИ почек, общий анализ мочи. При повторении болей и температуре — "
             "скорая помощь.",
             lambda rng: {**_vitals(rng), "kidneys": "Симптом поколачивания положителен справа"}),
)

ENDOCRINOLOGY = (
    Scenario(("E11.9",), "Сухость во рту, повышение сахара натощак до 9 ммоль/л.",
             "СД 2 типа 6 лет, метформин 2000 мг в сутки.", "Питание повышенное. Стопы без трофических изменений.",
             "Сахарный диабет 2 типа без осложнений, гликемия вне целевого диапазона.",
             "Добавить эмпаглифлозин 10 мг утром. Самоконтроль гликемии. HbA1c через 3 месяца.",
             lambda rng: {**_vitals(rng), "weight": round(rng.uniform(88, 120), 1), "height": rng.randrange(158, 188),
                          "waist": rng.randrange(98, 124), "glucose": round(rng.uniform(7.6, 10.8), 1),
                          "hba1c": round(rng.uniform(7.4, 9.2), 1), "feet": "Пульсация сохранена",
                          "diabetes_since": "2 тип, с 2020 г.", "current_therapy": "Метформин 1000 мг 2 раза"}),
    Scenario(("E03.9",), "Слабость, сонливость, зябкость, прибавка веса.",
             "ТТГ 8,6 мЕд/л две недели назад.", "Кожа сухая. Щитовидная железа не увеличена.",
             "Гипотиреоз неуточнённый, впервые выявленный.",
             "Левотироксин 50 мкг утром натощак. ТТГ через 6–8 недель.",
             lambda rng: {**_vitals(rng), "weight": round(rng.uniform(64, 96), 1),
                          "thyroid": "Не увеличена, безболезненная"}),
    Scenario(("E66.0",), "Избыточная масса тела, одышка при подъёме по лестнице.",
             "Вес увеличился на 15 кг за 3 года.", "ИМТ 33 кг/м². Стрии отсутствуют.",
             "Ожирение I степени алиментарного генеза.",
             "Диета с дефицитом 500 ккал, физическая активность 150 минут в неделю. Липиды, глюкоза, ТТГ.",
             lambda rng: {"weight": round(rng.uniform(96, 112), 1), "height": rng.randrange(168, 182),
                          "waist": rng.randrange(104, 118), "diet": "Дефицит 500 ккал в сутки"}),
)

DERMATOLOGY = (
    Scenario(("L20.8",), "Зуд и высыпания на сгибах локтей, сухость кожи.", "С детства, обострения зимой.",
             "На сгибательных поверхностях локтевых суставов эритема, лихенификация, экскориации.",
             "Атопический дерматит, обострение.",
             "Эмоленты 2 раза в день, мометазон крем 1 раз в день 7 дней. Антигистаминные на ночь.",
             lambda rng: {"localization": "Сгибы локтевых суставов", "primary_elements": "Эритема, папулы",
                          "secondary_elements": "Лихенификация, экскориации", "itching": "pronounced"}),
    Scenario(("B35.1",), "Изменение ногтей на стопах: утолщение, желтизна.", "Около 2 лет.",
             "Ногтевые пластинки I пальцев стоп утолщены, жёлтые, крошатся.", "Онихомикоз стоп.",
             "Тербинафин 250 мг в день 12 недель, печёночные пробы. Обработка обуви.",
             lambda rng: {"localization": "Ногти I пальцев стоп", "nails_hair": "Подногтевой гиперкератоз",
                          "scraping_taken": True, "itching": "none"}),
)

DENTISTRY = (
    Scenario(("K02.1",), "Кратковременная боль в зубе 3.6 от холодного и сладкого.",
             "Жалобы 2 недели. Последний визит к стоматологу год назад.",
             "На жевательной поверхности 3.6 кариозная полость средней глубины, зондирование болезненно по "
             "эмалево-дентинной границе.",
             "Кариес дентина зуба 3.6.",
             "Лечение выполнено. Гигиена полости рта, зубная нить. Профилактический осмотр через 6 месяцев.",
             lambda rng: {"dental_formula": "18 17 16 15 14 13 12 11 | 21 22 23 24 25 26 27 28 / "
                          "48 47 46 45 44 43 42 41 | 31 32 33 34 35 36К 37 38", "bite": "orthognathic",
                          "oral_hygiene": "satisfactory", "tooth": "3.6",
                          "treatment": "Препарирование, медикаментозная обработка, пломба класс I",
                          "anesthesia": "Артикаин 4% 1,7 мл, инфильтрационная",
                          "filling_material": "Светоотверждаемый композит"}),
    Scenario(("K05.1",), "Кровоточивость дёсен при чистке зубов.", "Около полугода.",
             "Десна в области фронтальных зубов гиперемирована, отёчна, над- и поддесневые зубные отложения.",
             "Хронический гингивит.", "Профессиональная гигиена выполнена. Хлоргексидин полоскания 7 дней.",
             lambda rng: {"oral_hygiene": "poor", "bite": "orthognathic",
                          "periodontium": "Гиперемия и отёк десны, зубные отложения",
                          "treatment": "Профессиональная гигиена полости рта"}),
)

RADIOLOGY = (
    Scenario(("Z01.6",), "Профилактическое обследование.", "Предыдущая флюорография год назад — без патологии.",
             "Лёгочные поля без очаговых и инфильтративных теней. Корни структурны. Синусы свободны. Тень "
             "сердца не расширена.",
             "Органы грудной клетки без патологических изменений.", "",
             lambda rng: {"modality": "X-ray", "region": "Органы грудной клетки", "projections": "Прямая",
                          "dose": 0.03, "quality": "good", "pathology": False}),
    Scenario(("J18.9",), "Направлен(а) терапевтом: кашель, температура 38,2 °C 4 дня.", "",
             "В нижней доле правого лёгкого инфильтрация лёгочной ткани без чётких контуров. Синусы свободны.",
             "Рентгенологическая картина правосторонней нижнедолевой пневмонии.",
             "Контроль через 14 дней после лечения.",
             lambda rng: {"modality": "X-ray", "region": "Органы грудной клетки",
                          "projections": "Прямая и правая боковая", "dose": 0.08, "quality": "good",
                          "pathology": True}),
)

ULTRASOUND = (
    Scenario(("K76.0",), "Направлен(а) терапевтом: дискомфорт в правом подреберье.", "Исследование натощак.",
             "Печень: правая доля 162 мм, эхогенность повышена диффузно, структура однородная. Желчный пузырь "
             "без конкрементов. Поджелудочная железа без особенностей.",
             "Эхопризнаки жирового гепатоза.", "Консультация гастроэнтеролога.",
             lambda rng: {"region": "Органы брюшной полости", "measurements": "Правая доля печени 162 мм",
                          "echogenicity": "Печень: диффузно повышена", "quality": "good", "pathology": True}),
    Scenario(("K80.2",), "Направлен(а) терапевтом: горечь во рту, тяжесть после жирной пищи.",
             "Исследование натощак.",
             "Желчный пузырь 78×32 мм, стенка 2 мм, в просвете подвижные гиперэхогенные включения до 8 мм с "
             "акустической тенью.",
             "Эхопризнаки желчнокаменной болезни без признаков холецистита.", "Консультация хирурга.",
             lambda rng: {"region": "Органы брюшной полости", "measurements": "Желчный пузырь 78×32 мм",
                          "quality": "good", "pathology": True}),
    Scenario(("Z01.8",), "Профилактическое обследование.", "Исследование натощак.",
             "Печень, желчный пузырь, поджелудочная железа, селезёнка, почки — без эхопризнаков патологии.",
             "Эхопризнаков патологии органов брюшной полости и почек не выявлено.", "",
             lambda rng: {"region": "Органы брюшной полости и почки", "quality": "satisfactory",
                          "pathology": False}),
)

NURSING = (
    Scenario(("M54.5",), "Жалоб нет.", "Назначение врача-невролога: мелоксикам 1,5 мл в/м 1 раз в день № 3.",
             "Инъекция выполнена в верхний наружный квадрант ягодицы с соблюдением асептики.",
             "Процедура перенесена удовлетворительно, реакций нет.", "Следующая инъекция завтра.",
             lambda rng: {**_vitals(rng), "procedure": "Внутримышечная инъекция", "site": "Ягодичная область",
                          "drug": "Мелоксикам 15 мг/1,5 мл", "dose": "1,5 мл", "route": "intramuscular",
                          "batch": "Серия 120526, годен до 05.2028", "reaction": "none"}),
    Scenario(("Z25.1",), "Жалоб нет. Температура в норме.", "Допуск врача-терапевта к вакцинации получен.",
             "Вакцинация против гриппа в дельтовидную мышцу левого плеча.",
             "Вакцинация перенесена удовлетворительно. Наблюдение 30 минут — без реакций.",
             "При повышении температуры выше 38,5 °C обратиться к врачу.",
             lambda rng: {**_vitals(rng), "procedure": "Вакцинация против гриппа", "site": "Левое плечо",
                          "drug": "Вакцина гриппозная инактивированная", "dose": "0,5 мл", "route": "intramuscular",
                          "batch": "Серия 350926, годен до 09.2027", "reaction": "none"}),
)

GENERAL = (
    Scenario(("Z00.0",), "Жалоб нет.", "Без особенностей.", "Состояние удовлетворительное.",
             "Здоров(а).", "Наблюдение по месту жительства.", lambda rng: _vitals(rng)),
)

SCENARIOS: dict[str, tuple[Scenario, ...]] = {
    "therapy.visit": THERAPY, "cardiology.visit": CARDIOLOGY, "neurology.visit": NEUROLOGY,
    "surgery.visit": SURGERY, "ophthalmology.visit": OPHTHALMOLOGY, "otorhinolaryngology.visit": ENT,
    "obstetrics.visit": OBSTETRICS, "urology.visit": UROLOGY, "endocrinology.visit": ENDOCRINOLOGY,
    "dermatovenereology.visit": DERMATOLOGY, "dentistry.visit": DENTISTRY, "radiology.conclusion": RADIOLOGY,
    "ultrasound.conclusion": ULTRASOUND, "nursing.procedure": NURSING, "general.visit": GENERAL,
}


def record_content(tpl: rt.RecordTemplate, scenario: Scenario, rng: random.Random) -> dict:
    """The content of a record of ``scenario`` written in ``tpl``, normalized as the service would store it."""
    values = {key: value for key, value in scenario.values(rng).items() if tpl.field(key) is not None}
    return rt.normalized(tpl, {
        "complaints": scenario.complaints, "anamnesis": scenario.anamnesis, "examination": scenario.examination,
        "conclusion": scenario.conclusion, "recommendations": scenario.recommendations, **values})


def summary_of(content: dict) -> str:
    for key in ("conclusion", "complaints"):
        value = content.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())[:500]
    return ""


# --- loading -------------------------------------------------------------------------------------------------

@dataclass
class _Record:
    card_id: int
    card_type_id: int
    organization_id: int
    author: int
    recorded_at: dt.datetime
    template: rt.RecordTemplate
    scenario: Scenario
    content: dict
    signed: bool
    booking_id: int | None = None


def _local(day: dt.date, minute: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(minute // 60, minute % 60), tzinfo=ZONE)


class _Writer:
    """Collects records and loads them (with their diagnoses and a few corrections) in a few statements."""

    def __init__(self, connection: Connection, rng: random.Random, now: dt.datetime) -> None:
        self.connection = connection
        self.rng = rng
        self.now = now
        self.records: list[_Record] = []

    def add(self, card, author: int, specialty: str, when: dt.datetime, booking_id: int | None = None) -> None:
        tpl = rt.default_template(specialty)
        scenario = self.rng.choice(SCENARIOS.get(tpl.code, GENERAL))
        recent = (self.now - when) < dt.timedelta(days=2)
        signed = self.rng.random() < (0.6 if recent else 0.97)
        self.records.append(_Record(card.id, card.card_type_id, card.organization_id, author, when, tpl, scenario,
                                    record_content(tpl, scenario, self.rng), signed, booking_id))

    def _ids(self, count: int) -> list[int]:
        return list(self.connection.scalars(text(
            "SELECT nextval(pg_get_serial_sequence('medical_records', 'id')) FROM generate_series(1, :n)"),
            {"n": count}).all()) if count else []

    def _insert(self, rows: list[dict]) -> None:
        """One statement for all the rows (ids chosen beforehand)."""
        if rows:
            self.connection.execute(text(
                "INSERT INTO medical_records (id, card_id, card_type_id, organization_id, recorded_at, author_staff_id, "
                "kind, summary, status, content, template_code, booking_id, version_no, supersedes_id, signed_at, "
                "signed_by) SELECT id, card_id, card_type_id, organization_id, recorded_at, author_staff_id, kind, "
                "summary, status, content, template_code, booking_id, version_no, supersedes_id, signed_at, signed_by "
                "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id integer, card_id integer, card_type_id integer, "
                "organization_id integer, recorded_at timestamptz, author_staff_id integer, kind text, summary text, "
                "status text, content jsonb, template_code text, booking_id integer, version_no integer, "
                "supersedes_id integer, signed_at timestamptz, signed_by integer) ORDER BY id"),
                {"rows": json.dumps(rows, ensure_ascii=False, default=str)})

    def _row(self, record_id: int, r: _Record, content: dict, at: dt.datetime, signed: bool, version_no: int = 1,
             supersedes: int | None = None) -> dict:
        signed_at = min(at + dt.timedelta(minutes=self.rng.randrange(5, 40)), self.now) if signed else None
        return {"id": record_id, "card_id": r.card_id, "card_type_id": r.card_type_id,
                "organization_id": r.organization_id, "recorded_at": at.isoformat(), "author_staff_id": r.author,
                "kind": RECORD_KIND, "summary": summary_of(content), "status": "signed" if signed else "draft",
                "content": content, "template_code": r.template.code, "booking_id": r.booking_id,
                "version_no": version_no, "supersedes_id": supersedes,
                "signed_at": signed_at.isoformat() if signed_at else None, "signed_by": r.author if signed else None}

    def load(self) -> dict[str, int]:
        """Inserts the records; the rules triggers are off for the load (see the module's doc)."""
        self.records.sort(key=lambda r: r.recorded_at)
        conn = self.connection
        ids = self._ids(len(self.records))
        rows = [self._row(i, r, r.content, r.recorded_at, r.signed) for i, r in zip(ids, self.records, strict=True)]
        diagnoses: list[dict] = []
        corrections: list[tuple[_Record, int]] = []
        for r, record_id in zip(self.records, ids, strict=True):
            diagnoses.extend(self._diagnoses(r, record_id))
            if r.signed and r.recorded_at < self.now - dt.timedelta(days=3) and self.rng.random() < 0.03:
                corrections.append((r, record_id))
        for (r, old), new_id in zip(corrections, self._ids(len(corrections)), strict=True):
            content = dict(r.content)
            content["conclusion"] = (str(content.get("conclusion", "")) + " Уточнение: запись дополнена по "
                                     "результатам обследования.").strip()
            rows.append(self._row(new_id, r, content, r.recorded_at + dt.timedelta(days=self.rng.randrange(1, 3)),
                                  self.rng.random() < 0.8, version_no=2, supersedes=old))
            diagnoses.extend(self._diagnoses(r, new_id))
        conn.execute(text("ALTER TABLE medical_records DISABLE TRIGGER medical_record_rules"))
        conn.execute(text("ALTER TABLE diagnoses DISABLE TRIGGER diagnosis_rules"))
        try:
            self._insert(rows)
            if diagnoses:
                conn.execute(text(
                    "INSERT INTO diagnoses (record_id, card_id, card_type_id, organization_id, code, role, first_time) "
                    "SELECT record_id, card_id, card_type_id, organization_id, code, role, first_time "
                    "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS d(record_id integer, card_id integer, "
                    "card_type_id integer, organization_id integer, code text, role text, first_time boolean)"),
                    {"rows": json.dumps(diagnoses)})
        finally:
            conn.execute(text("ALTER TABLE diagnoses ENABLE TRIGGER diagnosis_rules"))
            conn.execute(text("ALTER TABLE medical_records ENABLE TRIGGER medical_record_rules"))
        return {"records": len(rows), "corrections": len(corrections), "diagnoses": len(diagnoses)}

    def _diagnoses(self, r: _Record, record_id: int) -> list[dict]:
        first = self.rng.random() < 0.3
        return [{"record_id": record_id, "card_id": r.card_id, "card_type_id": r.card_type_id,
                 "organization_id": r.organization_id, "code": code, "role": "main" if index == 0 else "accompanying",
                 "first_time": first and index == 0}
                for index, code in enumerate(r.scenario.codes)]


def _when(rng: random.Random, first: dt.date, last: dt.date) -> dt.datetime:
    span = max(0, (last - first).days)
    day = first + dt.timedelta(days=rng.randrange(span + 1))
    while day.isoweekday() == 7:
        day -= dt.timedelta(days=1)
    return _local(day, rng.randrange(8 * 60, 19 * 60, 5))


def seed_clinical(connection: Connection, organization_ids: list[int], *, today: dt.date, seed: int = 2026,
                  demo_doctor_id: int | None = None) -> dict[str, int]:
    """Records for the demo clinic's cards and the demo doctor's days (when there are bookings);
    ``connection`` acts as the owner. Does not commit."""
    rng = random.Random(seed * 7 + 1)
    now = min(dt.datetime.now(dt.UTC), _local(today, 23 * 60 + 59))
    counts: dict[str, int] = {}
    doctor_patients: set[int] = set()
    past_visits = []
    if demo_doctor_id is not None:
        day_counts, doctor_patients, past_visits = _doctor_days(connection, rng, demo_doctor_id, today, now)
        counts.update(day_counts)
    staff: dict[tuple[int, str], list[int]] = {}
    for row in connection.execute(text(
            "SELECT s.id, s.organization_id, sp.code FROM staff_members s JOIN specialties sp ON sp.id = s.specialty_id "
            "JOIN positions p ON p.id = s.position_id WHERE p.is_medical ORDER BY s.id")):
        staff.setdefault((row.organization_id, row.code), []).append(row.id)
    cards = connection.execute(text(
        "SELECT c.id, c.card_type_id, c.organization_id, c.patient_id, c.opened_on, t.code AS type_code, p.sex "
        "FROM medical_cards c JOIN medical_card_types t ON t.id = c.card_type_id JOIN patients p ON p.id = c.patient_id "
        "WHERE c.organization_id = ANY(:orgs) ORDER BY c.id"), {"orgs": organization_ids}).all()
    writer = _Writer(connection, rng, now)
    earliest = today - dt.timedelta(days=3 * 365)
    yesterday = today - dt.timedelta(days=1)
    for card in cards:
        mine = card.patient_id in doctor_patients and card.type_code == "outpatient" and \
            card.organization_id == organization_ids[0]
        count = rng.randrange(2, 6) if mine else rng.randrange(0, 4)
        choices = _CARD_AUTHORS.get(card.type_code, _OUTPATIENT_AUTHORS)
        choices = tuple((s, w) for s, w in choices if _ONLY_SEX.get(s, card.sex) == card.sex
                        and staff.get((card.organization_id, s)))
        if not choices:
            continue
        for _ in range(count):
            specialty = rng.choices([s for s, _ in choices], weights=[w for _, w in choices])[0]
            author = rng.choice(staff[(card.organization_id, specialty)])
            writer.add(card, author, specialty, _when(rng, max(card.opened_on, earliest), yesterday))
    if demo_doctor_id is not None:
        by_patient = {c.patient_id: c for c in cards
                      if c.type_code == "outpatient" and c.organization_id == organization_ids[0]}
        for booking_id, patient_id, ends_at in past_visits:
            card = by_patient.get(patient_id)
            if card is not None:
                writer.add(card, demo_doctor_id, DEMO_DOCTOR_SPECIALTY, ends_at, booking_id)
    counts.update(writer.load())
    return counts


# --- the demo doctor's days ----------------------------------------------------------------------------------

def _doctor_days(connection: Connection, rng: random.Random, doctor_id: int, today: dt.date, now: dt.datetime):
    """A working day today (a changed day when the schedule has none: a Sunday, a holiday), outpatient cards in
    the doctor's organization for the booked patients, and order lines for the bookings of today and the next
    days. Returns (counts, the booked patients, the done visits before today)."""
    resource = connection.execute(text(
        "SELECT id, organization_id FROM schedule_resources WHERE staff_member_id = :s ORDER BY id LIMIT 1"),
        {"s": doctor_id}).first()
    if resource is None:
        return {}, set(), []
    org = resource.organization_id
    counts = {"doctor_day_added": 0, "doctor_cards": 0, "doctor_orders": 0, "doctor_lines": 0}
    has_bookings = connection.scalar(text("SELECT EXISTS (SELECT 1 FROM bookings WHERE organization_id = :o)"),
                                     {"o": org})
    if not has_bookings:
        return counts, set(), []
    works_today = connection.scalar(text(
        "SELECT EXISTS (SELECT 1 FROM schedule_intervals WHERE resource_id = :r AND day = :d AND kind = 'work')"),
        {"r": resource.id, "d": today})
    if not works_today:
        counts["doctor_day_added"] = _day_on_duty(connection, rng, resource.id, org, today, now)
    week_start = today - dt.timedelta(days=today.weekday())
    bookings = connection.execute(text(
        "SELECT b.id, b.patient_id, b.service_id, b.status, b.starts_at, upper(b.period) AS ends_at, b.channel "
        "FROM bookings b WHERE b.resource_id = :r AND b.patient_id IS NOT NULL AND b.status <> 'cancelled' "
        "AND b.starts_at >= :a AND b.starts_at < :b ORDER BY b.starts_at"),
        {"r": resource.id, "a": _local(week_start, 0), "b": _local(today + dt.timedelta(days=ORDER_DAYS), 0)}).all()
    patients = {b.patient_id for b in bookings}
    counts["doctor_cards"] = _cards_for(connection, org, patients, today)
    payers = {r.kind: r for r in connection.execute(text(
        "SELECT p.id, p.kind, a.id AS agreement_id FROM payers p JOIN agreements a ON a.payer_id = p.id "
        "WHERE p.organization_id = :o AND a.kind = 'individual' AND a.status = 'active' ORDER BY a.id"), {"o": org})}
    oms_services = set(connection.scalars(text(
        "SELECT s.service_id FROM agreement_services s WHERE s.agreement_id = :a"),
        {"a": payers["oms_fund"].agreement_id}).all()) if "oms_fund" in payers else set()
    start_today = _local(today, 0)
    todo = [b for b in bookings if b.starts_at >= start_today and b.status != "no_show"]
    counts["doctor_orders"] = counts["doctor_lines"] = _order_lines(connection, rng, org, todo, payers, oms_services)
    past = [(b.id, b.patient_id, b.ends_at) for b in bookings if b.status == "done" and b.starts_at < start_today]
    return counts, patients, past


def _order_lines(connection: Connection, rng: random.Random, org: int, bookings, payers, oms_services) -> int:
    """An order of one line for each booking: about half paid at the cash desk, a fifth under the company's
    agreement, some under the compulsory insurance fund's, the rest unpaid. Priced by the pricing service
    (one quote per kind of line), inserted in bulk."""
    if not bookings:
        return 0
    births = dict(connection.execute(text("SELECT id, birth_date FROM patients WHERE id = ANY(:ids)"),
                                     {"ids": sorted({b.patient_id for b in bookings})}).all())
    complex_services = set(connection.scalars(text(
        "SELECT DISTINCT complex_service_id FROM service_components WHERE organization_id = :o"), {"o": org}).all())
    # Clients already waiting at the cash desk (shared.demo.cash) keep just that order to pay: their visits
    # are paid or covered, so the cash desk's demo (and its tests) see only the lines made for it.
    at_cash_desk = set(connection.scalars(text(
        "SELECT DISTINCT patient_id FROM orders WHERE organization_id = :o AND patient_id IS NOT NULL"),
        {"o": org}).all())
    quotes: dict[tuple, object] = {}
    planned = []
    for b in bookings:
        draw = rng.random()
        payer = None
        if draw < 0.2 and "company" in payers:
            payer = payers["company"]
        elif draw < 0.32 and "oms_fund" in payers and b.service_id in oms_services:
            payer = payers["oms_fund"]
        local = b.starts_at.astimezone(ZONE)
        born = births.get(b.patient_id)
        senior = born is not None and (local.date() - born).days >= 65 * 365
        # The demo's discount rules depend on age (and on the hour for ultrasound only).
        key = (b.service_id, payer.id if payer else None, senior)
        if key not in quotes:
            quotes[key] = pricing.resolve_price(
                connection, b.service_id, payer_id=payer.id if payer else None,
                agreement_id=payer.agreement_id if payer else None, patient_id=b.patient_id, moment=b.starts_at,
                zone=ZONE)
        quote = quotes[key]
        paid = payer is None and (rng.random() < 0.6 or b.patient_id in at_cash_desk)
        planned.append((b, payer, quote, "paid" if paid else "booked"))
    simple = [p for p in planned if not p[2].quotas and p[0].service_id not in complex_services]
    for b, payer, quote, status in planned:
        if not quote.quotas and b.service_id not in complex_services:
            continue
        # Quotas to charge or steps to add: the order service does it all.
        order_id = orders.create_order(connection, org, patient_id=b.patient_id)
        line_id = orders.add_line(connection, order_id, b.service_id, payer_id=payer.id if payer else None,
                                  agreement_id=payer.agreement_id if payer else None, moment=b.starts_at)
        connection.execute(text(
            "UPDATE order_lines SET booking_id = :b, status = :st, version = version + 1 WHERE id = :id"),
            {"id": line_id, "b": b.id, "st": status})
    if simple:
        order_ids = connection.scalars(text(
            "SELECT nextval(pg_get_serial_sequence('orders', 'id')) FROM generate_series(1, :n)"),
            {"n": len(simple)}).all()
        line_ids = connection.scalars(text(
            "SELECT nextval(pg_get_serial_sequence('order_lines', 'id')) FROM generate_series(1, :n)"),
            {"n": len(simple)}).all()
        order_rows, line_rows, discounts = [], [], []
        for (b, payer, q, status), order_id, line_id in zip(simple, order_ids, line_ids, strict=True):
            order_rows.append({"id": order_id, "organization_id": org, "patient_id": b.patient_id,
                               "channel": "registry" if b.channel == "registry" else "call_centre"})
            line_rows.append({
                "id": line_id, "organization_id": org, "order_id": order_id, "service_id": b.service_id,
                "payer_id": payer.id if payer else None, "agreement_id": q.agreement_id,
                "price_list_id": q.price_list_id, "base_price": str(q.base_price),
                "adjustment_percent": str(q.adjustment_percent), "price": str(q.price),
                "discount_amount": str(q.discount_amount), "amount": str(q.amount),
                "price_reason": [r.as_json() for r in q.reasons], "status": status, "booking_id": b.id})
            if q.discount_rule_id is not None:
                discounts.append({"organization_id": org, "order_line_id": line_id, "rule_id": q.discount_rule_id,
                                  "percent": str(q.discount_percent),
                                  "amount": str(q.discount_amount if q.discount_percent > 0
                                                else (q.price - q.base_price) * -1)})
        connection.execute(text(
            "INSERT INTO orders (id, organization_id, patient_id, channel) SELECT id, organization_id, patient_id, "
            "channel FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id integer, organization_id integer, "
            "patient_id integer, channel text) ORDER BY id"), {"rows": json.dumps(order_rows)})
        connection.execute(text(
            "INSERT INTO order_lines (id, organization_id, order_id, service_id, quantity, payer_id, agreement_id, "
            "price_list_id, base_price, adjustment_percent, price, discount_amount, amount, price_reason, status, "
            "booking_id) SELECT id, organization_id, order_id, service_id, 1, payer_id, agreement_id, price_list_id, "
            "base_price, adjustment_percent, price, discount_amount, amount, price_reason, status, booking_id "
            "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(id integer, organization_id integer, order_id integer, "
            "service_id integer, payer_id integer, agreement_id integer, price_list_id integer, base_price numeric, "
            "adjustment_percent numeric, price numeric, discount_amount numeric, amount numeric, price_reason jsonb, "
            "status text, booking_id integer) ORDER BY id"), {"rows": json.dumps(line_rows, ensure_ascii=False)})
        if discounts:
            connection.execute(text(
                "INSERT INTO order_line_discounts (organization_id, order_line_id, rule_id, manual, percent, amount) "
                "SELECT organization_id, order_line_id, rule_id, false, percent, amount "
                "FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(organization_id integer, order_line_id integer, "
                "rule_id integer, percent numeric, amount numeric)"), {"rows": json.dumps(discounts)})
    return len(planned)


def _day_on_duty(connection: Connection, rng: random.Random, resource_id: int, org: int, today: dt.date,
                 now: dt.datetime) -> int:
    """Today as a changed day 09:00-15:00 with bookings: the demo doctor has a day whatever the calendar says."""
    office = connection.scalar(text(
        "SELECT office_id FROM schedule_intervals WHERE resource_id = :r AND kind = 'work' AND office_id IS NOT NULL "
        "ORDER BY day LIMIT 1"), {"r": resource_id})
    schedules.add_exception(connection, resource_id, "changed_day", today, today, note="Дежурный приём",
                            intervals=[DayInterval(0, 9 * 60, 15 * 60, "work", office)], allow_day_off=True)
    service = connection.execute(text(
        "SELECT rs.service_id, rs.duration_minutes FROM resource_services rs WHERE rs.resource_id = :r "
        "ORDER BY rs.service_id LIMIT 1"), {"r": resource_id}).first()
    patients = connection.scalars(text(
        "SELECT DISTINCT c.patient_id FROM medical_cards c JOIN patients p ON p.id = c.patient_id "
        "WHERE c.organization_id = :o AND p.merged_into_id IS NULL AND p.birth_date < :adult ORDER BY 1"),
        {"o": org, "adult": today - dt.timedelta(days=18 * 366)}).all()
    if service is None or not patients:
        return 0
    rows = []
    minute = 9 * 60
    while minute + service.duration_minutes <= 15 * 60:
        start, end = _local(today, minute), _local(today, minute + service.duration_minutes)
        if rng.random() < 0.75:
            status = ("done" if rng.random() < 0.9 else "no_show") if end < now else "booked"
            rows.append({"o": org, "p": rng.choice(patients), "s": service.service_id, "r": resource_id, "a": start,
                         "b": end, "of": office, "st": status})
        minute += service.duration_minutes
    if rows:
        connection.execute(text(
            "INSERT INTO bookings (organization_id, patient_id, service_id, resource_id, office_id, period, channel, "
            "status) VALUES (:o, :p, :s, :r, :of, tstzrange(:a, :b), 'registry', :st)"), rows)
    return len(rows)


def _cards_for(connection: Connection, org: int, patients: set[int], today: dt.date) -> int:
    """An outpatient card in ``org`` for each patient without one (a patient of both clinics)."""
    if not patients:
        return 0
    type_id = connection.scalar(text("SELECT id FROM medical_card_types WHERE code = 'outpatient'"))
    missing = connection.scalars(text(
        "SELECT p FROM unnest(CAST(:ps AS integer[])) AS p WHERE NOT EXISTS (SELECT 1 FROM medical_cards c "
        "WHERE c.patient_id = p AND c.organization_id = :o AND c.card_type_id = :t) ORDER BY p"),
        {"ps": sorted(patients), "o": org, "t": type_id}).all()
    if not missing:
        return 0
    taken = connection.scalar(text(
        "SELECT count(*) FROM medical_cards WHERE organization_id = :o AND card_type_id = :t"), {"o": org, "t": type_id})
    connection.execute(text(
        "INSERT INTO medical_cards (organization_id, patient_id, card_type_id, number, opened_on) "
        "VALUES (:o, :p, :t, :n, :d)"),
        [{"o": org, "p": p, "t": type_id, "n": f"А-{taken + i:06d}", "d": today - dt.timedelta(days=30)}
         for i, p in enumerate(missing, start=1)])
    return len(missing)
