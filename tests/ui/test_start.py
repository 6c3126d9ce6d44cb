from streamlit.testing.v1 import AppTest

from tests.conftest import REPO


def test_start_page_finds_a_role_and_lists_pivots():
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=30).run()
    assert not at.exception
    at.text_input[0].input("sofware developer").run()
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "Web Developers" in text
    assert "estimates" in at.caption[-1].value
