from hypothesis import given
from hypothesis import strategies as st

from shared.identifiers import inn_check_digits, is_valid_inn, is_valid_ogrn, ogrn_check_digit


def test_known_numbers():
    # Examples checked in ../shared/domain/regulated-formats.md
    assert is_valid_inn("7707083893")
    assert is_valid_inn("773370857141")
    assert is_valid_ogrn("1027700132195")
    assert is_valid_ogrn("307760324100018")
    assert is_valid_ogrn("304500116000191")  # remainder 11: rejected by some libraries, valid


def test_wrong_numbers():
    for bad in ("7707083894", "773370857142", "77070838", "77070838931", "", "abcdefghij", "７７０７０８３８９３"):
        assert not is_valid_inn(bad)
    for bad in ("1027700132196", "102770013219", "3077603241000181"):
        assert not is_valid_ogrn(bad)


@given(st.from_regex(r"[0-9]{9}", fullmatch=True))
def test_completed_inn10_is_valid(prefix):
    assert is_valid_inn(prefix + inn_check_digits(prefix))


@given(st.from_regex(r"[0-9]{10}", fullmatch=True))
def test_completed_inn12_is_valid(prefix):
    assert is_valid_inn(prefix + inn_check_digits(prefix))


@given(st.from_regex(r"[0-9]{12}|[0-9]{14}", fullmatch=True))
def test_completed_ogrn_is_valid(prefix):
    assert is_valid_ogrn(prefix + ogrn_check_digit(prefix))
