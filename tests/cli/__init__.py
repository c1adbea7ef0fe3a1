"""Tests of editor.cli."""
