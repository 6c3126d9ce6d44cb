"""Where data sets may be written: names from an allowlist, paths kept inside the data folder.

A data-set name becomes a folder name, and it can come from a file (the first line of
O*NET's ``Read Me.txt``) or the command line (``--name``). Every write, rename or delete
under the data folder goes through :func:`inside`, which refuses any path that resolves
outside it (``..``, absolute paths, symbolic links pointing away).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from careerpivot.errors import DataValidationError

#: Letters, digits, dot, dash and underscore; starts with a letter or digit; at most 64.
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
#: Names Windows keeps for devices, with any extension ("nul.txt"): no folder can have them.
WINDOWS_RESERVED = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"{d}{n}" for d in ("COM", "LPT") for n in "0123456789"]
)
#: Staging folders of an import in progress: ``.NAME.PID.RANDOM`` (see :func:`staging_prefix`).
_STAGING = re.compile(r"\.(?P<name>.+)\.(?P<pid>\d+)\.[A-Za-z0-9_]+")
_OLD = re.compile(r"\.(?P<name>.+)\.old")


def check_name(name: str) -> str:
    """``name`` when it is a safe data-set name, else a :class:`DataValidationError`.

    >>> check_name("onet-29.2")
    'onet-29.2'
    >>> check_name("../victim")
    Traceback (most recent call last):
    ...
    careerpivot.errors.DataValidationError: data set name '../victim' is not allowed: use \
letters, digits, '.', '-' and '_' (up to 64, starting with a letter or digit)
    """
    if not isinstance(name, str) or not NAME_PATTERN.fullmatch(name) or ".." in name:
        raise DataValidationError(
            f"data set name {name!r} is not allowed: use letters, digits, '.', '-' and '_' "
            "(up to 64, starting with a letter or digit)"
        )
    if name.split(".")[0].upper() in WINDOWS_RESERVED or name.endswith("."):
        raise DataValidationError(
            f"data set name {name!r} is not allowed: Windows keeps it for a device (or drops "
            "its final dot), so its folder could not be made there"
        )
    return name


def inside(root: Path, path: Path) -> Path:
    """``path`` resolved, when it lies strictly inside ``root`` (resolved); else an error.

    Called right before a write, rename or delete, so a link planted meanwhile is seen.
    """
    base = Path(root).resolve()
    target = Path(path).resolve()
    if target == base or not target.is_relative_to(base):
        raise DataValidationError(
            f"refusing to touch {str(path)!r}: it is not inside the data folder {str(base)!r}"
        )
    return target


def safe_rmtree(root: Path, path: Path) -> None:
    """Delete the folder ``path`` only after checking it is inside ``root``.

    A symbolic link is unlinked, never followed.
    """
    p = Path(path)
    if p.is_symlink():
        inside(root, p.parent)
        p.unlink()
        return
    shutil.rmtree(inside(root, p))


def staging_prefix(name: str) -> str:
    """Prefix of a staging folder for ``name`` owned by this process."""
    return f".{check_name(name)}.{os.getpid()}."


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    except OverflowError:
        return False
    return True


def clean_leftovers(root: Path) -> list[Path]:
    """Remove half-written folders left by killed imports under ``root``; returns them.

    A staging folder whose process is gone and an ``.NAME.old`` folder beside a complete
    ``NAME`` are leftovers. An ``.NAME.old`` without ``NAME`` is the only copy of a data set
    whose swap was cut short, so it is moved back instead of deleted.
    """
    removed: list[Path] = []
    base = Path(root)
    if not base.is_dir():
        return removed
    for sub in sorted(base.iterdir()):
        if not sub.name.startswith(".") or not sub.is_dir() or sub.is_symlink():
            continue
        if (m := _OLD.fullmatch(sub.name)) and NAME_PATTERN.fullmatch(m["name"]):
            current = base / m["name"]
            if (current / "dataset.json").is_file():
                safe_rmtree(base, sub)
                removed.append(sub)
            elif not current.exists():
                sub.rename(inside(base, current))
        elif (m := _STAGING.fullmatch(sub.name)) and not _alive(int(m["pid"])):
            safe_rmtree(base, sub)
            removed.append(sub)
    return removed
