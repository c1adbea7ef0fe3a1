"""Messages of the Qt-free layers that the interface shows translated: :class:`Message` and :func:`msg`.

    raise ModelError(msg("{what}: must not be empty", what=what))

A :class:`Message` is the English text (a ``str``: ``str(exc)``, logging, the
command line and comparisons see exactly the English), which also keeps its
English ``template`` and the ``params`` filled into it. The interface
translates it at display time (``editor.i18n.error_text``): the template is
looked up in the catalogue (context "Messages") and the params are filled in
again, a param that is itself a Message being translated first, so messages
composed of others ("line 3: " + inner) are translated as a whole.

Templates are plain ``str.format`` templates with named fields; give params as
the text to show (``value=repr(value)``), so a translation never needs to repeat
a conversion. ``resources/translations/update.py`` finds every ``msg(...)``
call of the Qt-free packages and puts its template in the catalogue.
"""
from __future__ import annotations

from typing import Any


class Message(str):
    """English text that remembers the template and params it was made from."""

    template: str
    params: dict[str, Any]

    def __new__(cls, template: str, params: dict[str, Any] | None = None) -> Message:
        params = dict(params or {})
        self = super().__new__(cls, template.format(**params) if params else template)
        self.template = template
        self.params = params
        return self

    def __str__(self) -> str:
        # str(exc) of an exception holding a Message keeps the Message (and so its translation)
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.template, self.params))


def msg(template: str, /, **params: Any) -> Message:
    """A translatable message: ``template`` with its ``{name}`` fields filled from ``params``.

    Only literal templates are found by the catalogue's extraction: always pass the
    template as a string literal."""
    return Message(template, params)


def message_of(value: object) -> str:
    """The Message an exception (or value) carries, else its plain text.

    ``str()`` of an exception whose first argument is a Message is that Message;
    for anything else this is ``str(value)``."""
    if isinstance(value, Message):
        return value
    if isinstance(value, BaseException) and value.args and isinstance(value.args[0], Message):
        return value.args[0] if len(value.args) == 1 else str(value)
    return str(value)


class Joined(str):
    """Texts joined by a separator ("a; b; c"), each translated on its own when it is a Message."""

    parts: tuple[str, ...]
    separator: str

    def __new__(cls, parts: list[str] | tuple[str, ...], separator: str = "; ") -> Joined:
        self = super().__new__(cls, separator.join(parts))
        self.parts = tuple(parts)
        self.separator = separator
        return self

    def __str__(self) -> str:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Joined, (self.parts, self.separator))
