"""Roundtrip's tests, one folder per editor package (tests/model tests editor/model, ...).

A package, so test modules in different folders may share a base name and
``tests.helpers`` / ``tests.strategies`` import from the checkout's root.
"""
