"""Which links from a diagram may be opened in the browser (no Qt).

Notes and flow sources come from files other people wrote, so a link is
opened only when it is an absolute ``http://`` or ``https://`` address with a
host: never ``javascript:``, ``file:``, ``data:``, custom schemes or relative
paths, which could run code or open local files.
"""
from __future__ import annotations

from urllib.parse import urlsplit

OPENABLE_SCHEMES = ("http", "https")
MAX_URL_LENGTH = 2048


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
