"""Files that ship inside the package, found with :mod:`importlib.resources`.

In a checkout they live at the top level (``data/``, ``graphs/``, ``app.py`` stays beside
them); ``pyproject.toml`` maps ``data/`` to ``careerpivot.data`` and ``graphs/`` to
``careerpivot.graphs``, so an installed wheel and an editable install find the same files.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from careerpivot.errors import CareerPivotError


def _package_dir(package: str, *parts: str) -> Path:
    root = files(package).joinpath(*parts)
    if not isinstance(root, Path):  # e.g. imported from a zip: unpack the wheel instead
        raise CareerPivotError(
            f"{package} is not on the file system ({root!r}); install CareerPivot with pip"
        )
    return root


def data_dir(*parts: str) -> Path:
    """A folder (or file) of the shipped data: ``data_dir("starter")`` -> the starter set."""
    return _package_dir("careerpivot.data", *parts)


def graphs_dir(*parts: str) -> Path:
    """The built graph artifacts: ``graphs_dir("starter.json")``."""
    return _package_dir("careerpivot.graphs", *parts)


def streamlit_entry() -> Path:
    """The Streamlit script ``careerpivot app`` runs (the same page code as ``app.py``)."""
    return _package_dir("careerpivot.ui", "streamlit_app.py")
