"""Reading zip archives (O*NET releases, Excel workbooks) without trusting their headers.

A small zip can expand to gigabytes. Before anything is read, the archive's member
count, declared total size and each member's compression ratio are checked; members are
then read through a bounded stream, so a header that lies about a size still cannot
make a read run past the limit. Breaking a limit is a :class:`DataValidationError`.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from careerpivot.errors import DataValidationError
from careerpivot.reading import is_regular_file

MiB = 1 << 20


@dataclass(frozen=True)
class ArchiveLimits:
    """Caps for one archive (the official O*NET text zip is about 30 MiB unpacked, 50 files,
    compressed at most ~16:1)."""

    max_members: int = 2_000
    max_total_bytes: int = 1024 * MiB
    max_member_bytes: int = 256 * MiB
    max_ratio: float = 200.0
    #: Below this size the ratio is not checked (tiny files compress oddly).
    ratio_floor_bytes: int = 1 * MiB


LIMITS = ArchiveLimits()


def check_archive(zf: zipfile.ZipFile, source: str, limits: ArchiveLimits = LIMITS) -> None:
    """Refuse an archive with too many members, too much declared data or a bomb-like ratio."""
    infos = zf.infolist()
    if len(infos) > limits.max_members:
        raise DataValidationError(
            f"the archive has {len(infos):,} members; at most {limits.max_members:,} are read",
            file=source,
        )
    total = sum(i.file_size for i in infos)
    if total > limits.max_total_bytes:
        raise DataValidationError(
            f"the archive unpacks to {total / MiB:,.0f} MiB; at most "
            f"{limits.max_total_bytes / MiB:,.0f} MiB are read",
            file=source,
        )
    for info in infos:
        _check_member(info, source, limits)


def _check_member(info: zipfile.ZipInfo, source: str, limits: ArchiveLimits) -> None:
    if info.file_size > limits.max_member_bytes:
        raise DataValidationError(
            f"{info.filename!r} unpacks to {info.file_size / MiB:,.0f} MiB; at most "
            f"{limits.max_member_bytes / MiB:,.0f} MiB are read",
            file=source,
        )
    if info.file_size >= limits.ratio_floor_bytes:
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            raise DataValidationError(
                f"{info.filename!r} is compressed {ratio:,.0f}:1, more than "
                f"{limits.max_ratio:,.0f}:1 (a zip bomb?); refusing to unpack it",
                file=source,
            )


def read_member(
    zf: zipfile.ZipFile, name: str, source: str, limits: ArchiveLimits = LIMITS
) -> bytes:
    """One member's bytes, read through a bounded stream (whatever its header says)."""
    info = zf.getinfo(name)
    _check_member(info, source, limits)
    cap = min(info.file_size, limits.max_member_bytes)
    try:
        with zf.open(info) as fh:
            data = fh.read(cap + 1)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise DataValidationError(f"cannot unpack {name!r} ({exc})", file=source) from None
    if len(data) > cap:
        raise DataValidationError(
            f"{name!r} unpacks to more than its header says ({info.file_size:,} bytes); "
            "the archive is damaged or hostile",
            file=source,
        )
    return data


def open_zip(path: Path, limits: ArchiveLimits = LIMITS) -> zipfile.ZipFile:
    """Open and check a zip file; a damaged or oversized one is a clean error, and so is a
    pipe or device in its place (opening a pipe waited for ever for its writer)."""
    if Path(path).exists() and not is_regular_file(path):
        raise DataValidationError(
            "not a regular file (a pipe, device or socket); save the zip as a file",
            file=str(path),
        )
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DataValidationError(f"not a readable zip file ({exc})", file=str(path)) from None
    try:
        check_archive(zf, str(path), limits)
    except BaseException:
        zf.close()
        raise
    return zf
