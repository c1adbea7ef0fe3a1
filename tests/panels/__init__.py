"""Tests of editor.panels."""
