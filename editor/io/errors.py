"""Errors of the readers and writers (no Qt)."""


class InputError(ValueError):
    """A file or cell cannot be read; the message says what and where."""
