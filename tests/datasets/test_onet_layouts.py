"""The O*NET 30.3 / 31.x layout: detection, reading, and the same data model as 29.2."""

import zipfile

import numpy as np
import pytest
from typer.testing import CliRunner

from careerpivot.cli import app
from careerpivot.datasets.importing import (
    LATEST_VERSION,
    DownloadError,
    download_release,
    fetch_and_import,
    import_onet,
)
from careerpivot.datasets.onet import read_release
from careerpivot.datasets.onet_layouts import LAYOUTS, ONET_29, ONET_30_3, detect_layout
from careerpivot.datasets.registry import load_dataset
from careerpivot.engine import Engine
from careerpivot.errors import DataValidationError
from careerpivot.filters import Filters
from careerpivot.profile import Profile
from tests.datasets.onet_fixture import NEW_DWA, NEW_IWA, write_release, write_release_30

VALUES = {
    "achievement": 6.0,
    "working_conditions": 3.0,
    "recognition": 2.0,
    "relationships": 5.0,
    "support": 4.0,
    "independence": 6.5,
}


@pytest.fixture
def new(tmp_path):
    return write_release_30(tmp_path / "db_99_3_text")


@pytest.fixture
def old(tmp_path):
    return write_release(tmp_path / "db_99_1_text")


def _zip(folder, zpath):
    with zipfile.ZipFile(zpath, "w") as zf:
        for p in folder.iterdir():
            zf.write(p, f"{folder.name}/{p.name}")
    return zpath


def test_detects_each_layout_from_its_files(new, old):
    assert detect_layout(p.name for p in new.iterdir()) is ONET_30_3
    assert detect_layout(p.name for p in old.iterdir()) is ONET_29


def test_every_layout_maps_every_table_the_importer_reads():
    """One table per layout: the same logical tables, only work values may be absent."""
    tables = {name for lay in LAYOUTS for name in lay.tables}
    for lay in LAYOUTS:
        assert tables - set(lay.tables) <= {"work_values", "specific_interests"}, lay.name


def test_reads_the_new_layout(new):
    ds, summary = read_release(new)
    assert ds.name == "onet-99.3" and ds.extras["release"]["layout"] == "30.3"
    assert summary.occupations == 3 and summary.scorable == 2
    assert set(summary.files) >= {
        "Essential Skills.txt + Transferable Skills.txt",
        "Career Interest Types.txt",
        "Software Skills.txt",
        "Job Titles.txt",
    }
    dev = ds.occupation("15-1252.00")
    assert dev.interests[1] == 6.5 and dev.work_values is None
    assert dev.education == "Bachelor's Degree" and "Software Engineer" in dev.alternate_titles
    reqs = {r.descriptor: r for r in ds.requirements_of("15-1252.00")}
    assert reqs["2.A.1.a"].level == 4.0  # from Essential Skills
    assert reqs["2.B.3.e"].importance == 4.5 and reqs["2.B.3.e"].level == 5.5  # Transferable
    assert reqs["tech:python"].importance == 4.0  # Workplace Example, Hot + In Demand
    assert ds.descriptor("tech:python").category.startswith("Object or component")
    assert ds.extras["dwas"]["15-1254.00"] == [NEW_DWA]
    assert ds.extras["iwa_of_dwa"][NEW_DWA] == NEW_IWA
    assert not ds.publishes("work_values")
    assert any("Work values" in line for line in summary.lines())
    assert "30.3" in ds.provenance.notes


def test_both_layouts_load_into_the_same_data_model(new, old):
    a, _ = read_release(old)
    b, _ = read_release(new)
    assert [o.code for o in a.occupations] == [o.code for o in b.occupations]
    assert [d.id for d in a.descriptors] == [d.id for d in b.descriptors]
    assert np.array_equal(a.importance_matrix, b.importance_matrix)
    assert np.array_equal(a.level_matrix, b.level_matrix)
    for oa, ob in zip(a.occupations, b.occupations, strict=True):
        assert (oa.title, oa.interests, oa.alternate_titles, oa.education) == (
            ob.title,
            ob.interests,
            ob.alternate_titles,
            ob.education,
        )
    assert a.extras["tasks"] == b.extras["tasks"] and a.extras["related"] == b.extras["related"]


def test_job_zone_one_two_in_text_and_filters(new):
    ds, summary = read_release(new)
    assert ds.occupation("11-1011.00").job_zone == 2
    assert ds.job_zone_label(2) == "1\u20132" and ds.job_zone_label(4) == "4"
    assert ds.lowest_job_zone == 2
    assert any("1-2" in line for line in summary.lines())
    person = Profile(ratings={"2.A.1.a": 3.0, "2.B.3.e": 3.0, "2.C.3.a": 3.0}, job_zone=1)
    assert person.effective_job_zone(ds) == 2  # zone 1 stands in the merged zone "1-2"
    eng = Engine(ds)
    pivots = eng.recommend(person, k=5, filters=Filters(max_job_zone_step=1))
    # from "1-2", zone 3 is one step up (allowed) and zone 4 two (filtered out); read as
    # zone 1, zone 3 would have been two steps up and filtered out too
    assert {p.code for p in pivots} == {"15-1254.00"}
    assert pivots[0].job_zone_step == 1 and pivots[0].job_zone_label == "3"


def test_a_29_release_keeps_five_zones(old):
    ds, _ = read_release(old)
    assert ds.lowest_job_zone == 1 and ds.job_zone_label(2) == "2" and ds.publishes("work_values")


def test_work_values_answers_still_work_and_the_scorer_says_they_are_unused(new, old):
    person = Profile(
        ratings={"2.A.1.a": 4.0, "2.B.3.e": 5.0, "2.C.3.a": 5.0},
        work_values=VALUES,
        current_role="15-1252.00",
    )
    eng = Engine(read_release(new)[0])
    pivots = eng.recommend(person, k=5)
    assert pivots and all("values" not in p.components for p in pivots)
    notes = eng.scoring_notes(person)
    assert len(notes) == 1 and "work values" in notes[0] and "not used" in notes[0]
    assert eng.scoring_notes(person.with_work_values(None)) == []
    old_eng = Engine(read_release(old)[0])
    assert old_eng.scoring_notes(person) == []
    assert "values" in old_eng.recommend(person, k=5)[0].components


def test_full_import_runs_the_relatedness_ranker_on_the_new_layout(tmp_path, new):
    result = import_onet(new, data_dir=tmp_path)
    assert result.ranker and result.path.exists()
    again = load_dataset("onet-99.3", tmp_path)
    assert again.job_zone_label(2) == "1\u20132" and not again.publishes("work_values")
    estimated = again.occupation("11-1011.00")  # unrated in the fixture: estimated
    assert estimated.is_estimated
    assert {c for c, _, _ in estimated.estimated_from} <= {"15-1252.00", "15-1254.00"}
    eng = Engine.load("onet-99.3", tmp_path)
    assert "15-1254.00" in eng.graph


def test_a_missing_file_of_the_new_layout_is_named(tmp_path):
    root = write_release_30(tmp_path / "db_99_3_text", drop=("Career Interest Types.txt",))
    with pytest.raises(DataValidationError) as info:
        read_release(root)
    assert info.value.file == "Career Interest Types.txt" and "30.3 layout" in str(info.value)


def test_renamed_columns_are_checked(tmp_path):
    bad = "O*NET-SOC Code\tExample\tElement ID\tElement Name\tHot Technology\tIn Demand\n"
    root = write_release_30(tmp_path / "db_99_3_text", {"Software Skills.txt": bad})
    with pytest.raises(DataValidationError) as info:
        read_release(root)
    assert info.value.file == "Software Skills.txt" and info.value.row == 1
    assert "Workplace Example" in str(info.value)


def test_an_unknown_layout_lists_what_was_expected(tmp_path):
    root = tmp_path / "db_50_0_text"
    root.mkdir()
    (root / "Occupation Data.txt").write_text("O*NET-SOC Code\tTitle\tDescription\n")
    (root / "Knowledge.txt").write_text("x\n")
    (root / "Competencies.txt").write_text("x\n")
    with pytest.raises(DataValidationError, match="not a known O\\*NET text release layout") as e:
        read_release(root)
    msg = str(e.value)
    for name in ("Essential Skills.txt", "Career Interest Types.txt", "Skills.txt", "29.x"):
        assert name in msg


def test_download_defaults_to_the_newest_known_version(tmp_path, new):
    zpath = _zip(new, tmp_path / "db_31_0_text.zip")
    result = fetch_and_import(url=zpath.as_uri(), data_dir=tmp_path / "data")
    assert LATEST_VERSION == "31.0" and result.dataset.name == "onet-31.0"


def test_download_is_verified_by_the_layouts_required_files(tmp_path, new):
    (new / "Software Skills.txt").unlink()
    zpath = _zip(new, tmp_path / "db_31_0_text.zip")
    with pytest.raises(DownloadError, match=r"Software Skills\.txt"):
        download_release(zpath.as_uri(), tmp_path / "dl")
    assert not list((tmp_path / "dl").iterdir())


def test_cli_version_31_and_latest(tmp_path, new, monkeypatch):
    monkeypatch.setenv("CAREERPIVOT_DATA_DIR", str(tmp_path / "data"))
    zpath = _zip(new, tmp_path / "db_31_0_text.zip")
    runner = CliRunner()
    for version in ("31.0", "latest"):
        out = runner.invoke(
            app, ["data", "import-onet", "--version", version, "--url", zpath.as_uri()]
        )
        assert out.exit_code == 0, out.output
        assert "onet-31.0" in out.output and "Work values" in out.output
    shown = runner.invoke(app, ["roles", "show", "11-1011.00", "--dataset", "onet-31.0"])
    assert "Job zone 1\u20132" in shown.output, shown.output
    dev = runner.invoke(app, ["roles", "show", "15-1252.00", "--dataset", "onet-31.0"])
    assert "Specific interest areas (O*NET, 1-7): Mechanics/Electronics 2.5" in dev.output


def test_specific_interest_areas_are_read_where_published(new, old):
    ds, summary = read_release(new)
    assert ds.extras["interest_areas"] == {"15-1252.00": [["Mechanics/Electronics", 2.5]]}
    st = summary.files["Specific Interest Areas.txt"]
    assert (st.read, st.kept, dict(st.skipped)) == (2, 1, {"scale DS not used": 1})
    assert read_release(old)[0].extras["interest_areas"] == {}


def test_rows_of_unused_scales_need_no_content_model_entry(tmp_path):
    """High-point rows (scale IH) are skipped before their element id is looked up."""
    from tests.datasets.onet_fixture import files_30

    cit = files_30()["Career Interest Types.txt"]
    cit += "15-1252.00\t1.B.1.h\tSecond Interest High-Point\tIH\t6.00\t11/2023\tMachine Learning\n"
    root = write_release_30(tmp_path / "db_99_3_text", {"Career Interest Types.txt": cit})
    ds, summary = read_release(root)
    assert ds.occupation("15-1252.00").interests[1] == 6.5
    assert summary.files["Career Interest Types.txt"].skipped["scale IH not used"] == 3
