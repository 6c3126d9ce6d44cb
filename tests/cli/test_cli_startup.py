"""The command line starts without loading what a command does not need.

``careerpivot --help`` used to take 3-5 s: importing the CLI imported the engine, with
scikit-learn, pandas, SciPy, networkx and the store's SQLAlchemy. Commands now import
them where they run. Each check runs in a fresh interpreter (``sys.modules`` of this
test process already holds everything); times are printed by ``bench/cli_startup.py``.
"""

from __future__ import annotations

import json
import subprocess
import sys

#: Libraries that take from a tenth of a second to seconds to import.
HEAVY = {"sklearn", "pandas", "scipy", "networkx", "sqlalchemy", "streamlit", "fastapi"}

PROBE = """
import json, sys
from careerpivot.cli import main
try:
    main({args!r})
except SystemExit:
    pass
sys.stderr.write("\\nMODULES " + json.dumps(sorted(sys.modules)) + "\\n")
"""


def modules_after(*args: str) -> set[str]:
    """Top-level packages and careerpivot modules loaded by ``careerpivot ARGS``."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(args=list(args))],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    line = next(x for x in done.stderr.splitlines() if x.startswith("MODULES "))
    names = json.loads(line.removeprefix("MODULES "))
    return {n if n.startswith("careerpivot") else n.split(".")[0] for n in names}


def test_help_loads_no_engine_and_no_heavy_library():
    loaded = modules_after("--help")
    assert not loaded & (HEAVY | {"numpy", "pydantic"}), sorted(loaded & HEAVY)
    assert "careerpivot.engine" not in loaded


def test_every_command_help_loads_no_heavy_library():
    for args in (["recommend", "--help"], ["client", "list", "--help"], ["graph", "--help"]):
        loaded = modules_after(*args)
        assert not loaded & HEAVY, (args, sorted(loaded & HEAVY))


def test_role_search_loads_the_engine_but_not_scikit_learn_pandas_or_the_store():
    loaded = modules_after("roles", "search", "data analyst", "--json")
    assert "careerpivot.engine" in loaded  # it asks the engine, like every command
    assert not loaded & {"sklearn", "pandas", "sqlalchemy", "streamlit", "fastapi"}


def test_the_constants_the_cli_keeps_agree_with_their_modules():
    from careerpivot.cli import client_cmd, common, graph_cmd
    from careerpivot.datasets.starter import STARTER_NAME
    from careerpivot.graph import DEFAULT_NEIGHBOURS
    from careerpivot.store import DB_URL_ENV

    assert common.DEFAULT_DATASET == STARTER_NAME
    assert client_cmd.DB_URL_ENV == DB_URL_ENV
    assert graph_cmd.DEFAULT_NEIGHBOURS == DEFAULT_NEIGHBOURS
