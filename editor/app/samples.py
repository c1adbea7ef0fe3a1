"""The bundled sample diagrams: package data in ``editor/data/samples``."""
from __future__ import annotations

from pathlib import Path

from editor.app.resources import DATA_DIR

SAMPLES_DIR = DATA_DIR / "samples"
DEFAULT_SAMPLE = "ai-money-machine-2025"


def sample_paths() -> list[Path]:
    """Every bundled sample file, the AI sample first."""
    paths = sorted(SAMPLES_DIR.glob("*.roundtrip"))
    paths.sort(key=lambda p: (p.stem != DEFAULT_SAMPLE, p.stem))
    return paths


def sample_path(name: str = DEFAULT_SAMPLE) -> Path:
    return SAMPLES_DIR / f"{name}.roundtrip"
