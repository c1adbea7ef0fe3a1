"""The ``roundtrip`` command (also ``python -m editor``): the app, or a subcommand.

``roundtrip analyze|export|convert|stress ...`` (and ``--help``/``--version``) run the
command line (:mod:`editor.cli`, no Qt); anything else opens the app with
those arguments (:func:`editor.app.start.run_app`).
"""
from __future__ import annotations

import sys
from collections.abc import Sequence

from editor.cli import CLI_ARGUMENTS


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in CLI_ARGUMENTS:
        from editor.cli.main import main as cli_main

        return cli_main(args)
    from editor.app.start import run_app  # the GUI: Qt is only imported when it is needed

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
