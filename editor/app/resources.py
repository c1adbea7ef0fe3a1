"""The bundled icons: package data in ``editor/data/icons``."""
from __future__ import annotations

from pathlib import Path

#: Roundtrip installs as plain files (never from a zip), so package data has a real path: the
#: package's ``data`` folder (found without importlib.resources, which costs a few ms at start-up).
DATA_DIR = Path(__file__).resolve().parents[1] / "data"
ICONS_DIR = DATA_DIR / "icons"


def icon_path(name: str) -> Path:
    """The SVG icon ``editor/data/icons/NAME.svg``."""
    return ICONS_DIR / f"{name}.svg"


def icon(name: str):
    """A QIcon of a bundled SVG icon (an empty icon if the file is missing)."""
    from PySide6.QtGui import QIcon

    path = icon_path(name)
    return QIcon(str(path)) if path.is_file() else QIcon()
