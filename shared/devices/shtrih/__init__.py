"""Shtrih-M fiscal registrars (ШТРИХ-М ККТ with a fiscal drive) over their serial protocol.

``frames`` is the link layer (STX/LEN/LRC frames, pure), ``commands`` the command layouts and the
device's error codes (pure), ``driver`` the :class:`~shared.devices.protocols.FiscalRegistrar` over a
pyserial port.
"""
