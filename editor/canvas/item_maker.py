"""Making, styling and removing the scene's company and flow items.

:class:`ItemMaker` turns a company or flow of the diagram into its item (circle and
name; arrow, head and amount label), styles it again when the record changes, and
takes a flow's item out. It keeps what every item shares: the fonts and their
metrics, one colour, label pen and text brush per flow-type colour, and the label
texts of amounts already formatted. During a build (``building``) the names, heads
and labels are left for later (see detail.py).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPen
from PySide6.QtWidgets import QGraphicsItem

from editor.canvas.backref import Backref
from editor.canvas.company_item import CompanyItem
from editor.canvas.flow_items import FlowItem, FlowLabelItem, text_width
from editor.canvas.items import solid_brush
from editor.canvas.style import format_amount, node_radius, soft_fill
from editor.canvas.theme import over, readable, rgba
from editor.model import Flow

if TYPE_CHECKING:
    from editor.canvas.index import Pair
    from editor.canvas.scene import DiagramScene


class ItemMaker:
    """The items of a scene's companies and flows, made and styled from the scene's diagram.

    Made by the scene after its other collaborators, whose objects it keeps: the per-item paths
    read plain attributes (those of the scene, a QObject, cost PySide several times as much).
    """

    def __init__(self, scene: DiagramScene) -> None:
        self._scene = Backref(scene)
        self.style = style = scene.style
        self._index = scene.index
        self._layers = scene.layers
        self._marks = scene.marks
        self._detail = scene.detail
        self._rescaler = scene.rescaler
        self._lanes = scene.lanes
        self._legend = scene.legend
        self._period = scene.period
        self._types = scene.types
        #: names, heads and labels are made after the build (the scene builds every item anew)
        self.building = False
        self._looks: dict[str, tuple[QColor, tuple[QPen, QBrush]]] = {}   # per flow type colour
        self._company_font = style.company_font()
        self._company_metrics = QFontMetricsF(self._company_font)
        self._amount_font = style.amount_font()
        self._amount_metrics = QFontMetricsF(self._amount_font)
        self._amount_height = self._amount_metrics.height()
        self._texts: dict[tuple, str] = {}   # (amount, qualifier, unit) -> label text

    def forget_looks(self) -> None:
        """Drop the colours made for the flow types (the theme changed)."""
        self._looks.clear()

    def _made(self, item: QGraphicsItem) -> None:
        """A child of the base layer was made: a build keeps it in order (see SceneLayers.made)."""
        if self.building:
            self._layers.made.append(item)

    # ------------------------------------------------------------ companies
    def add_company_item(self, cid: str) -> None:
        item = CompanyItem(cid, self.style, self._layers.base)
        self._made(item)
        item.export_mode = self._marks.export_mode
        self._index.add_company(cid, item)
        if not self._detail.labels_shown:
            item.set_name_shown(False)
        self.style_company(cid)
        if self.building:
            self._detail.defer(item)   # the name's box and text: made after the build
        else:
            item.make_name()

    def style_company(self, cid: str) -> None:
        diagram = self._scene().diagram
        c = diagram.company(cid)
        item = self._index.companies[cid]
        color = diagram.category(c.category).color
        rescaler = self._rescaler
        item.set_look(c.name, node_radius(c, rescaler.size_by, rescaler.max_value, self.style), color,
                      self._company_font, self._company_metrics)
        item.setPos(c.x, c.y)
        self._legend.category_use[c.category] += 1
        item.category = c.category

    def restyle_company(self, cid: str) -> None:
        """Style a company again (its look, radius or category may have changed)."""
        self._legend.category_use[self._index.companies[cid].category] -= 1
        self.style_company(cid)

    # ---------------------------------------------------------------- flows
    def add_flow_item(self, fid: str, f: Flow | None = None) -> None:
        if f is None:
            f = self._scene().diagram.flow(fid)
        item = FlowItem(fid, self.style, self._layers.base)
        self._made(item)
        if self._marks.export_mode:
            item.export_mode = True
        self._index.add_flow(fid, item, f.source, f.target)
        if not self._detail.heads_shown:
            item.set_head_shown(False)
        self.style_flow(fid, f)
        if self.building:
            self._detail.defer(item)   # head and label: made after the build (see detail.py)
        else:
            self.realize_flow(item)

    def realize_flow(self, item: FlowItem | CompanyItem) -> None:
        """Make the head and the label (with its text) of a flow's item if not there yet
        (of a company's item: its name)."""
        if isinstance(item, CompanyItem):
            item.make_name()
            return
        item.make_head()
        made = item.made_label
        if made is not None:
            made.realize()
            return
        label = FlowLabelItem(item, self.style, item.parentItem())
        self._made(label)
        label.export_mode = self._marks.export_mode
        assert item.label_look is not None   # (styled when added)
        label.set_text(item.label_text, item.label_look, self._amount_metrics, self._amount_font)
        label.setPos(*item.label_pos)
        if item.opacity() != 1.0:
            label.setOpacity(item.opacity())
        if item.selected_look:
            label.set_selected_look(True)
        self._marks.mark_label(label)
        if not self._detail.labels_shown or item.id in self._period.out or item.type_id in self._types.hidden:
            label.setVisible(False)

    def style_flow(self, fid: str, f: Flow | None = None) -> None:
        diagram = self._scene().diagram
        if f is None:
            f = diagram.flow(fid)
        item = self._index.flows[fid]
        self._lanes.forget_sizes(self._index.ends[fid])
        old_type = item.type_id
        type_use = self._legend.type_use
        if old_type is not None:
            type_use[old_type] -= 1
        type_use[f.type] += 1
        item.type_id = f.type
        color, pens = self._type_look(diagram.flow_type(f.type).color)
        rescaler = self._rescaler
        item.set_look(color, rescaler.drawn_width(item, rescaler.flow_width(f.amount)))
        key = (f.amount, f.qualifier, f.unit or diagram.metadata.unit)
        texts = self._texts
        text = texts.get(key)
        if text is None:
            if len(texts) > 50000:
                texts.clear()
            text = texts[key] = format_amount(*key, language=self.style.language)
        if text != item.label_text or item.label_look is None:
            item.label_size = (text_width(self._amount_metrics, text) + 10, self._amount_height + 4)
        item.label_text, item.label_look = text, pens
        label = item.made_label
        if label is not None:
            label.set_text(text, pens, self._amount_metrics, self._amount_font)
        types, period = self._types, self._period
        if types.hidden and (f.type in types.hidden or old_type in types.hidden):
            types.follow(fid, period.out, period.mode == "hide", self._detail.labels_shown)

    def _type_look(self, hex_color: str) -> tuple[QColor, tuple[QPen, QBrush]]:
        """The shared colour, label border pen and text brush of a flow type's colour (built once)."""
        look = self._looks.get(hex_color)
        if look is None:
            s = self.style
            color = QColor(hex_color)
            if s.theme != "light":   # lines stand out from a dark canvas (3:1, as graphics should)
                color = readable(color, s.background, 3.0)
            behind = over(rgba(s.label_background), s.background)
            text = readable(color.darker(135) if s.theme == "light" else color.lighter(125), behind)
            look = (color, (QPen(soft_fill(color, 0.45, s.fill_toward), 1.0), solid_brush(text)))
            self._looks[hex_color] = look
        return look

    def remove_flow_item(self, fid: str) -> Pair:
        """Take a flow's item out of the scene; the pair of companies it joined."""
        self._lanes.forget_sizes(self._index.ends[fid])
        item, key = self._index.remove_flow(fid)
        if item.type_id is not None:
            self._legend.type_use[item.type_id] -= 1
        scene = self._scene()
        if (label := item.made_label) is not None:
            scene.removeItem(label)
        scene.removeItem(item)
        self._rescaler.forget_flow(fid)
        return key
