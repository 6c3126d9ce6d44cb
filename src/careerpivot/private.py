"""Private files: client data is readable by its owner only (files 0600, folders 0700).

Every file holding a person's data (the database, exports, reports, profiles, logs) is
written through :func:`write_private`: a temporary file created 0600 in the target's own
folder, flushed, then renamed over the target, so a crash never leaves half a file and
no other user can read it even for a moment.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from careerpivot.errors import WriteError

FILE_MODE = 0o600
DIR_MODE = 0o700


#: What CareerPivot keeps in its data folder: the data sets and the database (with
#: SQLite's journal, WAL and shared-memory files beside it).
OWN_ENTRIES = ("datasets", "careerpivot.db")


def private_dir(path: Path, *, ours: bool = False) -> Path:
    """Create ``path`` (and missing parents) as 0700; an existing folder is tightened to 0700
    only when it is CareerPivot's own: ``ours`` (a folder CareerPivot names, such as the
    data sets folder) or :func:`is_own_folder`.

    Use it only for CareerPivot's own folders (the data folder), never a folder the user
    chose for an export. The data folder can be any folder (``--data-dir``,
    ``CAREERPIVOT_DATA_DIR``, a database URL's): ``--data-dir /`` or ``/tmp`` made every
    other user lose access to it. What CareerPivot writes inside is private on its own.
    """
    path = Path(path)
    existed = path.is_dir()
    path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
    if not existed or ours or is_own_folder(path):
        with contextlib.suppress(OSError):  # not ours to change (shared mount): leave it
            os.chmod(path, DIR_MODE)
    return path


def is_own_folder(path: Path) -> bool:
    """True when ``path`` holds only what CareerPivot keeps there (:data:`OWN_ENTRIES`), is
    owned by this user, and is not a shared folder with the sticky bit (``/tmp``)."""
    try:
        st = path.stat()
        entries = [child.name for child in path.iterdir()]
    except OSError:
        return False
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return False
    if st.st_mode & stat.S_ISVTX:
        return False
    return all(name.startswith(OWN_ENTRIES) for name in entries)


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
    raw = data.encode("utf-8") if isinstance(data, str) else data
    with atomic_file(path, FILE_MODE) as fh:
        fh.write(raw)
    return Path(path)


def check_write_target(path: Path) -> Path:
    """``path`` if a file may be written there; a :class:`WriteError` naming the problem if
    a folder or a device or pipe stands in its place, or a symlink to one (``/dev/stdout``).
    A symlink to a file is replaced by the new file, never written through.
    """
    path = Path(path)
    if path.is_dir():
        raise WriteError(path, "it is a folder; give a file name inside it")
    if path.exists() and not path.is_file():
        raise WriteError(path, "it is not a regular file (a device or pipe)")
    return path


@contextlib.contextmanager
def atomic_file(path: Path, mode: int = FILE_MODE) -> Iterator[IO[bytes]]:
    """A binary file to write that replaces ``path`` (with permissions ``mode``) only once
    the block ends without error; until then ``path`` keeps its old content.

    The temporary file is made with ``mkstemp`` (a new name, created exclusively, so a
    symlink someone planted is never followed) in ``path``'s folder, and removed on any
    failure. Problems raise :class:`WriteError` naming ``path``.
    """
    path = check_write_target(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise WriteError(path, _reason(exc)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, WriteError):
            raise WriteError(path, _reason(exc)) from None
        raise


def _reason(exc: OSError) -> str:
    """An OS error in words, without the file names it carries."""
    if isinstance(exc, FileNotFoundError):
        return "its folder does not exist"
    return (exc.strerror or str(exc)).lower()
