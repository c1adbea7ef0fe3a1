"""Numbered source notes of an image export (no Qt).

Each flow with a source link gets a small number on the picture; the footnote
lists the numbers with the link shortened to something a reader can type or
search for ("reuters.com/…/nvidia-openai-deal"). Flows citing the same link
share one number.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable
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
    if not segments and parts.query:
        segments = ["?" + parts.query]        # e.g. nextplatform.com/?p=146311
    elif segments and parts.query and len(segments) == 1 and len(segments[0]) < 12:
        segments[-1] += "?" + parts.query
    full = "/".join([host] + segments)
    if len(full) <= limit:
        return full
    if len(segments) >= 2:
        # host/first/…/telling, where "telling" is the last part that says something
        # (a slug rather than "story" or "index.html"), clipped when still too long
        telling = next((s for s in reversed(segments) if len(s) >= 10 or "-" in s), segments[-1])
        first = segments[0]
        keep_first = first != telling and len(first) <= 14 and not re.fullmatch(r"[\d.]+", first)
        head = f"{host}/{first}/…/" if keep_first else f"{host}/…/"
        if len(head) + 12 > limit:
            head = f"{host}/…/"
        return head + _clip(telling, max(8, limit - len(head)))
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
