"""Showing and printing a booking slip.

The PDF is built on a worker thread (`booking_ops.slip_pdf`), then shown like every printed form of the
registry (`document_preview`): pages on screen with Save and Print, or the system's PDF viewer where
this installation cannot draw PDF pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from workstations.registrar import booking_ops

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession


def show_slip(parent: QWidget, session: AppSession, booking_id: int) -> None:
    """Builds the slip of the booking in the background, then shows it."""
    from medcenter_desktop.document_preview import show_document

    title = QCoreApplication.translate("Booking", "Appointment slip No. {number}").format(number=booking_id)
    booking_ops.slip_pdf(parent=parent, session=session, booking_id=booking_id).success(
        lambda pdf: show_document(parent, pdf, title, f"slip-{booking_id}")).run()
