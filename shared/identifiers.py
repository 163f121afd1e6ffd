"""Check digits of Russian registration numbers (INN, OGRN, OGRNIP).

Rules from ../shared/domain/regulated-formats.md section 3, checked there against known numbers.
"""

from __future__ import annotations

_INN10 = (2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_11 = (7, 2, 4, 10, 3, 5, 9, 4, 6, 8)
_INN12_12 = (3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8)


def _weighted(digits: str, weights: tuple[int, ...]) -> int:
    return sum(int(d) * w for d, w in zip(digits, weights, strict=False)) % 11 % 10


def inn_check_digits(prefix: str) -> str:
    """The check digit(s) completing a 9-digit (organization) or 10-digit (person) INN prefix."""
    if len(prefix) == 9:
        return str(_weighted(prefix, _INN10))
    if len(prefix) == 10:
        d11 = str(_weighted(prefix, _INN12_11))
        return d11 + str(_weighted(prefix + d11, _INN12_12))
    raise ValueError("an INN prefix has 9 or 10 digits")


def is_valid_inn(value: str) -> bool:
    if not value.isascii() or not value.isdigit() or len(value) not in (10, 12):
        return False
    body = 9 if len(value) == 10 else 10
    return value[body:] == inn_check_digits(value[:body])


def ogrn_check_digit(prefix: str) -> str:
    """Check digit of a 12-digit OGRN prefix or a 14-digit OGRNIP prefix."""
    if len(prefix) == 12:
        return str(int(prefix) % 11 % 10)
    if len(prefix) == 14:
        return str(int(prefix) % 13 % 10)
    raise ValueError("an OGRN prefix has 12 digits, an OGRNIP prefix 14")


def is_valid_ogrn(value: str) -> bool:
    if not value.isascii() or not value.isdigit() or len(value) not in (13, 15):
        return False
    return value[-1] == ogrn_check_digit(value[:-1])


def snils_check_number(first9: str) -> str:
    """The 2-digit check number of a SNILS (regulated-formats.md section 1)."""
    total = sum(int(d) * w for d, w in zip(first9, range(9, 0, -1), strict=True))
    if total < 100:
        check = total
    elif total in (100, 101):
        check = 0
    else:
        check = total % 101
        if check == 100:
            check = 0
    return f"{check:02d}"


def is_valid_snils(digits: str) -> bool:
    """11 digits whose check number matches; numbers up to 001-001-998 are not checked."""
    if not digits.isascii() or not digits.isdigit() or len(digits) != 11:
        return False
    if int(digits[:9]) <= 1001998:
        return True
    return digits[9:] == snils_check_number(digits[:9])


def format_snils(digits: str) -> str:
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:9]} {digits[9:]}" if len(digits) == 11 else digits


def enp_check_digit(first15: str) -> str:
    """Check digit of the 16-digit unified OMS policy number: Luhn over the first 15 digits."""
    total = 0
    for position, char in enumerate(reversed(first15)):
        d = int(char)
        if position % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def is_valid_enp(digits: str) -> bool:
    if not digits.isascii() or not digits.isdigit() or len(digits) != 16:
        return False
    return digits[15] == enp_check_digit(digits[:15])
