"""CareerPivot's JSON HTTP API (FastAPI): ``careerpivot serve``; see :mod:`careerpivot.api.app`."""
