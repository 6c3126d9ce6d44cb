"""Start page: find a role by typing a title (typos, other names), or upload a profile."""

import json

from careerpivot.ui import nav, state
from tests.ui.conftest import button, footer, new_app, page, plain, texts


def test_start_page_renders_with_footer_and_data_set_picker():
    at = new_app()
    assert at.title[0].value == "CareerPivot"
    assert at.text_input(key="w_start_query").label == "Job title"
    assert at.selectbox(key="w_dataset").value == "starter"
    assert "starter (version" in footer(at) and "estimates" in footer(at)


def test_a_typo_still_finds_the_role_and_one_click_lists_pivots():
    at = new_app()
    at.text_input(key="w_start_query").input("sofware developer").run()
    choices = at.radio[0]
    assert choices.value == "15-1252.00"  # best match preselected
    assert choices.options[0] == "Software Developers"
    button(at, "Show my pivots").click().run()
    assert not at.exception
    assert at.title[0].value == "Pivots"
    assert at.session_state[state.PROFILE].current_role == "15-1252.00"
    assert "Web Developers" in texts(at)


def test_an_alternate_title_is_shown_with_the_role_it_belongs_to():
    at = new_app()
    at.text_input(key="w_start_query").input("BI developer").run()
    assert any(
        "Business Intelligence Analysts" in o and "BI Developer" in o for o in at.radio[0].options
    )


def test_choosing_another_match_starts_from_that_role():
    at = new_app()
    at.text_input(key="w_start_query").input("developer").run()
    at.radio[0].set_value("15-1252.00").run()
    button(at, "Show my pivots").click().run()
    assert at.session_state[state.PROFILE].current_role == "15-1252.00"


def test_a_title_that_matches_nothing_says_what_to_try():
    at = new_app()
    at.text_input(key="w_start_query").input("zqxjv wpfk").run()
    assert not at.exception
    assert not at.radio
    assert "No role" in plain(at.info[0].value) and "shorter" in plain(at.info[0].value)


def test_a_good_profile_file_is_read_and_gives_pivots():
    profile = {"schema_version": 1, "ratings": {"2.B.3.e": 5.0, "2.A.2.a": 4.5, "2.C.3.a": 5.5}}
    at = new_app()
    at.file_uploader[0].upload("me.json", json.dumps(profile).encode(), "application/json")
    at.run()
    assert not at.exception
    assert "3 ratings" in plain(at.success[0].value)
    button(at, "Show pivots for this profile").click().run()
    assert at.title[0].value == "Pivots"
    assert "your profile" in texts(at)


def test_a_profile_file_saved_with_a_byte_order_mark_is_read():
    """Notepad and Excel start UTF-8 files with a byte-order mark: the command line read
    such a file, the app refused it ("Unexpected UTF-8 BOM (decode using utf-8-sig)")."""
    profile = {"schema_version": 1, "ratings": {"2.B.3.e": 5.0, "2.A.2.a": 4.5}}
    at = new_app()
    at.file_uploader[0].upload("me.json", b"\xef\xbb\xbf" + json.dumps(profile).encode(), "")
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert "2 ratings" in plain(at.success[0].value)


def test_a_bad_profile_file_shows_the_field_and_what_to_do():
    bad = {"schema_version": 1, "ratings": {"2.B.3.e": 9.0}}
    at = new_app()
    at.file_uploader[0].upload("me.json", json.dumps(bad).encode(), "application/json")
    at.run()
    assert not at.exception
    msg = plain(at.error[0].value)
    assert "ratings.2.B.3.e" in msg and "careerpivot profile init" in msg
    assert state.PROFILE not in at.session_state or at.session_state[state.PROFILE] is None


def test_a_file_that_is_not_json_is_refused_without_a_traceback():
    at = new_app()
    at.file_uploader[0].upload("me.json", b"{not json", "application/json")
    at.run()
    assert not at.exception
    assert "not valid JSON" in plain(at.error[0].value)


def test_a_binary_file_is_refused_without_a_traceback():
    at = new_app()
    at.file_uploader[0].upload("me.json", b"\xff\xfe\x00\x81", "application/json")
    at.run()
    assert not at.exception
    assert "not a text file" in plain(at.error[0].value)


def test_an_empty_profile_says_there_is_nothing_to_match():
    at = new_app()
    at.file_uploader[0].upload("me.json", b'{"schema_version": 1}', "application/json")
    at.run()
    assert not at.exception
    assert "nothing to match" in at.info[-1].value


def test_switching_to_an_imported_onet_set_reconciles_state_and_adds_the_attribution(tmp_path):
    from dataclasses import replace

    from careerpivot.datasets.registry import datasets_dir
    from careerpivot.datasets.saved import save_dataset
    from careerpivot.graph import build_graph
    from careerpivot.model import Provenance
    from careerpivot.presentation import ONET_ATTRIBUTION
    from careerpivot.testing import tiny_dataset

    onet = Provenance(
        source="O*NET 29.2 Database (test extract)", version="29.2", licence="CC BY 4.0"
    )
    tiny = replace(tiny_dataset(), name="onet-mini", provenance=onet)
    save_dataset(tiny, datasets_dir() / "onet-mini", build_graph(tiny))  # the test's data dir

    at = new_app()
    at.text_input(key="w_start_query").input("software developer").run()
    button(at, "Show my pivots").click().run()  # a starter role the mini set lacks
    at.switch_page(page(nav.START)).run()
    assert at.selectbox(key="w_dataset").options[1].startswith("onet-mini")
    at.selectbox(key="w_dataset").set_value("onet-mini").run()
    assert not at.exception
    assert "Data set: onet-mini (version 29.2)" in footer(at)
    # the attribution as plain text: its asterisk escaped, so markdown shows "O*NET"
    # rather than italics between two asterisks
    assert ONET_ATTRIBUTION in footer(at) and "estimates" not in footer(at)
    raw = str(at.caption[-1].value)  # the Markdown itself
    assert "O\\*NET" in raw and "O*NET" not in raw.replace("O\\*NET", "")
    assert at.session_state[state.PROFILE] is None
    assert any("does not have your starting role" in plain(i.value) for i in at.info)
    at.text_input(key="w_start_query").input("alpha developer").run()
    assert at.radio[0].value == "15-0001.00"


def test_a_data_set_that_cannot_be_loaded_falls_back_to_the_starter_set():
    from streamlit.testing.v1 import AppTest

    from tests.ui.conftest import APP, TIMEOUT

    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
    at.session_state[state.DATASET] = "onet-gone"
    at.run()
    assert not at.exception
    assert "Could not load data set 'onet-gone'" in plain(at.error[0].value)
    assert "re-import" in plain(at.error[0].value)
    assert "Data set: starter" in footer(at)
