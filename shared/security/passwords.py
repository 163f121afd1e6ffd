"""The password policy, checked on the client before a SCRAM verifier is computed (the server only
ever sees verifiers, so it cannot check a password itself).

Policy: 8 to 128 characters; at least three of: lowercase letters, uppercase letters, digits,
other characters; no control characters; must not contain the user name; not a well-known password.
"""

from __future__ import annotations

import unicodedata

from shared.errors import QT_TRANSLATE_NOOP, DomainError

MIN_LENGTH = 8
MAX_LENGTH = 128

POLICY_TEXT = QT_TRANSLATE_NOOP(
    "DomainError",
    "A password has 8 to 128 characters and at least three of: lowercase letters, uppercase letters, "
    "digits, other characters; it must not contain the user name.",
)

# A few of the most common passwords and clinic-flavoured variants (compared case-insensitively).
_COMMON = frozenset({
    "password", "password1", "password123", "qwerty123", "qwertyuiop", "1q2w3e4r", "1q2w3e4r5t",
    "p@ssw0rd", "passw0rd!", "admin123!", "administrator1", "welcome1!", "letmein1!", "iloveyou1",
    "qazwsx123", "zaq12wsx", "abc12345", "abcd1234!", "medcenter1", "medcenter1!", "clinic123!",
    "doctor123!", "123qweasd", "1qaz2wsx", "1qaz!qaz",
})


class WeakPassword(DomainError):
    message = QT_TRANSLATE_NOOP("DomainError", "The password is too weak: {reason} {policy}")
    translatable_params = ("reason", "policy")

    def __init__(self, reason: str) -> None:
        super().__init__(reason=reason, policy=POLICY_TEXT)


def _classes(password: str) -> int:
    lower = any(c.islower() for c in password)
    upper = any(c.isupper() for c in password)
    digit = any(c.isdigit() for c in password)
    other = any(not c.isalnum() for c in password)
    return lower + upper + digit + other


def check_password(password: str, login: str = "") -> None:
    """Raises `WeakPassword` when ``password`` breaks the policy."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(QT_TRANSLATE_NOOP("DomainError", "it is shorter than 8 characters."))
    if len(password) > MAX_LENGTH:
        raise WeakPassword(QT_TRANSLATE_NOOP("DomainError", "it is longer than 128 characters."))
    if any(unicodedata.category(c).startswith("C") for c in password):
        raise WeakPassword(QT_TRANSLATE_NOOP("DomainError", "it contains control characters."))
    if _classes(password) < 3:
        raise WeakPassword(QT_TRANSLATE_NOOP("DomainError", "it uses fewer than three kinds of characters."))
    if len(login) >= 3 and login.lower() in password.lower():
        raise WeakPassword(QT_TRANSLATE_NOOP("DomainError", "it contains the user name."))
    if password.lower() in _COMMON:
        raise WeakPassword(QT_TRANSLATE_NOOP("DomainError", "it is a well-known password."))
