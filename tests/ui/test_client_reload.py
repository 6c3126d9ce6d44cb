"""Working with a client survives a reload on every page, once the passcode is entered.

Before: "Work with this client's profile", then a reload on Pivots (or the link opened
in a new tab) showed an empty Pivots page: the client was gone until the counselor went
back to the Clients page and chose them again.
"""

import pytest
from streamlit.testing.v1 import AppTest

from careerpivot.ui import nav, state
from tests.ui.conftest import APP, TIMEOUT, button, page, start_from, texts
from tests.ui.test_clients import PASSCODE, add_client, open_clients

pytestmark = pytest.mark.skipif(not nav.CLIENTS.available, reason="no careerpivot.store")


@pytest.fixture
def store():
    from careerpivot.store import Store, database_url

    with Store.open(database_url()) as s:
        yield s


def _working_with_ana(store):
    """A counselor saves a software developer's profile as Ana's and works with it."""
    at = start_from("software developer")
    button(at, "Save to shortlist").click().run()
    at = open_clients(at)
    add_client(at, "Ana Díaz")
    ana = next(c.id for c in store.list_clients() if c.name == "Ana Díaz")
    button(at, "Save the current profile, shortlist and plan").click().run()
    at.selectbox(key="w_cl_pick").set_value(ana).run()
    button(at, "Work with this client's profile").click().run()
    assert at.title[0].value == "Pivots"
    return at, ana


def _reload(params, spec):
    """A new browser session at an address with these query parameters, on this page."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    for k, v in params.items():
        at.query_params[k] = v
    at.switch_page(page(spec)).run()
    assert not at.exception, at.exception
    return at


def _param(at, name):
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


@pytest.mark.parametrize("spec", [nav.PIVOTS, nav.COMPARE, nav.PLAN, nav.REJECTIONS])
def test_a_reload_on_any_page_carries_on_with_the_client_after_the_passcode(store, spec):
    at, ana = _working_with_ana(store)
    assert _param(at, "with") == str(ana)
    at.switch_page(page(spec)).run()
    assert _param(at, "with") == str(ana)  # still named after moving between pages

    again = _reload({"with": str(ana)}, spec)
    assert "Ana" not in texts(again)  # nothing of the client before the passcode
    assert "counselor passcode" in texts(again)
    again.text_input(key="w_passcode").input(PASSCODE).run()
    assert not again.exception, again.exception
    assert again.session_state[state.CLIENT_LOADED] == ana
    assert again.session_state[state.PROFILE].current_role == "15-1252.00"
    assert "Showing the profile of client Ana Díaz" in texts(again)
    assert again.title[0].value == spec.title
    assert _param(again, "with") == str(ana)


def test_not_now_goes_on_without_the_client(store):
    _, ana = _working_with_ana(store)
    again = _reload({"with": str(ana)}, nav.PIVOTS)
    button(again, "Not now").click().run()
    assert again.title[0].value == "Pivots"
    assert state.CLIENT_LOADED not in again.session_state
    assert "with" not in again.query_params
    assert "Ana" not in texts(again)


def test_a_wrong_passcode_shows_nothing_of_the_client(store):
    _, ana = _working_with_ana(store)
    again = _reload({"with": str(ana)}, nav.PLAN)
    again.text_input(key="w_passcode").input("not the passcode").run()
    assert "not right" in texts(again)
    assert state.CLIENT_LOADED not in again.session_state
    assert "Ana" not in texts(again)


def test_an_address_naming_an_erased_client_says_so(store):
    at = open_clients()
    add_client(at, "Bo Chen")
    again = _reload({"with": "999"}, nav.PIVOTS)
    again.text_input(key="w_passcode").input(PASSCODE).run()
    assert state.CLIENT_LOADED not in again.session_state
    assert "no longer in the records" in texts(again)
    assert "with" not in again.query_params


def test_the_clients_page_also_carries_on_with_the_client(store):
    _, ana = _working_with_ana(store)
    again = _reload({"with": str(ana)}, nav.CLIENTS)
    again.text_input(key="w_passcode").input(PASSCODE).run()
    assert again.session_state[state.CLIENT_LOADED] == ana
    again.switch_page(page(nav.PIVOTS)).run()
    assert "Showing the profile of client Ana Díaz" in texts(again)


def test_without_a_passcode_set_the_address_names_no_one():
    again = _reload({"with": "1"}, nav.PIVOTS)
    assert "counselor passcode" not in texts(again)
    assert "with" not in again.query_params


def test_erasing_the_client_worked_with_leaves_nothing_asking_for_them(store):
    """Seen in the full run: after erasing the client worked with, the address still named
    them and the Rejections page said they were "no longer in the records"."""
    at, ana = _working_with_ana(store)
    at.switch_page(page(nav.CLIENTS)).run()
    at.selectbox(key="w_cl_pick").set_value(ana).run()
    at.text_input(key="w_cl_erase").input("Ana Díaz").run()
    button(at, "Erase this client for good").click().run()
    assert "with" not in at.query_params
    at.switch_page(page(nav.REJECTIONS)).run()
    assert "no longer in the records" not in texts(at)
    assert "counselor passcode" not in texts(at)
