"""A tab page built the first time it is shown (shared by the workstations' tabbed windows)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyTab(QWidget):
    """A tab that builds its page the first time it is shown: the window opens at once, and a tab
    nobody opens never queries the database."""

    def __init__(self, factory: Callable[[QWidget], QWidget], parent: QWidget) -> None:
        super().__init__(parent)
        self._factory = factory
        self._page: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 0)

    @property
    def page(self) -> QWidget:
        if self._page is None:
            self._page = self._factory(self)
            self.layout().addWidget(self._page)
        return self._page

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        self.page  # noqa: B018 - builds it
        super().showEvent(event)
