"""Image export of a diagram (PNG, SVG, PDF): :func:`editor.canvas.export.image.export_image`.

``image`` builds the page and writes the file, ``layout`` composes the page around the diagram,
``sources`` numbers the source notes and ``png`` encodes PNG files.
"""
