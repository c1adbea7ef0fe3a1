"""Errors raised by the model layer."""


class ModelError(ValueError):
    """An operation would make the diagram invalid; the diagram is unchanged."""
