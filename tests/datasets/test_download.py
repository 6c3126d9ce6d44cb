"""The download helper, run against local file URLs (these machines have no internet)."""

import zipfile

import pytest
from typer.testing import CliRunner

from careerpivot.cli import app
from careerpivot.datasets.importing import (
    DownloadError,
    download_release,
    fetch_and_import,
    release_url,
)
from tests.datasets.onet_fixture import write_release


@pytest.fixture
def release_zip(tmp_path):
    root = write_release(tmp_path / "db_99_1_text")
    zpath = tmp_path / "db_99_1_text.zip"
    with zipfile.ZipFile(zpath, "w") as zf:
        for p in root.iterdir():
            zf.write(p, f"db_99_1_text/{p.name}")
    return zpath


def test_release_url():
    assert release_url("29.2").endswith("/db_29_2_text.zip")
    with pytest.raises(ValueError, match=r"not like 29\.2"):
        release_url("latest")


def test_fetch_verify_and_import_from_a_file_url(tmp_path, release_zip):
    seen = []
    result = fetch_and_import(
        "99.1",
        url=release_zip.as_uri(),
        data_dir=tmp_path / "data",
        download_progress=lambda done, total: seen.append(done),
    )
    assert result.dataset.name == "onet-99.1" and result.path.exists()
    assert seen and seen[-1] == release_zip.stat().st_size


def test_network_failure_is_a_clear_message(tmp_path):
    with pytest.raises(DownloadError, match="could not download") as info:
        download_release((tmp_path / "absent.zip").as_uri(), tmp_path / "dl")
    assert "import-onet PATH" in str(info.value)
    assert not list((tmp_path / "dl").iterdir())  # no partial file left behind


def test_not_a_zip_and_wrong_zip(tmp_path):
    page = tmp_path / "error.zip"
    page.write_text("<html>Not found</html>")
    with pytest.raises(DownloadError, match="not a zip"):
        download_release(page.as_uri(), tmp_path / "dl")
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(DownloadError, match="not an O\\*NET text release"):
        download_release(other.as_uri(), tmp_path / "dl2")


def test_cli_download_and_failure(tmp_path, release_zip, monkeypatch):
    monkeypatch.setenv("CAREERPIVOT_DATA_DIR", str(tmp_path / "data"))
    runner = CliRunner()
    ok = runner.invoke(
        app, ["data", "import-onet", "--version", "99.1", "--url", release_zip.as_uri()]
    )
    assert ok.exit_code == 0, ok.output
    assert "3 occupations" in ok.output and "Saved to" in ok.output
    bad = runner.invoke(
        app, ["data", "import-onet", "--version", "99.1", "--url", (tmp_path / "x.zip").as_uri()]
    )
    assert (
        bad.exit_code == 2 and "could not download" in bad.output and "Traceback" not in bad.output
    )
    listed = runner.invoke(app, ["data", "list"])
    assert "onet-99.1" in listed.output and "starter" in listed.output
