"""Tests of editor.background."""
