"""Workspaces in the app: what a person enters survives a reload and reopening the link,
comes back from a data file, is cleared by "Start over", and becomes a counselor's client."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from careerpivot.store import Store, database_url, dump_workspace, parse_workspace
from careerpivot.ui import nav, state
from careerpivot.ui import workspace as ws
from tests.ui.conftest import APP, TIMEOUT, button, page, start_from, texts

RECORD = {
    "id": "a1",
    "role_title": "Data Analyst",
    "occupation_code": "15-2051.01",
    "organisation": "Northwind Retail",
    "date": "2025-01-14",
    "channel": "posting",
    "stage_reached": "screened",
    "outcome": "rejected",
    "feedback": "Your SQL wasn't strong enough.",
    "notes": "",
}


def reopen(token: str | None, at_page: nav.PageSpec | None = None) -> AppTest:
    """A new browser session opening the private link (what a reload is, to the server)."""
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    if token is not None:
        at.query_params[ws.PARAM] = token
    at.run()
    assert not at.exception, at.exception
    if at_page is not None:
        at.switch_page(page(at_page)).run()
        assert not at.exception, at.exception
    return at


def token_of(at: AppTest) -> str:
    token = at.session_state[ws.TOKEN]
    assert at.query_params[ws.PARAM] in (token, [token])
    return str(token)


def stored(token: str):
    with Store.open(database_url()) as store:
        return store.open_workspace(token)


def enter_everything() -> AppTest:
    """Start from a title, answer a work value, shortlist one role, hide another, pick a
    target role and log an application: a bit of everything a person enters."""
    at = start_from("software developer")
    cards = [b for b in at.button if b.label == "Save to shortlist"]
    cards[0].click().run()
    button(at, "Not for me", 1).click().run()
    assert not at.exception, at.exception
    if nav.ASSESSMENT.available:
        at.switch_page(page(nav.ASSESSMENT)).run()
        at.radio(key="w_values_wv01").set_value(5).run()
    if nav.REJECTIONS.available:
        at.switch_page(page(nav.REJECTIONS)).run()
        at.text_input(key="w_rej_new_title").input("Data Analyst").run()
        at.text_input(key="w_rej_new_org").input("Northwind Retail").run()
        button(at, "Add application").click().run()
        assert "Added" in texts(at)
    at.switch_page(page(nav.PLAN)).run()
    assert not at.exception, at.exception
    return at


def test_nothing_is_saved_and_no_link_is_made_before_anything_is_entered():
    at = reopen(None)
    assert ws.TOKEN not in at.session_state
    assert ws.PARAM not in at.query_params
    assert "Nothing saved yet" in texts(at)


def test_a_reload_restores_everything_entered():
    at = enter_everything()
    token = token_of(at)
    before = {
        "profile": at.session_state[state.PROFILE],
        "shortlist": at.session_state[state.SHORTLIST],
        "dismissed": at.session_state[state.DISMISSED],
        "target": at.session_state[state.TARGET],
    }
    assert before["shortlist"] and before["dismissed"] and before["target"]
    again = reopen(token, nav.PIVOTS)
    for key, value in before.items():
        assert again.session_state[getattr(state, key.upper())] == value, key
    assert "Shortlist (1)" in [t.label for t in again.tabs]
    data = stored(token)
    assert data is not None and data.shortlist == before["shortlist"]
    if nav.ASSESSMENT.available:
        again.switch_page(page(nav.ASSESSMENT)).run()
        assert again.radio(key="w_values_wv01").value == 5
    if nav.REJECTIONS.available:
        again.switch_page(page(nav.REJECTIONS)).run()
        assert "Applications (1)" in [t.label for t in again.tabs]
        assert "Data Analyst" in again.dataframe[0].value.to_string()


def test_every_change_is_saved_as_it_happens():
    at = start_from("software developer")
    token = token_of(at)
    assert stored(token).shortlist == []
    next(b for b in at.button if b.label == "Save to shortlist").click().run()
    assert len(stored(token).shortlist) == 1
    next(b for b in at.button if b.label == "Remove from shortlist").click().run()
    assert stored(token).shortlist == []


def test_an_unknown_or_cut_short_link_starts_afresh_and_says_so():
    at = reopen("A" * 32)
    assert "Nothing is saved at this link any more" in texts(at)
    assert ws.PARAM not in at.query_params
    at = reopen("short")
    assert "looks cut short" in texts(at)


def test_start_over_clears_the_workspace_and_the_link():
    at = start_from("software developer")
    token = token_of(at)
    at.switch_page(page(nav.START)).run()
    assert button(at, "Start over").disabled
    at.checkbox(key="w_start_start_over_sure").check().run()
    button(at, "Start over").click().run()
    assert not at.exception, at.exception
    assert at.session_state[state.PROFILE] is None if state.PROFILE in at.session_state else True
    assert ws.PARAM not in at.query_params
    assert stored(token) is None
    assert "Nothing is saved at this link" in texts(reopen(token))


def test_uploading_a_data_file_brings_everything_back():
    at = enter_everything()
    data = stored(token_of(at))
    file = dump_workspace(data).encode()
    fresh = reopen(None)
    uploader = next(u for u in fresh.file_uploader if "Upload my data" in u.label)
    uploader.upload("my-data.json", file, "application/json").run()
    assert "my-data.json holds a profile" in texts(fresh).replace("\\", "")
    button(fresh, "Use this file (replaces what is here now)").click().run()
    assert not fresh.exception, fresh.exception
    assert "Loaded your data file." in texts(fresh)
    new = stored(token_of(fresh))
    assert new == data  # the new workspace holds exactly what the file held


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not a text file"),
        (json.dumps({"format": "careerpivot-client"}).encode(), "field format"),
        (
            json.dumps({"format": "careerpivot-workspace", "shortlist": ["nurse"]}).encode(),
            "field shortlist",
        ),
    ],
)
def test_a_bad_data_file_changes_nothing_and_says_why(content: bytes, message: str):
    at = start_from("software developer")
    token = token_of(at)
    before = stored(token)
    at.switch_page(page(nav.START)).run()
    uploader = next(u for u in at.file_uploader if "Upload my data" in u.label)
    uploader.upload("mine.json", content, "application/json").run()
    assert message in texts(at).replace("\\", "")
    assert not [b for b in at.button if b.label.startswith("Use this file")]
    assert stored(token) == before


def test_unreadable_records_in_a_file_are_kept_aside_not_lost():
    at = start_from("software developer")
    data = stored(token_of(at))
    broken = {**RECORD, "channel": "carrier pigeon"}
    doc = json.loads(dump_workspace(data))
    doc["rejections"] = [
        {"schema_version": 1, "payload": RECORD},
        {"schema_version": 1, "payload": broken},
    ]
    fresh = reopen(None)
    uploader = next(u for u in fresh.file_uploader if "Upload my data" in u.label)
    uploader.upload("mine.json", json.dumps(doc).encode(), "application/json").run()
    button(fresh, "Use this file (replaces what is here now)").click().run()
    if nav.REJECTIONS.available:
        assert "could not be read, kept as it is" in texts(fresh)
    kept = stored(token_of(fresh))
    assert [r.payload for r in kept.rejections] == (
        [broken, RECORD] if nav.REJECTIONS.available else [RECORD, broken]
    )
    assert parse_workspace(dump_workspace(kept)) == kept


@pytest.mark.skipif(not nav.CLIENTS.available, reason="no careerpivot.store")
def test_a_counselor_turns_a_workspace_into_a_client_with_everything():
    from tests.ui.test_clients import open_clients

    person = enter_everything()
    token = token_of(person)
    data = stored(token)
    counselor = open_clients()  # another browser: the counselor's
    counselor.text_input(key="w_cl_ws_link").input(f"http://127.0.0.1:8501/pivots?w={token}")
    counselor.text_input(key="w_cl_ws_name").input("Ana Díaz")
    button(counselor, "Make them a client").click().run()
    assert not counselor.exception, counselor.exception
    assert counselor.header[0].value == "Ana Díaz"
    assert counselor.session_state["w_cl_ws_name"] == ""  # the form is emptied
    with Store.open(database_url()) as store:
        [ana] = store.list_clients()
        snap = store.load_client(ana.id)
        assert store.open_workspace(token) is None  # moved, not copied
    assert snap.profile == data.profile
    assert [r.role_code for r in snap.shortlisted] == data.shortlist
    assert snap.dismissed == data.dismissed
    assert snap.plan is not None and snap.plan.target_code == data.target
    assert [r.payload for r in snap.rejections] == [r.payload for r in data.rejections]
    assert snap.answers == data.answers
    if nav.REJECTIONS.available:  # the log logged before the client existed is theirs now
        assert "**Rejection log:** 1 application logged." in texts(counselor)
    again = button(counselor, "Make them a client")
    counselor.text_input(key="w_cl_ws_link").input(token)
    counselor.text_input(key="w_cl_ws_name").input("Twice")
    again.click().run()
    assert "No client was made: no workspace at that link" in texts(counselor)


@pytest.mark.skipif(not nav.CLIENTS.available, reason="no careerpivot.store")
def test_the_work_open_in_this_browser_becomes_a_client_and_stays_open():
    from tests.ui.test_clients import open_clients

    at = enter_everything()
    token = token_of(at)
    at = open_clients(at)
    at.text_input(key="w_cl_ws_name").input("Ben Okafor")
    button(at, "Make them a client").click().run()
    assert not at.exception, at.exception
    assert at.header[0].value == "Ben Okafor"
    assert ws.TOKEN not in at.session_state and ws.PARAM not in at.query_params
    assert at.session_state[state.CLIENT_LOADED] is not None
    assert stored(token) is None
    at.switch_page(page(nav.PIVOTS)).run()  # the pages now work for the client
    assert "Shortlist (1)" in [t.label for t in at.tabs]
    assert ws.PARAM not in at.query_params  # no new workspace is made from a client's data


def test_work_on_a_data_set_not_installed_here_is_neither_applied_nor_overwritten():
    at = start_from("software developer")
    token = token_of(at)
    with Store.open(database_url()) as store:
        mine = store.open_workspace(token).model_copy(update={"dataset": "onet-99.9"})
        store.save_workspace(token, mine)
    again = reopen(token)
    assert "uses data set 'onet-99.9', which is not installed here" in texts(again)
    again.text_input(key="w_start_query").input("nurse").run()
    button(again, "Show my pivots").click().run()
    next(b for b in again.button if b.label == "Save to shortlist").click().run()
    assert stored(token) == mine  # nothing saved over it
    fresh = reopen(None)
    uploader = next(u for u in fresh.file_uploader if "Upload my data" in u.label)
    uploader.upload("mine.json", dump_workspace(mine).encode(), "application/json").run()
    assert "not installed here" in texts(fresh).replace("\\", "")
    assert not [b for b in fresh.button if b.label.startswith("Use this file")]
