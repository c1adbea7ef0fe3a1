"""Tests of editor.app."""
