"""View → Language: System / English / 日本語, remembered in the settings, applied at the next start."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from editor import i18n


def _names() -> tuple[tuple[str, str], ...]:
    # each language names itself ("日本語" stays Japanese in an English interface)
    return (("system", QCoreApplication.translate("Language", "&System")),
            ("en", "&English"),
            ("ja", "日本語 (&J)"))


def build_language_menu(window: QWidget, parent: QMenu) -> dict[str, QAction]:
    """The Language submenu of ``parent``; returns its three checkable actions by setting value."""
    menu = parent.addMenu(QCoreApplication.translate("Language", "&Language"))
    menu.setObjectName("language_menu")
    group = QActionGroup(window)
    actions: dict[str, QAction] = {}
    current = i18n.language_setting()
    for value, text in _names():
        a = QAction(text, window, checkable=True)
        a.setChecked(value == current)
        a.setData(value)
        a.triggered.connect(lambda _c=False, value=value: choose_language(window, value))
        group.addAction(a)
        menu.addAction(a)
        actions[value] = a
    return actions


def choose_language(window: QWidget | None, value: str) -> None:
    """Remember ``value`` and say that the interface changes at the next start."""
    if value == i18n.language_setting():
        return
    i18n.set_language_setting(value)
    show_restart_note(window, i18n.interface_language(value))


def show_restart_note(window: QWidget | None, lang: str) -> None:
    # said in the chosen language as well as the current one, since that is the one the user reads
    title = QCoreApplication.translate("Language", "Language")
    text = QCoreApplication.translate(
        "Language", "The new language is used the next time Roundtrip starts. "
        "Your open diagrams stay as they are.")
    other = i18n.translate_in(lang, "Language",
                              "The new language is used the next time Roundtrip starts. "
                              "Your open diagrams stay as they are.")
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.information(window, title, text if other == text else f"{text}\n\n{other}")
