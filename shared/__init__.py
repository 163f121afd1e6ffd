"""MedCenter domain core: database layer, models, services, security, devices, exchange. No Qt here."""
