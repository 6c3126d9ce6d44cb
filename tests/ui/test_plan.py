"""Plan page: ordered learning steps with hours, route diagram and text, "what if I learn X"."""

import re

from careerpivot.engine import Engine
from careerpivot.ui import nav, state
from tests.ui.conftest import chart_specs, footer, new_app, page, start_from, texts

STEP = re.compile(r"^(\d+)\. \*\*(.+?)\*\*: level (\d\.\d) → (\d\.\d).*about ([\d,]+) hours")


def open_plan(at, target=None):
    if target is not None:
        at.session_state[state.TARGET] = target
    at.switch_page(page(nav.PLAN)).run()
    assert not at.exception, at.exception
    return at


def test_without_a_profile_the_page_says_where_to_start():
    at = open_plan(new_app())
    assert "Start page" in at.info[0].value
    assert "estimates" in footer(at)


def test_learning_steps_are_in_the_engines_order_with_hours():
    at = open_plan(start_from("software developer"), "15-2051.00")
    eng = Engine.load()
    plan = eng.plan(eng.profile_for("15-1252.00"), "15-2051.00")
    lines = [ln for md in at.markdown for ln in md.value.splitlines() if STEP.match(ln)]
    assert len(lines) == len(plan.steps) > 0
    for line, step in zip(lines, plan.steps):
        m = STEP.match(line)
        assert m.group(2).startswith(step.name.replace("$", "\\$"))
        assert int(m.group(5).replace(",", "")) == round(step.hours)
    assert f"about {plan.total_hours:,.0f} hours in all" in texts(at)
    assert at.download_button[0].label == "Download the plan (CSV)"


def test_routes_are_drawn_and_written_out():
    at = open_plan(start_from("software developer"), "15-2051.00")
    [dot] = chart_specs(at, "graphviz_chart")
    assert dot.startswith("digraph") and "Data Scientists" in dot and "you start here" in dot
    eng = Engine.load()
    routes = eng.routes(eng.profile_for("15-1252.00"), "15-2051.00")
    labels = [e.label for e in at.expander if e.label.startswith("Route ")]
    assert len(labels) == len(routes)
    for label, r in zip(labels, routes):
        assert f"about {r.total_hours:,.0f} hours" in label
        assert label.endswith("Data Scientists") or "bigger job-zone step" in label


def test_what_if_lists_roles_that_move_up():
    at = open_plan(start_from("software developer"), "15-2051.00")
    at.selectbox(key="w_plan_whatif").set_value("2.C.4.a").run()  # Mathematics (knowledge)
    at.slider(key="w_plan_reach_2.C.4.a").set_value(7.0).run()
    assert not at.exception
    eng = Engine.load()
    prof = eng.profile_for("15-1252.00")
    expected = eng.what_if(prof, "2.C.4.a", 7.0 - prof.ratings["2.C.4.a"])
    assert expected, "the starter set should have roles that reward more mathematics"
    table = at.dataframe[-1].value
    assert list(table["Role"]) == [c.title for c in expected]
    assert (table["Places up"] > 0).all()


def test_what_if_below_the_current_level_asks_for_a_higher_one():
    at = open_plan(start_from("software developer"), "15-2051.00")
    at.selectbox(key="w_plan_whatif").set_value("2.B.3.e").run()  # Programming
    at.slider(key="w_plan_reach_2.B.3.e").set_value(0.0).run()
    assert not at.exception
    assert any("already at level" in i.value for i in at.info)


def test_the_starting_role_as_target_says_to_choose_another():
    at = open_plan(start_from("software developer"), "15-1252.00")
    assert "the role you start from" in at.info[0].value
