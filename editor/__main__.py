"""``python -m editor`` does what the ``roundtrip`` command does."""
import sys

from editor.cli.main import main

sys.exit(main())
