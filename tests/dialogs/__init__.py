"""Tests of editor.dialogs."""
