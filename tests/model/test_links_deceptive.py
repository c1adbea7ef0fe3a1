"""Deceptive links: the real host is shown, look-alikes named, userinfo and invisible characters refused."""
from __future__ import annotations

import pytest

from editor.model.links import check_link, invisible_characters
from editor.model.plain import plain_tip


def test_a_plain_link_shows_its_host_and_opens():
    link = check_link(" https://example.com/report?id=1 ")
    assert link.openable and link.host == "example.com" and link.warnings == ()


def test_cyrillic_look_alike_host_is_shown_in_punycode_with_a_warning():
    link = check_link("https://ехаmple.com/login")  # е, х, а are Cyrillic
    assert link.openable
    assert link.host.startswith("xn--") and link.host.endswith(".com")
    assert any("CYRILLIC" in w and link.host in w for w in link.warnings)


def test_an_encoded_international_host_is_named():
    assert check_link("https://xn--e1awd7f.com/").warnings


@pytest.mark.parametrize("url", ["http://good.com@evil.com/", "https://user:pw@evil.com/x",
                                 "https://good.com%40@evil.com"])
def test_userinfo_is_refused_and_the_real_host_named(url):
    link = check_link(url)
    assert not link.openable and "evil.com" in (link.refusal or "")


@pytest.mark.parametrize("hidden", ["\u200b", "\u200d", "\u202e", "\u2066", "\ufeff", "\u00ad"])
def test_invisible_characters_are_refused(hidden):
    link = check_link(f"https://exa{hidden}mple.com/")
    assert not link.openable and f"U+{ord(hidden):04X}" in (link.refusal or "")
    assert invisible_characters(f"a{hidden}b") == [f"U+{ord(hidden):04X}"]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://a.b/"])
def test_other_schemes_stay_refused(url):
    assert not check_link(url).openable


def test_plain_tip_escapes_and_cuts():
    tip = plain_tip('<img src="/dev/zero">' + "x" * 5000)
    assert tip.startswith("<qt>&lt;img") and "<img" not in tip and len(tip) < 1100
