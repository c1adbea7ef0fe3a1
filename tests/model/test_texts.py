"""Messages of the Qt-free layers: English everywhere text is read, template and params kept for display."""
from __future__ import annotations

import pickle

import pytest

from editor.io.native import FormatError, loads
from editor.model import Company, Diagram, ModelError
from editor.model.amounts import QUALIFIER_FORMS, amount_label, parse_amount
from editor.model.texts import Joined, Message, message_of, msg


def test_a_message_is_its_english_text_and_keeps_template_and_params():
    m = msg("{what}: must not be empty", what="company name")
    assert m == "company name: must not be empty"
    assert isinstance(m, str) and isinstance(m, Message)
    assert m.template == "{what}: must not be empty" and m.params == {"what": "company name"}


def test_an_exception_keeps_its_message_through_str_and_pickling():
    e = ModelError(msg("no flow with id {flow_id}", flow_id=repr("f9")))
    assert str(e) == "no flow with id 'f9'"
    assert isinstance(str(e), Message) and message_of(e).params == {"flow_id": "'f9'"}
    again = pickle.loads(pickle.dumps(e))
    assert str(again) == str(e) and message_of(again).template == "no flow with id {flow_id}"
    assert message_of(ValueError("plain")) == "plain" and not isinstance(message_of(ValueError("x")), Message)


def test_joined_parts_stay_messages():
    j = Joined([msg("a {x}", x=1), "b"])
    assert j == "a 1; b" and isinstance(j.parts[0], Message)
    assert pickle.loads(pickle.dumps(j)).parts == j.parts


def test_model_errors_are_messages_with_the_same_english():
    d = Diagram()
    with pytest.raises(ModelError) as info:
        d.add_company(Company("a", "", "chipmaker"))
    assert str(info.value) == "company name: must not be empty"
    assert message_of(info.value).template == "{what}: must not be empty"


def test_a_format_error_composes_messages():
    with pytest.raises(FormatError) as info:
        loads(b'{"format": "roundtrip", "version": 1, "companies": [], "flows": [{"id": 3}]}', "x.roundtrip")
    e = info.value
    text = message_of(e)
    assert isinstance(text, Message) and text.template == "{path}: {problem}"
    assert str(e).startswith("x.roundtrip: flows[0].")
    assert all(isinstance(p, Message) for p in e.problems)


def test_amount_label_takes_the_qualifier_forms_it_is_given():
    assert amount_label(100, "up_to") == "up to $100B"
    assert amount_label(300, "estimated") == "~$300B"
    ja = {"up_to": "最大{amount}", "estimated": "約{amount}"}
    assert amount_label(100, "up_to", forms=ja) == "最大$100B"
    assert amount_label(300, "estimated", "USD bn", ja) == "約$300B"
    assert amount_label(None, "up_to", forms=ja) == "$?"
    assert amount_label(40, "exact", forms=ja) == "$40B"
    assert set(QUALIFIER_FORMS) == {"up_to", "estimated"}


def test_the_japanese_labels_read_back():
    assert parse_amount("最大$100B") == (100.0, "up_to")
    assert parse_amount("最大 100") == (100.0, "up_to")
    assert parse_amount("約$300B") == (300.0, "estimated")


def test_split_field_keeps_the_message_of_the_rest():
    from editor.model.texts import Tail, split_field

    whole = msg("{what}: must not be negative, got {value}", what="amount", value="-1.0")
    fld, rest = split_field(whole)
    assert (fld, rest) == ("amount", "must not be negative, got -1.0")
    assert isinstance(rest, Tail) and rest.whole is whole
    assert pickle.loads(pickle.dumps(rest)) == rest and pickle.loads(pickle.dumps(rest)).whole == whole
    assert split_field("plain: text: more") == ("plain", "text: more")   # plain text stays plain
    assert split_field("no field here") == ("no field here", "no field here")
