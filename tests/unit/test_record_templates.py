"""Record templates: every template has the five sections and sane fields; what a user (or a hostile client)
sends is normalized or refused with a message naming the field; the readable text of a record."""

from __future__ import annotations

import datetime as dt

import pytest

from shared.errors import DomainError
from shared.services import record_templates as rt
from shared.services.visit_records import SECTIONS

SPECIALTIES = ("therapy", "general_practice", "cardiology", "neurology", "surgery", "traumatology", "ophthalmology",
               "otorhinolaryngology", "obstetrics", "urology", "endocrinology", "gastroenterology",
               "dermatovenereology", "dentistry", "radiology", "ultrasound", "functional_diagnostics", "clinical_lab",
               "pediatrics", "nursing")


def therapy() -> rt.RecordTemplate:
    return rt.template("therapy.visit")


@pytest.mark.parametrize("tpl", rt.templates(), ids=lambda t: t.code)
def test_every_template_is_well_formed(tpl):
    keys = [f.key for f in tpl.fields]
    labels = [f.label for f in tpl.fields]
    assert len(set(keys)) == len(keys), "keys unique"
    assert len(set(labels)) == len(labels), "labels unique"
    assert tpl.audience in rt.AUDIENCES
    assert len(tpl.code) <= 40  # medical_records.template_code
    for section in SECTIONS:
        free = tpl.field(section)
        assert free is not None and free.kind == rt.TEXT and free.section == section
    assert [f.section for f in tpl.fields] == sorted((f.section for f in tpl.fields), key=SECTIONS.index)
    required = {f.key for f in tpl.fields if f.required_to_sign}
    assert "conclusion" in required
    if tpl.audience == "doctor":
        assert {"complaints", "examination"} <= required
    for f in tpl.fields:
        assert f.kind in rt.KINDS and f.section in SECTIONS and f.label.strip() == f.label and f.label
        if f.kind == rt.NUMBER:
            assert f.minimum is not None and f.maximum is not None and f.minimum < f.maximum
            assert 0 <= f.decimals <= 3
        else:
            assert f.minimum is None and f.maximum is None and f.decimals == 0 and not f.unit
        if f.kind == rt.CHOICE:
            assert len(f.choices) >= 2 and len(set(f.choices)) == len(f.choices)
        else:
            assert f.choices == ()


def test_looking_templates_up():
    codes = [t.code for t in rt.templates()]
    assert len(set(codes)) == len(codes)
    for specialty in SPECIALTIES:
        own = rt.templates_for(specialty)
        assert specialty in own[0].specialty_codes, specialty
        assert rt.default_template(specialty) is own[0]
        assert all(not t.specialty_codes for t in own[len([t for t in own if t.specialty_codes]):])
    assert rt.default_template("therapy").code == "therapy.visit"
    assert rt.default_template("general_practice").code == "therapy.visit"
    assert rt.default_template("nursing").audience == "nurse"
    assert rt.default_template("clinical_lab").audience == "paraclinical"
    general = rt.templates_for(None)
    assert general and all(not t.specialty_codes for t in general)
    assert rt.default_template("no_such_specialty") is general[0]
    with pytest.raises(DomainError, match="no_such.template"):
        rt.template("no_such.template")
    assert rt.find("") is None and rt.find("therapist.visit") is None
    eye = rt.template("ophthalmology.visit")
    assert {"visus_od", "visus_os", "iop_od", "iop_os"} <= {f.key for f in eye.fields}
    sugar = rt.template("endocrinology.visit")
    assert sugar.field("glucose").unit == "mmol/l" and sugar.field("hba1c").unit == "%"
    temperature = therapy().field("temperature")
    assert (temperature.minimum, temperature.maximum, temperature.decimals) == (34, 43, 1)


def test_good_input_is_normalized():
    content = {
        "complaints": "  Кашель, насморк.\r\nСлабость.  ",
        "temperature": "36,6",
        "bp_systolic": "120",
        "bp_diastolic": 80.0,
        "pulse": 72,
        "weight": "82.46",
        "spo2": " 98 ",
        "general_condition": "Satisfactory ",
        "lungs": "  дыхание   везикулярное,\nхрипов нет ",
        "sick_leave": "yes",
        "allergy": False,
        "next_visit": "03.12.2026",
        "onset_date": dt.date(2026, 11, 20),
        "examination": "",
        "heart": None,
        "custom_note": " запись ",
        "custom_number": 5,
    }
    result = rt.normalized(therapy(), content)
    assert result == {
        "complaints": "Кашель, насморк.\nСлабость.",
        "temperature": 36.6,
        "bp_systolic": 120,
        "bp_diastolic": 80,
        "pulse": 72,
        "weight": 82.5,
        "spo2": 98,
        "general_condition": "satisfactory",
        "lungs": "дыхание везикулярное, хрипов нет",
        "sick_leave": True,
        "allergy": False,
        "next_visit": "2026-12-03",
        "onset_date": "2026-11-20",
        "custom_note": "запись",
        "custom_number": "5",
    }
    assert isinstance(result["bp_systolic"], int)
    assert rt.normalized(therapy(), result) == result  # idempotent
    assert rt.normalized(therapy(), {"temperature": "36.64"})["temperature"] == 36.6
    assert rt.normalized(therapy(), {"temperature": "43"})["temperature"] == 43.0
    assert rt.normalized(therapy(), {"next_visit": "2026-12-03"})["next_visit"] == "2026-12-03"
    # Control characters (NUL is refused by PostgreSQL's jsonb) are dropped; tabs and new lines stay.
    assert rt.normalized(therapy(), {"anamnesis": "a\x00b\tc\nd\x1b"})["anamnesis"] == "ab\tc\nd"


def test_ten_thousand_characters_fit():
    long_text = ("Жалобы на головную боль. " * 400)[:10_000]
    assert len(rt.normalized(therapy(), {"anamnesis": long_text})["anamnesis"]) == len(long_text.strip())


def _refused(content, tpl=None) -> rt.TemplateInputError:
    with pytest.raises(rt.TemplateInputError) as info:
        rt.normalized(tpl or therapy(), content)
    return info.value


@pytest.mark.parametrize("value", [
    "1e400", 10 ** 400, float("nan"), float("inf"), float("-inf"), "NaN", "inf", "9" * 5000, "1" * 100_000,
    "36.6.6", "abc", "", True, [36.6], {"v": 1}, "−5", "0x20", "3 6,6,",
])
def test_hostile_numbers_are_refused(value):
    if value == "":
        assert rt.normalized(therapy(), {"temperature": value}) == {}
        return
    error = _refused({"temperature": value})
    assert str(error).startswith("Body temperature: ")
    assert error.params["field"] == "Body temperature"


@pytest.mark.parametrize("value", ["33.9", 44, "-36.6", "1000000", 1e15, -1e300])
def test_numbers_out_of_bounds_are_refused(value):
    error = _refused({"temperature": value})
    assert str(error) == "Body temperature: enter a number from 34.0 to 43.0 \u00b0C."


def test_rounding_does_not_cross_the_bound():
    error = _refused({"temperature": "43.06"})  # 43.1 after rounding to one decimal
    assert "34.0 to 43.0" in str(error)
    assert rt.normalized(therapy(), {"temperature": "43.04"})["temperature"] == 43.0


def test_unknown_choice_flag_date_and_text_are_refused():
    assert "General condition: \u201cgood\u201d is not one of the values" in str(
        _refused({"general_condition": "good"}))
    assert str(_refused({"general_condition": 1})).startswith("General condition:")
    assert str(_refused({"sick_leave": "maybe"})).startswith("Sick leave issued:")
    assert str(_refused({"sick_leave": 2})).startswith("Sick leave issued:")
    assert str(_refused({"next_visit": "31.02.2026"})).startswith("Next visit:")
    assert str(_refused({"next_visit": "tomorrow"})).startswith("Next visit:")
    assert "not plausible" in str(_refused({"next_visit": "01.01.1800"}))
    assert str(_refused({"complaints": 12.5j})).startswith("Complaints:")
    assert str(_refused({"lungs": {"left": "ok"}})).startswith("Lungs:")
    assert str(_refused({"custom": ["a"]})).startswith("custom:")
    with pytest.raises(rt.TemplateInputError):
        rt.normalized(therapy(), ["complaints"])
    with pytest.raises(rt.TemplateInputError):
        rt.normalized(therapy(), {1: "x"})
    # The value shown in a message is cut short.
    assert len(str(_refused({"general_condition": "x" * 100_000}))) < 200


def test_a_megabyte_of_text_is_refused_clearly():
    error = _refused({"examination": "x" * 1_000_000})
    assert str(error) == ("Examination: the text is too long (1000000 characters); at most 100000 characters fit "
                          "in a record.")
    assert str(_refused({"lungs": "x" * 5000})).startswith("Lungs: the text is too long")
    assert str(_refused({"unknown_key": "x" * 1_000_000})).startswith("unknown_key: the text is too long")


def test_labels_in_messages_translate():
    error = _refused({"temperature": "abc"})
    try:
        rt.set_label_translator(lambda s: {"Body temperature": "Температура тела"}.get(s, s))
        shown = error.render(lambda s: s.replace("is not a number", "\u2014 не число"))
        assert shown == "Температура тела: \u201cabc\u201d \u2014 не число."
    finally:
        rt.set_label_translator(None)
    assert str(error) == "Body temperature: \u201cabc\u201d is not a number."


def test_missing_for_signing():
    tpl = therapy()
    missing = rt.missing_for_signing(tpl, {"complaints": "Кашель", "examination": "  "})
    assert [f.key for f in missing] == ["examination", "conclusion"]
    assert rt.missing_for_signing(tpl, {"complaints": "a", "examination": "b", "conclusion": "c"}) == ()
    assert [f.key for f in rt.missing_for_signing(tpl, {})] == ["complaints", "examination", "conclusion"]
    nurse = rt.template("nursing.procedure")
    assert [f.key for f in rt.missing_for_signing(nurse, {})] == ["conclusion"]
    with pytest.raises(rt.RecordIncomplete) as info:
        rt.check_ready_to_sign(tpl, {"complaints": "Кашель"})
    assert str(info.value) == "The record cannot be signed yet: fill in Examination, Conclusion."
    rt.check_ready_to_sign(None, {})


def test_as_text():
    tpl = therapy()
    content = rt.normalized(tpl, {
        "complaints": "Кашель.", "examination": "Зев гиперемирован.", "temperature": "37,8", "bp_systolic": 130,
        "bp_diastolic": 85, "general_condition": "satisfactory", "sick_leave": True, "conclusion": "ОРВИ.",
        "next_visit": "2026-12-03", "extra": "дополнительно",
    })
    shown = rt.as_text(tpl, content)
    assert shown.splitlines()[0] == "General practitioner's visit"
    assert "Complaints\nКашель." in shown
    assert "Examination\nЗев гиперемирован.\nGeneral condition: satisfactory\n" in shown
    assert "Body temperature: 37.8 \u00b0C" in shown and "Blood pressure, systolic: 130 mmHg" in shown
    assert "Sick leave issued: yes" in shown and "Next visit: 03.12.2026" in shown
    assert shown.index("Complaints") < shown.index("Examination") < shown.index("Conclusion") \
        < shown.index("Recommendations")
    assert "Anamnesis" not in shown  # empty sections are left out
    assert shown.endswith("extra: дополнительно")
    russian = {"Complaints": "Жалобы", "satisfactory": "удовлетворительное", "\u00b0C": "\u00b0С", "yes": "да"}
    translated = rt.as_text(tpl, content, lambda ctx, s: russian.get(s, s) if ctx == "RecordTemplates" else s)
    assert "Жалобы\nКашель." in translated and "General condition: удовлетворительное" in translated
    assert "Sick leave issued: да" in translated
    assert rt.as_text(tpl, {}) == "General practitioner's visit"


def test_demo_scenarios_fit_their_templates():
    """The demo clinic's records (shared.demo.clinical) are valid content of their templates with billable
    ICD-10 codes, ready to sign."""
    import random

    from shared.demo import clinical
    from shared.services import icd10

    rng = random.Random(1)
    for code, scenarios in clinical.SCENARIOS.items():
        tpl = rt.template(code)
        for scenario in scenarios:
            content = clinical.record_content(tpl, scenario, rng)
            assert rt.missing_for_signing(tpl, content) == (), (code, scenario.codes)
            assert len(content) > 5
            assert all(icd10.lookup(c) is not None and icd10.lookup(c).billable for c in scenario.codes)
            assert clinical.summary_of(content)
    for specialty in SPECIALTIES:
        assert rt.default_template(specialty).code in clinical.SCENARIOS or specialty in (
            "gastroenterology", "clinical_lab", "functional_diagnostics", "pediatrics"), specialty
