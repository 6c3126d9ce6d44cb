"""Privacy: the passcode is never stored in clear; an erased client leaves no readable trace."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from careerpivot.store import Store, StoreError
from careerpivot.store.passcode import hash_passcode, verify_passcode
from tests.store.conftest import Clock
from tests.store.helpers import plan, profile

PASSCODE = "tangerine-42-Ωmega"


def test_passcode_is_stored_only_as_a_salted_hash(store: Store):
    assert not store.passcode_required() and not store.check_passcode(PASSCODE)
    store.set_passcode(PASSCODE)
    assert store.passcode_required()
    assert store.check_passcode(PASSCODE)
    assert not store.check_passcode(PASSCODE.upper())
    assert not store.check_passcode("")
    with store.engine.connect() as conn:
        (stored,) = conn.execute(text("SELECT value FROM settings")).one()
    assert stored.startswith("scrypt$") and PASSCODE not in stored
    store.set_passcode(None)
    assert not store.passcode_required() and not store.check_passcode(PASSCODE)


def test_passcode_bytes_never_reach_the_sqlite_files(tmp_path):
    url = f"sqlite:///{tmp_path / 'cp.db'}"
    with Store.open(url) as store:
        store.set_passcode(PASSCODE)
        assert store.check_passcode(PASSCODE)
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    assert PASSCODE.encode() not in raw and b"scrypt$" in raw


def test_same_passcode_hashes_differently_each_time():
    assert hash_passcode("secret-1") != hash_passcode("secret-1")


@pytest.mark.parametrize("bad", ["", "short", "x" * 1025])
def test_passcode_length_is_checked(bad):
    with pytest.raises(StoreError, match="passcode"):
        hash_passcode(bad)


@pytest.mark.parametrize(
    "encoded",
    [
        "",
        "plain-text",
        "scrypt$1$2$3",
        "bcrypt$16384$8$1$AAAA$AAAA",
        "scrypt$x$8$1$AAAA$AAAA",
        "scrypt$16384$8$1$!!!!$AAAA",
    ],
)
def test_malformed_hashes_never_verify(encoded):
    assert verify_passcode("anything", encoded) is False


@settings(max_examples=5, deadline=None)
@given(st.text(min_size=6, max_size=40), st.text(min_size=6, max_size=40))
def test_only_the_passcode_itself_verifies(right, wrong):
    encoded = hash_passcode(right)
    assert verify_passcode(right, encoded)
    assert verify_passcode(wrong, encoded) == (wrong == right)


def test_erased_client_leaves_no_readable_bytes_in_the_sqlite_files(tmp_path: Path):
    url = f"sqlite:///{tmp_path / 'cp.db'}"
    secret_name, secret_note = "Zebulon Quaxley", "ERASE-ME-marker-7f3a"
    with Store.open(url, clock=Clock()) as store:
        keep = store.create_client("Kept Person")
        gone = store.create_client(secret_name, contact="zq@example.org")
        for c in (keep, gone):
            with store.batch() as w:
                w.save_profile(c.id, profile())
                for i in range(30):
                    w.add_session(
                        c.id,
                        dt.date(2025, 1, 1),
                        f"{c.name} note {i} {secret_note}" if c == gone else f"kept note {i}",
                    )
                w.mark_role(c.id, "15-2051.00", "shortlisted", f"{c.name} role note")
                w.save_plan(c.id, plan())
        raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
        assert secret_note.encode() in raw  # the test can see data that is there
        store.delete_client(gone.id, confirm=True)
        assert len(store.load_client(keep.id).sessions) == 30
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir())
    for marker in (secret_name, secret_note, "zq@example.org"):
        assert marker.encode() not in raw, marker
    assert b"kept note 29" in raw
