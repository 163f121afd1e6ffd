"""The visit record editor: the template's fields by section, the diagnoses, and Save draft (Ctrl+S),
Book repeat visit (Ctrl+B), Sign (Ctrl+Enter).

The draft is created in the database on the first save (or the first diagnosis). A refused save or
signature is said in the bar above the buttons and nothing typed is lost. A signed record, or a draft
of another author, is shown read-only; a signed one of the user can be corrected (a new version).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from medcenter_desktop.error_dialog import error_text, show_error
from shared.errors import DomainError
from workstations.doctor import ops, order_ops, templates, texts
from workstations.doctor.appointments_box import AppointmentsBox
from workstations.doctor.diagnoses import DiagnosesBox
from workstations.doctor.field_widgets import FieldInput, tt
from workstations.doctor.prescriptions_box import PrescriptionsBox
from workstations.doctor.record_form import RecordForm

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession
    from shared.services.visit_records import VisitRecord

_ERROR_STYLE = ("QLabel { background: #fdecec; border: 1px solid #f3c2c2; border-radius: 6px; padding: 6px 10px; "
                "color: #a61b1b; }")
_NOTICE_STYLE = ("QLabel { background: #e7f5ec; border: 1px solid #b9dfc6; border-radius: 6px; padding: 6px 10px; "
                 "color: #14432a; }")
_SECTION_STYLE = "QLabel#fieldSection { font-weight: 600; color: #0b6e78; font-size: 10.5pt; padding-top: 6px; }"


class RecordEditor(QWidget):
    """Edits one visit record of a card; ``record_changed(record)`` after each successful write."""

    record_changed = Signal(object)
    repeat_requested = Signal()
    correct_requested = Signal(int)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.staff_member_id: int | None = None
        self.specialty_code = ""
        self.card_id: int | None = None
        self.booking_id: int | None = None
        self.record: VisitRecord | None = None
        self.template = templates.default_template("")
        self.read_only = False
        self.dirty = False
        self.busy = False
        self.can_repeat = False
        self.setStyleSheet(_SECTION_STYLE)

        self.template_label = QLabel(self)
        self.template_combo = QComboBox(self)
        self.template_combo.setMinimumWidth(260)
        self.template_combo.activated.connect(lambda _i: self._template_chosen())
        self.template_label.setBuddy(self.template_combo)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("mutedLabel")
        top = QHBoxLayout()
        top.addWidget(self.template_label)
        top.addWidget(self.template_combo)
        top.addStretch(1)
        top.addWidget(self.state_label)

        self.form = RecordForm(self)
        self.form.edited.connect(self._changed)
        self.diagnoses = DiagnosesBox(self)
        self.diagnoses.title_label.hide()  # the tab says it
        self.diagnoses.setContentsMargins(6, 6, 6, 6)
        self.diagnoses.add_requested.connect(self.add_diagnosis)
        self.diagnoses.remove_requested.connect(self.remove_diagnosis)
        self.appointments = AppointmentsBox(session, self.draft, self)
        self.prescriptions = PrescriptionsBox(session, self.draft, self)
        for box in (self.appointments, self.prescriptions):
            box.record_saved.connect(self._saved_by_box)
            box.changed.connect(self._update_tab_titles)
        # What the visit concludes, always in sight under the fields however long the template is.
        self.orders_tabs = QTabWidget(self)
        for page in (self.diagnoses, self.appointments, self.prescriptions):
            self.orders_tabs.addTab(page, "")
        self.orders_tabs.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.orders_tabs.currentChanged.connect(lambda _i: self._focus_orders_tab())

        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.save_button = QPushButton(self)
        self.save_button.clicked.connect(self.save)
        self.repeat_button = QPushButton(self)
        self.repeat_button.clicked.connect(self.repeat_requested)
        self.correct_button = QPushButton(self)
        self.correct_button.clicked.connect(lambda: self.correct_requested.emit(self.record.id) if self.record else None)
        self.sign_button = QPushButton(self)
        self.sign_button.setObjectName("primaryButton")
        self.sign_button.clicked.connect(self.sign)
        buttons = QHBoxLayout()
        buttons.addWidget(self.repeat_button)
        buttons.addStretch(1)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.sign_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.form, 1)
        layout.addWidget(self.orders_tabs)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)
        self.retranslate_ui()
        self._update_buttons()

    # --- Public API ------------------------------------------------------------------------------

    def setup(self, *, staff_member_id: int | None, specialty_code: str) -> None:
        """Who writes: their templates, the default one of their specialty first."""
        self.staff_member_id = staff_member_id
        self.specialty_code = specialty_code
        self.template_combo.clear()
        for tpl in templates.templates_for(specialty_code):
            self.template_combo.addItem(tt(tpl.title), tpl.code)
        self.template = templates.default_template(specialty_code)
        self._select_template_item(self.template.code)
        self.form.build(self.template)

    def open(self, *, card_id: int | None, booking_id: int | None, record: VisitRecord | None,
             can_repeat: bool) -> None:
        """Shows ``record`` (None: a new record of the card for the visit ``booking_id``)."""
        self.card_id = card_id
        self.booking_id = booking_id
        self.can_repeat = can_repeat
        self.show_message("")
        self._show_record(record)

    def content(self) -> dict:
        """What is typed, normalized by the template (raises `TemplateInputError`)."""
        raw = {key: widget.value() for key, widget in self.inputs.items()}
        extra = {k: v for k, v in (self.record.content if self.record else {}).items() if k not in raw}
        return {**extra, **templates.normalized(self.template, raw)}

    def draft(self) -> ops.Draft | None:
        """The draft to write, or None (the refusal is shown)."""
        if self.card_id is None:
            self.show_message(QCoreApplication.translate(
                "DoctorRecord", "The patient has no medical card you may open: a record cannot be written."), error=True)
            return None
        try:
            content = self.content()
        except DomainError as exc:
            self.show_message(error_text(exc), error=True)
            return None
        record = self.record
        return ops.Draft(card_id=self.card_id, record_id=record.id if record else None,
                         version=record.version if record else None, content=content,
                         template_code=self.template.code, booking_id=record.booking_id if record else self.booking_id)

    def save(self, then: Callable[[], object] | None = None) -> None:
        """Saves the draft; ``then()`` after it was saved (not when refused: the message stays in sight)."""
        if self.read_only or self.busy:
            return
        draft = self.draft()
        if draft is None:
            return
        self._run(ops.save_draft(parent=self, session=self.session, draft=draft),
                  QCoreApplication.translate("DoctorRecord", "Draft saved."), then=then)

    def has_unsaved_text(self) -> bool:
        return self.dirty and not self.read_only

    def sign(self) -> None:
        if self.read_only or self.busy:
            return
        draft = self.draft()
        if draft is None:
            return
        missing = templates.missing_for_signing(self.template, draft.content)
        if missing:
            self.show_message(QCoreApplication.translate(
                "DoctorRecord", "Fill in before signing: {fields}.").format(
                    fields=", ".join(tt(label) for label in missing)), error=True)
            self.form.focus_first_of(missing)
            return
        answer = QMessageBox.question(
            self, QCoreApplication.translate("DoctorRecord", "Sign the record"),
            QCoreApplication.translate(
                "DoctorRecord", "Sign the record? A signed record can no longer be changed: a correction becomes "
                "a new version."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(ops.sign(parent=self, session=self.session, draft=draft),
                  QCoreApplication.translate("DoctorRecord", "The record is signed."))

    def add_diagnosis(self, code: str, role: str, first_time: bool) -> None:
        if self.read_only or self.busy:
            return
        draft = self.draft()
        if draft is None:
            return
        self._run(ops.add_diagnosis(parent=self, session=self.session, draft=draft, code=code, role=role,
                                    first_time=first_time), "", diagnosis_added=True)

    def remove_diagnosis(self, diagnosis_id: int) -> None:
        if self.read_only or self.busy:
            return
        draft = self.draft()
        if draft is None:
            return
        self._run(ops.remove_diagnosis(parent=self, session=self.session, draft=draft, diagnosis_id=diagnosis_id), "")

    def record_saved(self, record: VisitRecord) -> None:
        """``record`` was written by another verb (the repeat visit saved the draft first): show it, keeping
        what is typed."""
        typed = self.form.values()
        self._show_record(record, keep=typed if not record.is_signed else None)

    def show_orders_tab(self, index: int) -> None:
        """Diagnoses (0, Ctrl+D), appointments (1, Ctrl+E), prescriptions (2, Ctrl+R): the tab and its input."""
        self.orders_tabs.setCurrentIndex(index)
        self._focus_orders_tab()

    def input(self, key: str) -> FieldInput | None:
        return self.inputs.get(key)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message_label.setStyleSheet(_ERROR_STYLE if error else _NOTICE_STYLE)
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    @property
    def inputs(self) -> dict[str, FieldInput]:
        return self.form.inputs

    @property
    def scroll(self) -> RecordForm:
        return self.form

    def focus_first_field(self) -> None:
        if not self.read_only:
            self.form.focus_first()

    def retranslate_ui(self) -> None:
        self.template_label.setText(self.tr("&Template:"))
        self.save_button.setText(self.tr("Save draft (Ctrl+S)"))
        self.repeat_button.setText(self.tr("Book repeat visit\u2026 (Ctrl+B)"))
        self.correct_button.setText(self.tr("Write a correction"))
        self.sign_button.setText(self.tr("Sign (Ctrl+Enter)"))
        self._update_state()

    # --- Internals -------------------------------------------------------------------------------

    def _run(self, op, done_text: str, *, diagnosis_added: bool = False,
             then: Callable[[], object] | None = None) -> None:
        self.busy = True
        self._update_buttons()

        def succeeded(record: VisitRecord) -> None:
            self.busy = False
            typed = self.form.values()
            self._show_record(record, keep=typed if not record.is_signed else None)
            if diagnosis_added:
                self.diagnoses.added()
            self._update_tab_titles()
            self.show_message(done_text)
            self.record_changed.emit(record)
            if then is not None:
                then()

        def failed(exc: Exception) -> None:
            self.busy = False
            self._update_buttons()
            if isinstance(exc, DomainError):
                target = self.diagnoses.show_message if diagnosis_added else (
                    lambda t: self.show_message(t, error=True))
                target(error_text(exc))
            else:
                show_error(self, exc)

        op.success(succeeded).failure(failed).run()

    def _show_record(self, record: VisitRecord | None, keep: dict | None = None) -> None:
        self.record = record
        code = record.template_code if record is not None and record.template_code else None
        tpl = templates.template(code) if code else None
        if tpl is not None and tpl.code != self.template.code:
            self.template = tpl
            self._select_template_item(tpl.code)
            self.form.build(self.template)
        elif record is None and self.template.code != templates.default_template(self.specialty_code).code:
            self.template = templates.default_template(self.specialty_code)
            self._select_template_item(self.template.code)
            self.form.build(self.template)
        values = dict(record.content) if record is not None else {}
        if keep is not None:
            values.update(keep)
        self.form.set_values(values)
        self.dirty = False
        self.read_only = record is not None and (record.is_signed or record.author_staff_id != self.staff_member_id)
        self.form.set_read_only(self.read_only)
        self.template_combo.setEnabled(not self.read_only)
        self.diagnoses.set_diagnoses(record.diagnoses if record is not None else ())
        self.diagnoses.set_read_only(self.read_only)
        self.appointments.set_read_only(self.read_only)
        self.prescriptions.set_read_only(self.read_only)
        self._load_orders(record)
        self._update_tab_titles()
        self._update_state()
        self._update_buttons()

    def _load_orders(self, record: VisitRecord | None) -> None:
        if record is None:
            self.appointments.show_orders(None, None)
            self.prescriptions.show_orders(None, None)
            return
        record_id = record.id

        def loaded(orders: order_ops.RecordOrders) -> None:
            if self.record is not None and self.record.id == record_id:
                self.appointments.show_orders(record_id, orders)
                self.prescriptions.show_orders(record_id, orders)
                self._update_tab_titles()

        order_ops.load_orders(parent=self, session=self.session, record_id=record_id).success(loaded).failure(
            lambda exc: self.appointments.show_message(error_text(exc))).run()

    def _saved_by_box(self, record: VisitRecord) -> None:
        self.record_saved(record)
        self.record_changed.emit(record)

    def _focus_orders_tab(self) -> None:
        page = self.orders_tabs.currentWidget()
        if page is self.diagnoses:
            self.diagnoses.focus_search()
        elif page is self.appointments:
            self.appointments.focus_search()
        else:
            self.prescriptions.focus_drug()

    def _update_tab_titles(self) -> None:
        counts = (self.diagnoses.model.rowCount(), self.appointments.model.rowCount(),
                  self.prescriptions.model.rowCount())
        titles = (self.tr("Diagnoses (%n)", "", counts[0]) + " · Ctrl+D",
                  self.tr("Appointments (%n)", "", counts[1]) + " · Ctrl+E",
                  self.tr("Prescriptions (%n)", "", counts[2]) + " · Ctrl+R")
        for index, title in enumerate(titles):
            self.orders_tabs.setTabText(index, title)

    def _select_template_item(self, code: str) -> None:
        index = self.template_combo.findData(code)
        if index < 0:
            self.template_combo.addItem(tt(self.template.title), code)
            index = self.template_combo.count() - 1
        self.template_combo.setCurrentIndex(index)

    def _template_chosen(self) -> None:
        code = self.template_combo.currentData()
        tpl = templates.template(code) if code else None
        if tpl is None or tpl.code == self.template.code:
            return
        self.template = tpl
        self.form.build(tpl)
        self.dirty = True

    def _changed(self) -> None:
        self.dirty = True
        self._update_state()

    def _update_state(self) -> None:
        record = self.record
        if record is None:
            text = self.tr("New record")
        elif record.is_signed:
            text = self.tr("Version {no}, signed {when}").format(no=record.version_no, when=texts.local(record.signed_at))
        else:
            text = self.tr("Draft, version {no}").format(no=record.version_no)
        if self.dirty and not self.read_only:
            text += " \u00b7 " + self.tr("not saved")
        self.state_label.setText(text)

    def _update_buttons(self) -> None:
        editable = not self.read_only and not self.busy and self.card_id is not None
        self.save_button.setEnabled(editable)
        self.sign_button.setEnabled(editable)
        self.repeat_button.setEnabled(self.can_repeat and not self.busy)
        signed_mine = (self.record is not None and self.record.is_signed and self.record.superseded_by is None
                       and self.record.author_staff_id == self.staff_member_id)
        self.correct_button.setVisible(signed_mine)
        self.save_button.setVisible(not self.read_only)
        self.sign_button.setVisible(not self.read_only)
