"""BLS readers and the O*NET-SOC -> BLS code mapping, on workbooks the tests write."""

import openpyxl
import pytest

from careerpivot.datasets.bls import (
    TOP_CODED_WAGE,
    apply_bls,
    bls_code_for,
    read_oews,
    read_projections,
)
from careerpivot.errors import DataValidationError
from careerpivot.model import Occupation, Provenance, build_dataset

OEWS_HEAD = [
    "AREA",
    "AREA_TITLE",
    "NAICS",
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    "TOT_EMP",
    "A_MEDIAN",
]


def oews_file(path, rows):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "national_M2024_dl"
    ws.append(OEWS_HEAD)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def projections_file(path, rows, sheet="Table 1.2"):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["Table 1.2 Occupational projections (Employment in thousands)"])
    ws.append(
        [
            "2024 National Employment Matrix title",
            "2024 National Employment Matrix code",
            "Occupation type",
            "Employment, 2024",
            "Employment, 2034",
            "Employment change, numeric, 2024–34",
            "Employment change, percent, 2024–34",
            "Occupational openings, 2024–34 annual average",
            "Median annual wage, dollars, 2024[1]",
            "Typical education needed for entry",
        ]
    )
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.fixture
def workbooks(tmp_path):
    oews = oews_file(
        tmp_path / "oews.xlsx",
        [
            ["99", "U.S.", "000000", "15-1252", "Software Developers", "detailed", 1654440, 133080],
            ["99", "U.S.", "000000", "11-1011", "Chief Executives", "detailed", 211850, "#"],
            ["99", "U.S.", "000000", "21-1010", "Counselors", "broad", 800000, 60200],
            [
                "99",
                "U.S.",
                "523000",
                "15-1252",
                "Software Developers",
                "detailed",
                5,
                1,
            ],  # industry row: ignored
        ],
    )
    proj = projections_file(
        tmp_path / "ep.xlsx",
        [
            ["Total, all occupations", "00-0000", "Summary", 1, 1, 1, 3.1, 18863.3, 49500, "—"],
            [
                "  Software developers",
                "15-1252",
                "Line item",
                1,
                1,
                1,
                15.8,
                115.2,
                133080,
                "Bachelor's degree",
            ],
            ["  Counselors", "21-1010", "Summary", 1, 1, 1, 10.4, 50.0, 60200, "Master's degree"],
            [
                "  Chief executives",
                "11-1011",
                "Line item",
                1,
                1,
                1,
                -3.9,
                20.1,
                ">=$239,200",
                "Bachelor's degree",
            ],
        ],
    )
    return oews, proj


def test_readers(workbooks):
    oews, proj = workbooks
    w = read_oews(oews)
    assert w["15-1252"].median_wage == 133080 and w["15-1252"].employment == 1654440
    assert w["11-1011"].median_wage == TOP_CODED_WAGE and w["11-1011"].top_coded
    p = read_projections(proj)
    assert p["15-1252"].change_pct == 15.8 and p["15-1252"].annual_openings == 115200
    assert p["11-1011"].median_wage == TOP_CODED_WAGE


def test_apply_maps_codes_and_reports_coverage(workbooks):
    oews, proj = workbooks
    ds = build_dataset(
        "t",
        Provenance("O*NET x", "1", "CC BY 4.0"),
        [],
        [
            Occupation("15-1252.00", "Software Developers"),
            Occupation("21-1014.00", "Mental Health Counselors"),
            Occupation("55-1011.00", "Air Crew Officers"),
        ],
        [],
    )
    out, summary = apply_bls(ds, read_oews(oews), read_projections(proj))
    dev, counsel, crew = out.occupations
    assert (
        dev.median_wage == 133080
        and dev.outlook_pct == 15.8
        and dev.education == "Bachelor's degree"
    )
    assert counsel.median_wage == 60200 and summary.wages["broad"] == 1
    assert crew.median_wage is None and summary.missing_wage == ["55-1011.00 Air Crew Officers"]
    assert "BLS" in out.provenance.source
    assert "2 of 3" in summary.lines(3)[0]


def test_code_mapping_rules():
    assert bls_code_for("15-2051.01", {"15-2051"}, {"15-2051"}) == ("15-2051", "detailed")
    assert bls_code_for("51-2022.00", {"51-2021", "51-2028"}, {"51-2021", "51-2022"}) == (
        "51-2028",
        "combined",
    )
    assert bls_code_for("55-1011.00", {"15-2051"}, set()) == (None, "missing")


def test_bad_workbooks_are_named(tmp_path, workbooks):
    _, _proj = workbooks
    with pytest.raises(DataValidationError, match="missing"):
        read_oews(tmp_path / "nope.xlsx")
    (tmp_path / "text.xlsx").write_text("not a workbook")
    with pytest.raises(DataValidationError, match="not an Excel workbook"):
        read_oews(tmp_path / "text.xlsx")
    with pytest.raises(DataValidationError, match=r"Table 1\.2"):
        read_projections(projections_file(tmp_path / "other.xlsx", [], sheet="Table 9"))
    bad = oews_file(
        tmp_path / "bad.xlsx", [["99", "U.S.", "000000", "15-1252", "Dev", "detailed", "many", 1]]
    )
    with pytest.raises(DataValidationError) as info:
        read_oews(bad)
    assert info.value.row == 2 and info.value.field == "TOT_EMP"
