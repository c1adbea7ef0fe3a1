"""Build step of the package: compile the translations into package data.

Everything else is declared in pyproject.toml. ``build_py`` runs
``pyside6-lrelease`` on resources/translations/*.ts and puts the .qm files in
the built package (editor/data/translations/), so a wheel ships them. An
editable install or a plain checkout needs no build step: editor/i18n.py
compiles the .ts on first use into the user's cache folder.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "resources" / "translations"


def _lrelease() -> list[str]:
    import PySide6  # in [build-system] requires

    folder = Path(PySide6.__file__).parent
    for name in ("lrelease", "lrelease.exe"):
        if (folder / name).is_file():
            return [str(folder / name)]
    return [sys.executable, "-m", "PySide6.scripts.pyside_tool", "lrelease"]  # pragma: no cover


class BuildWithTranslations(build_py):
    """build_py, then the .qm catalogues into the build's editor/data/translations."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return  # the checkout's .ts is compiled at run time (editor/i18n.py)
        out = Path(self.build_lib) / "editor" / "data" / "translations"
        out.mkdir(parents=True, exist_ok=True)
        for ts in sorted(SOURCES.glob("*.ts")):
            qm = out / f"{ts.stem}.qm"
            subprocess.run([*_lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
            if not qm.is_file():
                raise RuntimeError(f"lrelease wrote no {qm}")


setup(cmdclass={"build_py": BuildWithTranslations})
