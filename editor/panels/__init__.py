"""Dock panels of the main window: loops, metrics, inspector, history, catalogue."""
