"""The Import dialog's sentences: counts of rows, flows and companies, the problems heading and the
summary of what an import will do or did.

Each count is translated as a whole phrase, one per plural case ("1 row" / "{count} rows"), in the
"ImportDialog" context; no Qt widgets here.
"""
from __future__ import annotations

from editor.i18n import translate


def rows_text(n: int) -> str:
    """"1 row" / "N rows", translated as whole phrases (one per plural case)."""
    if n == 1:
        return translate("ImportDialog", "1 row")
    return translate("ImportDialog", "{count} rows").format(count=f"{n:,}")


def flows_text(n: int) -> str:
    if n == 1:
        return translate("ImportDialog", "1 flow")
    return translate("ImportDialog", "{count} flows").format(count=f"{n:,}")


def companies_text(n: int) -> str:
    if n == 1:
        return translate("ImportDialog", "1 company")
    return translate("ImportDialog", "{count} companies").format(count=f"{n:,}")


def problems_text(n: int) -> str:
    if n == 1:
        return translate("ImportDialog", "1 problem")
    return translate("ImportDialog", "{count} problems").format(count=f"{n:,}")


def problems_heading(problems: int, rows: int) -> str:
    """The line above the list of problems: how many, in how many rows (or that there are none)."""
    return (
        translate("ImportDialog", "Problems ({problems} in {rows}):").format(
            problems=problems_text(problems), rows=rows_text(rows)
        )
        if rows
        else translate("ImportDialog", "Problems ({count}):").format(count=f"{problems:,}")
        if problems
        else translate("ImportDialog", "No problems: every row can be imported.")
    )


def import_sentence(flows: int, companies: int, matched: int, skipped: int, future: bool, file: str) -> str:
    """What an import will do (``future``) or did: ``flows`` and ``companies`` from ``file``,
    ``matched`` of the companies already in the diagram, ``skipped`` rows left out."""
    what = {"flows": flows_text(flows), "companies": companies_text(companies)}
    if future:
        text = translate("ImportDialog", "{flows} and {companies} will be imported").format(**what)
    else:
        text = translate("ImportDialog", "Imported {flows} and {companies} from {file}").format(
            file=file, **what
        )
    if matched:
        if future:
            text += translate(
                "ImportDialog",
                " ({count} of these companies are already in the diagram and will be reused)",
            ).format(count=f"{matched:,}")
        else:
            text += translate(
                "ImportDialog", " ({count} matched with companies already in the diagram)"
            ).format(count=f"{matched:,}")
    if skipped:
        if future:
            text += (
                translate("ImportDialog", "; 1 row will be skipped") if skipped == 1
                else translate("ImportDialog", "; {count} rows will be skipped").format(count=f"{skipped:,}")
            )
        else:
            text += (
                translate("ImportDialog", "; 1 row was skipped") if skipped == 1
                else translate("ImportDialog", "; {count} rows were skipped").format(count=f"{skipped:,}")
            )
    return text + translate("ImportDialog", ".")
