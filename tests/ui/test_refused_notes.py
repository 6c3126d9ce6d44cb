"""Session notes the store refuses stay in the box to fix: the form was cleared on submit,
so a counselor's notes holding a control character (pasted from a PDF, say) were lost
with the error."""

from __future__ import annotations

import pytest

from careerpivot.ui import nav
from tests.ui.conftest import button, plain
from tests.ui.test_clients import open_clients, store  # noqa: F401  (fixture)

pytestmark = pytest.mark.skipif(not nav.CLIENTS.available, reason="no careerpivot.store")
#: The notes box (careerpivot.ui.views.clients.NOTE_TEXT; a page module runs when imported).
NOTE_TEXT = "w_cl_note_text"


def test_refused_notes_stay_in_the_box_and_saved_ones_are_cleared(store):  # noqa: F811
    ana = store.create_client("Ana Díaz")
    at = open_clients()
    at.selectbox(key="w_cl_pick").set_value(ana.id).run()
    typed = "Talked about data roles\x1b[2J and next steps"
    at.text_area(key=NOTE_TEXT).input(typed)
    button(at, "Add notes").click().run()
    assert not at.exception, at.exception
    assert any("not saved" in plain(e.value) and "control" in plain(e.value) for e in at.error)
    assert at.text_area(key=NOTE_TEXT).value == typed  # still there to fix
    assert not store.load_client(ana.id).sessions
    at.text_area(key=NOTE_TEXT).input("Talked about data roles and next steps")
    button(at, "Add notes").click().run()
    assert [s.notes for s in store.load_client(ana.id).sessions] == [
        "Talked about data roles and next steps"
    ]
    assert at.text_area(key=NOTE_TEXT).value == ""
