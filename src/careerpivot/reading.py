"""Opening a file someone named for reading without ever hanging on it.

Opening a named pipe (FIFO) for reading waits until something opens it for writing: a
profile, client file or release file that is a pipe nobody writes to made a command
hang for ever. :func:`open_to_read` opens without waiting (``O_NONBLOCK``), then reads
as usual: a pipe with no writer reads as empty, one with a writer (``<(...)``, a shell's
process substitution) reads what is written, and a folder is refused as one.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # 0 on Windows, which has no FIFOs to open


def open_to_read(path: Path | str) -> BinaryIO:
    """``path`` opened for reading in binary; never waits for a pipe's writer. Raises
    ``IsADirectoryError`` for a folder, other ``OSError`` as ``open`` does."""
    fd = os.open(path, os.O_RDONLY | _NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        if _NONBLOCK:
            os.set_blocking(fd, True)  # reads wait for data as usual; EOF once no writer
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def is_regular_file(path: Path | str) -> bool:
    """True for a regular file or a symlink to one (not a pipe, device, socket or folder),
    checked without opening it."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
