"""Refused attempts in the audit trail.

A refusal (a `DomainError` raised by a service, or the database's own refusal translated into one) rolls
back the unit of work it happened in, and with it anything that transaction wrote -- so the audit row of
the attempt is written afterwards, on a connection of its own from the same engine (the same login), by
the database function ``audit_refusal`` (migrations/sql/0012_refusal_audit.sql), which looks the patient
up itself. Writing it must never hide the refusal: if the audit row cannot be written, the refusal is
still raised and the failure is logged (without personal data).

``@audited_refusals("medical_records", "record_id")`` on a service function does this for every
`DomainError` it raises; the key is the named argument identifying the row the user tried to change.
"""

from __future__ import annotations

import functools
import inspect
import logging
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from shared.errors import DomainError

_log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

#: Errors that are questions rather than refusals may set this class attribute to False.
AUDIT_ATTRIBUTE = "audited_as_refusal"


def record_refusal(connection: Connection, table: str, key: object, error: DomainError) -> None:
    """Writes the refusal of an action on ``table`` row ``key`` to the audit trail, outside the caller's
    transaction (which is about to be rolled back)."""
    reason = f"{type(error).__name__}: {error.render()}"
    try:
        with connection.engine.connect() as side:
            side.execute(text("SELECT audit_refusal(:t, :k, :r)"),
                         {"t": table, "k": "" if key is None else str(key), "r": reason})
            side.commit()
    except SQLAlchemyError as failure:  # the refusal itself must still reach the user
        _log.warning("could not write a refused attempt on %s to the audit trail: %s", table,
                     type(failure).__name__)


def audited_refusals(table: str, key: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorates a service function ``f(connection, ...)``: every `DomainError` it raises is also written
    to the audit trail as a refused attempt on ``table``, the row being the argument named ``key``."""

    def decorate(function: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(function)
        if key not in signature.parameters:
            raise TypeError(f"{function.__name__} has no argument {key!r}")

        @functools.wraps(function)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return function(*args, **kwargs)
            except DomainError as error:
                if getattr(error, AUDIT_ATTRIBUTE, True):
                    bound = signature.bind_partial(*args, **kwargs)
                    connection = bound.arguments.get("connection")
                    if isinstance(connection, Connection):
                        record_refusal(connection, table, bound.arguments.get(key), error)
                raise

        return wrapper

    return decorate
