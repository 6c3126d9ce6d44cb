"""An O*NET 30.3-layout import in the app: work values not used, and said so."""

import os
from pathlib import Path

from careerpivot.datasets.importing import import_onet
from careerpivot.profile import Profile
from careerpivot.ui import nav, state
from tests.datasets.onet_fixture import write_release_30
from tests.ui.conftest import button, new_app, page, texts

VALUES = {
    "achievement": 6.0,
    "working_conditions": 3.0,
    "recognition": 2.0,
    "relationships": 5.0,
    "support": 4.0,
    "independence": 6.5,
}


def test_a_30_3_import_says_work_values_are_not_used(tmp_path):
    import_onet(
        write_release_30(tmp_path / "db_99_3_text"),
        data_dir=Path(os.environ["CAREERPIVOT_DATA_DIR"]),
    )
    at = new_app()
    at.selectbox(key="w_dataset").set_value("onet-99.3").run()
    at.text_input(key="w_start_query").input("web developers").run()
    button(at, "Show my pivots").click().run()
    assert not at.exception, at.exception
    assert "Software Developers" in texts(at) and "job zone 4 of 5" in texts(at)
    assert "not used" not in texts(at)  # no work-values answers yet: nothing to say
    prof = at.session_state[state.PROFILE]
    at.session_state[state.PROFILE] = Profile.model_validate(
        {**prof.model_dump(), "work_values": VALUES}
    )
    at.switch_page(page(nav.PIVOTS)).run()
    assert not at.exception, at.exception
    assert any("publishes no work values" in i.value for i in at.info), texts(at)
    at.switch_page(page(nav.ASSESSMENT)).run()
    assert not at.exception, at.exception
    assert any("still go into your profile" in i.value for i in at.info)
