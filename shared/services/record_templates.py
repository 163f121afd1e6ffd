"""Templates of visit records: what a doctor, a nurse or a laboratory/diagnostics specialist fills in.

Every template has the five free-text sections of a visit record (``visit_records.SECTIONS``: complaints,
anamnesis, examination, conclusion, recommendations) as multi-line TEXT fields whose keys are the section
names, plus the structured fields of its specialty (blood pressure, visual acuity, glucose, ...), each
shown in one of the sections. A record's ``content`` is a plain dict keyed by field key; the stored
values are JSON: text (stripped), numbers (within the field's bounds, rounded to its decimals), choices
(the English source strings listed in the field), flags (booleans) and dates (ISO ``YYYY-MM-DD``).

Labels, units and choices are English source texts marked ``QT_TRANSLATE_NOOP("RecordTemplates", ...)``;
the UI shows them with ``QCoreApplication.translate("RecordTemplates", text)``. Templates are static data
(no database): ``templates()``, ``template(code)``, ``templates_for(specialty_code)``.

``normalized()`` checks what a user typed (or what a hostile client sends) and returns the content to
store; ``missing_for_signing()`` lists the fields a record must have before its author signs it;
``as_text()`` is the readable text of a record for the history view and for printing.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from shared.errors import QT_TRANSLATE_NOOP, DomainError
from shared.services.visit_records import SECTIONS

TEXT, LINE, NUMBER, CHOICE, FLAG, DATE = "text", "line", "number", "choice", "flag", "date"
KINDS = (TEXT, LINE, NUMBER, CHOICE, FLAG, DATE)
AUDIENCES = ("doctor", "nurse", "paraclinical")
CONTEXT = "RecordTemplates"

#: The longest multi-line text a field keeps (a long discharge-like narrative is a few thousand characters).
TEXT_LIMIT = 100_000
#: The longest one-line value (a dental formula, a short finding).
LINE_LIMIT = 2_000
_EARLIEST_DATE = dt.date(1900, 1, 1)
_LATEST_DATE = dt.date(2100, 12, 31)


@dataclass(frozen=True)
class TemplateField:
    key: str
    label: str
    kind: str
    section: str
    unit: str = ""
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    decimals: int = 0
    required_to_sign: bool = False


@dataclass(frozen=True)
class RecordTemplate:
    code: str
    title: str
    audience: str
    specialty_codes: tuple[str, ...]
    fields: tuple[TemplateField, ...]

    def field(self, key: str) -> TemplateField | None:
        return next((f for f in self.fields if f.key == key), None)


# --- errors --------------------------------------------------------------------------------------------------

_label_translator: Callable[[str], str] | None = None


def set_label_translator(translate: Callable[[str], str] | None) -> None:
    """How error messages translate field labels (context RecordTemplates): the Qt shell sets
    ``lambda s: QCoreApplication.translate("RecordTemplates", s)`` once; None shows the English labels."""
    global _label_translator
    _label_translator = translate


def _label(label: object) -> str:
    return _label_translator(label) if _label_translator is not None and isinstance(label, str) else str(label)


class TemplateInputError(DomainError):
    """A value that does not fit its field: the message starts with the field's label (``params["field"]``);
    ``params["fields"]`` is a tuple of labels. Labels translate in the RecordTemplates context
    (``set_label_translator``), the message itself in the DomainError context like any other."""

    def render(self, translate: Callable[[str], str] | None = None) -> str:
        params = dict(self.params)
        if "field" in params:
            params["field"] = _label(params["field"])
        if isinstance(params.get("fields"), tuple | list):
            params["fields"] = ", ".join(_label(label) for label in params["fields"])
        try:
            return (translate(self.message) if translate is not None else self.message).format(**params)
        except (KeyError, IndexError, ValueError):
            return self.message.format(**params)


class RecordIncomplete(TemplateInputError):
    """Signing refused: ``params["fields"]`` are the labels of the required fields left blank."""


UNKNOWN_TEMPLATE = QT_TRANSLATE_NOOP("DomainError", "There is no record template \u201c{code}\u201d.")
BAD_CONTENT = QT_TRANSLATE_NOOP(
    "DomainError", "The record's content must be a set of named fields (complaints, anamnesis, examination, "
    "conclusion, recommendations, ...).")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("DomainError", "{field}: \u201c{value}\u201d is not a number.")
OUT_OF_RANGE = QT_TRANSLATE_NOOP("DomainError", "{field}: enter a number from {minimum} to {maximum}{unit}.")
UNKNOWN_CHOICE = QT_TRANSLATE_NOOP(
    "DomainError", "{field}: \u201c{value}\u201d is not one of the values offered; choose one from the list.")
NOT_A_FLAG = QT_TRANSLATE_NOOP("DomainError", "{field}: \u201c{value}\u201d is neither yes nor no.")
NOT_A_DATE = QT_TRANSLATE_NOOP("DomainError", "{field}: \u201c{value}\u201d is not a date (day.month.year).")
DATE_OUT_OF_RANGE = QT_TRANSLATE_NOOP("DomainError", "{field}: the date {value} is not plausible.")
TOO_LONG = QT_TRANSLATE_NOOP(
    "DomainError", "{field}: the text is too long ({length} characters); at most {limit} characters fit in a record.")
NOT_TEXT = QT_TRANSLATE_NOOP("DomainError", "{field}: the value must be text.")
INCOMPLETE = QT_TRANSLATE_NOOP(
    "DomainError", "The record cannot be signed yet: fill in {fields}.")


def check_ready_to_sign(tpl: RecordTemplate | None, content: Mapping[str, object]) -> None:
    """Raises RecordIncomplete listing the labels of the required fields still blank (nothing for None)."""
    if tpl is None:
        return
    missing = missing_for_signing(tpl, content)
    if missing:
        raise RecordIncomplete(INCOMPLETE, fields=tuple(f.label for f in missing))


# --- the templates -------------------------------------------------------------------------------------------

def _text(key: str, label: str, required: bool = False) -> TemplateField:
    return TemplateField(key, label, TEXT, key, required_to_sign=required)


def _line(key: str, label: str, section: str = "examination") -> TemplateField:
    return TemplateField(key, label, LINE, section)


def _number(key: str, label: str, unit: str, minimum: float, maximum: float, decimals: int = 0,
            section: str = "examination") -> TemplateField:
    return TemplateField(key, label, NUMBER, section, unit=unit, minimum=minimum, maximum=maximum, decimals=decimals)


def _choice(key: str, label: str, choices: tuple[str, ...], section: str = "examination") -> TemplateField:
    return TemplateField(key, label, CHOICE, section, choices=choices)


def _flag(key: str, label: str, section: str = "examination") -> TemplateField:
    return TemplateField(key, label, FLAG, section)


def _date(key: str, label: str, section: str = "anamnesis") -> TemplateField:
    return TemplateField(key, label, DATE, section)


_MMHG = QT_TRANSLATE_NOOP("RecordTemplates", "mmHg")
_PER_MIN = QT_TRANSLATE_NOOP("RecordTemplates", "/min")
_CELSIUS = QT_TRANSLATE_NOOP("RecordTemplates", "\u00b0C")
_PERCENT = QT_TRANSLATE_NOOP("RecordTemplates", "%")
_KG = QT_TRANSLATE_NOOP("RecordTemplates", "kg")
_CM = QT_TRANSLATE_NOOP("RecordTemplates", "cm")
_MM = QT_TRANSLATE_NOOP("RecordTemplates", "mm")
_MMOL = QT_TRANSLATE_NOOP("RecordTemplates", "mmol/l")
_WEEKS = QT_TRANSLATE_NOOP("RecordTemplates", "weeks")
_ML = QT_TRANSLATE_NOOP("RecordTemplates", "ml")
_SCORE = QT_TRANSLATE_NOOP("RecordTemplates", "points")

_CONDITION = (QT_TRANSLATE_NOOP("RecordTemplates", "satisfactory"),
              QT_TRANSLATE_NOOP("RecordTemplates", "moderate"),
              QT_TRANSLATE_NOOP("RecordTemplates", "severe"))
_SEVERITY = (QT_TRANSLATE_NOOP("RecordTemplates", "none"),
             QT_TRANSLATE_NOOP("RecordTemplates", "mild"),
             QT_TRANSLATE_NOOP("RecordTemplates", "pronounced"))


def _vitals() -> tuple[TemplateField, ...]:
    return (
        _number("bp_systolic", QT_TRANSLATE_NOOP("RecordTemplates", "Blood pressure, systolic"), _MMHG, 40, 300),
        _number("bp_diastolic", QT_TRANSLATE_NOOP("RecordTemplates", "Blood pressure, diastolic"), _MMHG, 20, 200),
        _number("pulse", QT_TRANSLATE_NOOP("RecordTemplates", "Pulse"), _PER_MIN, 20, 250),
        _number("temperature", QT_TRANSLATE_NOOP("RecordTemplates", "Body temperature"), _CELSIUS, 34, 43, 1),
        _number("spo2", QT_TRANSLATE_NOOP("RecordTemplates", "SpO2"), _PERCENT, 50, 100),
        _number("respiratory_rate", QT_TRANSLATE_NOOP("RecordTemplates", "Respiratory rate"), _PER_MIN, 5, 80),
        _number("weight", QT_TRANSLATE_NOOP("RecordTemplates", "Weight"), _KG, 0.3, 400, 1),
        _number("height", QT_TRANSLATE_NOOP("RecordTemplates", "Height"), _CM, 20, 250),
    )


def _short_vitals() -> tuple[TemplateField, ...]:
    return (
        _number("bp_systolic", QT_TRANSLATE_NOOP("RecordTemplates", "Blood pressure, systolic"), _MMHG, 40, 300),
        _number("bp_diastolic", QT_TRANSLATE_NOOP("RecordTemplates", "Blood pressure, diastolic"), _MMHG, 20, 200),
        _number("pulse", QT_TRANSLATE_NOOP("RecordTemplates", "Pulse"), _PER_MIN, 20, 250),
        _number("temperature", QT_TRANSLATE_NOOP("RecordTemplates", "Body temperature"), _CELSIUS, 34, 43, 1),
    )


def _general_condition() -> TemplateField:
    return _choice("general_condition", QT_TRANSLATE_NOOP("RecordTemplates", "General condition"), _CONDITION)


def _disease_onset() -> TemplateField:
    return _date("onset_date", QT_TRANSLATE_NOOP("RecordTemplates", "Ill since"))


def _sections(audience: str, labels: Mapping[str, str] | None = None) -> dict[str, TemplateField]:
    """The five free-text sections; conclusion is always required to sign, complaints and examination
    too for a doctor's visit."""
    default = {
        "complaints": QT_TRANSLATE_NOOP("RecordTemplates", "Complaints"),
        "anamnesis": QT_TRANSLATE_NOOP("RecordTemplates", "Anamnesis"),
        "examination": QT_TRANSLATE_NOOP("RecordTemplates", "Examination"),
        "conclusion": QT_TRANSLATE_NOOP("RecordTemplates", "Conclusion"),
        "recommendations": QT_TRANSLATE_NOOP("RecordTemplates", "Recommendations"),
    }
    default.update(labels or {})
    required = {"conclusion"} | ({"complaints", "examination"} if audience == "doctor" else set())
    return {s: _text(s, default[s], s in required) for s in SECTIONS}


def _template(code: str, title: str, audience: str, specialty_codes: tuple[str, ...],
              structured: tuple[TemplateField, ...], labels: Mapping[str, str] | None = None) -> RecordTemplate:
    """Fields in section order: each section's free text first, then its structured fields."""
    free = _sections(audience, labels)
    fields: list[TemplateField] = []
    for section in SECTIONS:
        fields.append(free[section])
        fields.extend(f for f in structured if f.section == section)
    return RecordTemplate(code, title, audience, specialty_codes, tuple(fields))


def _build() -> tuple[RecordTemplate, ...]:
    therapy = _template(
        "therapy.visit", QT_TRANSLATE_NOOP("RecordTemplates", "General practitioner's visit"), "doctor",
        ("therapy", "general_practice"),
        (
            _disease_onset(),
            _flag("allergy", QT_TRANSLATE_NOOP("RecordTemplates", "Drug allergy"), "anamnesis"),
            _line("allergy_details", QT_TRANSLATE_NOOP("RecordTemplates", "Allergy to"), "anamnesis"),
            _general_condition(),
            *_vitals(),
            _line("skin", QT_TRANSLATE_NOOP("RecordTemplates", "Skin and mucous membranes")),
            _line("lymph_nodes", QT_TRANSLATE_NOOP("RecordTemplates", "Lymph nodes")),
            _line("pharynx", QT_TRANSLATE_NOOP("RecordTemplates", "Pharynx")),
            _line("lungs", QT_TRANSLATE_NOOP("RecordTemplates", "Lungs")),
            _line("heart", QT_TRANSLATE_NOOP("RecordTemplates", "Heart")),
            _line("abdomen", QT_TRANSLATE_NOOP("RecordTemplates", "Abdomen")),
            _line("liver", QT_TRANSLATE_NOOP("RecordTemplates", "Liver")),
            _line("stool_urine", QT_TRANSLATE_NOOP("RecordTemplates", "Stool and urination")),
            _line("edema", QT_TRANSLATE_NOOP("RecordTemplates", "Edema")),
            _flag("sick_leave", QT_TRANSLATE_NOOP("RecordTemplates", "Sick leave issued"), "recommendations"),
            _date("next_visit", QT_TRANSLATE_NOOP("RecordTemplates", "Next visit"), "recommendations"),
        ))
    cardiology = _template(
        "cardiology.visit", QT_TRANSLATE_NOOP("RecordTemplates", "Cardiologist's visit"), "doctor", ("cardiology",),
        (
            _disease_onset(),
            _line("risk_factors", QT_TRANSLATE_NOOP("RecordTemplates", "Risk factors (smoking, heredity, lipids)"),
                  "anamnesis"),
            _line("current_therapy", QT_TRANSLATE_NOOP("RecordTemplates", "Current therapy"), "anamnesis"),
            _general_condition(),
            *_vitals(),
            _choice("rhythm", QT_TRANSLATE_NOOP("RecordTemplates", "Heart rhythm"),
                    (QT_TRANSLATE_NOOP("RecordTemplates", "regular"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "irregular"))),
            _line("heart_sounds", QT_TRANSLATE_NOOP("RecordTemplates", "Heart sounds")),
            _line("murmurs", QT_TRANSLATE_NOOP("RecordTemplates", "Murmurs")),
            _line("lungs", QT_TRANSLATE_NOOP("RecordTemplates", "Lungs")),
            _line("edema", QT_TRANSLATE_NOOP("RecordTemplates", "Edema")),
            _line("ecg", QT_TRANSLATE_NOOP("RecordTemplates", "ECG")),
            _choice("nyha_class", QT_TRANSLATE_NOOP("RecordTemplates", "Heart failure class (NYHA)"),
                    ("I", "II", "III", "IV"), "conclusion"),
            _choice("cv_risk", QT_TRANSLATE_NOOP("RecordTemplates", "Cardiovascular risk"),
                    (QT_TRANSLATE_NOOP("RecordTemplates", "low"), QT_TRANSLATE_NOOP("RecordTemplates", "moderate"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "high"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "very high")), "conclusion"),
            _date("next_visit", QT_TRANSLATE_NOOP("RecordTemplates", "Next visit"), "recommendations"),
        ))
    neurology = _template(
        "neurology.visit", QT_TRANSLATE_NOOP("RecordTemplates", "Neurologist's visit"), "doctor", ("neurology",),
        (
            _disease_onset(),
            _general_condition(),
            *_short_vitals(),
            _choice("consciousness", QT_TRANSLATE_NOOP("RecordTemplates", "Consciousness"),
                    (QT_TRANSLATE_NOOP("RecordTemplates", "clear"), QT_TRANSLATE_NOOP("RecordTemplates", "stunned"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "sopor"), QT_TRANSLATE_NOOP("RecordTemplates", "coma"))),
            _line("cranial_nerves", QT_TRANSLATE_NOOP("RecordTemplates", "Cranial nerves")),
            _line("meningeal_signs", QT_TRANSLATE_NOOP("RecordTemplates", "Meningeal signs")),
            _line("motor", QT_TRANSLATE_NOOP("RecordTemplates", "Motor sphere, muscle strength")),
            _line("reflexes", QT_TRANSLATE_NOOP("RecordTemplates", "Tendon reflexes")),
            _line("sensation", QT_TRANSLATE_NOOP("RecordTemplates", "Sensation")),
            _line("coordination", QT_TRANSLATE_NOOP("RecordTemplates", "Coordination, Romberg test")),
            _line("spine", QT_TRANSLATE_NOOP("RecordTemplates", "Spine, paravertebral points")),
            _number("pain_score", QT_TRANSLATE_NOOP("RecordTemplates", "Pain (visual analogue scale)"), _SCORE, 0, 10),
        ))
    surgery = _template(
        "surgery.visit", QT_TRANSLATE_NOOP("RecordTemplates", "Surgeon's / traumatologist's visit"), "doctor",
        ("surgery", "traumatology"),
        (
            _disease_onset(),
            _line("injury", QT_TRANSLATE_NOOP("RecordTemplates", "Injury: when, where, how"), "anamnesis"),
            _general_condition(),
            *_short_vitals(),
            _line("local_status", QT_TRANSLATE_NOOP("RecordTemplates", "Local status")),
            _line("wound", QT_TRANSLATE_NOOP("RecordTemplates", "Wound / dressing")),
            _line("range_of_motion", QT_TRANSLATE_NOOP("RecordTemplates", "Range of motion")),
            _line("neurovascular", QT_TRANSLATE_NOOP("RecordTemplates", "Distal pulse and sensation")),
            _line("xray", QT_TRANSLATE_NOOP("RecordTemplates", "X-ray")),
            _line("manipulation", QT_TRANSLATE_NOOP("RecordTemplates", "Manipulation performed"), "conclusion"),
            _flag("sick_leave", QT_TRANSLATE_NOOP("RecordTemplates", "Sick leave issued"), "recommendations"),
            _date("next_visit", QT_TRANSLATE_NOOP("RecordTemplates", "Next visit"), "recommendations"),
        ))
    ophthalmology = _template(
        "ophthalmology.visit", QT_TRANSLATE_NOOP("RecordTemplates", "Ophthalmologist's visit"), "doctor",
        ("ophthalmology",),
        (
            _number("visus_od", QT_TRANSLATE_NOOP("RecordTemplates", "Visual acuity OD"), "", 0, 2, 2),
            _number("visus_os", QT_TRANSLATE_NOOP("RecordTemplates", "Visual acuity OS"), "", 0, 2, 2),
            _line("correction_od", QT_TRANSLATE_NOOP("RecordTemplates", "With correction OD")),
            _line("correction_os", QT_TRANSLATE_NOOP("RecordTemplates", "With correction OS")),
            _number("iop_od", QT_TRANSLATE_NOOP("RecordTemplates", "Intraocular pressure OD"), _MMHG, 5, 60),
            _number("iop_os", QT_TRANSLATE_NOOP("RecordTemplates", "Intraocular pressure OS"), _MMHG, 5, 60),
            _line("anterior_segment", QT_TRANSLATE_NOOP("RecordTemplates", "Anterior segment")),
            _line("lens", QT_TRANSLATE_NOOP("RecordTemplates", "Lens")),
            _line("fundus", QT_TRANSLATE_NOOP("RecordTemplates", "Fundus")),
            _line("glasses", QT_TRANSLATE_NOOP("RecordTemplates", "Glasses prescription"), "recommendations"),
        ))
    ent = _template(
        "otorhinolaryngology.visit", QT_TRANSLATE_NOOP("RecordTemplates", "ENT doctor's visit"), "doctor",
        ("otorhinolaryngology",),
        (
            _disease_onset(),
            *_short_vitals()[3:],
            _line("nose", QT_TRANSLATE_NOOP("RecordTemplates", "Nose, nasal breathing")),
            _line("pharynx", QT_TRANSLATE_NOOP("RecordTemplates", "Pharynx")),
            _line("tonsils", QT_TRANSLATE_NOOP("RecordTemplates", "Tonsils")),
            _line("larynx", QT_TRANSLATE_NOOP("RecordTemplates", "Larynx")),
            _line("ear_right", QT_TRANSLATE_NOOP("RecordTemplates", "Right ear (AD)")),
            _line("ear_left", QT_TRANSLATE_NOOP("RecordTemplates", "Left ear (AS)")),
            _line("hearing", QT_TRANSLATE_NOOP("RecordTemplates", "Hearing (whispered speech)")),
        ))
    obstetrics = _template(
        "obstetrics.visit", QT_TRANSLATE_NOOP("RecordTemplates", "Obstetrician-gynecologist's visit"), "doctor",
        ("obstetrics",),
        (
            _date("last_period", QT_TRANSLATE_NOOP("RecordTemplates", "First day of last menstrual period")),
            _line("cycle", QT_TRANSLATE_NOOP("RecordTemplates", "Menstrual cycle"), "anamnesis"),
            _number("pregnancies", QT_TRANSLATE_NOOP("RecordTemplates", "Pregnancies"), "", 0, 30, section="anamnesis"),
            _number("births", QT_TRANSLATE_NOOP("RecordTemplates", "Births"), "", 0, 30, section="anamnesis"),
            _line("contraception", QT_TRANSLATE_NOOP("RecordTemplates", "Contraception"), "anamnesis"),
            *_short_vitals()[:2],
            _number("weight", QT_TRANSLATE_NOOP("RecordTemplates", "Weight"), _KG, 30, 250, 1),
            _number("gestational_age", QT_TRANSLATE_NOOP("RecordTemplates", "Gestational age"), _WEEKS, 0, 45),
            _line("breasts", QT_TRANSLATE_NOOP("RecordTemplates", "Mammary glands")),
            _line("external_genitalia", QT_TRANSLATE_NOOP("RecordTemplates", "External genitalia")),
            _line("speculum", QT_TRANSLATE_NOOP("RecordTemplates", "In speculum")),
            _line("bimanual", QT_TRANSLATE_NOOP("RecordTemplates", "Bimanual examination")),
            _line("discharge", QT_TRANSLATE_NOOP("RecordTemplates", "Discharge")),
            _flag("smear_taken", QT_TRANSLATE_NOOP("RecordTemplates", "Smear taken")),
        ))
    urology = _template(
        "urology.visit", QT_TRANSLATE_NOOP("RecordTemplates", "Urologist's visit"), "doctor", ("urology",),
        (
            _disease_onset(),
            *_short_vitals(),
            _line("kidneys", QT_TRANSLATE_NOOP("RecordTemplates", "Kidney area, Pasternatsky sign")),
            _line("bladder", QT_TRANSLATE_NOOP("RecordTemplates", "Bladder")),
            _line("external_genitalia", QT_TRANSLATE_NOOP("RecordTemplates", "External genitalia")),
            _line("prostate", QT_TRANSLATE_NOOP("RecordTemplates", "Prostate (per rectum)")),
            _line("urination", QT_TRANSLATE_NOOP("RecordTemplates", "Urination")),
            _number("ipss", QT_TRANSLATE_NOOP("RecordTemplates", "IPSS score"), _SCORE, 0, 35),
            _number("psa", QT_TRANSLATE_NOOP("RecordTemplates", "PSA"), QT_TRANSLATE_NOOP("RecordTemplates", "ng/ml"),
                    0, 10000, 2),
        ))
    endocrinology = _template(
        "endocrinology.visit", QT_TRANSLATE_NOOP("RecordTemplates", "Endocrinologist's visit"), "doctor",
        ("endocrinology",),
        (
            _line("diabetes_since", QT_TRANSLATE_NOOP("RecordTemplates", "Diabetes since / type"), "anamnesis"),
            _line("current_therapy", QT_TRANSLATE_NOOP("RecordTemplates", "Current therapy"), "anamnesis"),
            *_short_vitals()[:3],
            _number("weight", QT_TRANSLATE_NOOP("RecordTemplates", "Weight"), _KG, 0.3, 400, 1),
            _number("height", QT_TRANSLATE_NOOP("RecordTemplates", "Height"), _CM, 20, 250),
            _number("waist", QT_TRANSLATE_NOOP("RecordTemplates", "Waist circumference"), _CM, 30, 250),
            _number("glucose", QT_TRANSLATE_NOOP("RecordTemplates", "Blood glucose"), _MMOL, 0.5, 60, 1),
            _number("hba1c", QT_TRANSLATE_NOOP("RecordTemplates", "HbA1c"), _PERCENT, 3, 20, 1),
            _line("thyroid", QT_TRANSLATE_NOOP("RecordTemplates", "Thyroid gland")),
            _line("feet", QT_TRANSLATE_NOOP("RecordTemplates", "Feet (diabetic foot check)")),
            _line("diet", QT_TRANSLATE_NOOP("RecordTemplates", "Diet"), "recommendations"),
        ))
    gastroenterology = _template(
        "gastroenterology.visit", QT_TRANSLATE_NOOP("RecordTemplates", "Gastroenterologist's visit"), "doctor",
        ("gastroenterology",),
        (
            _disease_onset(),
            *_short_vitals()[:3],
            _number("weight", QT_TRANSLATE_NOOP("RecordTemplates", "Weight"), _KG, 0.3, 400, 1),
            _line("tongue", QT_TRANSLATE_NOOP("RecordTemplates", "Tongue")),
            _line("abdomen", QT_TRANSLATE_NOOP("RecordTemplates", "Abdomen")),
            _line("liver", QT_TRANSLATE_NOOP("RecordTemplates", "Liver")),
            _line("spleen", QT_TRANSLATE_NOOP("RecordTemplates", "Spleen")),
            _line("stool", QT_TRANSLATE_NOOP("RecordTemplates", "Stool")),
            _line("endoscopy", QT_TRANSLATE_NOOP("RecordTemplates", "Endoscopy (FGDS / colonoscopy)")),
            _choice("h_pylori", QT_TRANSLATE_NOOP("RecordTemplates", "Helicobacter pylori"),
                    (QT_TRANSLATE_NOOP("RecordTemplates", "not tested"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "negative"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "positive"))),
            _line("diet", QT_TRANSLATE_NOOP("RecordTemplates", "Diet"), "recommendations"),
        ))
    dermatology = _template(
        "dermatovenereology.visit", QT_TRANSLATE_NOOP("RecordTemplates", "Dermatovenereologist's visit"), "doctor",
        ("dermatovenereology",),
        (
            _disease_onset(),
            _line("localization", QT_TRANSLATE_NOOP("RecordTemplates", "Localization of the rash")),
            _line("primary_elements", QT_TRANSLATE_NOOP("RecordTemplates", "Primary elements")),
            _line("secondary_elements", QT_TRANSLATE_NOOP("RecordTemplates", "Secondary elements")),
            _choice("itching", QT_TRANSLATE_NOOP("RecordTemplates", "Itching"), _SEVERITY),
            _line("dermographism", QT_TRANSLATE_NOOP("RecordTemplates", "Dermographism")),
            _line("nails_hair", QT_TRANSLATE_NOOP("RecordTemplates", "Nails and hair")),
            _line("dermatoscopy", QT_TRANSLATE_NOOP("RecordTemplates", "Dermatoscopy")),
            _flag("scraping_taken", QT_TRANSLATE_NOOP("RecordTemplates", "Scraping for fungi taken")),
        ))
    dentistry = _template(
        "dentistry.visit", QT_TRANSLATE_NOOP("RecordTemplates", "Dentist's visit"), "doctor", ("dentistry",),
        (
            _line("dental_formula", QT_TRANSLATE_NOOP("RecordTemplates", "Dental formula")),
            _choice("bite", QT_TRANSLATE_NOOP("RecordTemplates", "Bite"),
                    (QT_TRANSLATE_NOOP("RecordTemplates", "orthognathic"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "straight"), QT_TRANSLATE_NOOP("RecordTemplates", "deep"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "open"), QT_TRANSLATE_NOOP("RecordTemplates", "cross"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "distal"), QT_TRANSLATE_NOOP("RecordTemplates", "mesial"))),
            _choice("oral_hygiene", QT_TRANSLATE_NOOP("RecordTemplates", "Oral hygiene"),
                    (QT_TRANSLATE_NOOP("RecordTemplates", "good"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "satisfactory"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "poor"))),
            _line("mucosa", QT_TRANSLATE_NOOP("RecordTemplates", "Oral mucosa")),
            _line("periodontium", QT_TRANSLATE_NOOP("RecordTemplates", "Periodontium")),
            _line("tooth", QT_TRANSLATE_NOOP("RecordTemplates", "Tooth treated")),
            _line("treatment", QT_TRANSLATE_NOOP("RecordTemplates", "Treatment performed"), "conclusion"),
            _line("anesthesia", QT_TRANSLATE_NOOP("RecordTemplates", "Anesthesia"), "conclusion"),
            _line("filling_material", QT_TRANSLATE_NOOP("RecordTemplates", "Filling material"), "conclusion"),
        ))
    pediatrics = _template(
        "pediatrics.visit", QT_TRANSLATE_NOOP("RecordTemplates", "Pediatrician's visit"), "doctor", ("pediatrics",),
        (
            _disease_onset(),
            _choice("feeding", QT_TRANSLATE_NOOP("RecordTemplates", "Feeding"),
                    (QT_TRANSLATE_NOOP("RecordTemplates", "breast"), QT_TRANSLATE_NOOP("RecordTemplates", "mixed"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "formula"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "common table")), "anamnesis"),
            _line("vaccinations", QT_TRANSLATE_NOOP("RecordTemplates", "Vaccinations"), "anamnesis"),
            _general_condition(),
            _number("weight", QT_TRANSLATE_NOOP("RecordTemplates", "Weight"), _KG, 0.3, 150, 2),
            _number("height", QT_TRANSLATE_NOOP("RecordTemplates", "Height"), _CM, 20, 220, 1),
            _number("head_circumference", QT_TRANSLATE_NOOP("RecordTemplates", "Head circumference"), _CM, 20, 70, 1),
            _number("temperature", QT_TRANSLATE_NOOP("RecordTemplates", "Body temperature"), _CELSIUS, 34, 43, 1),
            _number("pulse", QT_TRANSLATE_NOOP("RecordTemplates", "Pulse"), _PER_MIN, 20, 250),
            _number("respiratory_rate", QT_TRANSLATE_NOOP("RecordTemplates", "Respiratory rate"), _PER_MIN, 5, 100),
            _line("skin", QT_TRANSLATE_NOOP("RecordTemplates", "Skin and mucous membranes")),
            _line("fontanelle", QT_TRANSLATE_NOOP("RecordTemplates", "Large fontanelle")),
            _line("pharynx", QT_TRANSLATE_NOOP("RecordTemplates", "Pharynx")),
            _line("lungs", QT_TRANSLATE_NOOP("RecordTemplates", "Lungs")),
            _line("heart", QT_TRANSLATE_NOOP("RecordTemplates", "Heart")),
            _line("abdomen", QT_TRANSLATE_NOOP("RecordTemplates", "Abdomen")),
            _line("development", QT_TRANSLATE_NOOP("RecordTemplates", "Psychomotor development")),
            _choice("health_group", QT_TRANSLATE_NOOP("RecordTemplates", "Health group"),
                    ("I", "II", "III", "IV", "V"), "conclusion"),
        ))
    nursing = _template(
        "nursing.procedure", QT_TRANSLATE_NOOP("RecordTemplates", "Nursing procedure"), "nurse", ("nursing",),
        (
            _line("procedure", QT_TRANSLATE_NOOP("RecordTemplates", "Procedure")),
            _line("site", QT_TRANSLATE_NOOP("RecordTemplates", "Site")),
            _line("drug", QT_TRANSLATE_NOOP("RecordTemplates", "Drug")),
            _line("dose", QT_TRANSLATE_NOOP("RecordTemplates", "Dose")),
            _choice("route", QT_TRANSLATE_NOOP("RecordTemplates", "Route"),
                    (QT_TRANSLATE_NOOP("RecordTemplates", "intramuscular"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "intravenous"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "intravenous drip"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "subcutaneous"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "intradermal"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "oral"), QT_TRANSLATE_NOOP("RecordTemplates", "topical"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "other"))),
            _line("batch", QT_TRANSLATE_NOOP("RecordTemplates", "Batch and expiry")),
            *_short_vitals(),
            _choice("reaction", QT_TRANSLATE_NOOP("RecordTemplates", "Reaction"),
                    (QT_TRANSLATE_NOOP("RecordTemplates", "none"), QT_TRANSLATE_NOOP("RecordTemplates", "local"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "general")), "conclusion"),
        ),
        {"complaints": QT_TRANSLATE_NOOP("RecordTemplates", "Complaints before the procedure"),
         "anamnesis": QT_TRANSLATE_NOOP("RecordTemplates", "Prescription"),
         "examination": QT_TRANSLATE_NOOP("RecordTemplates", "Procedure notes"),
         "conclusion": QT_TRANSLATE_NOOP("RecordTemplates", "Result and condition after the procedure"),
         "recommendations": QT_TRANSLATE_NOOP("RecordTemplates", "Instructions to the patient")})
    laboratory = _template(
        "clinical_lab.result", QT_TRANSLATE_NOOP("RecordTemplates", "Laboratory result"), "paraclinical",
        ("clinical_lab",),
        (
            _date("sample_date", QT_TRANSLATE_NOOP("RecordTemplates", "Sample taken on")),
            _choice("material", QT_TRANSLATE_NOOP("RecordTemplates", "Material"),
                    (QT_TRANSLATE_NOOP("RecordTemplates", "venous blood"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "capillary blood"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "urine"), QT_TRANSLATE_NOOP("RecordTemplates", "stool"),
                     QT_TRANSLATE_NOOP("RecordTemplates", "smear"), QT_TRANSLATE_NOOP("RecordTemplates", "other")),
                    "anamnesis"),
            _line("analyzer", QT_TRANSLATE_NOOP("RecordTemplates", "Analyzer / method")),
            TemplateField("results", QT_TRANSLATE_NOOP("RecordTemplates", "Results (analyte, value, unit)"), TEXT,
                          "examination"),
            TemplateField("reference_ranges", QT_TRANSLATE_NOOP("RecordTemplates", "Reference ranges"), TEXT,
                          "examination"),
            _flag("out_of_range", QT_TRANSLATE_NOOP("RecordTemplates", "Values outside the reference range"),
                  "conclusion"),
        ),
        {"complaints": QT_TRANSLATE_NOOP("RecordTemplates", "Referral: reason and diagnosis"),
         "anamnesis": QT_TRANSLATE_NOOP("RecordTemplates", "Sampling and preparation"),
         "examination": QT_TRANSLATE_NOOP("RecordTemplates", "Notes on the sample")})

    def diagnostic(code: str, title: str, specialty: str, extra: tuple[TemplateField, ...]) -> RecordTemplate:
        return _template(
            code, title, "paraclinical", (specialty,),
            (
                _line("method", QT_TRANSLATE_NOOP("RecordTemplates", "Method / device")),
                _choice("quality", QT_TRANSLATE_NOOP("RecordTemplates", "Study quality"),
                        (QT_TRANSLATE_NOOP("RecordTemplates", "good"),
                         QT_TRANSLATE_NOOP("RecordTemplates", "satisfactory"),
                         QT_TRANSLATE_NOOP("RecordTemplates", "limited"))),
                *extra,
                _flag("pathology", QT_TRANSLATE_NOOP("RecordTemplates", "Pathology found"), "conclusion"),
            ),
            {"complaints": QT_TRANSLATE_NOOP("RecordTemplates", "Referral: reason and diagnosis"),
             "anamnesis": QT_TRANSLATE_NOOP("RecordTemplates", "Preparation and previous studies"),
             "examination": QT_TRANSLATE_NOOP("RecordTemplates", "Description")})

    ultrasound = diagnostic(
        "ultrasound.conclusion", QT_TRANSLATE_NOOP("RecordTemplates", "Ultrasound examination"), "ultrasound",
        (_line("region", QT_TRANSLATE_NOOP("RecordTemplates", "Region examined")),
         _line("measurements", QT_TRANSLATE_NOOP("RecordTemplates", "Dimensions")),
         _line("echogenicity", QT_TRANSLATE_NOOP("RecordTemplates", "Echogenicity and structure"))))
    radiology = diagnostic(
        "radiology.conclusion", QT_TRANSLATE_NOOP("RecordTemplates", "X-ray / CT / MRI study"), "radiology",
        (_choice("modality", QT_TRANSLATE_NOOP("RecordTemplates", "Modality"),
                 (QT_TRANSLATE_NOOP("RecordTemplates", "X-ray"), QT_TRANSLATE_NOOP("RecordTemplates", "fluorography"),
                  QT_TRANSLATE_NOOP("RecordTemplates", "mammography"), QT_TRANSLATE_NOOP("RecordTemplates", "CT"),
                  QT_TRANSLATE_NOOP("RecordTemplates", "MRI"))),
         _line("region", QT_TRANSLATE_NOOP("RecordTemplates", "Region examined")),
         _line("projections", QT_TRANSLATE_NOOP("RecordTemplates", "Projections / sequences")),
         _number("dose", QT_TRANSLATE_NOOP("RecordTemplates", "Effective dose"),
                 QT_TRANSLATE_NOOP("RecordTemplates", "mSv"), 0, 100, 2),
         _flag("contrast", QT_TRANSLATE_NOOP("RecordTemplates", "Contrast enhancement"))))
    functional = diagnostic(
        "functional_diagnostics.conclusion", QT_TRANSLATE_NOOP("RecordTemplates", "Functional diagnostics"),
        "functional_diagnostics",
        (_choice("study", QT_TRANSLATE_NOOP("RecordTemplates", "Study"),
                 (QT_TRANSLATE_NOOP("RecordTemplates", "ECG"), QT_TRANSLATE_NOOP("RecordTemplates", "Holter monitoring"),
                  QT_TRANSLATE_NOOP("RecordTemplates", "ambulatory BP monitoring"),
                  QT_TRANSLATE_NOOP("RecordTemplates", "spirometry"), QT_TRANSLATE_NOOP("RecordTemplates", "EEG"),
                  QT_TRANSLATE_NOOP("RecordTemplates", "echocardiography"))),
         _choice("rhythm", QT_TRANSLATE_NOOP("RecordTemplates", "Heart rhythm"),
                 (QT_TRANSLATE_NOOP("RecordTemplates", "sinus"), QT_TRANSLATE_NOOP("RecordTemplates", "atrial fibrillation"),
                  QT_TRANSLATE_NOOP("RecordTemplates", "other"))),
         _number("heart_rate", QT_TRANSLATE_NOOP("RecordTemplates", "Heart rate"), _PER_MIN, 20, 300),
         _line("electrical_axis", QT_TRANSLATE_NOOP("RecordTemplates", "Electrical axis")),
         _line("intervals", QT_TRANSLATE_NOOP("RecordTemplates", "Intervals (PQ, QRS, QT)")),
         _number("fev1", QT_TRANSLATE_NOOP("RecordTemplates", "FEV1, % of predicted"), _PERCENT, 5, 200),
         _number("ejection_fraction", QT_TRANSLATE_NOOP("RecordTemplates", "Ejection fraction"), _PERCENT, 5, 90)))
    general = _template(
        "general.visit", QT_TRANSLATE_NOOP("RecordTemplates", "Doctor's visit"), "doctor", (),
        (
            _disease_onset(),
            _general_condition(),
            *_short_vitals(),
            _date("next_visit", QT_TRANSLATE_NOOP("RecordTemplates", "Next visit"), "recommendations"),
        ))
    note = _template(
        "general.note", QT_TRANSLATE_NOOP("RecordTemplates", "Free-text record"), "nurse", (), ())
    return (therapy, cardiology, neurology, surgery, ophthalmology, ent, obstetrics, urology, endocrinology,
            gastroenterology, dermatology, dentistry, pediatrics, nursing, laboratory, ultrasound, radiology,
            functional, general, note)


_TEMPLATES = _build()
_BY_CODE = {t.code: t for t in _TEMPLATES}


# --- looking templates up ------------------------------------------------------------------------------------

def templates() -> tuple[RecordTemplate, ...]:
    """Every template, specialties' own first, the general ones last."""
    return _TEMPLATES


def find(code: str | None) -> RecordTemplate | None:
    """The template of ``code``, or None (an older record's code, or none)."""
    return _BY_CODE.get(code or "")


def template(code: str) -> RecordTemplate:
    found = find(code)
    if found is None:
        raise DomainError(UNKNOWN_TEMPLATE, code=str(code))
    return found


def templates_for(specialty_code: str | None) -> tuple[RecordTemplate, ...]:
    """The templates a specialist may choose from: the specialty's own first, then the general ones."""
    own = tuple(t for t in _TEMPLATES if specialty_code and specialty_code in t.specialty_codes)
    return own + tuple(t for t in _TEMPLATES if not t.specialty_codes)


def default_template(specialty_code: str | None) -> RecordTemplate:
    return templates_for(specialty_code)[0]


# --- values --------------------------------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NUMBER_TEXT = re.compile(r"[+-]?(\d+([.,]\d*)?|[.,]\d+)")
_TRUE = {"1", "true", "yes", "y", "on", "да"}
_FALSE = {"0", "false", "no", "n", "off", "нет"}


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(value: object, limit: int = 40) -> str:
    shown = " ".join(str(value).split())
    return shown if len(shown) <= limit else shown[:limit - 1] + "\u2026"


def _clean_text(field: TemplateField, value: object, limit: int) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise TemplateInputError(NOT_TEXT, field=field.label)
    if not isinstance(value, str):
        value = str(value)
    if len(value) > limit:
        raise TemplateInputError(TOO_LONG, field=field.label, length=len(value), limit=limit)
    value = _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))
    if field.kind == LINE:
        value = " ".join(value.split())
    return value.strip()


def _format_number(value: float, decimals: int) -> str:
    return f"{value:.{decimals}f}"


def _number_value(field: TemplateField, value: object) -> int | float:
    if isinstance(value, bool):
        raise TemplateInputError(NOT_A_NUMBER, field=field.label, value=_shown(value))
    if isinstance(value, str):
        typed = value.strip().replace("\u00a0", "").replace(" ", "")
        if len(typed) > 40 or not _NUMBER_TEXT.fullmatch(typed):
            raise TemplateInputError(NOT_A_NUMBER, field=field.label, value=_shown(value))
        typed = typed.replace(",", ".")
    elif isinstance(value, int | float | Decimal):
        typed = value
    else:
        raise TemplateInputError(NOT_A_NUMBER, field=field.label, value=_shown(value))
    try:
        number = Decimal(typed) if not isinstance(typed, float) else Decimal(repr(typed))
    except (InvalidOperation, ValueError, OverflowError):
        raise TemplateInputError(NOT_A_NUMBER, field=field.label, value=_shown(value)) from None
    if not number.is_finite():
        raise TemplateInputError(NOT_A_NUMBER, field=field.label, value=_shown(value))
    low = field.minimum if field.minimum is not None else -1e15
    high = field.maximum if field.maximum is not None else 1e15
    out_of_range = TemplateInputError(
        OUT_OF_RANGE, field=field.label, minimum=_format_number(low, field.decimals),
        maximum=_format_number(high, field.decimals), unit=f" {field.unit}" if field.unit else "")
    # Compare before rounding huge values (a quantize of 1e400 to 0.1 would overflow the context).
    if number.adjusted() > 15 or not (Decimal(repr(low)) - 1 <= number <= Decimal(repr(high)) + 1):
        raise out_of_range
    rounded = number.quantize(Decimal(1).scaleb(-field.decimals), rounding=ROUND_HALF_UP)
    result: int | float = int(rounded) if field.decimals == 0 else float(rounded)
    if not (low <= result <= high) or (isinstance(result, float) and not math.isfinite(result)):
        raise out_of_range
    return result


def _choice_value(field: TemplateField, value: object) -> str:
    if isinstance(value, str):
        typed = " ".join(value.split())
        if typed in field.choices:
            return typed
        folded = typed.casefold()
        for choice in field.choices:
            if choice.casefold() == folded:
                return choice
    raise TemplateInputError(UNKNOWN_CHOICE, field=field.label, value=_shown(value))


def _flag_value(field: TemplateField, value: object) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        typed = value.strip().casefold()
        if typed in _TRUE:
            return True
        if typed in _FALSE:
            return False
    raise TemplateInputError(NOT_A_FLAG, field=field.label, value=_shown(value))


def _date_value(field: TemplateField, value: object) -> str:
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        typed = value.strip()
        day = None
        for pattern in ("%Y-%m-%d", "%d.%m.%Y", "%d.%m.%y", "%d/%m/%Y"):
            try:
                day = dt.datetime.strptime(typed, pattern).date()
                break
            except ValueError:
                continue
        if day is None:
            try:
                day = dt.datetime.fromisoformat(typed).date() if len(typed) <= 40 else None
            except ValueError:
                day = None
        if day is None:
            raise TemplateInputError(NOT_A_DATE, field=field.label, value=_shown(value))
    else:
        raise TemplateInputError(NOT_A_DATE, field=field.label, value=_shown(value))
    if not (_EARLIEST_DATE <= day <= _LATEST_DATE):
        raise TemplateInputError(DATE_OUT_OF_RANGE, field=field.label, value=day.strftime("%d.%m.%Y"))
    return day.isoformat()


def _value(field: TemplateField, value: object) -> object:
    if field.kind == TEXT:
        return _clean_text(field, value, TEXT_LIMIT)
    if field.kind == LINE:
        return _clean_text(field, value, LINE_LIMIT)
    if field.kind == NUMBER:
        return _number_value(field, value)
    if field.kind == CHOICE:
        return _choice_value(field, value)
    if field.kind == FLAG:
        return _flag_value(field, value)
    return _date_value(field, value)


def normalized(tpl: RecordTemplate, content: Mapping[str, object]) -> dict:
    """The content to store: every value checked against its field and normalized; blank values dropped
    (a flag keeps False); keys the template does not know kept as text. Raises TemplateInputError."""
    if not isinstance(content, Mapping) or not all(isinstance(k, str) for k in content):
        raise TemplateInputError(BAD_CONTENT)
    result: dict[str, object] = {}
    for key, value in content.items():
        field = tpl.field(key)
        if field is None:
            if _blank(value):
                continue
            field = TemplateField(key, key, TEXT, "recommendations")
        elif _blank(value):
            continue
        cleaned = _value(field, value)
        if cleaned == "":
            continue
        result[key] = cleaned
    return result


def missing_for_signing(tpl: RecordTemplate, content: Mapping[str, object]) -> tuple[TemplateField, ...]:
    """The fields required to sign that are blank in ``content``, in the template's order."""
    content = content if isinstance(content, Mapping) else {}
    return tuple(f for f in tpl.fields if f.required_to_sign and _blank(content.get(f.key)))


_YES = QT_TRANSLATE_NOOP("RecordTemplates", "yes")
_NO = QT_TRANSLATE_NOOP("RecordTemplates", "no")


def _display(field: TemplateField, value: object, translate: Callable[[str, str], str]) -> str:
    if field.kind == FLAG:
        return translate(CONTEXT, _YES if value is True or value in ("true", "1", 1) else _NO)
    if field.kind == CHOICE and isinstance(value, str):
        return translate(CONTEXT, value)
    if field.kind == NUMBER and isinstance(value, int | float) and not isinstance(value, bool):
        shown = _format_number(value, field.decimals)
        return f"{shown} {translate(CONTEXT, field.unit)}" if field.unit else shown
    if field.kind == DATE and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).strftime("%d.%m.%Y")
        except ValueError:
            return value
    return str(value).strip()


def as_text(tpl: RecordTemplate, content: Mapping[str, object],
            translate: Callable[[str, str], str] = lambda ctx, s: s) -> str:
    """The record as readable plain text: the template's title, then each non-empty section with its free
    text and its structured fields (``Label: value unit``), then any fields the template does not know."""
    content = content if isinstance(content, Mapping) else {}
    blocks: list[str] = [translate(CONTEXT, tpl.title)]
    for section in SECTIONS:
        fields = [f for f in tpl.fields if f.section == section]
        head = next((f for f in fields if f.key == section), None)
        lines: list[str] = []
        free = content.get(section)
        if not _blank(free):
            lines.append(str(free).strip())
        for f in fields:
            if f.key == section or _blank(content.get(f.key)):
                continue
            value = _display(f, content[f.key], translate)
            if f.kind == TEXT:
                lines.append(f"{translate(CONTEXT, f.label)}:\n{value}")
            else:
                lines.append(f"{translate(CONTEXT, f.label)}: {value}")
        if lines:
            title = translate(CONTEXT, head.label) if head is not None else section
            blocks.append(title + "\n" + "\n".join(lines))
    known = {f.key for f in tpl.fields}
    extra = [f"{key}: {' '.join(str(value).split())}" for key, value in content.items()
             if key not in known and not _blank(value)]
    if extra:
        blocks.append("\n".join(extra))
    return "\n\n".join(blocks)
