"""Logging in to the test clinic from Qt tests: workstation settings and sessions closed at the end."""

from __future__ import annotations

from medcenter_desktop.settings import Settings


def settings_for(clinic, workstation: str = "REG-01") -> Settings:
    """Settings of a workstation of the test clinic, in English."""
    a = clinic.admin
    return Settings(host=a.host, port=a.port, database=clinic.database, sslmode=a.sslmode,
                    role_namespace=clinic.roles.namespace, workstation_name=workstation, language="en")
