"""Hostile data for the page tests: an imported data set whose titles are markup, and a client
whose name, contact, notes, shortlist note and rejection log are markup too."""

from __future__ import annotations

from pathlib import Path

from careerpivot.datasets.importing import import_onet
from careerpivot.profile import profile_from_role
from careerpivot.store import Store
from tests.datasets.onet_fixture import files, write_release
from tests.security.hostile import MARKUP, OUTSIDE

DATASET = "onet-66.6"
CODES = ["15-1252.00", "15-1254.00", "11-1011.00"]
TITLES = [MARKUP[0], MARKUP[1], MARKUP[2]]
PASSCODE = "hostile-test-passcode"


def hostile_release(root: Path) -> Path:
    """The mini release with every occupation title, description and alternate title hostile."""
    occ = files()["Occupation Data.txt"].splitlines()
    lines = [occ[0]]
    for n, line in enumerate(occ[1:]):
        code, _title, _desc = line.split("\t")
        lines.append(f"{code}\t{TITLES[n % 3]}\t{MARKUP[4 + n % 10]}")
    alt = files()["Alternate Titles.txt"].splitlines()
    alt_lines = [alt[0]] + [
        "\t".join([r.split("\t")[0], MARKUP[(5 + i) % len(MARKUP)], *r.split("\t")[2:]])
        for i, r in enumerate(alt[1:])
    ]
    return write_release(
        root,
        {
            "Occupation Data.txt": "\n".join(lines) + "\n",
            "Alternate Titles.txt": "\n".join(alt_lines) + "\n",
            "Read Me.txt": "O*NET 66.6 Database\n",
        },
    )


def load_hostile(tmp_path: Path, data_dir: Path, db_url: str) -> int:
    """Import the hostile data set and add the hostile client; returns the client's id."""
    import_onet(hostile_release(tmp_path / "hostile-release"), data_dir=data_dir)
    from careerpivot.datasets.registry import load_dataset

    ds = load_dataset(DATASET, data_dir)
    prof = profile_from_role(ds, CODES[0])
    prof = prof.model_validate({**prof.model_dump(), "name": MARKUP[3]})
    with Store.open(db_url) as store:
        store.set_passcode(PASSCODE)  # the Clients page shows no record before one is set
    with Store.open(db_url) as store, store.batch() as w:
        client = w.create_client(MARKUP[0], contact=f"mallory@{OUTSIDE} {MARKUP[1]}")
        w.save_profile(client.id, prof)
        w.mark_role(client.id, CODES[1], "shortlisted", MARKUP[2])
        for n, text in enumerate(MARKUP[:8]):
            w.add_session(client.id, __import__("datetime").date(2025, 1, 1 + n), text)
        for n, text in enumerate(MARKUP[:6]):
            w.add_rejection(
                client.id,
                {
                    "id": f"h{n}",
                    "role_title": text[:200],
                    "occupation_code": CODES[n % 2],
                    "organisation": MARKUP[(n + 1) % len(MARKUP)][:200],
                    "date": f"2025-02-{n + 1:02d}",
                    "channel": "posting",
                    "stage_reached": "interviewed",
                    "outcome": "rejected",
                    "feedback": f"Your SQL was weak. {text}",
                    "notes": MARKUP[(n + 2) % len(MARKUP)],
                },
                schema_version=1,
            )
    return client.id
