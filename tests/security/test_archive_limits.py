"""Archive limits: member count, unpacked size, compression ratio and field size are capped."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from careerpivot.datasets.archive import ArchiveLimits, check_archive, open_zip, read_member
from careerpivot.datasets.bls import read_oews
from careerpivot.datasets.importing import import_onet
from careerpivot.errors import DataValidationError
from careerpivot.rejections.log_io import parse_log_csv
from careerpivot.rejections.records import RecordValidationError
from tests.datasets.onet_fixture import files, write_release
from tests.security.hostile import TRIED

MiB = 1 << 20


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_a_zip_bomb_member_is_refused_before_unpacking(tmp_path: Path):
    TRIED["archive"] += 1
    members = {n: t.encode() for n, t in files().items()}
    members["Skills.txt"] = b"\t" * (8 * MiB)  # ~8 KB compressed: ratio ~1000:1
    bomb = _zip(tmp_path / "db_29_2_text.zip", members)
    assert bomb.stat().st_size < 200_000
    with pytest.raises(DataValidationError, match="zip bomb"):
        import_onet(bomb, data_dir=tmp_path / "data")
    assert not (tmp_path / "data" / "datasets").exists() or not any(
        (tmp_path / "data" / "datasets").iterdir()
    )


def test_the_official_layout_as_a_zip_still_imports(tmp_path: Path):
    release = write_release(tmp_path / "rel")
    z = _zip(tmp_path / "db_29_2_text.zip", {p.name: p.read_bytes() for p in release.iterdir()})
    assert import_onet(z, data_dir=tmp_path / "data").dataset.name == "onet-99.1"


def test_too_many_members_is_refused(tmp_path: Path):
    TRIED["archive"] += 1
    z = _zip(tmp_path / "many.zip", {f"f{i}.txt": b"" for i in range(2_001)})
    with pytest.raises(DataValidationError, match="2,001 members"):
        open_zip(z)


def test_total_and_member_size_caps(tmp_path: Path):
    TRIED["archive"] += 2
    z = _zip(tmp_path / "big.zip", {"a.txt": b"x" * 600, "b.txt": b"y" * 600})
    with zipfile.ZipFile(z) as zf:
        with pytest.raises(DataValidationError, match="unpacks to"):
            check_archive(zf, "big.zip", ArchiveLimits(max_total_bytes=1_000))
        with pytest.raises(DataValidationError, match=r"'a\.txt' unpacks to"):
            read_member(zf, "a.txt", "big.zip", ArchiveLimits(max_member_bytes=500))
        assert read_member(zf, "a.txt", "big.zip") == b"x" * 600


def test_a_damaged_zip_is_a_clean_error(tmp_path: Path):
    TRIED["archive"] += 1
    z = _zip(tmp_path / "db_29_2_text.zip", {n: t.encode() for n, t in files().items()})
    raw = bytearray(z.read_bytes())
    raw[60:400] = b"\x00" * 340  # inside the first member's compressed data
    z.write_bytes(bytes(raw))
    with pytest.raises(DataValidationError):
        import_onet(z, data_dir=tmp_path / "data")


def test_an_excel_bomb_is_refused_before_the_workbook_is_read(tmp_path: Path):
    TRIED["archive"] += 1
    xlsx = _zip(tmp_path / "oews.xlsx", {"xl/worksheets/sheet1.xml": b" " * (4 * MiB)})
    with pytest.raises(DataValidationError, match="zip bomb"):
        read_oews(xlsx)


def test_a_huge_field_in_a_release_file_is_a_clean_error(tmp_path: Path):
    TRIED["field size"] += 1
    text = files()["Occupation Data.txt"]
    header, first, *rest = text.splitlines()
    code, title, _desc = first.split("\t")
    huge = "\n".join([header, f"{code}\t{title}\t{'d' * 200_000}", *rest]) + "\n"
    release = write_release(tmp_path / "rel", {"Occupation Data.txt": huge})
    result = None
    try:
        result = import_onet(release, data_dir=tmp_path / "data")
    except DataValidationError as exc:
        assert "Occupation Data.txt" in str(exc)
    if result is not None:  # a tab file has no quoting: a long field may also simply be read
        assert len(result.dataset.occupation(code).description) == 200_000


def test_a_huge_quoted_field_in_a_log_csv_is_a_clean_error():
    TRIED["field size"] += 1
    text = (
        "id,role_title,organisation,date,channel,stage_reached,outcome,feedback\n"
        f'a1,Analyst,Acme,2024-03-01,posting,screened,rejected,"{"x" * 200_000}"\n'
    )
    with pytest.raises(RecordValidationError, match="field larger than field limit"):
        parse_log_csv(text)


@pytest.mark.parametrize("how", ["huge file", "symlink to a huge file"])
def test_a_huge_file_in_a_release_folder_is_refused_unread(tmp_path: Path, how: str):
    """A release folder's files had no cap (a zip's members had): a huge Skills.txt, or a
    symlink to one, was read whole into memory. A sparse file stands for it here."""
    TRIED["archive"] += 1
    release = write_release(tmp_path / "rel")
    huge = tmp_path / "huge.txt" if how.startswith("symlink") else release / "Skills.txt"
    huge.unlink(missing_ok=True)
    with huge.open("wb") as fh:
        fh.truncate(300 * MiB)  # sparse: takes no disk space
    if how.startswith("symlink"):
        (release / "Skills.txt").unlink()
        (release / "Skills.txt").symlink_to(huge)
    with pytest.raises(DataValidationError, match=r"Skills\.txt.*larger than 256 MiB"):
        import_onet(release, data_dir=tmp_path / "data")
    assert not (tmp_path / "data" / "datasets" / "onet-99.1").exists()


def test_a_release_whose_levels_are_missing_for_a_descriptor_imports_without_them(tmp_path: Path):
    """A Skills.txt cut short (or a release that suppresses every level of one skill) left
    importance ratings with no level anywhere to estimate from: a raw KeyError."""
    TRIED["archive"] += 1
    skills = files()["Skills.txt"].splitlines()
    kept = [skills[0]] + [r for r in skills[1:] if r.split("\t")[3] != "LV"]
    kept += [r for r in skills[1:] if r.split("\t")[3] == "LV" and "2.A.1.a" in r]
    release = write_release(tmp_path / "rel", {"Skills.txt": "\n".join(kept) + "\n"})
    result = import_onet(release, data_dir=tmp_path / "data")
    assert result.dataset.name == "onet-99.1"
