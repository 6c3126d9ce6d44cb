"""Private files: client data is readable by its owner only (files 0600, folders 0700).

Every file holding a person's data (the database, exports, reports, profiles, logs) is
written through :func:`write_private`: a temporary file created 0600 in the target's own
folder, flushed, then renamed over the target, so a crash never leaves half a file and
no other user can read it even for a moment.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as 0700; an existing folder is tightened to 0700.

    Use it only for CareerPivot's own folders (the data folder), never a folder the user
    chose for an export.
    """
    path = Path(path)
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # not ours to change (shared mount): leave it
        os.chmod(path, DIR_MODE)
    return path


def private_file(path: Path) -> Path:
    """Make sure ``path`` exists and is 0600 (created empty if missing), e.g. before SQLite
    opens it, so the database and its WAL and shared-memory files are private from birth."""
    path = Path(path)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE)
    os.close(fd)
    os.chmod(path, FILE_MODE)
    return path


def write_private(path: Path, data: bytes | str) -> Path:
    """Write ``data`` to ``path`` atomically as a 0600 file; returns the path written.

    The temporary file lives in the same folder as ``path`` (a rename never crosses
    file systems) and is removed if anything fails.
    """
    path = Path(path)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return path
