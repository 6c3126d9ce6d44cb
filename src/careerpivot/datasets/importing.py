"""Import official releases into the user's data directory: read, build, save, swap.

Everything is built in memory and written to a temporary folder that replaces
the old data set only once complete (:func:`careerpivot.datasets.saved.save_dataset`),
so a failed import leaves the previous data set untouched.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from careerpivot.datasets.bls import BlsSummary, apply_bls, read_oews, read_projections
from careerpivot.datasets.onet import ImportSummary, Progress, read_release
from careerpivot.datasets.onet_layouts import detect_layout
from careerpivot.datasets.paths import clean_leftovers
from careerpivot.datasets.registry import dataset_path, datasets_dir, load_dataset
from careerpivot.datasets.saved import save_dataset
from careerpivot.errors import CareerPivotError, DataValidationError
from careerpivot.estimation import KERNEL_WEIGHTS, EstimateSummary, estimate_unrated
from careerpivot.graph import graph_document
from careerpivot.model import Dataset
from careerpivot.relatedness import RelatednessModel, digest_text
from careerpivot.workers import cycle_collector_paused, one_blas_thread, return_freed_blocks

ONET_DOWNLOAD = "https://www.onetcenter.org/dl_files/database/db_{tag}_text.zip"
#: Releases whose layout the importer knows, oldest first; the last is the default download.
KNOWN_VERSIONS = ("29.2", "30.3", "31.0")
LATEST_VERSION = KNOWN_VERSIONS[-1]


class DownloadError(CareerPivotError):
    """The release could not be fetched (no network, wrong version, interrupted)."""


@dataclass
class ImportResult:
    """Where the data set went and what the import did."""

    dataset: Dataset
    path: Path
    summary: ImportSummary
    bls: BlsSummary | None = None
    ranker: tuple[str, ...] = ()
    estimates: EstimateSummary | None = None

    def lines(self) -> list[str]:
        """Summary lines for the terminal."""
        out = self.summary.lines()
        if self.estimates is not None:
            out += self.estimates.lines()
        if self.bls is not None:
            out += self.bls.lines(len(self.dataset))
        if self.ranker == ("weighted sum",):
            out.append(
                "Adjacent roles: weighted sum only; the reranker needs tasks, work "
                "activities and BLS employment (`careerpivot data import-bls` adds the last)"
            )
        elif self.ranker:
            out.append(f"Adjacent roles: {' + '.join(self.ranker)}")
        out.append(f"Saved to {self.path}")
        return out


def import_onet(
    source: Path,
    *,
    name: str | None = None,
    data_dir: Path | None = None,
    oews: Path | None = None,
    projections: Path | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Import an O*NET text release (folder or zip), optionally with BLS figures.

    The data-set name (``name``, else ``onet-VERSION`` from the release's ``Read Me.txt``)
    must be a safe folder name; it is checked before anything is read or written.
    """
    if name is not None:
        dataset_path(name, data_dir)
    # millions of lasting objects, no cycles to find; small products, no BLAS threads
    with cycle_collector_paused(), one_blas_thread():
        return _import_onet(source, name, data_dir, oews, projections, progress)


def _import_onet(
    source: Path,
    name: str | None,
    data_dir: Path | None,
    oews: Path | None,
    projections: Path | None,
    progress: Progress | None,
) -> ImportResult:
    """:func:`import_onet` once the name is checked."""
    return_freed_blocks()  # freed large blocks go back at once (two threads work below)
    clean_leftovers(datasets_dir(data_dir))
    dataset, summary = read_release(source, name=name, progress=progress)
    dataset_path(dataset.name, data_dir)  # a hostile Read Me.txt fails here, before the work
    bls = None
    if oews is not None or projections is not None:
        if oews is None or projections is None:
            raise DataValidationError("give both the OEWS file and the projections workbook")
        dataset, bls = apply_bls(dataset, read_oews(oews), read_projections(projections))
        summary.wages = ""
    held = [dataset]
    del dataset  # _save holds the only reference: the unestimated copy goes once replaced
    return _save(held, summary, bls, data_dir, progress)


def import_bls(
    name: str,
    oews: Path,
    projections: Path,
    *,
    data_dir: Path | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Add BLS wages and outlook to an imported data set, replacing it atomically."""
    with cycle_collector_paused(), one_blas_thread():  # as import_onet
        return _import_bls(name, oews, projections, data_dir, progress)


def _import_bls(
    name: str,
    oews: Path,
    projections: Path,
    data_dir: Path | None,
    progress: Progress | None,
) -> ImportResult:
    """:func:`import_bls`'s work."""
    return_freed_blocks()  # as import_onet
    clean_leftovers(datasets_dir(data_dir))
    dataset = load_dataset(name, data_dir)
    if name == "starter":
        raise DataValidationError("the starter set already carries BLS figures; import O*NET first")
    updated, bls = apply_bls(dataset, read_oews(oews), read_projections(projections))
    summary = ImportSummary(name=name, version=dataset.provenance.version, occupations=len(updated))
    held = [updated]
    del dataset, updated
    return _save(held, summary, bls, data_dir, progress)


def _save(
    held: list[Dataset],
    summary: ImportSummary,
    bls: BlsSummary | None,
    data_dir: Path | None,
    progress: Progress | None,
) -> ImportResult:
    """Estimate, rank, build the graph and save. ``held`` holds the only reference to the
    data set, so each superseded copy (and its dense matrices) is freed as it goes."""
    dataset = held.pop()
    report = progress or (lambda *_: None)
    report("estimating unrated roles", 0, 2)
    # Each text signal is made once and reduced at once to what the estimator and the
    # ranker read of it (8 MB a signal on O*NET; holding all ten set the import's peak).
    text = digest_text(dataset, KERNEL_WEIGHTS)
    dataset, estimates = estimate_unrated(dataset, digest=text)
    summary.unscorable = [(o.code, o.title) for o in dataset.occupations if o.unscored_reason]
    report("relatedness and graph", 1, 2)
    likeness = text.likeness
    model = RelatednessModel().fit(dataset, made=text.views)  # empties text.views
    del text
    if summary.unscorable:
        stand = {**dataset.extras, "stand_in": stand_ins(dataset, model)}
        dataset = replace(dataset, extras=stand)
    similarity, stages, key = model.similarity(), model.stages_, model.score_
    del model  # its role x role matrices; the graph build below needs the memory more
    graph = graph_document(dataset, similarity=similarity)  # records made as written
    report("saving", 2, 2)
    path = save_dataset(dataset, dataset_path(dataset.name, data_dir), graph, key, likeness)
    return ImportResult(dataset, path, summary, bls, stages, estimates)


def stand_ins(dataset: Dataset, model: RelatednessModel) -> dict[str, str]:
    """For each role without ratings, the most related role that has them."""
    out = {}
    ok = dataset.scorable
    for i in map(int, np.flatnonzero(~ok)):
        best = next((j for j in model.ranked(i) if ok[j]), None)
        if best is not None:
            out[dataset.occupations[i].code] = dataset.occupations[best].code
    return out


# ----- download helper ----------------------------------------------------------------------
def resolve_version(version: str | None) -> str:
    """``None`` or ``"latest"`` -> the newest known release; any other text unchanged."""
    if version is None or version.strip().lower() == "latest":
        return LATEST_VERSION
    return version.strip()


def release_url(version: str) -> str:
    """The O*NET Resource Center address of a text release (``29.2`` -> ``db_29_2_text.zip``)."""
    parts = version.strip().split(".")
    if len(parts) != 2 or not all(p.isdigit() for p in parts):
        raise DataValidationError(f"version {version!r} is not like 29.2")
    return ONET_DOWNLOAD.format(tag="_".join(parts))


def download_release(
    url: str,
    dest_dir: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    timeout: float = 60.0,
) -> Path:
    """Fetch a release zip to ``dest_dir`` and verify it; network failures are clear errors.

    Verification: the download is a readable zip whose members pass their CRC check
    and that contains every file the importer reads. Returns the zip's path.
    """
    dest_dir.mkdir(parents=True, exist_ok=True)
    target = dest_dir / Path(urllib.request.url2pathname(url.rsplit("/", 1)[-1])).name
    tmp = target.with_suffix(".part")
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp, tmp.open("wb") as out:
            total = int(resp.headers.get("Content-Length") or 0)
            done = 0
            while chunk := resp.read(1 << 16):
                out.write(chunk)
                done += len(chunk)
                if progress:
                    progress(done, total)
    except urllib.error.HTTPError as exc:
        tmp.unlink(missing_ok=True)
        raise DownloadError(f"the server answered {exc.code} {exc.reason} for {url}") from None
    except (urllib.error.URLError, OSError, TimeoutError) as exc:
        tmp.unlink(missing_ok=True)
        reason = getattr(exc, "reason", exc)
        raise DownloadError(
            f"could not download {url} ({reason}). Check the internet connection, or download "
            "the text release yourself and run `careerpivot data import-onet PATH`."
        ) from None
    _verify_zip(tmp)
    tmp.replace(target)
    return target


def _verify_zip(path: Path) -> None:
    if not zipfile.is_zipfile(path):
        path.unlink(missing_ok=True)
        raise DownloadError("the download is not a zip file (an error page?); nothing was imported")
    with zipfile.ZipFile(path) as zf:
        bad = zf.testzip()
        names = {Path(n).name for n in zf.namelist()}
    if bad is not None:
        path.unlink(missing_ok=True)
        raise DownloadError(f"the download is damaged ({bad} fails its checksum); try again")
    try:
        detect_layout(names)
    except DataValidationError as exc:
        path.unlink(missing_ok=True)
        raise DownloadError(f"the zip is not an O*NET text release: {exc}") from None


def sha256_of(path: Path) -> str:
    """Checksum of a downloaded file, shown so a user can compare it."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch_and_import(
    version: str | None = None,
    *,
    url: str | None = None,
    data_dir: Path | None = None,
    download_progress: Callable[[int, int], None] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Download the official zip of ``version`` (default: newest known), verify and import it."""
    version = resolve_version(version)
    work = Path(tempfile.mkdtemp(prefix="careerpivot-download-"))
    try:
        zpath = download_release(url or release_url(version), work, progress=download_progress)
        return import_onet(zpath, name=f"onet-{version}", data_dir=data_dir, progress=progress)
    finally:
        shutil.rmtree(work, ignore_errors=True)
