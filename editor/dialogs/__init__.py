"""Dialogs (Qt)."""
