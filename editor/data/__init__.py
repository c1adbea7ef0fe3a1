"""Package data: the icons and the bundled sample diagrams.

Read through :mod:`importlib.resources` (see :mod:`editor.app.resources` and
:mod:`editor.app.samples`), so they are found the same way in a checkout and in
an installed wheel.
"""
