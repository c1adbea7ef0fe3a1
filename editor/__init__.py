"""Roundtrip: a desktop editor for money-flow diagrams."""

__version__ = "0.1.0"
APP_NAME = "Roundtrip"
