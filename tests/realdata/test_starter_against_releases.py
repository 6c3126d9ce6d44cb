"""The starter set's codes, titles and cited BLS figures agree with the official releases."""

import csv
import json

import openpyxl
import pytest

from careerpivot.datasets.starter import starter_dir

pytestmark = pytest.mark.realdata


def test_codes_and_titles_match_onet(starter, onet_dir):
    with (onet_dir / "Occupation Data.txt").open(encoding="utf-8") as fh:
        titles = {r["O*NET-SOC Code"]: r["Title"] for r in csv.DictReader(fh, delimiter="\t")}
    for o in starter.occupations:
        assert titles.get(o.code) == o.title, o.code


def test_descriptor_ids_match_the_content_model(starter, onet_dir):
    with (onet_dir / "Content Model Reference.txt").open(encoding="utf-8") as fh:
        names = {r["Element ID"]: r["Element Name"] for r in csv.DictReader(fh, delimiter="\t")}
    for d in starter.descriptors:
        if d.kind != "technology":
            assert d.name.split(" (")[0] == names[d.id], d.id


def test_wages_are_the_cited_bls_figures(starter, bls_dir):
    ws = openpyxl.load_workbook(bls_dir / "oews_national_M2024_dl.xlsx", read_only=True)[
        "national_M2024_dl"
    ]
    rows = ws.iter_rows(values_only=True)
    head = {h: i for i, h in enumerate(next(rows))}
    wages = {r[head["OCC_CODE"]]: r[head["A_MEDIAN"]] for r in rows}
    broad = json.loads((starter_dir() / "provenance.json").read_text())["broad_bls_codes"]
    for o in starter.occupations:
        code = broad.get(o.code, o.code[:7])
        published = wages[code]
        expected = 239_200 if published == "#" else published
        assert o.median_wage == expected, o.code
