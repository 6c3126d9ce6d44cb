"""Navigation: every page file is registered, pages needing a missing core stay out."""

from careerpivot.ui import nav


def test_every_view_file_is_a_registered_page():
    files = sorted(p.name for p in nav.VIEWS.glob("*.py") if p.name != "__init__.py")
    assert files == sorted(p.file for p in nav.PAGES)


def test_main_flow_pages_are_in_flow_order_and_start_is_first():
    titles = [p.title for p in nav.available_pages()]
    flow = [t for t in titles if t in ("Start", "Pivots", "Compare", "Plan")]
    assert titles[0] == "Start" and flow == ["Start", "Pivots", "Compare", "Plan"]


def test_a_page_whose_core_package_is_missing_is_left_out():
    ghost = nav.PageSpec("start.py", "Ghost", ":material/help:", requires="no_such_pkg")
    assert not ghost.available
    assert nav.PageSpec("missing.py", "Gone", ":material/help:").available is False


def test_rejections_page_follows_plan_and_needs_the_rejection_core():
    titles = [p.title for p in nav.PAGES]
    assert titles.index("Rejections") == titles.index("Plan") + 1
    assert nav.REJECTIONS.requires == "careerpivot.rejections"
    assert nav.REJECTIONS.available  # the core is in this tree
