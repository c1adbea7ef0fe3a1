"""Which links from a diagram may be opened in the browser (no Qt).

Notes and flow sources come from files other people wrote, so a link is
opened only when it is an absolute ``http://`` or ``https://`` address with a
host: never ``javascript:``, ``file:``, ``data:``, custom schemes or relative
paths, which could run code or open local files.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit

from editor.model.texts import msg

OPENABLE_SCHEMES = ("http", "https")
MAX_URL_LENGTH = 2048


#: Invisible characters (zero-width, bidirectional controls, soft hyphen, BOM...): Unicode "format" class.
_INVISIBLE_CATEGORIES = ("Cf",)


def invisible_characters(text: str) -> list[str]:
    """The invisible characters of ``text`` as ``U+200B`` names (zero-width spaces, direction marks)."""
    return [f"U+{ord(ch):04X}" for ch in text if unicodedata.category(ch) in _INVISIBLE_CATEGORIES]


@dataclass(frozen=True)
class LinkCheck:
    """What a user should know before a link opens.

    ``host`` is the host as the browser will contact it (punycode ``xn--`` for
    non-ASCII names, so ``ехаmple.com`` in Cyrillic does not pass for
    ``example.com``); ``refusal`` says why it is not opened at all; ``warnings``
    what looks deceptive.
    """

    url: str
    host: str
    refusal: str | None
    warnings: tuple[str, ...]

    @property
    def openable(self) -> bool:
        return self.refusal is None


def _ascii_host(host: str) -> str:
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host.encode("ascii", "backslashreplace").decode("ascii")


def check_link(text: object) -> LinkCheck:
    """Check a link before it is opened: its real host, a refusal, or warnings."""
    url = text.strip() if isinstance(text, str) else ""
    if not is_openable_url(url):
        return LinkCheck(url, "", msg("only web addresses starting with http:// or https:// are opened"), ())
    hidden = invisible_characters(url)
    if hidden:
        return LinkCheck(url, "", msg("the address contains invisible characters ({characters}), which can "
                                      "hide where it leads", characters=", ".join(hidden[:5])), ())
    parts = urlsplit(url)
    if "@" in parts.netloc:
        shown = _ascii_host(parts.hostname or "")
        return LinkCheck(url, shown, msg("the address puts a user name before the host; it leads to {host}, "
                                         "not to the name before the @", host=shown), ())
    host = parts.hostname or ""
    ascii_host = _ascii_host(host)
    warnings: list[str] = []
    if not host.isascii():
        scripts = sorted({unicodedata.name(ch, "?").split(" ")[0] for ch in host if not ch.isascii()})
        warnings.append(msg("the host name uses non-Latin letters ({scripts}) that can look like Latin "
                            "ones; the browser will go to {ascii_host}",
                            scripts=", ".join(scripts), ascii_host=ascii_host))
    elif any(label.startswith("xn--") for label in host.split(".")):
        warnings.append(msg("the host name is an encoded international name ({host})", host=host))
    return LinkCheck(url, ascii_host, None, tuple(warnings))


def is_openable_url(text: object) -> bool:
    """True when ``text`` is a single absolute http(s) URL with a host name."""
    if not isinstance(text, str):
        return False
    url = text.strip()
    if not url or len(url) > MAX_URL_LENGTH:
        return False
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in url):
        return False  # spaces, tabs, newlines, control characters: not one clean address
    if "\\" in url:
        return False  # some browsers read backslashes as slashes: ambiguous host
    try:
        parts = urlsplit(url)
        host = parts.hostname
        _ = parts.port  # raises ValueError on a bad port
    except ValueError:
        return False
    if parts.scheme.lower() not in OPENABLE_SCHEMES:
        return False
    if not url.lower().startswith(f"{parts.scheme.lower()}://"):
        return False
    return bool(host) and not str(host).startswith(".")
