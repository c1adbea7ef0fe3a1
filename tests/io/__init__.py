"""Tests of editor.io."""
