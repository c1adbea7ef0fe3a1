"""Tests of editor.editing."""
