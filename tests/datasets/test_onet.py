"""The O*NET importer on a mini release the tests write, and every bad-input case."""

import zipfile

import networkx as nx
import numpy as np
import pytest

from careerpivot.datasets.importing import import_onet
from careerpivot.datasets.onet import read_release
from careerpivot.datasets.registry import available_datasets, load_dataset
from careerpivot.engine import Engine
from careerpivot.errors import DataValidationError
from careerpivot.graph import load_graph
from careerpivot.presentation import ONET_ATTRIBUTION, dataset_footer
from tests.datasets.onet_fixture import RATING_HEADER, files, write_release


@pytest.fixture
def release(tmp_path):
    return write_release(tmp_path / "db_99_1_text")


def test_reads_the_official_layout(release):
    ds, summary = read_release(release)
    assert ds.name == "onet-99.1" and ds.provenance.version == "99.1"
    assert summary.occupations == 3 and summary.scorable == 2 and summary.with_job_zone == 2
    assert [o.code for o in ds.occupations if o.unscored_reason] == ["11-1011.00"]
    dev = ds.occupation("15-1252.00")
    assert dev.job_zone == 4 and dev.interests[1] == 6.5 and dev.work_values[0] == 6
    assert dev.education == "Bachelor's Degree"
    assert "Software Engineer" in dev.alternate_titles
    reqs = {r.descriptor: r for r in ds.requirements_of("15-1252.00")}
    assert reqs["2.B.3.e"].importance == 4.5 and reqs["2.B.3.e"].level == 5.5
    assert reqs["tech:python"].importance == 4.0  # listed (2), Hot Technology, In Demand
    assert "tech:react" not in ds.descriptor_index  # one occupation, not flagged: dropped
    assert ds.extras["related"]["15-1252.00"] == [["15-1254.00", "Primary-Short", 1]]
    assert ds.extras["dwas"]["15-1254.00"] == ["4.A.3.b.1.I01.D01"]
    assert ONET_ATTRIBUTION in dataset_footer(ds)


def test_honours_recommend_suppress_and_not_relevant(release):
    ds, summary = read_release(release)
    web = {r.descriptor: r for r in ds.requirements_of("15-1254.00")}
    assert web["2.C.5.a"].level == 0.0  # Not Relevant = Y: the level counts as 0
    dev = {r.descriptor: r for r in ds.requirements_of("15-1252.00")}
    assert dev["2.C.5.a"].importance == 1.2  # kept; its suppressed level is estimated
    assert summary.imputed_levels == 1
    assert summary.files["Knowledge.txt"].skipped["Recommend Suppress = Y"] == 1


def test_reads_the_official_zip(tmp_path, release):
    zpath = tmp_path / "db_99_1_text.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        for p in release.iterdir():
            zf.write(p, f"db_99_1_text/{p.name}")
    ds, _ = read_release(zpath)
    assert len(ds) == 3 and ds.provenance.files["Skills.txt"]


def _skills(edit):
    lines = files()["Skills.txt"].splitlines()
    return "\n".join(edit(lines)) + "\n"


BAD = [
    ("missing file", {}, ("Knowledge.txt",), "Knowledge.txt", None, None, "missing"),
    (
        "wrong header",
        {"Skills.txt": _skills(lambda ls: [ls[0].replace("Data Value", "Value"), *ls[1:]])},
        (),
        "Skills.txt",
        1,
        None,
        "header lacks 'Data Value'",
    ),
    (
        "truncated row",
        {"Skills.txt": _skills(lambda ls: [*ls[:2], ls[2].rsplit("\t", 3)[0], *ls[3:]])},
        (),
        "Skills.txt",
        3,
        None,
        "truncated",
    ),
    (
        "non-numeric value",
        {"Skills.txt": _skills(lambda ls: [*ls[:2], ls[2].replace("4.00", "four"), *ls[3:]])},
        (),
        "Skills.txt",
        3,
        "Data Value",
        "not a number",
    ),
    (
        "unknown code",
        {
            "Skills.txt": _skills(
                lambda ls: [*ls[:4], ls[4].replace("15-1252.00", "99-9999.00"), *ls[5:]]
            )
        },
        (),
        "Skills.txt",
        5,
        "O*NET-SOC Code",
        "unknown occupation code 99-9999.00",
    ),
    (
        "unknown element",
        {"Skills.txt": _skills(lambda ls: [*ls[:4], ls[4].replace("2.B.3.e", "2.B.3.z"), *ls[5:]])},
        (),
        "Skills.txt",
        5,
        "Element ID",
        "unknown element id",
    ),
    (
        "out of scale",
        {"Skills.txt": _skills(lambda ls: [*ls[:2], ls[2].replace("4.00", "9.00"), *ls[3:]])},
        (),
        "Skills.txt",
        3,
        "Data Value",
        "outside scale LV",
    ),
    (
        "bad flag",
        {"Job Zones.txt": "O*NET-SOC Code\tJob Zone\n15-1252.00\t7\n"},
        (),
        "Job Zones.txt",
        2,
        "Job Zone",
        "above the maximum 5",
    ),
]


@pytest.mark.parametrize(
    ("case", "changes", "drop", "file", "line", "column", "words"), BAD, ids=[b[0] for b in BAD]
)
def test_bad_input_names_file_line_and_column(
    tmp_path, case, changes, drop, file, line, column, words
):
    root = write_release(tmp_path / "db_99_1_text", changes, drop)
    with pytest.raises(DataValidationError) as info:
        read_release(root)
    err = info.value
    assert err.file == file and err.row == line and err.field == column
    assert words in str(err)


def test_a_failed_import_leaves_the_previous_data_set_untouched(tmp_path, release):
    data_dir = tmp_path / "data"
    first = import_onet(release, data_dir=data_dir)
    before = {p.name: p.read_bytes() for p in first.path.iterdir()}
    bad = write_release(
        tmp_path / "bad" / "db_99_1_text", {"Skills.txt": RATING_HEADER + "\n15-1252.00\t2.A.1.a\n"}
    )
    with pytest.raises(DataValidationError):
        import_onet(bad, data_dir=data_dir)
    assert {p.name: p.read_bytes() for p in first.path.iterdir()} == before
    assert [p.name for p in (data_dir / "datasets").iterdir()] == ["onet-99.1"]  # no leftovers
    ds = load_dataset("onet-99.1", data_dir)
    assert len(ds) == 3 and "onet-99.1" in [i.name for i in available_datasets(data_dir)]


def test_saved_data_set_round_trips(tmp_path, release):
    result = import_onet(release, data_dir=tmp_path)
    again = load_dataset("onet-99.1", tmp_path)
    assert again.occupations == result.dataset.occupations
    assert np.array_equal(
        again.level_matrix, result.dataset.level_matrix.astype(np.float32).astype(float)
    )
    estimated = again.occupation("11-1011.00")  # unrated in the fixture: estimated
    assert estimated.is_estimated and not estimated.unscored_reason
    assert {c for c, _, _ in estimated.estimated_from} <= {"15-1252.00", "15-1254.00"}
    assert (result.path / "graph.json").exists()


def test_the_saved_graph_is_used_not_rebuilt(tmp_path, release, monkeypatch):
    """The import's graph (built on the relatedness ranker) is what a later load serves."""
    import careerpivot.engine as engine_module

    result = import_onet(release, data_dir=tmp_path)
    saved = load_graph(result.path / "graph.json")

    def no_rebuild(*args, **kwargs):
        raise AssertionError("the saved graph was thought stale and rebuilt")

    monkeypatch.setattr(engine_module, "build_graph", no_rebuild)
    eng = Engine.load("onet-99.1", tmp_path)
    assert eng.graph.graph["fingerprint"] == saved.graph["fingerprint"]
    assert nx.utils.graphs_equal(eng.graph, saved)


def test_the_summary_says_which_ranking_stages_ran(tmp_path, release):
    """The mini release has no BLS employment, so the reranker cannot run, and says so."""
    result = import_onet(release, data_dir=tmp_path)
    stage_lines = [line for line in result.lines() if line.startswith("Adjacent roles")]
    assert len(stage_lines) == 1
    assert "weighted sum only" in stage_lines[0] and "import-bls" in stage_lines[0]


def test_the_import_saves_the_relatedness_ranking_the_default_list_reads(tmp_path, release):
    """The default list reads the import's relatedness ranking; nothing is refit on load."""
    result = import_onet(release, data_dir=tmp_path)
    assert (result.path / "relatedness.npy").exists()
    eng = Engine.load("onet-99.1", tmp_path)
    assert not callable(eng.ranker._related)  # read from the file, not fit on first use
    assert eng.ranker.related is not None and eng.ranker.related.shape == (3, 3)
    assert (result.path / "text_likeness.npy").exists() and not callable(eng.ranker._text)
    assert eng.ranker.text is not None and eng.ranker.text.shape == (3, 3)
    pivots = eng.recommend(eng.profile_for("15-1252.00"), 2)
    assert pivots and all(p.relatedness is not None for p in pivots)
