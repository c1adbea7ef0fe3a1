"""Paths of the bundled resources (``resources/`` beside the package)."""
from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"


def icon_path(name: str) -> Path:
    """The SVG icon ``resources/icons/NAME.svg``."""
    return RESOURCES_DIR / "icons" / f"{name}.svg"


def icon(name: str):
    """A QIcon of a bundled SVG icon (an empty icon if the file is missing)."""
    from PySide6.QtGui import QIcon

    path = icon_path(name)
    return QIcon(str(path)) if path.is_file() else QIcon()
