"""The ``roundtrip`` command (also ``python -m editor``): the app, or a subcommand.

``roundtrip analyze|export|convert|stress ...`` (and ``--help``/``--version``) run the
command line (:mod:`editor.cli`, no Qt); anything else opens the app with
those arguments (:func:`editor.app.start.run_app`). A first word that is neither a
command nor a file (``roundtrip stres FILE``) is reported with the closest command
(exit status 2), and without a display the app says so in one line (exit status 2)
instead of letting Qt abort.
"""
from __future__ import annotations

import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from editor.cli import CLI_ARGUMENTS, SUBCOMMANDS


def unknown_command(args: Sequence[str]) -> str | None:
    """The message for a first word that is no command and no file, else None."""
    if not args or args[0].startswith("-"):
        return None
    word = args[0]
    if Path(word).exists() or Path(word).suffix or os.sep in word or (os.altsep and os.altsep in word):
        return None  # a file to open (a missing file is reported by the window)
    import difflib  # (only for a word that is no command: not on the way to the window)

    close = difflib.get_close_matches(word.lower(), SUBCOMMANDS, n=1, cutoff=0.5)
    hint = f"; did you mean 'roundtrip {close[0]}'?" if close else ""
    return (f"roundtrip: '{word}' is not a command or a file{hint} "
            f"(commands: {', '.join(SUBCOMMANDS)}; roundtrip --help)")


def missing_display(environ: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """The message when the window cannot be shown because there is no display, else None."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None  # Windows and macOS always have their own display
    if env.get("QT_QPA_PLATFORM") or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return ("roundtrip: the editor needs a display (neither DISPLAY nor WAYLAND_DISPLAY is set); "
            "without one, use the command line (roundtrip analyze|export|convert|stress) "
            "or run the window off screen with QT_QPA_PLATFORM=offscreen")


#: The module each command runs in (imported at start-up, see :func:`start_up_imports`).
COMMAND_MODULES = {"analyze": "editor.cli.analyze", "export": "editor.cli.convert",
                   "convert": "editor.cli.convert", "stress": "editor.cli.stress"}


@contextlib.contextmanager
def start_up_imports(active: bool = True) -> Iterator[None]:
    """Imports without the cyclic garbage collector, whose objects are then frozen (when ``active``:
    a process that starts with :func:`main` from the command line, not a test calling it).

    Importing makes a few hundred thousand objects (classes, functions, Qt's wrappers), none of
    them garbage; left on, the collector walks them all again and again while they are made
    (tens of milliseconds at start-up), and then at every full collection. Frozen, they are
    left out of every later collection."""
    if not active:
        yield
        return
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    whole_process = argv is None
    if args and args[0] in CLI_ARGUMENTS:
        with start_up_imports(whole_process):
            from editor.cli.main import main as cli_main

            if args[0] in COMMAND_MODULES:
                importlib.import_module(COMMAND_MODULES[args[0]])
        if whole_process:  # a command analyses once: no cuts are kept (nor worked out) for a next time
            from editor.analysis.cuts import keep_previous

            keep_previous(False)
        return cli_main(args)
    problem = unknown_command(args) or missing_display()
    if problem:
        print(problem, file=sys.stderr)
        return 2
    with start_up_imports(whole_process):
        import PySide6.QtCore  # noqa: F401  (the GUI: Qt is only imported when it is needed)

        from editor.app.pyside_checks import skip_pyside_source_checks

        skip_pyside_source_checks()     # before the window's modules are imported
        from editor.app.start import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
