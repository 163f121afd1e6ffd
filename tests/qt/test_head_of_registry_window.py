"""The head of registry's window with a real login: planning tabs build when first opened, each loads
its data, and nothing is queried for a tab nobody opens."""

from __future__ import annotations

import pytest

from medcenter_desktop.login_service import log_in
from medcenter_desktop.operations import wait_for_background_ops
from medcenter_desktop.settings import Settings
from shared.demo.generator import DEMO_PASSWORD
from workstations.head_of_registry.window import HeadOfRegistryWindow

TIMEOUT = 20_000


@pytest.fixture
def head(clinic):
    admin = clinic.admin
    settings = Settings(host=admin.host, port=admin.port, database=clinic.database, sslmode=admin.sslmode,
                        role_namespace=clinic.roles.namespace, workstation_name="HEAD-01", language="en")
    session = log_in(settings, "headregistry", DEMO_PASSWORD)
    yield session
    wait_for_background_ops(TIMEOUT)
    session.close()


def test_planning_tabs_open_on_demand_and_load(qtbot, head):
    window = HeadOfRegistryWindow(head)
    qtbot.addWidget(window)
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "Schedules", "Workload", "Production calendar", "Printed schedule", "History of actions",
        "Merge duplicates", "Sick-leave blanks"]
    assert all(tab._page is None for tab in window._lazy), "nothing is built before the window is shown"
    window.resize(1280, 760)
    window.show()
    qtbot.waitUntil(lambda: window._lazy[0]._page is not None, timeout=TIMEOUT)
    assert window._lazy[1]._page is None, "a tab not opened yet is not built"
    schedule = window.schedule_page
    qtbot.waitUntil(lambda: schedule.resource_model.rowCount() > 10, timeout=TIMEOUT)
    window.tabs.setCurrentIndex(1)
    workload = window.workload_page
    qtbot.waitUntil(lambda: workload.model.rowCount() > 0, timeout=TIMEOUT)
    window.tabs.setCurrentIndex(2)
    assert window._lazy[2]._page is not None
    window.tabs.setCurrentIndex(window.MERGE_TAB)
    assert window.show_history() is window.history
