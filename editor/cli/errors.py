"""The command line's own error: bad input on the command line."""


class CliError(Exception):
    """Bad input on the command line: reported as one ``error:`` line, exit 2."""
