"""The embedded starter data set: coverage promised by the issue, validation with clear errors."""

import csv
import json
import shutil
from collections import Counter

import pytest

from careerpivot.datasets.starter import load_starter, starter_dir
from careerpivot.errors import DataValidationError
from careerpivot.model import SOC_MAJOR_GROUPS


def test_coverage(starter):
    assert len(starter.occupations) >= 150
    groups = Counter(o.code[:2] for o in starter.occupations)
    assert set(groups) == set(SOC_MAJOR_GROUPS), "every SOC major group is covered"
    kinds = Counter(d.kind for d in starter.descriptors)
    assert kinds["skill"] == 35 and kinds["knowledge"] == 33 and kinds["technology"] >= 100


def test_every_occupation_is_complete(starter):
    rated = [d for d in starter.descriptors if d.kind != "technology"]
    for o in starter.occupations:
        assert o.job_zone in (1, 2, 3, 4, 5)
        assert o.median_wage and o.median_wage > 10_000
        assert o.outlook_pct is not None
        assert o.interests is not None and o.work_values is not None
        assert len(o.alternate_titles) >= 3
        reqs = {r.descriptor for r in starter.requirements_of(o.code)}
        assert {d.id for d in rated} <= reqs, o.code
        assert sum(1 for r in reqs if r.startswith("tech:")) >= 3, o.code


SEED_PIVOTS = {
    "15-2051.01": "Data Analyst",  # data analyst lacking SQL
    "15-1252.00": "Software Developer",
    "11-2021.00": "Product Manager",
    "15-1255.00": "UX Designer",
    "15-2051.00": "Data Scientist",
    "13-1082.00": "Project Manager",
    "41-4011.00": "Technical Sales Representative",
    "13-2051.00": "Financial Analyst",
    "13-2099.01": "Fintech Analyst",
    "13-1161.00": None,
}


@pytest.mark.parametrize(("code", "alt"), SEED_PIVOTS.items())
def test_seed_article_roles_present(starter, code, alt):
    occ = starter.occupation(code)
    if alt:
        assert alt in occ.alternate_titles or alt.lower() in occ.title.lower()


def test_data_analyst_needs_sql(starter):
    sql = {r.descriptor: r for r in starter.requirements_of("15-2051.01")}["tech:sql"]
    assert sql.importance >= 4


def test_provenance_says_ratings_are_estimates(starter):
    assert starter.provenance.estimates
    assert "estimates" in starter.provenance.notes and "BLS" in starter.provenance.notes


def test_every_data_file_has_a_provenance_record():
    record = json.loads((starter_dir() / "provenance.json").read_text())
    on_disk = {p.name for p in starter_dir().iterdir() if p.is_file()}
    assert on_disk == set(record["file_records"])
    for entry in record["file_records"].values():
        assert entry["source"] and entry["licence"]


def _copy(tmp_path):
    dst = tmp_path / "starter"
    shutil.copytree(starter_dir(), dst, ignore=shutil.ignore_patterns("_parts"))
    return dst


def _edit(path, line, column, value):
    rows = list(csv.reader(path.open()))
    rows[line - 1][rows[0].index(column)] = value
    with path.open("w", newline="") as fh:
        csv.writer(fh).writerows(rows)


@pytest.mark.parametrize(
    ("file", "column", "value", "words"),
    [
        ("requirements.csv", "level", "9", "above the maximum 7"),
        ("requirements.csv", "importance", "high", "not a number"),
        ("requirements.csv", "descriptor_id", "2.Z.9", "unknown descriptor"),
        ("requirements.csv", "code", "99-9999.00", "unknown occupation"),
        ("occupations.csv", "job_zone", "6", "above the maximum 5"),
        ("occupations.csv", "riasec_i", "0", "below the minimum 1"),
        ("occupations.csv", "code", "151252", "not an O*NET-SOC code"),
        ("alternate_titles.csv", "code", "99-9999.00", "unknown occupation"),
        ("descriptors.csv", "kind", "ability", "not one of"),
    ],
)
def test_bad_values_name_file_line_and_field(tmp_path, file, column, value, words):
    root = _copy(tmp_path)
    _edit(root / file, 3, column, value)
    with pytest.raises(DataValidationError) as info:
        load_starter(root)
    assert info.value.file == file and info.value.row == 3 and info.value.field == column
    assert words in str(info.value)


def test_missing_file_is_named(tmp_path):
    root = _copy(tmp_path)
    (root / "requirements.csv").unlink()
    with pytest.raises(DataValidationError, match=r"requirements\.csv.*missing"):
        load_starter(root)


def test_broken_provenance_is_named(tmp_path):
    root = _copy(tmp_path)
    (root / "provenance.json").write_text("{")
    with pytest.raises(DataValidationError, match=r"provenance\.json"):
        load_starter(root)
