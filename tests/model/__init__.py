"""Tests of editor.model."""
