"""Only absolute http(s) links from a diagram may be opened."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor.model.links import is_openable_url


@pytest.mark.parametrize("url", [
    "https://example.com", "http://example.com/a?b=1#c", "HTTPS://Example.com/x", "  https://example.com/  ",
    "https://user@example.com:8443/path", "https://xn--nxasmq6b.example/", "https://例子.测试/路径",
    "http://127.0.0.1:8000/",
])
def test_openable(url):
    assert is_openable_url(url)


@pytest.mark.parametrize("url", [
    "", "   ", "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
    "file:///etc/passwd", "file://host/share", "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox", "ftp://example.com", "mailto:a@example.com", "example.com", "www.example.com/path",
    "/etc/passwd", "../notes.txt", "C:\\Windows\\system32", "https:example.com", "https:/example.com",
    "https://", "https:///path", "https://exa mple.com", "https://example.com/a b",
    "https://example.com\nfile:///x", "https://example.com:99999/", "https://example.com:port/",
    "https:\\\\example.com", "https://" + "a" * 3000 + ".com", None, 42, "\x00https://example.com",
    "https://[::1/",
])
def test_not_openable(url):
    assert not is_openable_url(url)


@given(st.text(max_size=60))
def test_never_raises_and_only_http(text):
    if is_openable_url(text):
        assert text.strip().lower().startswith(("http://", "https://"))
