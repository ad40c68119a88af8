"""Punchcard: an open-source loyalty engine."""

__version__ = "0.1.0"
