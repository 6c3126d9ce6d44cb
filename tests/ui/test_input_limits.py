"""The app's title and CV boxes hold at most what CareerPivot reads: a pasted megabyte of
"job title" or "CV" held the server for minutes (see tests/security/test_slow_inputs.py)."""

from __future__ import annotations

from careerpivot.engine import TITLE_QUERY_MAX
from careerpivot.ui import nav
from careerpivot.ui.assess import CV_TEXT_MAX
from careerpivot.ui.choices import DRAFT_TEXTS
from tests.ui.conftest import new_app, page


def test_title_and_cv_boxes_hold_at_most_what_is_read():
    at = new_app()
    assert at.text_input(key="w_start_query").max_chars == TITLE_QUERY_MAX
    at.switch_page(page(nav.ASSESSMENT)).run()
    assert not at.exception, at.exception
    assert at.text_area(key="w_cv_text").max_chars == CV_TEXT_MAX
    assert DRAFT_TEXTS["title"] <= TITLE_QUERY_MAX  # a kept draft title fits its box


def test_every_title_search_box_has_the_limit():
    at = new_app()
    at.switch_page(page(nav.COMPARE)).run()
    assert not at.exception, at.exception
    finds = [t for t in at.text_input if str(t.key).endswith("_find")]
    assert finds and all(t.max_chars == TITLE_QUERY_MAX for t in finds)
