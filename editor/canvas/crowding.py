"""How crowded a view is: the shown arrows crossing it, counted from the companies' centres.

A big map seen at a readable zoom can have thousands of long arrows crossing the view (about
4,700 of 10,000 at 2,000 companies / 10,000 flows, zoom 0.86). Drawn smoothed, each costs its
whole visible length in antialiased pixels: 330 of the 410 ms of a repaint of that view. Drawn
unsmoothed, the same tangle takes about 100 ms and looks the same (one texture either way).
The view counts them after a zoom, a scroll, a resize or a filter change, not while painting.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF

from editor.canvas.index import SceneIndex


def arrows_crossing(index: SceneIndex, rect: QRectF, limit: int) -> int:
    """How many shown arrows may cross ``rect`` (scene coordinates), counted up to ``limit``.

    An arrow is counted when the box spanned by its companies' centres meets ``rect``: a straight
    arrow crossing the rect always is. A curved arrow bulges a little beyond that box, and a
    diagonal arrow may pass beside the rect's corner. Either way the figure is an estimate of
    the drawing work, not an exact count.
    """
    left, top, right, bottom = rect.left(), rect.top(), rect.right(), rect.bottom()
    centres = {}
    for cid, item in index.companies.items():
        p = item.pos()
        centres[cid] = (p.x(), p.y())
    flows = index.flows
    count = 0
    for fid, (source, target) in index.ends.items():
        a, b = centres.get(source), centres.get(target)
        if a is None or b is None:
            continue
        (x1, y1), (x2, y2) = a, b
        if x1 > x2:
            x1, x2 = x2, x1
        if y1 > y2:
            y1, y2 = y2, y1
        if x1 <= right and x2 >= left and y1 <= bottom and y2 >= top:
            arrow = flows.get(fid)
            if arrow is not None and arrow.isVisible():
                count += 1
                if count >= limit:
                    break
    return count
