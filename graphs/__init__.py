"""Built graph artifacts, installed as ``careerpivot.graphs`` (see careerpivot.resources)."""
