"""Rejections page: empty state, adding, editing and importing applications, the analysis
(categories, patterns, actions, follow-up note), the redirect, and a client's log in the store."""

from __future__ import annotations

import re

import pytest

from careerpivot.engine import Engine
from careerpivot.profile import Profile, profile_from_role
from careerpivot.rejections import (
    RejectionLog,
    format_log_csv,
    format_log_json,
    review_log,
    train_default,
    validate_record,
)
from careerpivot.ui import nav, state
from tests.ui.conftest import button, chart_specs, footer, new_app, page, plain, start_from, texts
from tests.ui.test_clients import open_clients

pytestmark = pytest.mark.skipif(not nav.REJECTIONS.available, reason="no careerpivot.rejections")

BI = "15-2051.01"  # Business Intelligence Analysts: the starter set's "Data Analyst"

#: A synthetic data-analyst history: five rejections, three naming SQL.
HISTORY = (
    ("a1", "Data Analyst", "Northwind Retail", "2025-01-14", "posting", "screened",
     "The hiring manager felt your SQL wasn't strong enough for the reporting work; the "
     "take-home had problems with joins."),
    ("a2", "Reporting Analyst", "Harbor Health", "2025-02-03", "posting", "applied", ""),
    ("a3", "BI Analyst", "Lumen Bank", "2025-02-21", "recruiter", "interviewed",
     "We need someone who can write complex SQL queries on their own and build Tableau "
     "dashboards from day one."),
    ("a4", "Data Analyst", "Cobalt Logistics", "2025-03-10", "referral", "final_round",
     "It was close, but we went with a candidate who had more hands-on SQL experience."),
    ("a5", "Analytics Analyst", "Fernway Media", "2025-03-28", "posting", "interviewed",
     "Your answers in the interview were hard to follow and lacked concrete examples of your "
     "own contribution."),
)  # fmt: skip


def history_log() -> RejectionLog:
    keys = ("id", "role_title", "organisation", "date", "channel", "stage_reached", "feedback")
    return RejectionLog(
        records=tuple(
            validate_record({**dict(zip(keys, row)), "occupation_code": BI, "outcome": "rejected"})
            for row in HISTORY
        )
    )


def weak_sql_candidate(engine: Engine) -> Profile:
    """A career changer rated like a BI analyst, except SQL at 1.5 of 7."""
    seeded = profile_from_role(engine.dataset, BI).with_ratings({"tech:sql": 1.5})
    return Profile.model_validate({**seeded.model_dump(), "current_role": None})


def words(at) -> str:
    """The page's text as a reader sees it (markdown escapes taken out)."""
    return re.sub(r"\\(.)", r"\1", texts(at))


def open_rejections(at=None):
    at = at or new_app()
    at.switch_page(page(nav.REJECTIONS)).run()
    assert not at.exception, at.exception
    return at


def the_log(at) -> RejectionLog:
    return at.session_state[state.REJECTIONS][state.client_owner(None)].log


def import_file(at, name: str, content: bytes):
    mime = "text/csv" if name.endswith(".csv") else "application/json"
    at.file_uploader[0].set_value((name, content, mime)).run()
    assert not at.exception, at.exception
    return at


def test_a_log_file_saved_with_a_byte_order_mark_is_imported():
    at = open_rejections()
    import_file(at, "history.json", b"\xef\xbb\xbf" + format_log_json(history_log()).encode())
    button(at, "Add them to the log").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert len(the_log(at).records) == len(history_log().records)


def import_history(at):
    import_file(at, "history.json", format_log_json(history_log()).encode())
    button(at, "Add them to the log").click().run()
    assert not at.exception, at.exception
    return at


def fill(at, prefix: str, **values):
    for name, value in values.items():
        widget = at.text_area if name in ("feedback", "notes") else None
        if name in ("title", "org"):
            widget = at.text_input
        elif name in ("channel", "stage", "outcome"):
            widget = at.selectbox
        elif name == "date":
            widget = at.date_input
        widget(key=f"{prefix}_{name}").set_value(value)
        if name == "title":
            at.run()  # the occupation choices follow the title


# ----- empty state and adding ---------------------------------------------------------------
def test_empty_log_says_what_to_do_next_and_has_the_footer():
    at = open_rejections()
    assert at.title[0].value == "Rejections"
    assert [t.label for t in at.tabs] == ["Applications (0)", "Patterns", "Actions", "Other roles"]
    assert plain(at.info[0].value).startswith("Add your first application")
    assert sum("Nothing to analyse yet" in plain(i.value) for i in at.info) == 3
    assert at.expander[0].label == "Add an application"
    assert not at.download_button  # nothing to export yet
    assert "estimates" in footer(at)


def occupation(at):
    [occ] = [s for s in at.selectbox if s.label == "Matching occupation"]
    return occ


def test_the_occupation_choice_starts_at_the_best_match_of_each_new_title():
    at = open_rejections()
    assert occupation(at).disabled and occupation(at).options == ["Type the title first"]
    fill(at, "w_rej_new", title="registerd nurse")
    assert occupation(at).value == "29-1141.00"
    occupation(at).set_value("").run()  # None of these
    fill(at, "w_rej_new", title="Data Analyst")
    assert occupation(at).value == BI


def test_adding_an_application_matches_the_title_and_keeps_it_across_pages():
    at = open_rejections()
    fill(at, "w_rej_new", title="Data Analyst")
    occ = occupation(at)
    assert occ.options[0] == "Business Intelligence Analysts" and occ.value == BI
    assert occ.options[-1] == "None of these"
    fill(
        at,
        "w_rej_new",
        org="Northwind Retail",
        stage="screened",
        feedback="Your SQL wasn't strong enough.",
    )
    button(at, "Add application").click().run()
    assert not at.exception and not at.error
    [record] = the_log(at).records
    assert (record.id, record.occupation_code, record.organisation) == (
        "a1",
        BI,
        "Northwind Retail",
    )
    assert (record.stage_reached, record.outcome) == ("screened", "rejected")
    assert any(
        plain(s.value).startswith("Added Data Analyst at Northwind Retail") for s in at.success
    )
    assert at.text_input(key="w_rej_new_title").value == ""  # the form is cleared for the next
    assert at.tabs[0].label == "Applications (1)"
    assert at.dataframe[0].value["Role"].tolist() == ["Data Analyst"]

    at.switch_page(page(nav.PIVOTS)).run()
    at = open_rejections(at)
    assert the_log(at).ids == ["a1"]


def test_after_adding_the_form_is_empty_and_a_second_add_saves_no_duplicate():
    at = open_rejections()
    typed = dict(title="Data Analyst", org="Northwind Retail", feedback="Too junior.")
    fill(at, "w_rej_new", stage="screened", notes="Phone screen.", **typed)
    button(at, "Add application").click().run()
    assert the_log(at).ids == ["a1"]
    for name in ("title", "org", "feedback", "notes"):  # set empty, so the browser shows it
        assert at.session_state[f"w_rej_new_{name}"] == ""
    assert at.selectbox(key="w_rej_new_stage").value == "applied"
    assert "setTimeout" in str([h.proto for h in at.get("html")])  # the cursor goes back
    # The same entry sent again (a double click, or Add pressed again) is not saved twice.
    fill(at, "w_rej_new", stage="screened", notes="Phone screen.", **typed)
    button(at, "Add application").click().run()
    assert the_log(at).ids == ["a1"]
    assert plain(at.error[0].value).startswith("Not added again: Data Analyst at Northwind Retail")
    fill(at, "w_rej_new", stage="interviewed", **typed)  # a different entry is fine
    button(at, "Add application").click().run()
    assert the_log(at).ids == ["a1", "a2"]


def test_an_invalid_application_is_refused_with_the_field_named():
    at = open_rejections()
    fill(at, "w_rej_new", title="Data Analyst", org="   ")
    button(at, "Add application").click().run()
    assert [plain(e.value) for e in at.error] == ["Not saved. Organisation: value is empty."]
    assert the_log(at).records == ()
    fill(at, "w_rej_new", org="Acme", stage="interviewed", outcome="offer")
    button(at, "Add application").click().run()
    assert "Outcome: outcome 'offer' needs stage reached 'offer'" in plain(at.error[0].value)
    assert the_log(at).records == ()


def test_editing_and_deleting_with_undo():
    at = import_history(open_rejections())
    at.selectbox(key="w_rej_pick").set_value("a2").run()
    fill(at, "w_rej_e_a2", outcome="ghosted", notes="Automated email.")
    button(at, "Save changes").click().run()
    assert not at.error
    assert the_log(at).get("a2").outcome == "ghosted"
    assert the_log(at).get("a2").notes == "Automated email."
    button(at, "Delete this application").click().run()
    assert "a2" not in the_log(at).ids and at.tabs[0].label == "Applications (4)"
    assert any(
        plain(s.value).startswith("Deleted Reporting Analyst at Harbor Health") for s in at.success
    )
    button(at, "Undo").click().run()
    assert the_log(at).get("a2").outcome == "ghosted"


# ----- import and export ----------------------------------------------------------------------
def test_a_bad_import_names_the_problem_and_keeps_the_log():
    at = import_history(open_rejections())
    before = the_log(at)
    bad = format_log_csv(RejectionLog(records=history_log().records[:2])).replace(
        "2025-02-03", "03/02/2025"
    )
    bad = bad.replace("a1,", "b1,").replace("a2,", "b2,")
    import_file(at, "mine.csv", bad.encode())
    [error] = at.error
    assert plain(error.value).startswith(
        "mine.csv was not imported: file mine.csv, line 3, record b2"
    )
    assert "field 'date'" in plain(error.value) and plain(error.value).endswith(
        "Your log is unchanged."
    )
    assert not [b for b in at.button if b.label == "Add them to the log"]
    assert the_log(at) == before

    import_file(at, "broken.json", b'{"schema_version": 1, "records": [')
    assert "broken.json was not imported" in plain(at.error[0].value) and "not valid JSON" in plain(
        at.error[0].value
    )
    import_file(at, "binary.csv", b"\xff\xfe\x00bad")
    assert "not a UTF-8 text file" in plain(at.error[0].value)
    assert the_log(at) == before


def test_an_import_with_a_clashing_id_leaves_it_out_unless_replacing():
    at = import_history(open_rejections())
    changed = history_log().records[0].model_copy(update={"organisation": "Someone Else"})
    extra = validate_record({**history_log().records[1].model_dump(), "id": "z9"})
    text = format_log_json(RejectionLog(records=(changed, extra))).encode()
    import_file(at, "more.json", text)
    assert "2 applications, 1 new, 1 with the id of a different one" in texts(at)
    button(at, "Add them to the log").click().run()
    assert the_log(at).get("a1").organisation == "Northwind Retail"
    assert the_log(at).ids[-1] == "z9"
    assert any("1 left out (same id)" in plain(s.value) for s in at.success)
    assert not at.file_uploader[0].value  # cleared after the import

    import_file(at, "more.json", text)
    at.checkbox(key="w_rej_overwrite").check().run()
    button(at, "Add them to the log").click().run()
    assert the_log(at).get("a1").organisation == "Someone Else"


def test_export_buttons_offer_csv_and_json():
    at = import_history(open_rejections())
    labels = [b.label for b in at.download_button]
    assert labels == ["Download as CSV", "Download as JSON"]


# ----- analysis -------------------------------------------------------------------------------
def test_data_analyst_history_shows_categories_patterns_and_actions():
    at = import_history(open_rejections(start_from("data analyst")))
    assert at.session_state[state.PROFILE].current_role == BI
    assert not at.error
    shown = texts(at)
    assert (
        "**Data Analyst** at Northwind Retail (2025-01-14), rejected after a screen: **Skill gap**"
        in shown
    )
    verdict = train_default().classify(HISTORY[0][6])
    terms = ", ".join(t.term for t in verdict.top_terms)
    assert "sql" in terms
    assert (
        f"**Skill gap** ({verdict.confidence:.0%} sure); the words behind it: {terms}. Skills named: SQL."
        in shown
    )
    seen = words(at)
    assert "SQL was named in 3 of 5 rejections: Data Analyst at Northwind Retail," in seen
    assert "5 of 5 rejections were for Computer and Mathematical roles." in seen
    assert "Evidence: Data Analyst at Northwind Retail (2025-01-14); BI Analyst" in seen
    assert "#### Close the skill gaps that rejections name" in shown
    assert "#### Practise interviews with stories from your strengths" in shown
    [funnel] = chart_specs(at, "plotly_chart")
    assert funnel["data"][0]["type"] == "funnel" and funnel["data"][0]["x"] == [5, 4, 3, 1, 0]
    assert at.dataframe[-1].value["Applications that got this far"].tolist() == [5, 4, 3, 1, 0]
    note = at.text_area[-1].value
    assert note.startswith("Subject: Thank you - Reporting Analyst application")  # vague first
    assert "Harbor Health" in note


def test_without_a_profile_patterns_show_and_actions_ask_for_a_start():
    at = import_history(open_rejections())
    assert "SQL was named in 3 of 5 rejections" in words(at)
    assert sum("Start page" in plain(i.value) for i in at.info) == 2  # actions and other roles
    assert at.text_area[-1].value.startswith("Subject: Thank you")  # the note needs no profile


def test_redirect_lists_the_cores_roles_and_opens_one_in_compare(engine):
    at = open_rejections()
    at.session_state[state.PROFILE] = weak_sql_candidate(engine)
    at = import_history(at)
    review = review_log(
        history_log(), weak_sql_candidate(engine), engine, classifier=train_default()
    )
    assert [t.key for t in review.redirect.triggers] == ["tech:sql", "Computer and Mathematical"]
    shown = texts(at)
    assert "3 rejections name SQL, which you rate 1.5/7" in words(at)
    titles = [
        plain(m.value)
        for m in at.markdown
        if plain(m.value).startswith("#### ") and ". " in plain(m.value)
    ]
    expected = [f"#### {n}. {r.title}" for n, r in enumerate(review.redirect.roles, 1)]
    assert titles == expected and len(expected) == 5
    assert "SQL matters less" in shown
    # Each card's fit is the Pivots page's "Fit", said once and never called "viability".
    prof = weak_sql_candidate(engine)
    bars = [p.text for p in at.get("progress")]
    assert bars == [f"Fit {engine.explain(prof, r.code).score:.0%}" for r in review.redirect.roles]
    assert "viability" not in shown.lower() and "for your profile" not in shown
    first = review.redirect.roles[0]
    at.button(key=f"w_rej_save_{first.code}").click().run()
    assert at.session_state[state.SHORTLIST] == [first.code]
    at.button(key=f"w_rej_cmp_{first.code}").click().run()
    assert at.title[0].value == "Compare"
    assert at.session_state[state.TARGET] == first.code


def test_choosing_another_target_role_replans_the_actions(engine):
    at = open_rejections(start_from("data analyst"))
    log = history_log()
    other = log.records[4].model_copy(update={"occupation_code": "15-2051.00"})  # Data Scientists
    import_file(at, "h.json", format_log_json(log.replace(other)).encode())
    button(at, "Add them to the log").click().run()
    choice = at.selectbox(key="w_rej_target")
    assert choice.options == [
        "The role most of these rejections were for",
        "Business Intelligence Analysts",
        "Data Scientists",
    ]
    assert "aimed at **Business Intelligence Analysts**" in texts(at)
    choice.set_value("15-2051.00").run()
    assert "aimed at **Data Scientists**" in texts(at)


# ----- a client's log in the store ------------------------------------------------------------
@pytest.fixture
def store():
    pytest.importorskip("careerpivot.store")
    from careerpivot.store import Store, database_url

    with Store.open(database_url()) as s:  # the per-test data dir of tests/ui/conftest.py
        yield s


def test_a_loaded_clients_log_is_read_and_every_change_saved(store):
    ana = store.create_client("Ana Díaz")
    first = history_log().records[0]
    store.add_rejection(ana.id, first, schema_version=1)
    store.add_rejection(ana.id, {"company": "Acme"}, schema_version=1)  # not a record
    at = new_app()
    at.session_state[state.CLIENT_LOADED] = ana.id
    at = open_rejections(at)
    assert "Ana Díaz's rejection log" in plain(at.caption[0].value)
    assert "1 stored application could not be read" in plain(at.warning[0].value)
    assert the_log_of(at, ana.id).ids == ["a1"]

    fill(at, "w_rej_new", title="BI analyst", org="Lumen Bank")
    button(at, "Add application").click().run()
    assert not at.error
    stored = [e.payload.get("id") for e in store.load_client(ana.id).rejections]
    assert stored == ["a1", None, "a2"]

    at.selectbox(key="w_rej_pick").set_value("a1").run()
    button(at, "Delete this application").click().run()
    assert [e.payload.get("id") for e in store.load_client(ana.id).rejections] == [None, "a2"]
    assert state.client_owner(None) not in at.session_state[state.REJECTIONS]  # not mixed


def the_log_of(at, client_id) -> RejectionLog:
    return at.session_state[state.REJECTIONS][state.client_owner(client_id)].log


def test_a_failed_save_changes_nothing_and_says_so(store):
    import sqlite3

    ana = store.create_client("Ana Díaz")
    at = new_app()
    at.session_state[state.CLIENT_LOADED] = ana.id
    at = open_rejections(at)
    with sqlite3.connect(store.engine.url.database) as db:
        db.execute("DROP TABLE rejection_records")
    fill(at, "w_rej_new", title="Data Analyst", org="Acme")
    button(at, "Add application").click().run()
    assert not at.exception
    assert plain(at.error[0].value).startswith(
        "Nothing was changed: the client's record could not be saved"
    )
    assert the_log_of(at, ana.id).records == ()
    assert at.text_input(key="w_rej_new_title").value == "Data Analyst"  # nothing typed is lost


def test_the_clients_page_opens_a_clients_log(store):
    ana = store.create_client("Ana Díaz")
    store.add_rejection(ana.id, history_log().records[0], schema_version=1)
    at = open_clients()
    at.selectbox(key="w_cl_pick").set_value(ana.id).run()
    assert "**Rejection log:** 1 application logged." in texts(at)
    button(at, "Open the rejection log").click().run()
    assert at.title[0].value == "Rejections"
    assert the_log_of(at, ana.id).ids == ["a1"]


def test_roles_the_data_set_lacks_are_grouped_by_title_and_said():
    log = history_log()
    odd = log.records[0].model_copy(update={"occupation_code": "99-9999.00"})
    at = open_rejections(start_from("data analyst"))
    import_file(at, "odd.json", format_log_json(log.replace(odd)).encode())
    button(at, "Add them to the log").click().run()
    assert not at.exception and not at.error
    assert "1 application name roles data set 'starter' does not have" in texts(at)
    assert the_log(at).get("a1").occupation_code == "99-9999.00"  # kept as logged
    assert "SQL was named in 3 of 5 rejections" in words(at)


def test_erasing_a_client_drops_their_log_from_the_session(store):
    ana = store.create_client("Ana Díaz")
    store.add_rejection(ana.id, history_log().records[0], schema_version=1)
    at = open_clients()
    at.selectbox(key="w_cl_pick").set_value(ana.id).run()
    button(at, "Open the rejection log").click().run()
    assert the_log_of(at, ana.id).ids == ["a1"]
    at.switch_page(page(nav.CLIENTS)).run()
    at.text_input(key="w_cl_erase").input("Ana Díaz").run()
    button(at, "Erase this client for good").click().run()
    assert state.client_owner(ana.id) not in at.session_state[state.REJECTIONS]
    assert state.CLIENT_LOADED not in at.session_state
    at = open_rejections(at)
    assert plain(at.info[0].value).startswith("Add your first application")  # the person's own log


def test_typed_titles_are_shown_as_text_not_markup():
    tricky = [
        r.model_copy(
            update={"role_title": "*Lead* [Analyst](http://x.org)", "organisation": "$Acme"}
        )
        for r in history_log().records[:2]
    ]
    at = open_rejections()
    import_file(at, "t.json", format_log_json(RejectionLog(records=tuple(tricky))).encode())
    button(at, "Add them to the log").click().run()
    lines = [ln for m in at.markdown for ln in m.value.splitlines() if "Lead" in ln]
    assert lines and all("\\*Lead\\* \\[Analyst\\]\\(http" in ln for ln in lines)
    assert all("\\$Acme" in ln for ln in lines)


def test_the_add_form_stays_open_while_a_person_adds_one_application_after_another():
    """After the first add, typing the next title (a rerun) must not fold the form away."""

    def add_form_open(at) -> bool:
        [exp] = [e for e in at.expander if e.label == "Add an application"]
        return bool(exp.proto.expanded)

    at = open_rejections()
    assert add_form_open(at)  # empty log: the form is open
    fill(at, "w_rej_new", title="Data Analyst", org="Northwind Retail", feedback="Too junior.")
    button(at, "Add application").click().run()
    assert add_form_open(at)
    fill(at, "w_rej_new", title="BI analyst")  # the next one: the title's search reruns
    assert add_form_open(at)
    fill(at, "w_rej_new", org="Lumen Bank")
    assert add_form_open(at)
    button(at, "Add application").click().run()
    assert the_log(at).ids == ["a1", "a2"] and add_form_open(at)
    # A log brought in another way (an import) leaves the form folded, the log in view.
    assert not add_form_open(import_history(open_rejections()))
