"""The command line: ``roundtrip analyze|export|convert|stress`` (no Qt; :mod:`editor.cli.main`)."""

SUBCOMMANDS = ("analyze", "export", "convert", "stress")
#: Arguments the command line answers itself (anything else opens the app).
CLI_ARGUMENTS = SUBCOMMANDS + ("-h", "--help", "--version")
