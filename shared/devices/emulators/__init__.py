"""Emulators of the cash desk devices, for tests and demos.

* `shtrih`: a Shtrih-M fiscal registrar (in-process, on a pseudo-terminal, or as the program
  ``python -m shared.devices.emulators.shtrih``), with a persistent fiscal journal;
* `telium`: an Ingenico Telium card terminal (likewise ``python -m shared.devices.emulators.telium``);
* `upos`: Sberbank UPOS's command-line program (``python -m shared.devices.emulators.upos``);
* `program`: what the two serving programs share (command line, control socket, `send_control`);
* `journal`: their JSON journal files (atomic writes, strict reading, `EmulatorStateError`);
* `launch`: `start_emulators(directory)`, the devices of the demo and the tests in their own processes.
"""
