"""The optional ``view`` section of a .roundtrip file: the timeline's period, saved and read back."""
import json

import pytest

from editor.io import native
from editor.io.native import FormatError
from editor.io.view import PeriodView, ViewSettings, set_view, view_of
from editor.model import ModelError
from tests.helpers import seed_diagram


def test_a_diagram_without_view_settings_is_written_as_before(tmp_path):
    data = native.to_dict(seed_diagram())
    assert "view" not in data and data["version"] == native.FORMAT_VERSION == 1


def test_the_period_is_saved_and_restored(tmp_path):
    d = seed_diagram()
    set_view(d, ViewSettings(period=PeriodView("2025-06", "2025-09-30", "fade")))
    path = tmp_path / "p.roundtrip"
    native.save(d, path)
    data = json.loads(path.read_text("utf-8"))
    assert data["version"] == native.VIEW_FORMAT_VERSION
    assert data["view"] == {"period": {"from": "2025-06", "to": "2025-09-30", "outside": "fade"}}
    assert list(data)[-1] == "view"
    again = native.load(path)
    assert again == d            # the view is not part of the diagram's content
    assert view_of(again).period == PeriodView("2025-06", "2025-09-30", "fade")
    native.save(again, path)
    assert json.loads(path.read_text("utf-8")) == data
    set_view(again, None)
    assert view_of(again).is_empty() and "view" not in native.to_dict(again)


def test_view_settings_belong_to_one_diagram_object():
    a, b = seed_diagram(), seed_diagram()
    set_view(a, ViewSettings(period=PeriodView("2025", "")))
    assert view_of(b).is_empty() and view_of(a).period.start == "2025"


def _file(view, version=2) -> bytes:
    data = native.to_dict(seed_diagram())
    data["version"] = version
    data["view"] = view
    return json.dumps(data).encode()


@pytest.mark.parametrize("view, message", [
    ("lots", "view: expected an object"),
    ({"period": []}, "view.period: expected an object"),
    ({"period": {"from": 2025}}, "view.period.from: expected text"),
    ({"period": {"from": "2025-13"}}, "view.period.from"),
    ({"period": {"from": "2025-10", "to": "2025-09"}}, "view.period: from 2025-10 is after to 2025-09"),
    ({"period": {"outside": "blink"}}, "view.period.outside"),
])
def test_bad_view_settings_are_refused_with_their_place(view, message):
    with pytest.raises(FormatError) as e:
        native.loads(_file(view))
    assert message in str(e.value)


def test_a_view_section_needs_version_2():
    with pytest.raises(FormatError, match="view: needs format version 2"):
        native.loads(_file({"period": {"from": "2025"}}, version=1))


def test_unknown_view_settings_are_ignored():
    d = native.loads(_file({"zoom": 2, "period": {"to": "2025-06"}}))
    assert view_of(d).period == PeriodView("", "2025-06", "hide")


def test_a_newer_version_is_still_refused():
    with pytest.raises(FormatError, match="newer Roundtrip"):
        native.loads(_file({}, version=3))


def test_period_view_checks_itself():
    with pytest.raises(ModelError):
        PeriodView("2025-02-30")
    assert PeriodView().is_open and not PeriodView("2025").is_open


def test_view_settings_go_with_their_diagram():
    import gc

    from editor.io import view as view_module

    d = seed_diagram()
    set_view(d, ViewSettings(period=PeriodView("2025")))
    key = id(d)
    assert key in view_module._VIEWS
    del d
    gc.collect()      # (other tests' diagrams may go too: look at this one's entry only)
    assert key not in view_module._VIEWS
