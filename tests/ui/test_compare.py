"""Compare page: you vs a role and role vs role; radar, sorted gap table, transfers, CSV."""

from careerpivot.engine import Engine
from careerpivot.ui import nav, state
from tests.ui.conftest import button, chart_specs, footer, new_app, page, plain, start_from, texts


def open_compare(at):
    at.switch_page(page(nav.COMPARE)).run()
    assert not at.exception, at.exception
    return at


def test_role_vs_role_works_without_a_profile():
    at = open_compare(new_app())
    assert at.segmented_control(key="w_cmp_mode").value == "Role vs role"
    at.selectbox(key="w_cmp_source").set_value("15-1252.00").run()
    at.selectbox(key="w_cmp_target").set_value("15-2051.00").run()
    assert not at.exception
    assert any("Software Developers → Data Scientists" in plain(h.value) for h in at.subheader)
    report = Engine.load().role_gap("15-1252.00", "15-2051.00")
    table = at.dataframe[0].value
    assert list(table["Requirement"]) == [r.name for r in report.to_close]
    assert "From role (0-7)" in table.columns
    assert "estimates" in footer(at)


def test_role_vs_role_starts_empty_and_never_sets_a_role_against_itself():
    # Without a profile both pickers started at the first role of the alphabet, so the page
    # opened on "Accountants and Auditors -> Accountants and Auditors".
    at = open_compare(new_app())
    assert at.selectbox(key="w_cmp_source").value is None
    assert at.selectbox(key="w_cmp_target").value is None
    assert not at.subheader and not at.dataframe
    assert "Choose both roles to compare" in texts(at)
    at.selectbox(key="w_cmp_source").set_value("15-1252.00").run()
    at.selectbox(key="w_cmp_target").set_value("15-1252.00").run()
    assert not at.exception
    assert not at.subheader and not at.dataframe
    assert "Both sides are the same role" in texts(at)


def test_role_vs_role_says_only_what_the_first_role_uses():
    at = open_compare(new_app())
    at.selectbox(key="w_cmp_source").set_value("29-1141.00").run()
    at.selectbox(key="w_cmp_target").set_value("15-1252.00").run()
    line = next(m.value for m in at.markdown if "hardly uses" in m.value)
    report = Engine.load().role_gap("29-1141.00", "15-1252.00")
    assert plain(line).startswith("**Registered Nurses uses, but Software Developers hardly uses:")
    assert report.unused and report.unused[0].name in plain(line)


def test_you_vs_a_role_needs_a_profile_and_says_so():
    at = open_compare(new_app())
    at.segmented_control(key="w_cmp_mode").set_value("You vs a role").run()
    assert not at.exception
    assert "Start page" in plain(at.info[0].value)


def test_you_vs_top_pivot_by_default_with_metrics_radar_and_sorted_gaps():
    at = open_compare(start_from("software developer"))
    eng = Engine.load()
    top = eng.recommend(eng.profile_for("15-1252.00"), 1)[0]
    assert at.selectbox(key="w_cmp_target").value == top.code
    assert any(f"You → {top.title}" in plain(h.value) for h in at.subheader)
    labels = [m.label for m in at.metric]
    assert "Skills and knowledge met" in labels and "Fit" in labels
    assert f"{top.score:.0%}" in [plain(m.value) for m in at.metric]
    assert "**What transfers:**" in texts(at)

    [radar] = chart_specs(at, "plotly_chart")
    traces = radar["data"]
    assert [t["type"] for t in traces] == ["scatterpolar", "scatterpolar"]
    assert [t["name"] for t in traces] == ["You", top.title]
    assert all(not str(th).startswith(("2.", "tech:")) for th in traces[0]["theta"])

    report = eng.gap(eng.profile_for("15-1252.00"), top.code)
    tables = [d.value for d in at.dataframe]
    if report.to_close:  # "only what is missing" is on by default
        table = tables.pop(0)
        assert list(table["Requirement"]) == [r.name for r in report.to_close]
        assert list(table["Priority"]) == [r.priority_words for r in report.to_close]
    else:
        assert "Nothing missing here" in plain(at.info[0].value)
    order = [-r.priority for r in report.to_close]
    assert order == sorted(order)  # most urgent first
    if report.tools_to_check:  # tools never mentioned: apart, not among the gaps
        assert list(tables[0]["Tool"]) == [r.name for r in report.tools_to_check]
    metrics = {m.label: plain(m.value) for m in at.metric}
    assert metrics["Still to close"] == str(len(report.to_close))
    assert metrics["Hours to close (est.)"] == f"{report.total_hours:,.0f}"
    assert at.download_button[0].label == "Download the comparison (CSV)"


def test_showing_met_requirements_and_one_kind_only():
    at = open_compare(start_from("software developer"))
    at.toggle(key="w_cmp_only_gaps").set_value(False).run()
    everything = at.dataframe[0].value
    assert (everything["Gap (levels)"] == 0).any()
    at.pills(key="w_cmp_kinds").set_value(["Knowledge"]).run()
    assert set(at.dataframe[0].value["Kind"]) == {"Knowledge"}


def test_choosing_a_target_sets_it_for_the_plan_page():
    at = open_compare(start_from("software developer"))
    at.selectbox(key="w_cmp_target").set_value("15-2051.00").run()
    assert at.session_state[state.TARGET] == "15-2051.00"
    button(at, "Plan a route to Data Scientists").click().run()
    assert at.title[0].value == "Plan"
    assert at.selectbox(key="w_plan_target").value == "15-2051.00"


def test_a_role_without_ratings_shows_a_message_not_a_traceback(monkeypatch):
    at = open_compare(start_from("software developer"))
    from careerpivot.errors import NotScorableError
    from careerpivot.ui import cache

    def refuse(*args, **kwargs):
        raise NotScorableError("15-2051.00 Data Scientists has no skill or knowledge ratings")

    monkeypatch.setattr(cache, "person_gap", refuse)
    at.selectbox(key="w_cmp_target").set_value("15-2051.00").run()
    assert not at.exception
    assert "no skill or knowledge ratings" in plain(at.error[0].value)
    assert "Choose another role" in plain(at.error[0].value)


def test_a_profile_with_interests_only_says_every_requirement_shows_as_missing():
    from careerpivot.profile import Profile

    at = new_app()
    at.session_state[state.PROFILE] = Profile(
        interests={"R": 2, "I": 7, "A": 3, "S": 2, "E": 3, "C": 5}
    )
    for spec in (nav.COMPARE, nav.PLAN):
        at.switch_page(page(spec)).run()
        assert not at.exception and not at.error, spec.title
        assert any("no skill ratings yet" in plain(i.value) for i in at.info), spec.title


def test_empty_you_and_hours_cells_read_as_a_dash_with_help_not_none():
    """Tool rows the person never rated and rows with nothing to close have no level or
    hours: the table shows "—" (Streamlit's default shows the word "None") and each
    column's help says what the dash means."""
    import json

    at = open_compare(start_from("software developer"))
    at.toggle(key="w_cmp_only_gaps").set_value(False).run()
    element = at.dataframe[0]
    table = element.value
    assert table["You (0-7)"].isna().any() and table["Hours (est.)"].isna().any()
    assert element.proto.placeholder == "—"
    config = json.loads(element.proto.columns)
    assert "— = not rated yet" in config["You (0-7)"]["help"]
    assert "— = nothing to close" in config["Hours (est.)"]["help"]


def test_a_phone_gets_the_most_urgent_gaps_in_full_with_the_tables_numbers():
    """Before: on a phone the table showed requirement, gap, needed and you, with long names
    cut ("Customer and Personal S") and the priority and hours out of view."""
    import re

    from careerpivot.ui.views.compare import PHONE_ONLY

    at = open_compare(start_from("cashier"))
    table = at.dataframe[0].value
    block = next(m.value for m in at.markdown if str(m.value).startswith("- **"))
    lines = plain(block).splitlines()
    assert 0 < len(lines) <= 12
    assert "Most urgent to close" in texts(at)
    for line, (_, row) in zip(lines, table.iterrows(), strict=False):
        found = re.match(
            r"- \*\*(.+)\*\* \((\w+)\): gap ([\d.]+) \(needs ([\d.]+), you ([\d.]+)\)"
            r"(?: · (\w+) priority)?(?: · about ([\d,]+) h)?$",
            line,
        )
        assert found, line
        name, _, gap, needed, you, priority, hours = found.groups()
        assert name == row["Requirement"]
        assert float(gap) == row["Gap (levels)"]
        assert float(needed) == row["Needed (0-7)"]
        assert float(you) == row["You (0-7)"]
        assert priority == row["Priority"]
        assert int(hours.replace(",", "")) == row["Hours (est.)"]
    # Shown only under the phone breakpoint (the browser test checks it is seen there).
    assert "@media (max-width: 639.98px)" in PHONE_ONLY
