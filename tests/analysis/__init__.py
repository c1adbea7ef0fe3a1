"""Tests of editor.analysis."""
