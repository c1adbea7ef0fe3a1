"""Tests of editor.canvas."""
