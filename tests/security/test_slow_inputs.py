"""Inputs built to be slow: long texts of distinct words in feedback and CV text, and long
titles. The time they take is measured by ``bench/hostile_inputs.py`` (no timed asserts);
these tests check that the faster paths give the same answers, and that the limits give
clear errors."""

from __future__ import annotations

import random
import string
from collections import defaultdict

import pytest

from careerpivot.rejections import default_classifier
from careerpivot.rejections.classify import FUNCTION_WORDS, Contribution, normalise
from careerpivot.skillmatch import SkillMatcher
from tests.security.hostile import TRIED


def _words(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(2, 9)))
        for _ in range(n)
    )


TEXTS = [
    "Your SQL was weak and we wanted more experience with Tableau.",
    "Strong candidate, but we went with someone with more stakeholder management. " * 20,
    _words(400, 1),
    "c++ C# .NET node.js -- a - b ' '' it's wasn't " * 5,
    "ÉCOLE naïve café résumé " * 10,
]


def _plain_explain(clf, text: str, category: str) -> list[Contribution]:  # type: ignore[no-untyped-def]
    """The word credits as the first version computed them: every n-gram against every
    whitespace token of the text."""
    import re

    token = re.compile(r"(?u)\b\w[\w']*\w\b")
    x = clf.features_.transform([text]).tocoo()
    row = clf.centred_coef_[clf.classes_.index(category)]
    pieces = [(f" {t} ", token.findall(t) or [t]) for t in normalise(text).split()]
    credit: dict[str, float] = defaultdict(float)
    for j, value in zip(x.col, x.data, strict=True):
        kind, _, gram = clf.feature_names_[int(j)].partition("__")
        contribution = float(value) * float(row[int(j)])
        if kind == "char":
            owners = [w for padded, ws in pieces if gram in padded for w in ws]
        else:
            owners = gram.split()
        for w in owners:
            credit[w] += contribution / len(owners)
    ranked = sorted(credit.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Contribution(w, v) for w, v in ranked if v > 0]


@pytest.mark.parametrize("text", TEXTS)
def test_feedback_word_credits_are_those_of_the_plain_scan(text: str):
    TRIED["slow text"] += 1
    clf = default_classifier()
    for category in clf.classes_:
        assert clf.explain(text, category) == _plain_explain(clf, text, category)
    result = clf.classify(text)  # explains from the features it has already computed
    plain = _plain_explain(clf, text, result.predicted)
    assert (
        result.top_terms == tuple(t for t in plain if t.term not in FUNCTION_WORDS)[: clf.n_terms]
    )


@pytest.fixture(scope="module")
def matcher() -> SkillMatcher:
    from careerpivot.assessment.data import load_lexicon
    from careerpivot.datasets.starter import load_starter

    return SkillMatcher(load_lexicon()).fit(load_starter())


@pytest.mark.parametrize("text", [*TEXTS, "Tablaeu, Pyhton and Excell; stakeholdr managment"])
def test_remembered_fuzzy_look_ups_find_what_fresh_ones_find(
    matcher: SkillMatcher, monkeypatch: pytest.MonkeyPatch, text: str
):
    TRIED["slow text"] += 1
    matcher._fuzzy_memo.clear()
    fresh = matcher.find(text), matcher.match(text)
    again = matcher.find(text), matcher.match(text)  # now from the memo
    assert again == fresh
    monkeypatch.setattr("careerpivot.skillmatch.FUZZY_MEMO_MAX", 3)  # cleared when full
    matcher._fuzzy_memo.clear()
    assert (matcher.find(text), matcher.match(text)) == fresh
    assert len(matcher._fuzzy_memo) <= 3


# ----- limits that keep a request to seconds --------------------------------------------------
def test_a_title_search_over_the_limit_is_refused_naming_the_length():
    from careerpivot.engine import TITLE_QUERY_MAX, Engine
    from careerpivot.errors import InputTooLongError

    eng = Engine.load()
    assert eng.search("registered nurse " + "x" * (TITLE_QUERY_MAX - 17))  # at the limit: read
    for n in (TITLE_QUERY_MAX + 1, 50_000, 1_000_000):
        TRIED["slow text"] += 1
        with pytest.raises(InputTooLongError, match=f"{n:,} characters long; at most 200"):
            eng.search("x" * n)


@pytest.mark.parametrize(
    "argv",
    [
        ("roles", "search", "x" * 50_000),
        ("recommend", "--role", "9" * 50_000),
        ("gap", "--role", "nurse", "--target", "a-" * 25_000),
        ("profile", "init", "--role", "y" * 5_000),
    ],
)
def test_the_command_line_refuses_a_huge_title_in_one_line(capsys, argv: tuple[str, ...]):
    from tests.security.hostile import run_cli

    code, out, err = run_cli(capsys, "slow text", *argv)
    assert code == 2 and err.startswith("error: ") and "at most 200 are read" in err
    assert len(err.splitlines()) == 1 and "Traceback" not in out + err


def test_the_api_refuses_a_log_with_more_text_than_it_reads_in_seconds():
    from fastapi.testclient import TestClient

    from careerpivot.api.app import Settings, create_app
    from careerpivot.api.requests import MAX_LOG_TEXT

    feedback = _words(700, 2)[:4000]
    n = MAX_LOG_TEXT // len(feedback) + 1
    records = [_row(i, feedback) for i in range(n)]
    TRIED["slow text"] += 1
    with TestClient(create_app(Settings()), raise_server_exceptions=False) as client:
        got = client.post(
            "/v1/rejections/analyse", json={"role": "nurse", "log": {"records": records}}
        )
    assert got.status_code == 422
    assert f"at most {MAX_LOG_TEXT:,}" in got.json()["detail"]


def _row(i: int, feedback: str = "") -> dict[str, str]:
    return {
        "id": f"a{i}",
        "role_title": "Data Analyst",
        "organisation": "Acme",
        "date": "2024-03-01",
        "channel": "posting",
        "stage_reached": "interviewed",
        "outcome": "rejected",
        "feedback": feedback,
    }


def test_a_log_file_with_more_than_is_imported_at_once_is_refused_naming_the_count():
    import json

    from careerpivot.rejections import RecordValidationError, parse_log_csv, parse_log_json
    from careerpivot.rejections.log_io import MAX_IMPORT_RECORDS, MAX_IMPORT_TEXT, format_log_csv

    many = [_row(i) for i in range(MAX_IMPORT_RECORDS + 1)]
    long = [_row(i, _words(900, i)[:4999]) for i in range(MAX_IMPORT_TEXT // 4999 + 1)]
    for rows, words in ((many, f"{MAX_IMPORT_RECORDS + 1:,} applications"), (long, "characters")):
        TRIED["slow text"] += 2
        doc = json.dumps({"schema_version": 1, "records": rows})
        with pytest.raises(RecordValidationError, match=words):
            parse_log_json(doc, source="big.json")
        csv_text = format_log_csv(
            parse_log_json(json.dumps({"schema_version": 1, "records": rows[:10]}))
        )
        header, *_ = csv_text.splitlines()
        body = "\n".join(
            ",".join(f'"{r[c]}"' if c in r else "" for c in header.split(",")) for r in rows
        )
        with pytest.raises(RecordValidationError, match=words):
            parse_log_csv(header + "\n" + body + "\n", source="big.csv")
    at_limit = [_row(i) for i in range(MAX_IMPORT_RECORDS)]
    doc = json.dumps({"schema_version": 1, "records": at_limit})
    assert len(parse_log_json(doc).records) == MAX_IMPORT_RECORDS
