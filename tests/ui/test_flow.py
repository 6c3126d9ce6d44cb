"""The main flow in one session: title -> pivots -> compare -> plan, state carried across."""

from careerpivot.engine import Engine
from careerpivot.ui import nav, state
from tests.ui.conftest import button, chart_specs, footer, new_app, page, plain


def test_title_to_pivots_to_compare_to_plan():
    at = new_app()
    at.text_input(key="w_start_query").input("registerd nurse").run()
    button(at, "Show my pivots").click().run()
    assert at.title[0].value == "Pivots"
    assert at.session_state[state.PROFILE].current_role == "29-1141.00"
    assert "estimates" in footer(at)

    eng = Engine.load()
    second = eng.recommend(eng.profile_for("29-1141.00"), 10)[1]
    button(at, "Save to shortlist", index=1).click().run()
    assert at.session_state[state.SHORTLIST] == [second.code]
    button(at, "Compare", index=1).click().run()
    assert not at.exception
    assert at.title[0].value == "Compare"
    assert at.session_state[state.TARGET] == second.code
    assert at.selectbox(key="w_cmp_target").value == second.code
    assert len(chart_specs(at, "plotly_chart")) == 1
    assert "estimates" in footer(at)

    button(at, f"Plan a route to {second.title}").click().run()
    assert not at.exception
    assert at.title[0].value == "Plan"
    assert at.selectbox(key="w_plan_target").value == second.code
    assert any(f"What to learn for {second.title}" in plain(h.value) for h in at.subheader)
    assert "estimates" in footer(at)

    at.switch_page(page(nav.PIVOTS)).run()  # the shortlist survived the trip
    assert [t.label for t in at.tabs][2] == "Shortlist (1)"


def test_every_page_runs_without_and_with_a_profile_and_has_the_footer():
    at = new_app()
    for spec in nav.available_pages():
        at.switch_page(page(spec)).run()
        assert not at.exception, (spec.title, at.exception)
        assert at.title[0].value in (spec.title, "CareerPivot")
        assert "Data set: starter" in footer(at)
    button_at = new_app()
    button_at.text_input(key="w_start_query").input("accountant").run()
    button(button_at, "Show my pivots").click().run()
    for spec in nav.available_pages():
        button_at.switch_page(page(spec)).run()
        assert not button_at.exception, (spec.title, button_at.exception)
        assert "Data set: starter" in footer(button_at)
        assert not button_at.error, (spec.title, [plain(e.value) for e in button_at.error])
