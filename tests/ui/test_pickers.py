"""Every role picker in the app goes through the one title search, ``Engine.search``.

A spy wraps ``Engine.search``; each picker is driven as a person would (type a title)
and must (1) have asked the engine, (2) show what the engine found, best first, and
(3) pre-select nothing when the engine says the first matches are close.
"""

from __future__ import annotations

import pytest

from careerpivot.engine import Engine
from careerpivot.ui import nav
from tests.ui.conftest import button, new_app, page, start_from, texts

UX = "15-1255.00"  # Web and Digital Interface Designers


@pytest.fixture
def searched(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The queries the app sent to Engine.search during the test."""
    calls: list[str] = []
    real = Engine.search

    def spy(self: Engine, query: str, limit: int = 10):  # type: ignore[no-untyped-def]
        calls.append(query)
        return real(self, query, limit=limit)

    monkeypatch.setattr(Engine, "search", spy)
    return calls


def test_start_page_uses_the_shared_search(searched):
    at = new_app()
    at.text_input(key="w_start_query").input("UX").run()
    assert "UX" in searched
    radio = at.radio[0]
    assert radio.value == UX  # a clear match is offered first
    assert Engine.load().search("UX")[0].code == UX


def test_start_page_never_preselects_one_of_close_matches(searched):
    at = new_app()
    at.text_input(key="w_start_query").input("teacher").run()
    assert "teacher" in searched
    radio = at.radio[0]
    assert radio.value is None  # the person chooses
    assert len(radio.options) >= 2
    assert "about equally well" in texts(at)
    assert button(at, "Show my pivots").disabled
    radio.set_value("25-2031.00").run()
    assert not button(at, "Show my pivots").disabled


def _open(at, spec):
    at.switch_page(page(spec)).run()
    assert not at.exception, at.exception
    return at


def test_compare_target_uses_the_shared_search(searched):
    at = _open(new_app(), nav.COMPARE)
    at.text_input(key="w_cmp_target_find").input("UX").run()
    assert not at.exception, at.exception
    assert "UX" in searched
    target = at.selectbox(key="w_cmp_target")
    assert target.options[0] == "Web and Digital Interface Designers"  # not Fraud Examiners
    assert target.value == UX


def test_compare_source_uses_the_shared_search_and_waits_for_a_choice(searched):
    at = _open(new_app(), nav.COMPARE)
    at.text_input(key="w_cmp_source_find").input("teacher").run()
    assert not at.exception, at.exception
    assert "teacher" in searched
    assert at.selectbox(key="w_cmp_source").value is None
    assert "Choose both roles" in texts(at)


def test_plan_target_uses_the_shared_search(searched):
    at = _open(start_from("registered nurse"), nav.PLAN)
    at.text_input(key="w_plan_target_find").input("nurse practitioner").run()
    assert not at.exception, at.exception
    assert "nurse practitioner" in searched
    assert at.selectbox(key="w_plan_target").value == "29-1171.00"


@pytest.mark.skipif(not nav.REJECTIONS.available, reason="no careerpivot.rejections")
def test_rejection_form_occupation_uses_the_shared_search(searched):
    at = _open(new_app(), nav.REJECTIONS)
    at.text_input(key="w_rej_new_title").input("UX designer").run()
    assert "UX designer" in searched
    [occ] = [s for s in at.selectbox if s.label == "Matching occupation"]
    assert occ.value == UX
    at.text_input(key="w_rej_new_title").input("teacher").run()
    [occ] = [s for s in at.selectbox if s.label == "Matching occupation"]
    assert occ.value is None  # close matches: not silently the first
    assert "about equally well" in texts(at)


def test_start_page_says_when_nothing_is_a_close_match(searched):
    # the starter set has no barista; "barrister" (Lawyers) only looks alike
    at = new_app()
    at.text_input(key="w_start_query").input("barrista").run()
    assert "barrista" in searched
    assert at.radio[0].value is None
    assert "No close match" in texts(at) and "Did you mean" in texts(at)
    assert "about equally well" not in texts(at)
    assert button(at, "Show my pivots").disabled


def test_compare_target_says_when_nothing_is_a_close_match(searched):
    at = _open(new_app(), nav.COMPARE)
    at.text_input(key="w_cmp_target_find").input("barrista").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="w_cmp_target").value is None
    assert "No close match" in texts(at)


@pytest.mark.skipif(not nav.REJECTIONS.available, reason="no careerpivot.rejections")
def test_rejection_form_says_when_no_occupation_is_a_close_match(searched):
    at = _open(new_app(), nav.REJECTIONS)
    at.text_input(key="w_rej_new_title").input("barrista").run()
    [occ] = [s for s in at.selectbox if s.label == "Matching occupation"]
    assert occ.value is None
    assert "No occupation is a close match" in texts(at)
