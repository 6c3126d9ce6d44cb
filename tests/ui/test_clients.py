"""Clients page (counselors): passcode, add and pick clients, carry profiles, notes, erase."""

import time

import pytest

from careerpivot.ui import nav, state
from tests.ui.conftest import button, footer, new_app, page, plain, start_from, texts

pytestmark = pytest.mark.skipif(not nav.CLIENTS.available, reason="no careerpivot.store")


@pytest.fixture
def store():
    from careerpivot.store import Store, database_url

    with Store.open(database_url()) as s:  # the per-test data dir of tests/ui/conftest.py
        yield s


PASSCODE = "a good passcode"


def open_clients(at=None):
    """The Clients page, set up (first visit: a passcode is chosen) and unlocked."""
    at = at or new_app()
    at.switch_page(page(nav.CLIENTS)).run()
    assert not at.exception, at.exception
    if any(s.value == "Set the counselor passcode" for s in at.subheader):
        set_passcode(at, PASSCODE, PASSCODE)
    elif any(t.key == "w_passcode" for t in at.text_input):
        at.text_input(key="w_passcode").input(PASSCODE).run()
    assert not at.exception, at.exception
    return at


def set_passcode(at, first, again):
    at.text_input(key="w_cl_new_code").input(first)
    at.text_input(key="w_cl_new_code2").input(again)
    button(at, "Set the passcode").click().run()
    return at


def add_client(at, name, contact=""):
    form_inputs = [t for t in at.text_input if t.label in ("Name", "Contact (optional)")]
    form_inputs[0].input(name)  # inside a form: sent with the submit below
    if contact:
        form_inputs[1].input(contact)
    button(at, "Add client").click().run()
    assert not at.exception, at.exception
    return at


def test_the_first_visit_asks_for_a_passcode_before_any_record_shows(store):
    store.create_client("Ana Díaz")  # e.g. added with the command line before any passcode
    at = new_app()
    at.switch_page(page(nav.CLIENTS)).run()
    assert any(s.value == "Set the counselor passcode" for s in at.subheader)
    assert not at.selectbox and not at.header  # no client record shows
    assert "Ana Díaz" not in texts(at)
    set_passcode(at, "abc", "abc")
    assert any("at least 6 characters" in e.value for e in at.error)
    assert not store.passcode_required()
    set_passcode(at, PASSCODE, "a different one")
    assert any("differ" in e.value for e in at.error)
    assert not store.passcode_required() and not at.selectbox
    set_passcode(at, PASSCODE, PASSCODE)
    assert store.check_passcode(PASSCODE)
    assert at.selectbox(key="w_cl_pick").options == ["Ana Díaz"]  # unlocked in this session
    again = new_app()  # another browser must enter it
    again.switch_page(page(nav.CLIENTS)).run()
    assert any(t.key == "w_passcode" for t in again.text_input) and not again.selectbox


def test_no_clients_yet_says_how_to_start():
    at = open_clients()
    assert any("No clients yet" in plain(i.value) for i in at.info)
    assert "estimates" in footer(at)


def test_adding_a_client_opens_their_record(store):
    at = add_client(open_clients(), "Ana Díaz", "ana@example.org")
    assert plain(at.header[0].value) == "Ana Díaz"
    [ana] = store.list_clients()
    assert (ana.name, ana.contact) == ("Ana Díaz", "ana@example.org")
    assert at.selectbox(key="w_cl_pick").value == ana.id  # the picker shows who is open
    at = add_client(at, "Ben Okafor")
    assert plain(at.header[0].value) == "Ben Okafor"
    assert at.selectbox(key="w_cl_pick").options == ["Ana Díaz", "Ben Okafor"]


def test_archiving_hides_a_client_until_archived_ones_are_shown(store):
    ana = store.create_client("Ana Díaz")
    at = open_clients()
    at.selectbox(key="w_cl_pick").set_value(ana.id).run()
    button(at, "Archive (keeps the records)").click().run()
    assert not at.exception and not at.header
    assert store.get_client(ana.id).archived
    at.toggle(key="w_cl_archived").set_value(True).run()
    assert at.selectbox(key="w_cl_pick").options == ["Ana Díaz (archived)"]


def test_a_blank_name_is_refused_with_a_message(store):
    at = add_client(open_clients(), "   ")
    assert any("not added" in plain(e.value) for e in at.error)
    assert store.list_clients() == []


def test_passcode_gate(store):
    store.set_passcode("s3cret-pass")
    store.create_client("Ana Díaz")
    at = new_app()
    at.switch_page(page(nav.CLIENTS)).run()
    assert not at.selectbox  # nothing readable before unlocking
    at.text_input(key="w_passcode").input("wrong").run()
    assert any("not right" in plain(e.value) for e in at.error)
    at.text_input(key="w_passcode").input("s3cret-pass").run()  # too soon after a wrong one
    assert any("Try again in 1 s" in plain(e.value) for e in at.error) and not at.selectbox
    time.sleep(1.05)  # the first delay is one second
    at.run()
    assert at.selectbox(key="w_cl_pick").options == ["Ana Díaz"]


def test_save_a_session_then_carry_the_profile_into_a_new_session(store):
    ana = store.create_client("Ana Díaz")
    at = start_from("software developer")
    button(at, "Save to shortlist").click().run()
    saved_code = at.session_state[state.SHORTLIST][0]
    at = open_clients(at)
    at.selectbox(key="w_cl_pick").set_value(ana.id).run()
    button(at, "Save the current profile, shortlist and plan").click().run()
    assert any("Saved the profile" in plain(s.value) for s in at.success)
    assert "1 shortlisted role" in plain(at.success[0].value)
    snap = store.load_client(ana.id)
    assert snap.profile.current_role == "15-1252.00"
    assert [r.role_code for r in snap.shortlisted] == [saved_code]

    fresh = open_clients()
    fresh.selectbox(key="w_cl_pick").set_value(ana.id).run()
    button(fresh, "Work with this client's profile").click().run()
    assert fresh.title[0].value == "Pivots"
    assert fresh.session_state[state.PROFILE].current_role == "15-1252.00"
    assert fresh.session_state[state.SHORTLIST] == [saved_code]


def test_session_notes_are_kept_and_shown_as_plain_text(store):
    ana = store.create_client("Ana Díaz")
    at = open_clients()
    at.selectbox(key="w_cl_pick").set_value(ana.id).run()
    at.text_area[0].input("Talked about **data** roles <b>next</b>")
    button(at, "Add notes").click().run()
    assert [s.notes for s in store.load_client(ana.id).sessions] == [
        "Talked about **data** roles <b>next</b>"
    ]
    assert "Talked about **data** roles <b>next</b>" in [t.value for t in at.text]


def test_erasing_needs_the_name_typed(store):
    ana = store.create_client("Ana Díaz")
    at = open_clients()
    at.selectbox(key="w_cl_pick").set_value(ana.id).run()
    erase = button(at, "Erase this client for good")
    assert erase.disabled
    at.text_input(key="w_cl_erase").input("Ana Díaz").run()
    button(at, "Erase this client for good").click().run()
    assert store.list_clients(include_archived=True) == []
    assert "Ana Díaz" not in texts(at)


def test_a_damaged_database_shows_a_message_not_a_traceback(store):
    import sqlite3

    at = open_clients()
    path = store.engine.url.database
    with sqlite3.connect(path) as db:
        db.execute("DROP TABLE settings")
    at.run()
    assert not at.exception
    assert any(
        "could not be read" in plain(e.value) and "no such table" in plain(e.value)
        for e in at.error
    )


def test_erasing_one_of_two_clients_says_so_and_leaves_the_picker_empty(store):
    """Seen in the browser: after an erase the picker kept showing the erased name, with no
    word that anything happened."""
    ana = store.create_client("Ana Díaz")
    bob = store.create_client("Bob **Kim**")
    at = open_clients()
    at.selectbox(key="w_cl_pick").set_value(bob.id).run()
    at.text_input(key="w_cl_erase").input("Bob **Kim**").run()
    button(at, "Erase this client for good").click().run()
    assert [c.id for c in store.list_clients(include_archived=True)] == [ana.id]
    assert [plain(s.value) for s in at.success] == ["The client and all their records are erased."]
    assert "Bob" not in texts(at)
    pick = at.selectbox(key="w_cl_pick")
    assert pick.value is None and pick.options == ["Ana Díaz"]
    at.run()  # said once
    assert not at.success


def test_one_clients_profile_is_never_offered_to_another(store):
    """Seen in the browser: after saving Maria's profile, a newly added client's page said
    "The other pages show the profile built in this session; saving stores it as this
    client's latest version", one click from filing Maria's profile under Tom."""
    maria = store.create_client("Maria **Lopez**")
    at = start_from("registered nurse")
    at = open_clients(at)
    at.selectbox(key="w_cl_pick").set_value(maria.id).run()
    button(at, "Save the current profile, shortlist and plan").click().run()
    assert store.load_client(maria.id).profile is not None
    at.run()
    assert "The other pages are showing this client's profile." in texts(at)
    at.switch_page(page(nav.PIVOTS)).run()  # and the other pages say whose profile it is
    banner = "Showing the profile of client Maria **Lopez**"
    assert any(banner in plain(c.value) for c in at.caption)
    at = open_clients(at)

    add_client(at, "Tom Baker")
    tom = next(c for c in store.list_clients() if c.name == "Tom Baker")
    assert button(at, "Save the current profile, shortlist and plan").disabled
    warning = " ".join(plain(w.value) for w in at.warning)
    assert "The other pages show Maria **Lopez**'s profile, not Tom Baker's" in warning
    assert "saving stores it as this client's latest version" not in texts(at)
    assert store.load_client(tom.id).profile is None

    # A profile built for Tom on the Start page can be saved to Tom.
    at.switch_page(page(nav.START)).run()
    at.text_input(key="w_start_query").input("cashier").run()
    button(at, "Show my pivots").click().run()
    assert not any("Showing the profile of client" in plain(c.value) for c in at.caption)
    at = open_clients(at)
    at.selectbox(key="w_cl_pick").set_value(tom.id).run()
    assert not button(at, "Save the current profile, shortlist and plan").disabled
    button(at, "Save the current profile, shortlist and plan").click().run()
    assert store.load_client(tom.id).profile.current_role == "41-2011.00"
    assert store.load_client(maria.id).profile.current_role == "29-1141.00"


def test_erasing_a_client_drops_their_profile_from_the_session(store):
    ana = store.create_client("Ana Díaz")
    at = start_from("registered nurse")
    at = open_clients(at)
    at.selectbox(key="w_cl_pick").set_value(ana.id).run()
    button(at, "Save the current profile, shortlist and plan").click().run()
    at.text_input(key="w_cl_erase").input("Ana Díaz").run()
    button(at, "Erase this client for good").click().run()
    assert at.session_state[state.PROFILE] is None  # the pages no longer show her profile


def _mini_onet_set():
    """An O*NET-like data set 'onet-mini' (the tiny test set) beside the starter set."""
    from dataclasses import replace

    from careerpivot.datasets.registry import datasets_dir
    from careerpivot.datasets.saved import save_dataset
    from careerpivot.graph import build_graph
    from careerpivot.profile import profile_from_role
    from careerpivot.testing import tiny_dataset

    tiny = replace(tiny_dataset(), name="onet-mini")
    save_dataset(tiny, datasets_dir() / "onet-mini", build_graph(tiny))
    return profile_from_role(tiny, tiny.occupations[0].code)


def test_a_client_saved_on_another_data_set_says_so_and_opens_on_it(store):
    """Client records did not keep the data set their profile was made on: opening an
    O*NET client while the pages used the starter set silently cut their ratings down to
    the starter's ("Data set 'starter' does not have 31 ratings this data set does not
    have") and showed starter pivots for them."""
    prof = _mini_onet_set().model_copy(update={"current_role": None})  # kept on 'starter'
    ana = store.create_client("Ana *Díaz*")
    store.save_profile(ana.id, prof, dataset="onet-mini")
    at = open_clients()
    at.selectbox(key="w_cl_pick").set_value(ana.id).run()
    warning = " ".join(plain(w.value) for w in at.warning)
    assert (
        "Ana *Díaz*'s profile was made on data set 'onet-mini', but the pages now use "
        "'starter'" in warning
    )
    button(at, "Work with this client's profile").click().run()
    assert not at.exception, at.exception
    assert at.session_state[state.DATASET] == "onet-mini"
    assert at.session_state[state.PROFILE] == prof  # nothing cut away
    assert "Switched to data set 'onet-mini', the one Ana *Díaz*'s profile was made on." in (
        texts(at)
    )
    assert "Data set: onet-mini" in footer(at)
    # Back on the starter set, the record says the pages show a cut-down version.
    at.session_state[state.DATASET] = "starter"
    at = open_clients(at)
    assert "on data set 'starter', without what it lacks; saving now stores" in texts(at)


def test_a_client_saved_on_a_data_set_not_installed_here_is_named(store):
    bo = store.create_client("Bo")
    store.save_profile(bo.id, _mini_onet_set(), dataset="onet-31.0")
    at = open_clients()
    at.selectbox(key="w_cl_pick").set_value(bo.id).run()
    warning = " ".join(plain(w.value) for w in at.warning)
    assert "made on data set 'onet-31.0', which is not installed here" in warning
    assert "leaves out the ratings and roles 'starter' does not have" in warning


def test_saving_a_profile_records_its_data_set_and_the_page_names_it(store):
    cy = store.create_client("Cy")
    at = open_clients(start_from("software developer"))
    at.selectbox(key="w_cl_pick").set_value(cy.id).run()
    button(at, "Save the current profile, shortlist and plan").click().run()
    assert store.load_client(cy.id).profile_dataset == "starter"
    assert "Cy's profile was made on data set 'starter', the one in use." in texts(at)
    # it says what was saved: no shortlist or plan was claimed when there was none
    assert [plain(s.value) for s in at.success] == ["Saved the profile (data set 'starter')."]
    assert not at.warning


def test_a_profile_cut_to_another_data_set_says_what_was_left_out():
    from careerpivot.profile import Profile

    at = new_app()
    at.session_state[state.PROFILE] = Profile(ratings={"2.A.1.a": 3.0, "tech:not-here": 2.0})
    at.run()
    shown = texts(at)
    assert (
        "Data set 'starter' does not have 1 of the skills, knowledge areas and tools rated in "
        "the profile, so it is left out." in shown
    )
    assert "ratings this data set does not have" not in shown


def test_a_reload_reopens_the_client_that_was_open_once_unlocked(store):
    """Before: after a reload the counselor found the picker empty and had to look for
    the client again among all the others."""
    at = open_clients()
    for name in ("Ana Díaz", "Bo Chen", "Cy Dube"):
        add_client(at, name)
    bo = next(c.id for c in store.list_clients() if c.name == "Bo Chen")
    at.selectbox(key="w_cl_pick").set_value(bo).run()
    assert at.query_params["client"] in (str(bo), [str(bo)])

    again = new_app()  # a reload: a new browser session at the same address
    again.query_params["client"] = str(bo)
    again.switch_page(page(nav.CLIENTS)).run()
    assert not again.selectbox and "Bo Chen" not in texts(again)  # nothing before the passcode
    again.text_input(key="w_passcode").input(PASSCODE).run()
    assert again.selectbox(key="w_cl_pick").value == bo
    assert "Bo Chen" in [plain(h.value) for h in [*again.header, *again.subheader]]


def test_an_address_naming_no_listed_client_opens_none(store):
    at = open_clients()
    add_client(at, "Ana Díaz")
    again = new_app()
    again.query_params["client"] = "999"
    open_clients(again)
    assert again.selectbox(key="w_cl_pick").value is None
    assert "client" not in again.query_params
