"""Numbered source notes of an image export (no Qt).

Each flow with a source link gets a small number on the picture; the footnote
lists the numbers with the link shortened to something a reader can type or
search for ("reuters.com/…/nvidia-openai-deal"). Flows citing the same link
share one number.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

#: At most this many numbered sources in one picture; the rest are counted.
MAX_SOURCES = 150

#: Characters of a shortened link (the footnote elides further to its column).
SHORT_URL_CHARS = 64


@dataclass(frozen=True)
class SourceEntry:
    number: int
    url: str
    text: str   # shortened for print


@dataclass(frozen=True)
class SourceNotes:
    markers: dict[str, str]            # flow id -> "1"
    entries: tuple[SourceEntry, ...]   # in number order
    left_out: int = 0                  # distinct links beyond MAX_SOURCES, not numbered


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: max(1, limit - 1)].rstrip("-_/.") + "…"


def short_url(url: str, limit: int = SHORT_URL_CHARS) -> str:
    """A link shortened for print: host without ``www.`` plus the path, the middle of a
    long path replaced by ``…`` so the first folder and the last (most telling) part stay.

    Text that is not a web address (a filing name, a book) is only clipped."""
    text = " ".join(str(url).split())
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "") if parts.scheme.lower() in ("http", "https") else ""
    except ValueError:
        host = ""
    if not host:
        return _clip(text, limit)
    if host.startswith("www."):
        host = host[4:]
    segments = [unquote(s) for s in parts.path.split("/") if s]
    last = segments[-1] if segments else ""
    if parts.query and "-" not in last:
        # the page is named by its query (?p=146311, readmsg.aspx?msgid=…): keep it
        segments[-1:] = [f"{last}?{parts.query}"]
    full = "/".join([host] + segments)
    if len(full) <= limit:
        return full
    if len(segments) >= 2:
        # host/first/…/telling, where "telling" is the last slug that says something
        # ("nvidia-to-invest-…" rather than "d-id", "584221" or "story")
        i = next((i for i in range(len(segments) - 1, -1, -1)
                  if "-" in segments[i] and len(segments[i]) >= 8), len(segments) - 1)
        telling, first = segments[i], segments[0]
        tail = "/…" if i < len(segments) - 1 else ""
        keep_first = i > 0 and len(first) <= 14 and not re.fullmatch(r"[\d.]+", first)
        head = f"{host}/{first}/…/" if keep_first else f"{host}/…/"
        if len(head) + 12 > limit or i == 0:
            head = f"{host}/" if i == 0 else f"{host}/…/"
        return head + _clip(telling, max(8, limit - len(head) - len(tail))) + tail
    return _clip(full, limit)


def number_sources(flows: Iterable, max_sources: int = MAX_SOURCES) -> SourceNotes:
    """Number the flows that have a link, in the order given (the diagram's order).

    Identical links (ignoring surrounding blanks and a trailing slash) share a number.
    Beyond ``max_sources`` distinct links, flows get no number and are counted in
    ``left_out`` so the footnote can say how many were not listed."""
    numbers: dict[str, int] = {}
    markers: dict[str, str] = {}
    entries: list[SourceEntry] = []
    extra: set[str] = set()
    for f in flows:
        url = (f.url or "").strip()
        if not url:
            continue
        key = url.rstrip("/") or url
        n = numbers.get(key)
        if n is None:
            if len(entries) >= max_sources:
                extra.add(key)
                continue
            n = numbers[key] = len(entries) + 1
            entries.append(SourceEntry(n, url, short_url(url)))
        markers[f.id] = str(n)
    return SourceNotes(markers, tuple(entries), len(extra))
