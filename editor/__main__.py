"""``python -m editor`` does what the ``roundtrip`` command does."""
import sys

from .cli import main

sys.exit(main())
