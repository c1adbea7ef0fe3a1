"""The interface language: Roundtrip's catalogue and Qt's own, installed before any widget is built.

    i18n.install(app)          # in run_app, right after the QApplication exists
    i18n.locale_number(1234.5, 1)   # "1,234.5" (English), "1.234,5" (German)

The language follows the system locale (``QLocale.system()``, that is ``LANG``
on Linux) unless the setting ``view/language`` says "en" or "ja" (View →
Language). A change of the setting applies at the next start.

Where the catalogue comes from (``roundtrip_ja.qm``, compiled from the source
``resources/translations/roundtrip_ja.ts`` by ``pyside6-lrelease``):

* an installed wheel ships it as package data (``editor/data/translations``),
  built by the build step in ``setup.py``;
* a source checkout (also an editable install) has the ``.ts`` next to the
  package: it is compiled on first use into the user's cache folder, under a
  name holding the hash of the ``.ts``, so an edited catalogue is never shown stale.

Texts that lupdate cannot see (the analysis glossary, which stays Qt-free and
English) are translated at display time with :func:`translate`, their English
text being the source; ``resources/translations/update.py`` adds them to the
catalogue.
"""
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from editor import settings

# editor.model is imported inside the functions below: importing it loads networkx, which the
# start-up paths that only need the catalogue (the glossary, --help) do without.

#: the setting's key and values ("system" follows the system locale)
SETTING = "view/language"
CHOICES = ("system", "en", "ja")
#: the languages with a catalogue, besides the source language English
TRANSLATED = ("ja",)
CATALOGUE = "roundtrip"

_installed: list[QTranslator] = []   # kept alive while installed


# ---------------------------------------------------------------- the setting
def language_setting() -> str:
    """"system", "en" or "ja" (anything else stored reads as "system")."""
    value = settings.get_str(SETTING, "system")
    return value if value in CHOICES else "system"


def set_language_setting(value: str) -> None:
    if value not in CHOICES:
        raise ValueError(f"language: expected one of {', '.join(CHOICES)}, got {value!r}")
    settings.set_value(SETTING, value)


def system_language() -> str:
    """The system locale's language as a two-letter code ("ja", "en", "de", …)."""
    name = QLocale.system().name()          # "ja_JP", "en_US", "C"
    return "en" if name in ("C", "") else name.split("_")[0]


def interface_language(choice: str | None = None) -> str:
    """The language the interface is shown in: "ja" or "en" (English for any other language)."""
    choice = language_setting() if choice is None else choice
    lang = system_language() if choice == "system" else choice
    return lang if lang in TRANSLATED else "en"


# ------------------------------------------------------------- the catalogue
def source_catalogue(lang: str) -> Path | None:
    """``resources/translations/roundtrip_<lang>.ts`` of a source checkout, or None (installed)."""
    ts = Path(__file__).resolve().parents[1] / "resources" / "translations" / f"{CATALOGUE}_{lang}.ts"
    return ts if ts.is_file() else None


def packaged_catalogue(lang: str) -> Path | None:
    """The ``.qm`` shipped in the package (a wheel), or None."""
    qm = Path(__file__).resolve().parent / "data" / "translations" / f"{CATALOGUE}_{lang}.qm"
    return qm if qm.is_file() else None


def lrelease_program() -> Path | None:
    import PySide6

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).is_file():
            return folder / name
    return None


def compile_catalogue(ts: Path, qm: Path) -> None:
    """Run lrelease on ``ts``; raises OSError with lrelease's message when it fails."""
    import subprocess  # (only to build a catalogue: not on every start in English)

    program = lrelease_program()
    if program is None:
        raise OSError("pyside6-lrelease is missing from the PySide6 installation")
    qm.parent.mkdir(parents=True, exist_ok=True)
    tmp = qm.with_name(f"{qm.stem}.{os.getpid()}.tmp.qm")
    done = subprocess.run([str(program), "-silent", str(ts), "-qm", str(tmp)], capture_output=True,
                          text=True, timeout=60)
    if done.returncode != 0 or not tmp.is_file():
        tmp.unlink(missing_ok=True)
        raise OSError(f"lrelease failed on {ts}: {done.stderr.strip() or done.stdout.strip()}")
    os.replace(tmp, qm)


def _cache_folder() -> Path:
    try:
        from platformdirs import user_cache_dir

        return Path(user_cache_dir("roundtrip", "Roundtrip")) / "translations"
    except ImportError:  # pragma: no cover - platformdirs is a dependency
        return Path(tempfile.gettempdir()) / "roundtrip-translations"


def catalogue_file(lang: str) -> Path | None:
    """The compiled catalogue of ``lang``: built from the checkout's ``.ts`` (cached by its hash)
    or the packaged one; None when there is none (the interface stays English)."""
    ts = source_catalogue(lang)
    if ts is not None:
        import hashlib  # (a translated interface only: not before every first paint in English)
        import subprocess

        digest = hashlib.sha1(ts.read_bytes()).hexdigest()[:16]
        for folder in (_cache_folder(), Path(tempfile.gettempdir()) / "roundtrip-translations"):
            qm = folder / f"{CATALOGUE}_{lang}-{digest}.qm"
            if qm.is_file():
                return qm
            try:
                compile_catalogue(ts, qm)
                return qm
            except (OSError, subprocess.SubprocessError) as e:
                print(f"roundtrip: the {lang} catalogue could not be built: {e}", file=sys.stderr)
    return packaged_catalogue(lang)


@cache
def translator(lang: str) -> QTranslator | None:
    """Roundtrip's translator for ``lang`` (loaded once), None for English or a missing catalogue."""
    if lang not in TRANSLATED:
        return None
    qm = catalogue_file(lang)
    t = QTranslator()
    if qm is None or not t.load(str(qm)):
        return None
    return t


def qt_translator(lang: str) -> QTranslator | None:
    """Qt's own catalogue (``qtbase_<lang>``: standard buttons and dialogs)."""
    from PySide6.QtCore import QLibraryInfo  # (only for a language other than English)

    t = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    return t if t.load(f"qtbase_{lang}", folder) else None


def install(app: QCoreApplication, choice: str | None = None) -> str:
    """Install the translators of the interface language on ``app``; returns the language.

    Call before any widget is built (texts are read when widgets are made)."""
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    lang = interface_language(choice)
    if lang != "en":
        for candidate in (qt_translator(lang), translator(lang)):
            if candidate is not None and app.installTranslator(candidate):
                _installed.append(candidate)
    name_new_diagram_defaults()
    return lang


def name_new_diagram_defaults() -> None:
    """New diagrams name their default flow types and categories in the interface language."""
    from editor.model import catalogue

    catalogue.set_default_names(
        {t.id: QCoreApplication.translate("DefaultNames", t.name) for t in catalogue.DEFAULT_FLOW_TYPES},
        {c.id: QCoreApplication.translate("DefaultNames", c.name) for c in catalogue.DEFAULT_CATEGORIES},
    )


# --------------------------------------------------------------- translating
def translate(context: str, text: str) -> str:
    """``text`` in the interface language (for texts lupdate cannot see, such as the glossary)."""
    return QCoreApplication.translate(context, text)


def translate_in(lang: str | None, context: str, text: str) -> str:
    """``text`` in ``lang`` ("en", "ja"), or in the interface language when ``lang`` is None."""
    if lang is None:
        return QCoreApplication.translate(context, text)
    t = translator(lang)
    if t is None:
        return text
    return t.translate(context, text) or text


def message_text(text: str, lang: str | None = None) -> str:
    """A :class:`~editor.model.texts.Message` in ``lang`` (None: the interface language), its
    Message params translated too; any other text as it is."""
    from editor.model.texts import Joined, Message, Tail, message_of

    if isinstance(text, Joined):
        return text.separator.join(message_text(part, lang) for part in text.parts)
    if isinstance(text, Tail):   # the translation of the whole, after its leading "field: "
        whole = message_text(text.whole, lang)
        return whole.split(": ", 1)[-1]
    if not isinstance(text, Message):
        return str(text)
    template = translate_in(lang, "Messages", text.template)
    if not text.params:
        return template
    params = {k: message_text(message_of(v), lang) if isinstance(v, (str, BaseException)) else v
              for k, v in text.params.items()}
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):   # a translation whose fields differ: the English
        return str.__str__(text)


def error_text(error: BaseException | str, lang: str | None = None) -> str:
    """What an exception (or message) says, in the interface language when it carries a Message
    from the Qt-free layers (model, io, analysis); plain text otherwise."""
    from editor.model.texts import message_of

    return message_text(message_of(error), lang)


def error_texts(errors: Iterable[BaseException | str], lang: str | None = None) -> list[str]:
    """:func:`error_text` of each (a FormatError's ``problems``, an import's notes)."""
    return [error_text(e, lang) for e in errors]


def locale_number(value: float, decimals: int = 0, locale: QLocale | None = None) -> str:
    """``value`` with the locale's group and decimal separators ("1,234.5"; "1.234,5" in German)."""
    loc = locale or QLocale()
    if loc.language() == QLocale.Language.C:   # LANG=C: no preference; the English conventions
        loc = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return loc.toString(float(value), "f", decimals)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for the catalogue (lupdate looks for this name) and returns it untranslated.

    Qt's own returns ``object`` in the type stubs; this one keeps constant tables typed as ``str``.
    """
    return text


# ------------------------------------------------------------- amount labels
#: How the amount labels write a qualifier ("up to $100B", "~$300B"), translated at display time.
AMOUNT_FORMS = {
    "up_to": QT_TRANSLATE_NOOP("Amounts", "up to {amount}"),
    "estimated": QT_TRANSLATE_NOOP("Amounts", "~{amount}"),
}


def amount_forms(lang: str | None = None) -> dict[str, str]:
    """The qualifier forms of the amount labels in ``lang`` (None: the interface language)."""
    from editor.model.amounts import QUALIFIER_FORMS

    forms = dict(QUALIFIER_FORMS)
    for key, text in AMOUNT_FORMS.items():
        form = translate_in(lang, "Amounts", text)
        if form.count("{amount}") == 1:
            forms[key] = form
    return forms


def amount_text(amount: float | None, qualifier: str = "exact", unit: str = "USD bn",
                lang: str | None = None) -> str:
    """The short amount label of the canvas and the panels with its qualifier in ``lang``:
    "up to $100B" in English, "最大$100B" in Japanese."""
    from editor.model.amounts import amount_label

    return amount_label(amount, qualifier, unit, forms=amount_forms(lang) if qualifier != "exact" else None)


# ------------------------------------------------------------- file formats
#: The labels of the file dialogs' combined filters ("Tables and graphs (*.csv … *.gexf)"); the names
#: of the formats themselves (editor/io/formats.py) enter the catalogue through update.py.
FILTER_LABELS = (
    QT_TRANSLATE_NOOP("Formats", "Roundtrip diagrams"),
    QT_TRANSLATE_NOOP("Formats", "Tables and graphs"),
)


def format_name(name: str) -> str:
    """A file format's name ("PNG image", "Tables and graphs") in the interface language."""
    return translate("Formats", name)


def file_filter(text: str) -> str:
    """A file-dialog filter ("PNG image (*.png);;SVG image (*.svg)") with each name in the interface
    language; the patterns in brackets are kept."""
    parts = []
    for part in text.split(";;"):
        name, bracket, patterns = part.partition(" (")
        parts.append(format_name(name) + bracket + patterns if bracket else part)
    return ";;".join(parts)
