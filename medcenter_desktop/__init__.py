"""MedCenter Desktop application shell: CLI, settings, login, launcher and common Qt pieces."""

__version__ = "0.1.0"
