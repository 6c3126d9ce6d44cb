"""Plan page: ordered learning steps with hours, route diagram and text, "what if I learn X"."""

import re

from careerpivot.engine import Engine
from careerpivot.ui import nav, state
from careerpivot.ui.tables import with_kind
from tests.ui.conftest import chart_specs, footer, new_app, page, plain, start_from, texts

STEP = re.compile(
    r"^(\d+)\. \*\*(.+?)\*\*: level (\d\.\d) → (\d\.\d).*about ([\d,]+)-([\d,]+) hours"
)


def open_plan(at, target=None):
    if target is not None:
        at.session_state[state.TARGET] = target
    at.switch_page(page(nav.PLAN)).run()
    assert not at.exception, at.exception
    return at


def test_without_a_profile_the_page_says_where_to_start():
    at = open_plan(new_app())
    assert "Start page" in plain(at.info[0].value)
    assert "estimates" in footer(at)


def test_learning_steps_are_in_the_engines_order_with_hours():
    at = open_plan(start_from("software developer"), "15-2051.00")
    eng = Engine.load()
    plan = eng.plan(eng.profile_for("15-1252.00"), "15-2051.00")
    lines = [ln for md in at.markdown for ln in plain(md.value).splitlines() if STEP.match(ln)]
    assert len(lines) == len(plan.steps) > 0
    for line, step in zip(lines, plan.steps):
        m = STEP.match(line)
        assert m.group(2).startswith(step.name.replace("$", "\\$"))
        assert int(m.group(5).replace(",", "")) == round(step.hours_low)
        assert int(m.group(6).replace(",", "")) == round(step.hours_high)
    h = plan.hours
    assert f"about {h.low:,.0f}-{h.high:,.0f} hours in all" in texts(at)
    for phase, _ in plan.phases:  # steps are shown under their phase headings
        assert f"**{phase[0].upper()}{phase[1:]}**" in texts(at)
    assert "Typical preparation for Data Scientists: Job zone" in texts(at)
    assert at.download_button[0].label == "Download the plan (CSV)"


def test_routes_are_drawn_and_written_out():
    at = open_plan(start_from("software developer"), "15-2051.00")
    [dot] = chart_specs(at, "graphviz_chart")
    assert dot.startswith("digraph") and "Data Scientists" in dot and "you start here" in dot
    eng = Engine.load()
    routes = eng.routes(eng.profile_for("15-1252.00"), "15-2051.00")
    labels = [plain(e.label) for e in at.expander if plain(e.label).startswith("Route ")]
    assert len(labels) == len(routes)
    for label, r in zip(labels, routes):
        assert f"about {r.total_hours:,.0f} hours" in label
        assert label.endswith("Data Scientists") or "bigger job-zone step" in label


def test_what_if_offers_only_steps_that_move_the_target_with_hours_rank_and_fit():
    at = open_plan(start_from("software developer"), "15-2051.00")
    eng = Engine.load()
    prof = eng.profile_for("15-1252.00")
    options = eng.what_if_options(prof, "15-2051.00")
    assert options, "some plan step should move Data Scientists"
    box = at.selectbox(key="w_plan_whatif")
    assert list(box.options) == [
        with_kind(o.name, o.kind, f"about {o.hours_low:,.0f}-{o.hours_high:,.0f} h")
        for o in options
    ]
    assert "Mathematics (knowledge, about" in " ".join(box.options)
    for o in options:
        assert o.new_rank < o.old_rank or o.new_fit > o.old_fit
    last = options[-1]
    box.set_value(last.id).run()
    assert not at.exception
    shown = texts(at)
    assert f"Data Scientists moves from rank {last.old_rank} to {last.new_rank}" in shown or (
        f"stays at rank {last.new_rank}" in shown
    )
    assert "top 20" not in last.sentence


def test_what_if_never_calls_a_rank_outside_the_top_20_in_it():
    from careerpivot.routes import WhatIfOption

    o = WhatIfOption("x", "SQL", "technology", 3.0, 4.5, 80.0, "Data Scientists", 22, 19, 0.6, 0.64)
    assert "rank 22 to 19" in o.sentence and "top 20" not in o.sentence
    # by fit: the Pivots page's realistic list places the role elsewhere
    assert "rank 22 to 19 of your matches by fit;" in o.sentence
    assert "about 60-120 h" in o.sentence and "fit 60% → 64%" in o.sentence


def test_the_starting_role_as_target_says_to_choose_another():
    at = open_plan(start_from("software developer"), "15-1252.00")
    assert "the role you start from" in plain(at.info[0].value)


def test_a_target_already_in_reach_gets_no_detours_and_no_false_what_if():
    """Registered nurse -> LPN: nothing to learn, so no 0-hour stepping-stone "routes" and no
    claim that "the gap is spread over several requirements"."""
    eng = Engine.load()
    lpn = "29-2061.00"
    assert not eng.plan(eng.profile_for("29-1141.00"), lpn).steps
    at = open_plan(start_from("registered nurse"), lpn)
    said = texts(at)
    assert "You already meet the important requirements" in said
    assert "No stepping stone is needed" in said
    assert not [e for e in at.expander if plain(e.label).startswith("Route ")]
    assert not chart_specs(at, "graphviz_chart")
    assert "spread over several requirements" not in said


def test_route_lines_count_stepping_stones_in_words():
    from types import SimpleNamespace

    from careerpivot.ui.tables import route_lines

    def route(n: int) -> SimpleNamespace:
        codes = [f"c{i}" for i in range(n + 1)]
        return SimpleNamespace(codes=codes, steps=[None] * n, total_hours=10.0, within_reach=True)

    one, two, three = route_lines([route(1), route(2), route(3)], {})  # type: ignore[list-item]
    assert "direct move" in one
    assert "1 stepping stone," in two and "2 stepping stones," in three
    assert "(s)" not in one + two + three


def test_tools_one_of_a_family_covers_are_folded_into_a_counted_table():
    """O*NET roles can list a hundred such tools: the plan shows a count and a table folded
    away, not a paragraph of them."""
    eng = Engine.load()
    plan = eng.plan(eng.profile_for("15-1252.00"), "15-2051.01")
    covered = [r for r in plan.gap.rows if r.note.startswith("one tool")]
    assert covered
    at = open_plan(start_from("software developer"), "15-2051.01")
    [folded] = [e for e in at.expander if plain(e.label).startswith("Tools left out of the plan")]
    assert plain(folded.label).startswith(f"Tools left out of the plan ({len(covered)})")
    table = folded.dataframe[0].value
    assert table["Tool"].tolist() == [r.name for r in covered]
    assert table["Covered by"].tolist()[0] == covered[0].note.split("covered by ")[1]
    assert "(covered by " not in texts(at)


def test_a_one_step_plan_that_moves_nothing_is_not_called_a_spread_out_gap(monkeypatch):
    """Seen on O*NET: financial analyst -> Financial Risk Specialists, one step, fit 98%, already
    first; the page said "the gap is spread over several requirements"."""
    from careerpivot.ui import cache

    eng = Engine.load()
    [step] = eng.plan(eng.profile_for("29-1141.00"), "31-9092.00").steps
    monkeypatch.setattr(cache, "what_if_options", lambda *a, **k: [])
    at = open_plan(start_from("registered nurse"), "31-9092.00")
    said = plain(at.info[-1].value)
    assert f"The plan's one step, {step.name}, hardly changes Medical Assistants" in said
    assert "spread over several requirements" not in said


def test_a_steps_kind_is_said_once_and_counts_read_as_words():
    # Seen on O*NET: "Mathematics (knowledge) (knowledge): level 3.4 -> 4.0" and "Hours:
    # 14 step(s), ...": the data names the two Mathematics descriptors with their kind.
    at = open_plan(start_from("software developer"), "15-2051.00")
    eng = Engine.load()
    plan = eng.plan(eng.profile_for("15-1252.00"), "15-2051.00")
    assert "Mathematics (knowledge)" in [s.name for s in plan.steps]
    shown = texts(at)
    assert "**Mathematics (knowledge)**: level" in plain(shown)
    assert "(knowledge) (knowledge)" not in plain(shown)
    assert "(skill) (skill)" not in plain(shown)
    assert "step(s)" not in shown and f"{len(plan.steps)} steps, each" in shown
    labels = at.selectbox(key="w_plan_whatif").options
    assert not [x for x in labels if "(knowledge) (knowledge" in x or "(skill) (skill" in x]


def test_the_slow_parts_of_the_plan_show_progress_while_they_run(monkeypatch):
    """On O*NET data the routes took seconds with nothing on screen. Each of the plan's
    computations (steps, routes, what-if) now runs inside a spinner that says what it does;
    the Pivots ranking too."""
    import contextlib

    import streamlit

    from careerpivot.ui import cache

    open_spinners: list[str] = []
    seen: dict[str, list[str]] = {}

    @contextlib.contextmanager
    def spinner(text="", **_kw):
        open_spinners.append(text)
        try:
            yield
        finally:
            open_spinners.pop()

    def watched(name):
        real = getattr(cache, name)

        def call(*args, **kwargs):
            seen.setdefault(name, []).extend(open_spinners or ["(none)"])
            return real(*args, **kwargs)

        return call

    monkeypatch.setattr(streamlit, "spinner", spinner)
    for name in ("plan", "routes", "what_if_options", "recommend"):
        monkeypatch.setattr(cache, name, watched(name))
    open_plan(start_from("software developer"), "15-2051.00")
    assert set(seen) == {"plan", "routes", "what_if_options", "recommend"}
    assert "(none)" not in seen["routes"] and "(none)" not in seen["plan"], seen
    assert "(none)" not in seen["what_if_options"] and "(none)" not in seen["recommend"], seen
    assert any("stepping-stone routes" in t for t in seen["routes"])
