"""Pivots page: cards with reasons and numbers, filters, dismiss, shortlist, map."""

import os
import re
from pathlib import Path

import pytest

from careerpivot.datasets.importing import import_onet
from careerpivot.engine import Engine
from careerpivot.filters import Filters
from careerpivot.ui import nav, state, tables
from tests.ui.conftest import button, chart_specs, footer, new_app, page, plain, start_from, texts

CARD = re.compile(r"^#### (\d+)\. (.+)$")


def card_titles(at) -> list[str]:
    return [m.group(2) for md in at.markdown if (m := CARD.match(plain(md.value)))]


def expected_titles(**filters) -> list[str]:
    eng = Engine.load()
    prof = eng.profile_for("15-1252.00")
    return [p.title for p in eng.recommend(prof, 10, filters=Filters(**filters))]


def test_without_a_profile_the_page_says_where_to_start():
    at = new_app()
    at.switch_page(page(nav.PIVOTS)).run()
    assert not at.exception
    assert "Start page" in plain(at.info[0].value)
    assert "estimates" in footer(at)


def test_cards_show_why_what_is_missing_and_the_numbers_with_units_and_source():
    at = start_from("software developer")
    assert card_titles(at) == expected_titles(max_job_zone_step=1)
    body = texts(at)
    assert body.count("**Why it fits**") == 10 and body.count("**What is missing**") == 10
    assert re.search(r"Median wage: \$[\d,]+/year", body)
    assert re.search(r"Wage change: [+−]\$[\d,]+/year", body)
    assert re.search(r"Outlook, 10 years: [+−]\d+\.\d%", body)
    # every card renders the one gap model, with levels in words, and says what the work is
    eng = Engine.load()
    for p in eng.recommend(eng.profile_for("15-1252.00"), 10):
        assert p.gap is not None and p.gap.summary in body
        for line in tables.card_missing(p.gap):
            assert line in body
        facts = eng.facts(p.code)
        assert facts.description in body
    assert re.search(r"needs \d(\.\d)? of 7 \(", body)  # "needs 4 of 7 (write a script ...)"
    assert "Levels run 0-7" in body and "Description and tasks: data set starter" in body
    assert "Source: BLS" in body
    assert "2.B." not in body and "tech:" not in body  # plain names, never element ids


def test_minimum_wage_filter_reaches_the_engine_and_survives_a_page_visit():
    at = start_from("software developer")
    at.number_input(key="w_piv_wage").set_value(120_000).run()
    assert card_titles(at) == expected_titles(max_job_zone_step=1, min_wage=120_000)
    at.switch_page(page(nav.COMPARE)).run()
    at.switch_page(page(nav.PIVOTS)).run()
    assert at.number_input(key="w_piv_wage").value == 120_000
    assert card_titles(at) == expected_titles(max_job_zone_step=1, min_wage=120_000)


def test_family_outlook_and_step_filters():
    at = start_from("software developer")
    at.multiselect(key="w_piv_families").set_value(["15"]).run()
    at.selectbox(key="w_piv_outlook").set_value(3.0).run()
    at.select_slider(key="w_piv_step").set_value(0).run()
    assert card_titles(at) == expected_titles(max_job_zone_step=0, families=["15"], min_outlook=3.0)
    assert all(
        "Computer and Mathematical" in plain(c.value)
        for c in at.caption
        if "job zone" in plain(c.value)
    )


def test_filters_that_exclude_everything_say_how_to_loosen_them():
    at = start_from("software developer")
    at.number_input(key="w_piv_wage").set_value(250_000).run()
    assert not at.exception
    assert card_titles(at) == []
    assert any("No roles pass these filters" in plain(i.value) for i in at.info)


def test_dismissed_role_leaves_the_list_and_can_come_back():
    at = start_from("software developer")
    first = card_titles(at)[0]
    button(at, "Not for me").click().run()
    assert first not in card_titles(at)
    assert len(card_titles(at)) == 10  # the next role moves up
    button(at, f"Show {first} again").click().run()
    assert card_titles(at)[0] == first


def test_saving_to_the_shortlist_shows_it_on_the_shortlist_tab():
    at = start_from("software developer")
    first = card_titles(at)[0]
    button(at, "Save to shortlist").click().run()
    code = at.session_state[state.SHORTLIST][0]
    assert Engine.load().dataset.occupation(code).title == first
    assert [t.label for t in at.tabs][2] == "Shortlist (1)"
    assert any(b.label == "Remove from shortlist" for b in at.button)


def test_card_buttons_open_compare_and_plan_for_that_role():
    at = start_from("software developer")
    first = card_titles(at)[0]
    button(at, "Compare").click().run()
    assert at.title[0].value == "Compare"
    assert any(first in plain(h.value) for h in at.subheader)
    at.switch_page(page(nav.PIVOTS)).run()
    button(at, "Plan a route").click().run()
    assert at.title[0].value == "Plan"
    assert at.selectbox(key="w_plan_target").value == at.session_state[state.TARGET]


def test_map_has_clickable_roles_and_a_table_equivalent():
    at = start_from("software developer")
    [spec] = chart_specs(at, "plotly_chart")
    codes = {c for tr in spec["data"] for c in (tr.get("customdata") or [])}
    assert "15-1252.00" in codes and len(codes) > 5
    names = {tr.get("name") for tr in spec["data"]}
    assert {"Where you start", "In your pivot list"} <= names
    table = at.dataframe[0].value
    assert list(table.columns)[:2] == ["Role", "Similarity (%)"]
    assert len(table) == len(codes) - 1


def test_opening_a_role_from_the_map_shows_its_card():
    at = start_from("software developer")
    picker = at.selectbox(key="w_map_role")
    assert picker.value is None
    picker.set_value("15-1254.00").run()
    assert not at.exception
    assert "Web Developers" in card_titles(at)


def test_a_starting_role_without_skill_ratings_is_explained():
    from dataclasses import replace

    from careerpivot.datasets.registry import datasets_dir
    from careerpivot.datasets.saved import save_dataset
    from careerpivot.graph import build_graph
    from careerpivot.testing import tiny_dataset

    base = tiny_dataset()  # its Epsilon Clerk has no skill ratings: give it interests
    clerk = replace(
        base.occupation("43-0005.00"),
        interests=(2, 3, 1, 4, 3, 7),
        unscored_reason="The source publishes no skill ratings for this occupation",
    )
    occs = tuple(clerk if o.code == clerk.code else o for o in base.occupations)
    ds = replace(base, name="mini", occupations=occs)
    save_dataset(ds, datasets_dir() / "mini", build_graph(ds))

    at = new_app()
    at.selectbox(key="w_dataset").set_value("mini").run()
    at.text_input(key="w_start_query").input("epsilon clerk").run()
    button(at, "Show my pivots").click().run()
    assert not at.exception and not at.error
    assert any(
        "no skill ratings for this occupation (Epsilon Clerk)" in plain(i.value)
        and "Self-assessment" in plain(i.value)
        for i in at.info
    )
    assert card_titles(at)  # interests alone still give suggestions


@pytest.mark.realdata
def test_on_an_onet_import_the_map_shows_the_rankers_neighbours(onet_dir, bls_dir, tmp_path):
    """Import 29.2 with BLS, pick it in the app: the map is the import's relatedness graph."""

    import_onet(
        onet_dir,
        data_dir=Path(os.environ["CAREERPIVOT_DATA_DIR"]),
        oews=bls_dir / "oews_national_M2024_dl.xlsx",
        projections=bls_dir / "ep_occupation_2024_34.xlsx",
    )
    at = new_app()
    at.selectbox(key="w_dataset").set_value("onet-29.2").run()
    at.text_input(key="w_start_query").input("registered nurses").run()
    button(at, "Show my pivots").click().run()
    assert not at.exception, at.exception
    # the attribution keeps its asterisk: escaped, so markdown shows "O*NET", not italics
    raw = str(at.caption[-1].value)  # the Markdown itself: no asterisk left to italicise
    assert "O\\*NET" in raw and "O*NET" not in raw.replace("O\\*NET", "")
    assert "O*NET 29.2 Database" in footer(at)
    table = at.dataframe[0].value
    assert table["Similarity (%)"].is_monotonic_decreasing
    # The import's graph (relatedness ranker) agrees with O*NET's own list for nurses;
    # a graph rebuilt from profile similarity put athletic trainers and physical
    # therapists among the first six.
    ds = Engine.load("onet-29.2", Path(os.environ["CAREERPIVOT_DATA_DIR"])).dataset
    listed = {ds.occupation(c).title for c, tier, _ in ds.extras["related"]["29-1141.00"]}
    nearest = list(table["Role"][:6])
    assert sum(t in listed for t in nearest) >= 5, nearest
    # ... and the table shows that list as evidence beside the similarity.
    shown = dict(zip(table["Role"], table["O*NET lists it"], strict=True))
    assert shown["Critical Care Nurses"].startswith("closely related")


def test_similar_roles_open_under_their_card_with_fit_numbers_and_buttons():
    """The roles held back by "one per occupation group" are one click away, each with its
    own fit and figures and the card's buttons; Compare opens on the chosen one."""
    eng = Engine.load()
    prof = eng.profile_for("29-1141.00")
    pivots = eng.recommend(prof, 10)
    with_similar = [p for p in pivots if p.similar]
    assert with_similar, "the registered nurse's list has no grouped roles to show"
    at = start_from("registered nurse")
    folded = [e for e in at.expander if plain(e.label).startswith("Similar: ")]
    assert [plain(e.label) for e in folded] == [
        "Similar: " + "; ".join(s.title for s in p.similar) for p in with_similar
    ]
    first = with_similar[0]
    inside = texts(folded[0])
    for s in first.similar:
        occ = eng.dataset.occupation(s.code)
        assert f"**{s.title}**: Fit {s.score:.0%}; median wage {tables.usd(occ.median_wage)}" in (
            plain(inside)
        )
    assert "Source: BLS wages and projections" in inside
    role = first.similar[0]
    [cmp] = [b for b in folded[0].button if b.key == f"w_sim_{first.code}_cmp_{role.code}"]
    cmp.click().run()
    assert at.title[0].value == "Compare"
    assert at.session_state[state.TARGET] == role.code
    assert any(role.title in plain(h.value) for h in at.subheader)


def test_the_chosen_order_survives_a_visit_to_another_page():
    at = start_from("registered nurse")
    at.selectbox(key="w_piv_sort").set_value("pay").run()
    by_pay = card_titles(at)
    assert by_pay != card_titles(start_from("registered nurse"))
    at.switch_page(page(nav.COMPARE)).run()
    at.switch_page(page(nav.PIVOTS)).run()
    assert at.selectbox(key="w_piv_sort").value == "pay"
    assert card_titles(at) == by_pay


def _card_of_estimated_role() -> None:
    """A pivot card for a role whose ratings are estimated (as O*NET imports have them)."""
    import dataclasses

    from careerpivot.engine import Engine as _Engine
    from careerpivot.ui.cards import pivot_card

    eng = _Engine.load()
    p = eng.recommend(eng.profile_for("29-1141.00"), 1)[0]
    note = (
        "Estimated from 2 similar rated roles (the source publishes no skill or knowledge "
        "ratings for this one; similar by tasks, titles and tools): Dental Assistants; "
        "Phlebotomists"
    )
    pivot_card(eng.dataset, dataclasses.replace(p, estimate_note=note), where="t")


def test_a_card_says_when_the_roles_ratings_are_estimated_and_from_what():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_card_of_estimated_role, default_timeout=60).run()
    assert not at.exception, at.exception
    said = [plain(c.value) for c in at.caption]
    assert any("ratings estimated" in c for c in said)
    assert any(
        "Estimated from 2 similar rated roles" in c and c.endswith("Phlebotomists.") for c in said
    )


def test_a_card_of_a_rated_role_claims_no_estimate():
    at = start_from("registered nurse")
    said = " ".join(plain(c.value) for c in at.caption)
    assert "ratings estimated" not in said and "Estimated from" not in said


def _similar_with_an_estimated_role() -> None:
    """The similar roles under a nurse's card, the first marked as estimated."""
    import dataclasses

    from careerpivot.engine import Engine as _Engine
    from careerpivot.ui.cards import similar_roles

    eng = _Engine.load()
    p = next(p for p in eng.recommend(eng.profile_for("29-1141.00"), 10) if p.similar)
    real = eng.dataset
    marked = p.similar[0].code

    class Marked:
        def __getattr__(self, name):
            return getattr(real, name)

        def occupation(self, code):
            occ = real.occupation(code)
            if code != marked:
                return occ
            note = "Estimated from 2 similar rated roles: Alpha; Beta"
            return dataclasses.replace(occ, estimated=("skills",), estimate_note=note)

    class WithMarked:
        dataset = Marked()

        def facts(self, code):
            return eng.facts(code)

    similar_roles(WithMarked(), p)


def test_a_similar_role_with_estimated_ratings_says_so_and_from_what():
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_similar_with_an_estimated_role, default_timeout=60).run()
    assert not at.exception, at.exception
    lines = [plain(m.value) for m in at.markdown if plain(m.value).startswith("**")]
    assert "(ratings estimated): Fit " in lines[0]
    assert all("estimated" not in line for line in lines[1:])
    assert any(
        plain(c.value).endswith(": Estimated from 2 similar rated roles: Alpha; Beta.")
        for c in at.caption
    )
