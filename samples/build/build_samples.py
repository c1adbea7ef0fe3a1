"""Rebuild the bundled sample diagrams: ``python samples/build/build_samples.py``.

The figures, notes and positions live in the modules beside this one; this
script only builds the diagrams through the model API and saves them.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import ai_2025  # noqa: E402
import energy  # noqa: E402
import teaching  # noqa: E402
import telecom  # noqa: E402
from sample_common import SAMPLES_DIR  # noqa: E402

from editor.io import native  # noqa: E402

MODULES = (ai_2025, telecom, energy, teaching)


def main() -> int:
    for mod in MODULES:
        d = mod.build()
        path = SAMPLES_DIR / f"{mod.NAME}.roundtrip"
        native.save(d, path)
        native.load(path)  # validates what was written
        print(f"{path.name}: {len(d.companies())} companies, {len(d.flows())} flows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
