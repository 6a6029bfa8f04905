"""fieldreg: offline-first registration for evacuations."""

__version__ = "0.1.0"
