"""In-process and pseudo-terminal emulators of the cash desk devices, for tests and demos."""
