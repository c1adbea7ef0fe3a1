"""The Inspector: every field of the selected company or flow, or the diagram's details.

Edits go through the Document (one undo step per field edit session: typing in
a field merges, leaving the field ends the session). A value the model refuses
is shown in red beside the field and nothing changes. The inspector follows
the model's change events and the selection; it never echoes its own updates.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from editor.i18n import QT_TRANSLATE_NOOP, error_text, error_texts, translate
from editor.model import QUALIFIER_LABELS, STATUSES, Change, ModelError
from editor.model.links import check_link
from editor.panels.common import show_error, with_error
from editor.panels.inspector_fields import MIXED, NEW_ENTRY, Field, FieldWidget, PlainEdit, _text

if TYPE_CHECKING:
    from editor.editing.document import Document

#: the qualifier combo's items (the model's QUALIFIER_LABELS), translated when shown
QUALIFIER_NAMES = {
    "exact": QT_TRANSLATE_NOOP("Inspector", "exact"),
    "up_to": QT_TRANSLATE_NOOP("Inspector", "up to"),
    "estimated": QT_TRANSLATE_NOOP("Inspector", "estimated"),
}
#: the status combo's items: the model's STATUSES (kept in the file as they are), translated when shown
STATUS_NAMES = {
    "announced": QT_TRANSLATE_NOOP("Inspector", "announced"),
    "committed": QT_TRANSLATE_NOOP("Inspector", "committed"),
    "paid": QT_TRANSLATE_NOOP("Inspector", "paid"),
    "unconfirmed": QT_TRANSLATE_NOOP("Inspector", "unconfirmed"),
}


class Inspector(QWidget):
    """Dock contents: the selection's fields, or the diagram's details when nothing is selected."""

    #: Ask the window to show a message in the status bar.
    statusMessage = Signal(str)

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document  # listened to from set_document() at the end of __init__
        self.company_ids: list[str] = []
        self.flow_ids: list[str] = []
        self._applying = False
        self._session: tuple | None = None  # (kind, record id, field, {record field: value before typing})
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # company names come from files: never markup
        self.heading.setStyleSheet("font-weight: 600; padding: 2px 0 4px 0;")
        self.stack = QStackedWidget()
        self.fields: dict[str, dict[str, Field]] = {"company": {}, "flow": {}, "diagram": {}}
        self.forms: dict[str, QFormLayout] = {}
        self.diagram_page = self._page(
            "diagram",
            [
                ("title", QT_TRANSLATE_NOOP("Inspector", "Title"), "text"),
                ("subtitle", QT_TRANSLATE_NOOP("Inspector", "Subtitle"), "text"),
                ("unit", QT_TRANSLATE_NOOP("Inspector", "Unit"), "required"),
                ("description", QT_TRANSLATE_NOOP("Inspector", "Description"), "multiline"),
                ("sources_note", QT_TRANSLATE_NOOP("Inspector", "Sources note"), "multiline"),
            ],
        )
        self.company_page = self._page(
            "company",
            [
                ("name", QT_TRANSLATE_NOOP("Inspector", "Name"), "required"),
                ("category", QT_TRANSLATE_NOOP("Inspector", "Category"), "combo"),
                ("valuation", QT_TRANSLATE_NOOP("Inspector", "Valuation"), "number"),
                ("valuation_date", QT_TRANSLATE_NOOP("Inspector", "Valuation date"), "date"),
                ("revenue", QT_TRANSLATE_NOOP("Inspector", "Revenue"), "number"),
                ("revenue_period", QT_TRANSLATE_NOOP("Inspector", "Revenue period"), "text"),
                ("profit", QT_TRANSLATE_NOOP("Inspector", "Profit"), "signed"),
                ("profit_period", QT_TRANSLATE_NOOP("Inspector", "Profit period"), "text"),
                ("size", QT_TRANSLATE_NOOP("Inspector", "Size override"), "number"),
                ("notes", QT_TRANSLATE_NOOP("Inspector", "Notes"), "multiline"),
            ],
        )
        self.ends_label = QLabel()
        self.ends_label.setTextFormat(Qt.TextFormat.PlainText)
        self.ends_label.setWordWrap(True)
        self.flow_page = self._page(
            "flow",
            [
                ("type", QT_TRANSLATE_NOOP("Inspector", "Type"), "combo"),
                ("amount", QT_TRANSLATE_NOOP("Inspector", "Amount"), "amount"),
                ("qualifier", QT_TRANSLATE_NOOP("Inspector", "Qualifier"), "combo"),
                ("unit", QT_TRANSLATE_NOOP("Inspector", "Unit"), "text"),
                ("date", QT_TRANSLATE_NOOP("Inspector", "Date"), "date"),
                ("end_date", QT_TRANSLATE_NOOP("Inspector", "End date"), "date"),
                ("status", QT_TRANSLATE_NOOP("Inspector", "Status"), "combo"),
                ("url", QT_TRANSLATE_NOOP("Inspector", "Source URL"), "text"),
                ("note", QT_TRANSLATE_NOOP("Inspector", "Note"), "multiline"),
            ],
            top=(translate("Inspector", "From → to"), self.ends_label),
        )
        self.link = QLabel()
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.link.setOpenExternalLinks(False)
        self.link.linkActivated.connect(self.open_link)
        self.forms["flow"].insertRow(self.forms["flow"].rowCount() - 1, "", self.link)
        self.mixed_label = QLabel()
        self.mixed_label.setWordWrap(True)
        self.mixed_label.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.stack.addWidget(self.mixed_label)

        for key, label in QUALIFIER_LABELS.items():
            name = translate("Inspector", QUALIFIER_NAMES.get(key, label))
            self.fields["flow"]["qualifier"].combo().addItem(name, key)
        for s in STATUSES:
            self.fields["flow"]["status"].combo().addItem(translate("Inspector", STATUS_NAMES.get(s, s)), s)
        size = self.fields["company"]["size"]
        size.placeholder = translate("Inspector", "automatic")
        size.line_edit().setPlaceholderText(size.placeholder)
        size.widget.setToolTip(
            translate("Inspector", "Node size from 1 to 1000; empty: sized by valuation or revenue")
        )

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.stack)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.heading)
        lay.addWidget(scroll)
        self.set_document(document)

    # ------------------------------------------------------------ building
    def _page(
        self, kind: str, specs: list[tuple[str, str, str]], top: tuple[str, QWidget] | None = None
    ) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.forms[kind] = form
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        if top:
            form.addRow(*top)
        for key, label, ftype in specs:
            w: FieldWidget
            if ftype == "combo":
                w = QComboBox()
                w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                w.setMinimumContentsLength(8)
            elif ftype == "multiline":
                w = PlainEdit()
                w.setTabChangesFocus(True)
                w.setFixedHeight(64)
            else:
                w = QLineEdit()
            f = Field(key, {"multiline": "text", "combo": "combo"}.get(ftype, ftype), w, label)
            self.fields[kind][key] = f
            self._connect(kind, f)
            form.addRow(translate("Inspector", label), with_error(w, f.error))
        outer = QWidget()
        ol = QVBoxLayout(outer)
        ol.setContentsMargins(0, 0, 0, 0)
        ol.addWidget(page)
        ol.addStretch(1)
        self.stack.addWidget(outer)
        return outer

    def _connect(self, kind: str, f: Field) -> None:
        w = f.widget
        if isinstance(w, QComboBox):
            w.activated.connect(lambda _i, kind=kind, f=f: self._combo_activated(kind, f))
        elif kind == "diagram":
            w.editingFinished.connect(lambda kind=kind, f=f: self._commit(kind, f, live=False))
        else:
            if isinstance(w, QPlainTextEdit):
                w.textChanged.connect(lambda kind=kind, f=f: self._commit(kind, f, live=True))
            else:
                w.textEdited.connect(lambda _t, kind=kind, f=f: self._commit(kind, f, live=True))
            w.editingFinished.connect(lambda kind=kind, f=f: self._finish(kind, f))

    # ------------------------------------------------------------ document
    def set_document(self, document: Document) -> None:
        self.detach()  # a no-op the first time: the listener is not subscribed yet
        self.document = document
        document.diagram.subscribe(self._on_change)
        self.company_ids, self.flow_ids = [], []
        self.refresh()

    def detach(self) -> None:
        self.document.diagram.unsubscribe(self._on_change)

    def set_selection(self, company_ids: Iterable[str], flow_ids: Iterable[str]) -> None:
        self._session = None
        self.company_ids, self.flow_ids = list(company_ids), list(flow_ids)
        self.refresh()

    def _on_change(self, change: Change) -> None:
        if self._applying:
            return
        self._session = None
        self.refresh()

    def field(self, kind: str, key: str) -> Field:
        return self.fields[kind][key]

    # ------------------------------------------------------------- showing
    def refresh(self) -> None:
        d = self.document.diagram
        self.company_ids = [c for c in self.company_ids if d.has_company(c)]
        self.flow_ids = [f for f in self.flow_ids if d.has_flow(f)]
        cs, fs = self.company_ids, self.flow_ids
        if cs and fs:
            self.heading.setText(translate("Inspector", "Selection"))
            self.mixed_label.setText(
                translate(
                    "Inspector",
                    "{companies} companies and {flows} flows selected.\n\nSelect only "
                    "companies or only flows to edit them together.",
                ).format(companies=len(cs), flows=len(fs))
            )
            self.stack.setCurrentWidget(self.mixed_label)
        elif cs:
            self._fill_combo(
                self.fields["company"]["category"].combo(),
                d.categories(),
                translate("Inspector", "New category…"),
            )
            self._show_records("company", [d.company(c) for c in cs])
            self.heading.setText(
                d.company(cs[0]).name
                if len(cs) == 1
                else translate("Inspector", "{count} companies").format(count=len(cs))
            )
            self.stack.setCurrentWidget(self.company_page)
        elif fs:
            self._fill_combo(
                self.fields["flow"]["type"].combo(), d.flow_types(), translate("Inspector", "New type…")
            )
            flows = [d.flow(f) for f in fs]
            unit = d.metadata.unit
            self.fields["flow"]["amount"].units = tuple(sorted({f.unit or unit for f in flows}))
            self._show_records("flow", flows)
            unit_field = self.fields["flow"]["unit"]
            unit_field.placeholder = unit
            uw = unit_field.line_edit()
            if not uw.text():
                uw.setPlaceholderText(unit if len(fs) == 1 or uw.placeholderText() != MIXED else MIXED)
            if len(fs) == 1:
                f = flows[0]
                self.ends_label.setText(f"{d.company(f.source).name} → {d.company(f.target).name}")
                self.heading.setText(translate("Inspector", "Flow"))
            else:
                self.ends_label.setText(translate("Inspector", "{count} flows").format(count=len(fs)))
                self.heading.setText(translate("Inspector", "{count} flows").format(count=len(fs)))
            self._show_link()
            self.stack.setCurrentWidget(self.flow_page)
        else:
            m = d.metadata
            for key, field in self.fields["diagram"].items():
                field.show(getattr(m, key))
            self.heading.setText(translate("Inspector", "Diagram details"))
            self.stack.setCurrentWidget(self.diagram_page)

    def _show_records(self, kind: str, records) -> None:
        single = len(records) == 1
        for key, f in self.fields[kind].items():
            values = {getattr(r, key) for r in records}
            f.show(next(iter(values)), mixed=len(values) > 1)
            if kind == "company" and key == "name" or kind == "flow" and key in ("url",):
                f.widget.setEnabled(single)
                if not single:
                    f.widget.setPlaceholderText("")

    def _fill_combo(self, combo: QComboBox, records, new_text: str) -> None:
        combo.blockSignals(True)
        combo.clear()
        for r in records:
            combo.addItem(r.name, r.id)
        combo.insertSeparator(combo.count())
        combo.addItem(new_text, NEW_ENTRY)
        combo.blockSignals(False)

    def _show_link(self) -> None:
        url = self.fields["flow"]["url"].line_edit().text().strip() if len(self.flow_ids) == 1 else ""
        if not url:
            self.link.setText("")
        elif (link := check_link(url)).openable:
            label = (
                translate("Inspector", "Open source at {host} (look-alike letters)")
                if link.warnings
                else translate("Inspector", "Open source at {host}")
            ).format(host=_escape(link.host))
            self.link.setText(f'<a href="open">{label}</a>')
        else:
            why = _escape(translate("Inspector", "Why can this link not be opened?"))
            self.link.setText(f'<a href="refused">{why}</a>')
        self.link.setProperty("url", url)

    def open_link(self, _href: str = "") -> bool:
        """Open the flow's source URL in the browser, only for http(s) addresses."""
        url = str(self.link.property("url") or "")
        link = check_link(url)
        if not link.openable:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                translate("Inspector", "Cannot Open Link"),
                translate("Inspector", "This link is not opened: {reason}.").format(
                    reason=error_text(link.refusal or "")
                )
                + f"\n\n{url[:500]}",
                parent=self,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()
            return False
        if link.warnings:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                translate("Inspector", "Open Link?"),
                translate("Inspector", "This link leads to {host}.").format(host=link.host)
                + "\n\n"
                + "\n".join(error_texts(link.warnings))
                + f"\n\n{url[:500]}\n\n"
                + translate("Inspector", "Open it anyway?"),
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                self,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            if box.exec() != QMessageBox.StandardButton.Open:
                return False
        QDesktopServices.openUrl(QUrl(url.strip()))
        return True

    # -------------------------------------------------------------- editing
    def _commit(self, kind: str, f: Field, live: bool) -> bool:
        """Apply the field's value; show the model's refusal beside the field.

        While typing (``live``) each valid text is applied at once and merges into
        one undo step; when the text becomes invalid the record goes back to the
        value it had when the typing began, so nothing is left half-applied.
        """
        try:
            changes = f.changes()
            if live:  # every field the edit may change, so the typing merges into one step
                changes = {**self._begin_session(kind, f), **changes}
            self._apply(kind, changes, live)
        except ModelError as e:
            if live:
                self._revert_session(kind, f.key)
            show_error(f.error, translate("Inspector", "Not applied: {error}").format(error=error_text(e)))
            return False
        show_error(f.error, None)
        if kind == "flow" and f.key == "url":
            self._show_link()
        return True

    def _apply(self, kind: str, changes: dict[str, Any], live: bool) -> None:
        doc = self.document
        self._applying = True
        try:
            if kind == "diagram":
                m = doc.diagram.metadata
                if all(getattr(m, k) == v for k, v in changes.items()):
                    return
                from editor.model import Metadata

                Metadata(**{**m.__dict__, **changes})  # validate first: nothing half-applied
                doc.set_metadata(**changes)
            elif kind == "company":
                ids = self.company_ids
                if len(ids) == 1:
                    doc.update_company(ids[0], merge=live, **changes)
                elif not live:
                    doc.update_companies(ids, **changes)
            else:
                ids = self.flow_ids
                if len(ids) == 1:
                    doc.update_flow(ids[0], merge=live, **changes)
                elif not live:
                    doc.update_flows(ids, **changes)
        finally:
            self._applying = False
        if kind == "company" and "name" in changes and len(self.company_ids) == 1:
            self.heading.setText(changes["name"])

    def _finish(self, kind: str, f: Field) -> None:
        """Leaving a field: multiple selections apply now; single ones end the merge session."""
        single = len(self.company_ids if kind == "company" else self.flow_ids) == 1
        if kind == "flow" and f.key == "url" and bare_web_address(_text(f.widget)):
            f.line_edit().setText("https://" + _text(f.widget).strip())  # "www.…" typed: a link that opens
            if single:
                self._commit(kind, f, live=True)  # the same undo step as the typing
        if not single:
            if f.widget.placeholderText() == MIXED and not _text(f.widget):
                return  # left untouched: keep each record's own value
            self._commit(kind, f, live=False)
        self.end_edit_session()

    def _record(self, kind: str):
        ids = self.company_ids if kind == "company" else self.flow_ids
        if len(ids) != 1:
            return None
        d = self.document.diagram
        return d.company(ids[0]) if kind == "company" else d.flow(ids[0])

    def _begin_session(self, kind: str, f: Field) -> dict[str, Any]:
        """Start (or go on with) typing in ``f``; returns the record's values from before the typing."""
        record = self._record(kind)
        if record is None:
            return {}
        if self._session is None or self._session[:3] != (kind, record.id, f.key):
            self._session = (kind, record.id, f.key, {k: getattr(record, k) for k in f.keys})
        return dict(self._session[3])

    def _revert_session(self, kind: str, key: str) -> None:
        record = self._record(kind)
        if record is None or self._session is None or self._session[:3] != (kind, record.id, key):
            return
        start = self._session[3]
        if any(getattr(record, k) != v for k, v in start.items()):
            self._apply(kind, dict(start), live=True)  # merges back: the step disappears

    def end_edit_session(self) -> None:
        self._session = None
        self.document.end_typing()

    def _combo_activated(self, kind: str, f: Field) -> None:
        if f.combo().currentData() == NEW_ENTRY:
            self._new_catalogue_entry(kind, f)
            return
        self._commit(kind, f, live=False)

    def _new_catalogue_entry(self, kind: str, f: Field) -> None:
        if kind == "company":
            title = translate("Inspector", "New Category")
            label = translate("Inspector", "Name of the new category:")
        else:
            title = translate("Inspector", "New Flow Type")
            label = translate("Inspector", "Name of the new flow type:")
        name, ok = QInputDialog.getText(self, title, label)
        self.refresh()
        if ok and name.strip():
            self.add_and_assign(kind, name.strip())

    def add_and_assign(self, kind: str, name: str) -> str | None:
        """Add a category / flow type (unless one has that name) and give it to the selection: one step."""
        doc, d = self.document, self.document.diagram
        key = "category" if kind == "company" else "type"
        existing = d.category_by_name(name) if kind == "company" else d.flow_type_by_name(name)
        if existing is None:
            text = (
                translate("Inspector", "New category {name}") if kind == "company"
                else translate("Inspector", "New flow type {name}")
            ).format(name=name)
        else:
            text = (
                translate("Inspector", "Set category {name}") if kind == "company"
                else translate("Inspector", "Set type {name}")
            ).format(name=existing.name)
        try:
            with doc.one_step(text):  # on failure, whatever part was done is taken back
                if existing is not None:
                    rid = existing.id
                else:
                    rid = doc.add_category(name) if kind == "company" else doc.add_flow_type(name)
                self._apply(kind, {key: rid}, live=False)
        except ModelError as e:
            show_error(
                self.fields[kind][key].error,
                translate("Inspector", "Not applied: {error}").format(error=error_text(e)),
            )
            self.refresh()
            return None
        self.refresh()
        return rid


def bare_web_address(text: object) -> bool:
    """True for a link typed without its scheme, as "www.example.com/…"."""
    return isinstance(text, str) and text.strip().lower().startswith("www.") and " " not in text.strip()


def _escape(url: str) -> str:
    return url.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
