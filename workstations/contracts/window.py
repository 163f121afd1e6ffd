"""Main window of the contracts workstation, on tabs: the service catalogue (`catalogue_page`: groups,
services, complex services' specifications), price lists and their prices by period (`prices_page`),
payers with their register export format (`payers_page`), model and individual agreements with their
services and payment schedules (`agreements_page`), discounts, quotas and payers' registers.

Every page is built the first time its tab is shown (`LazyTab`). The discounts, quotas and registers
pages are imported only then: a release without one of them still opens, that tab saying so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from medcenter_desktop.lazy_tab import LazyTab
from medcenter_desktop.workstation_window import WorkstationWindow
from workstations.contracts import WORKSTATION

if TYPE_CHECKING:
    from medcenter_desktop.login_service import AppSession
    from workstations.contracts.agreements_page import AgreementsPage
    from workstations.contracts.catalogue_page import CataloguePage
    from workstations.contracts.payers_page import PayersPage
    from workstations.contracts.prices_page import PricesPage


class UnavailablePage(QLabel):
    """Stands in for a page this release does not have."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mutedLabel")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setText(QCoreApplication.translate(
            "ContractsWindow", "This part of the workstation is not available in this version."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def _catalogue(session: AppSession, parent: QWidget) -> QWidget:
    from workstations.contracts.catalogue_page import CataloguePage

    return CataloguePage(session, parent)


def _prices(session: AppSession, parent: QWidget) -> QWidget:
    from workstations.contracts.prices_page import PricesPage

    return PricesPage(session, parent)


def _payers(session: AppSession, parent: QWidget) -> QWidget:
    from workstations.contracts.payers_page import PayersPage

    return PayersPage(session, parent)


def _agreements(session: AppSession, parent: QWidget) -> QWidget:
    from workstations.contracts.agreements_page import AgreementsPage

    return AgreementsPage(session, parent)


def _discounts(session: AppSession, parent: QWidget) -> QWidget:
    try:
        from workstations.contracts.discounts_page import DiscountsPage
    except ImportError:
        return UnavailablePage(parent)
    return DiscountsPage(session, parent)


def _quotas(session: AppSession, parent: QWidget) -> QWidget:
    try:
        from workstations.contracts.quotas_page import QuotasPage
    except ImportError:
        return UnavailablePage(parent)
    return QuotasPage(session, parent)


def _registers(session: AppSession, parent: QWidget) -> QWidget:
    try:
        from workstations.contracts.registers_page import RegistersPage
    except ImportError:
        return UnavailablePage(parent)
    return RegistersPage(session, parent)


PAGE_FACTORIES: tuple[Callable[[AppSession, QWidget], QWidget], ...] = (
    _catalogue, _prices, _payers, _agreements, _discounts, _quotas, _registers)


class ContractsWindow(WorkstationWindow):
    CATALOGUE_TAB, PRICES_TAB, PAYERS_TAB, AGREEMENTS_TAB, DISCOUNTS_TAB, QUOTAS_TAB, REGISTERS_TAB = range(7)

    def __init__(self, session: AppSession, parent: QWidget | None = None) -> None:
        super().__init__(session, WORKSTATION, parent)
        self.resize(1320, 800)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self._lazy = [LazyTab(lambda parent, make=make: make(session, parent), self.tabs)
                      for make in PAGE_FACTORIES]
        for tab in self._lazy:
            self.tabs.addTab(tab, "")
        self.set_central(self.tabs)
        # Ctrl+1 … Ctrl+7 open the tabs (Ctrl+Tab and Ctrl+PgDown step through them too).
        self._tab_shortcuts = []
        for index in range(len(self._lazy)):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda index=index: self.tabs.setCurrentIndex(index))
            self._tab_shortcuts.append(shortcut)
        self._retranslate_tabs()

    def page(self, index: int) -> QWidget:
        """The page of tab ``index``, built now if it was not yet."""
        return self._lazy[index].page

    def show_page(self, index: int) -> QWidget:
        self.tabs.setCurrentIndex(index)
        return self.page(index)

    @property
    def catalogue_page(self) -> CataloguePage:
        return self.page(self.CATALOGUE_TAB)  # type: ignore[return-value]

    @property
    def prices_page(self) -> PricesPage:
        return self.page(self.PRICES_TAB)  # type: ignore[return-value]

    @property
    def payers_page(self) -> PayersPage:
        return self.page(self.PAYERS_TAB)  # type: ignore[return-value]

    @property
    def agreements_page(self) -> AgreementsPage:
        return self.page(self.AGREEMENTS_TAB)  # type: ignore[return-value]

    def _retranslate_tabs(self) -> None:
        for index, title in enumerate((self.tr("Catalogue"), self.tr("Price lists"), self.tr("Payers"),
                                       self.tr("Agreements"), self.tr("Discounts"), self.tr("Quotas"),
                                       self.tr("Registers"))):
            self.tabs.setTabText(index, title)
            self.tabs.setTabToolTip(index, self.tr("Ctrl+{number}").format(number=index + 1))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "tabs"):
            self._retranslate_tabs()
        super().changeEvent(event)
