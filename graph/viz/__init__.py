"""viz stage: the conflict graph as an offline interactive HTML page or a static PNG.

>>> from graph.viz import write_html, write_png
>>> callable(write_html) and callable(write_png)
True
"""
from graph.viz.html import render_html, write_html
from graph.viz.png import write_png

__all__ = ["write_html", "render_html", "write_png"]
