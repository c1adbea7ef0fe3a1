"""Document + undo commands, driven without a mouse."""
import pytest

from editor.editing.document import Document
from editor.io import native
from editor.model import ModelError
from tests.helpers import seed_diagram


@pytest.fixture
def doc(qapp):
    return Document()


def test_draw_the_seed_and_undo_everything(doc):
    start = doc.diagram.state()
    n = doc.add_company("NVIDIA", 0, 0, "chipmaker")
    o = doc.add_company("OpenAI", 300, 0, "ai_lab")
    r = doc.add_company("Oracle", 150, 250, "cloud")
    doc.add_flow(n, o, "equity", 100, qualifier="up_to")
    doc.add_flow(o, r, "service", 300)
    doc.add_flow(r, n, "purchase", 40)
    end = doc.diagram.state()
    assert doc.is_modified()
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
    assert doc.diagram.state() == start
    assert not doc.is_modified()
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
    assert doc.diagram.state() == end


def test_invalid_change_raises_and_is_not_pushed(doc):
    a = doc.add_company("A")
    count = doc.undo_stack.count()
    with pytest.raises(ModelError):
        doc.add_flow(a, "ghost", "equity", 1)
    with pytest.raises(ModelError):
        doc.update_company(a, valuation=-1)
    with pytest.raises(ModelError):
        doc.add_company("")
    assert doc.undo_stack.count() == count
    assert doc.diagram.company(a).valuation is None


def test_typing_in_one_field_merges(doc):
    a = doc.add_company("A")
    for text in ["N", "NV", "NVI", "NVIDIA"]:
        doc.update_company(a, merge=True, name=text)
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.diagram.company(a).name == "A"


def test_arrow_key_nudges_merge_but_drags_do_not(doc):
    a = doc.add_company("A", 0, 0)
    doc.move_companies({a: (1, 0)}, nudge=True)
    doc.move_companies({a: (2, 0)}, nudge=True)
    assert doc.undo_stack.count() == 2
    doc.move_companies({a: (50, 50)})
    doc.move_companies({a: (60, 50)})
    assert doc.undo_stack.count() == 4
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert (doc.diagram.company(a).x, doc.diagram.company(a).y) == (0, 0)


def test_delete_company_takes_flows_and_undo_restores_order(qapp):
    doc = Document(seed_diagram())
    before = doc.diagram.state()
    assert doc.remove(["openai"])
    assert [f.id for f in doc.diagram.flows()] == ["f3"]
    doc.undo_stack.undo()
    assert doc.diagram.state() == before
    assert not doc.remove(["nope"])


def test_multi_edit_is_one_step_and_all_or_nothing(qapp):
    doc = Document(seed_diagram())
    doc.update_flows(["f1", "f2"], status="committed")
    assert {doc.diagram.flow(f).status for f in ("f1", "f2")} == {"committed"}
    doc.undo_stack.undo()
    assert doc.diagram.flow("f1").status == "announced"
    with pytest.raises(ModelError):
        doc.update_flows(["f1", "f2"], type="nope")
    assert doc.diagram.flow("f1").type == "equity"


def test_catalogue_commands_undo(doc):
    tid = doc.add_flow_type("Vendor loan")
    doc.update_flow_type(tid, color="#000000")
    a, b = doc.add_company("A"), doc.add_company("B")
    doc.add_flow(a, b, tid, 2)
    with pytest.raises(ModelError, match="still used"):
        doc.remove_flow_type(tid)
    doc.undo_stack.undo()
    doc.remove_flow_type(tid)
    assert not doc.diagram.has_flow_type(tid)
    doc.undo_stack.undo()
    assert doc.diagram.flow_type(tid).color == "#000000"


def test_ending_a_typing_session_starts_a_new_step(doc):
    a = doc.add_company("A")
    doc.update_company(a, merge=True, name="AB")
    doc.end_typing()
    doc.update_company(a, merge=True, name="ABC")
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    assert doc.diagram.company(a).name == "AB"
    doc.end_typing()  # the top step is not an edit: nothing to end, nothing changes
    assert doc.undo_stack.count() == 3


def test_moves_and_removals_take_the_undo_name_given(qapp):
    doc = Document(seed_diagram())
    doc.move_companies({"nvidia": (5, 5), "openai": (9, 9)}, text="Align top")
    assert doc.undo_stack.undoText() == "Align top"
    doc.move_companies({"nvidia": (6, 6)})
    assert doc.undo_stack.undoText() == "Move"
    assert doc.remove(["openai"], text="Cut 1 company")
    assert doc.undo_stack.undoText() == "Cut 1 company"
    doc.undo_stack.undo()
    assert doc.remove(["openai"])
    assert doc.undo_stack.undoText() == f"Delete {1 + len(seed_diagram().flows_of('openai'))} items"


def test_one_step_groups_changes_and_takes_all_back_on_failure(qapp):
    doc = Document(seed_diagram())
    before = doc.diagram.state()
    with doc.one_step("Two edits"):
        doc.update_company("nvidia", name="N")
        doc.update_company("openai", name="O")
    assert doc.undo_stack.undoText() == "Two edits"
    doc.undo_stack.undo()
    assert doc.diagram.state() == before
    with pytest.raises(ModelError), doc.one_step("Half done"):
        doc.update_company("nvidia", name="N")
        doc.update_company("openai", valuation=-1)
    assert doc.diagram.state() == before


def test_catalogue_edit_and_category_removal_undo_in_place(doc):
    cats = [c.id for c in doc.diagram.categories()]
    doc.update_category(cats[0], name="Renamed")
    assert doc.diagram.category(cats[0]).name == "Renamed"
    doc.undo_stack.undo()
    assert doc.diagram.category(cats[0]).name != "Renamed"
    unused = [c for c in cats if not any(x.category == c for x in doc.diagram.companies())][-1]
    doc.remove_category(unused)
    assert unused not in [c.id for c in doc.diagram.categories()]
    doc.undo_stack.undo()
    assert [c.id for c in doc.diagram.categories()] == cats


def test_mark_unsaved_and_saved(doc):
    assert not doc.is_modified()
    doc.mark_unsaved()
    assert doc.is_modified()
    doc.mark_saved()
    assert not doc.is_modified()


def test_save_marks_clean_and_failed_save_keeps_modified(tmp_path, doc):
    from editor.io.atomic import SaveError

    doc.add_company("A")
    doc.save(tmp_path / "a.roundtrip")
    assert not doc.is_modified() and doc.path.name == "a.roundtrip"
    doc.add_company("B")
    with pytest.raises(SaveError):
        doc.save(tmp_path / "missing" / "b.roundtrip")
    assert doc.is_modified() and doc.path.name == "a.roundtrip"
    assert native.load(tmp_path / "a.roundtrip").companies()[0].name == "A"


def test_revert_reloads_from_disk(tmp_path, doc):
    doc.add_company("A")
    doc.save(tmp_path / "a.roundtrip")
    doc.add_company("B")
    doc.revert()
    assert [c.name for c in doc.diagram.companies()] == ["A"]
    assert not doc.is_modified() and not doc.undo_stack.canUndo()
