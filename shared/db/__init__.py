"""Database layer: declarative base, connection parameters, engines, unit of work, role names.

Nothing here connects at import time.
"""
