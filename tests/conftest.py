"""Shared test setup: Qt offscreen, test settings, long mode.

Qt itself is set up only in the folders whose tests need it (their conftest.py
uses tests/qt.py); tests/model, tests/analysis, tests/io and tests/cli import
no Qt here, so they also run where PySide6 is missing.
"""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ROUNDTRIP_SETTINGS", "test")  # keep tests out of the user's settings
# Tests see the English interface and C number formats whatever the machine's locale;
# a test that wants another language sets it itself (in a subprocess's environment or the setting).
os.environ["LANG"] = "C"
for _name in ("LC_ALL", "LC_MESSAGES", "LC_NUMERIC", "LANGUAGE"):
    os.environ.pop(_name, None)

import pytest  # noqa: E402


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--long", action="store_true", default=False,
                     help="run the long mode: heavier kill, fuzz and property loops")


def pytest_configure(config: pytest.Config) -> None:
    if config.getoption("--long"):
        os.environ["ROUNDTRIP_LONG"] = "1"


def long_mode() -> bool:
    return os.environ.get("ROUNDTRIP_LONG", "") not in ("", "0")


@pytest.fixture
def long_run() -> bool:
    return long_mode()


@pytest.fixture
def japanese(qapp):
    """The Japanese interface for one test (language setting and translators); English again after."""
    from editor import i18n, settings

    settings.clear_all()
    i18n.set_language_setting("ja")
    assert i18n.install(qapp) == "ja"
    yield
    settings.clear_all()
    assert i18n.install(qapp) == "en"   # LANG=C in the tests: English again
