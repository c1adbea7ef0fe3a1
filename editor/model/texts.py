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


class Tail(Message):
    """What a message says after its leading ``"field: "``, for a place that names the field
    itself (a table's column): ``"must not be negative, got -1"`` of
    ``"amount: must not be negative, got -1"``. The interface translates the whole message
    and shows the part after the translation's first ": "."""

    whole: Message

    def __new__(cls, whole: Message) -> Tail:
        self = str.__new__(cls, str.__str__(whole).split(": ", 1)[-1])
        self.template = whole.template
        self.params = whole.params
        self.whole = whole
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Tail, (self.whole,))


def split_field(text: str) -> tuple[str, str]:
    """The leading field a message names and what it says of it:
    ``("amount", "must not be negative, got -1")`` of ``"amount: must not be negative, got -1"``.

    The field is the text before the first ":" (the whole text when there is none); the rest is
    the text after the first ": " (the whole text when there is none), a :class:`Tail` when
    ``text`` is a Message, so that it is still translated where it is shown."""
    text = message_of(text)
    fld = text.split(":")[0]
    if ": " not in text:
        return fld, text
    if isinstance(text, Message) and not isinstance(text, Tail):
        return fld, Tail(text)
    return fld, text.split(": ", 1)[1]
