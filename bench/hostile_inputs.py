"""How long do inputs built to be slow take? Prints seconds for each, at and over the limits.

    .venv/bin/python bench/hostile_inputs.py [--dataset onet-29.2] [--data-dir DIR]

Text of distinct made-up words is the worst case for the text readers: every run of up to
five words is looked up among the data set's names with spelling slips allowed, and no
look-up repeats. Measured, each in this process after a warm-up:

1. the title search (``Engine.search``) at the limit (200 characters), and the search
   underneath it (``TitleIndex.find``) on the longer titles the limit now refuses;
2. the feedback classifier on the API's largest batch (100 texts of 5000 characters);
3. a rejection-log review (classify, skill look-up, patterns, redirect) of the API's
   largest log (100,000 characters of feedback), and of half of it;
4. the CV skill matcher on the app's largest CV text (10,000 characters).
"""

from __future__ import annotations

import argparse
import random
import string
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from careerpivot.api.requests import MAX_LOG_TEXT, MAX_TEXT_CHARS, MAX_TEXTS
from careerpivot.engine import TITLE_QUERY_MAX, Engine
from careerpivot.rejections import RejectionLog, default_classifier, review_log
from careerpivot.rejections.review import default_matcher
from careerpivot.ui.assess import CV_TEXT_MAX


def words(chars: int, seed: int) -> str:
    """Distinct made-up words (5-9 letters), ``chars`` characters in all."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < chars:
        w = "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 9)))
        out.append(w)
        size += len(w) + 1
    return " ".join(out)[:chars]


def timed(what: str, fn: Callable[[], Any]) -> None:
    t0 = time.perf_counter()
    fn()
    print(f"  {what:<58} {time.perf_counter() - t0:7.2f} s", flush=True)


def log_of(chars: int) -> RejectionLog:
    per = 4000
    records = [
        {
            "id": f"a{i}",
            "role_title": "Data Analyst",
            "organisation": "Acme",
            "date": "2024-03-01",
            "channel": "posting",
            "stage_reached": "interviewed",
            "outcome": "rejected",
            "feedback": words(per, i),
        }
        for i in range(chars // per)
    ]
    return RejectionLog.model_validate({"records": records})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", default="starter")
    ap.add_argument("--data-dir", type=Path, default=None)
    args = ap.parse_args()
    eng = Engine.load(args.dataset, args.data_dir)
    eng.search("nurse")
    clf = default_classifier()
    clf.classify("warm up")
    matcher = default_matcher(eng.dataset)
    matcher.find("warm up")
    prof = eng.profile_for(eng.search("data analyst")[0].code)
    print(f"data set {eng.dataset.name}: {len(eng.dataset.occupations)} roles")

    print("1. title search")
    timed(
        f"Engine.search, {TITLE_QUERY_MAX} characters (the limit)",
        lambda: eng.search(words(TITLE_QUERY_MAX, 1)),
    )
    for n in (5_000, 20_000, 50_000):
        timed(
            f"TitleIndex.find, {n:,} characters (refused now)", lambda n=n: eng.titles.find("x" * n)
        )
    print("2. feedback classifier")
    batch = [words(MAX_TEXT_CHARS, 100 + i) for i in range(MAX_TEXTS)]
    timed(
        f"{MAX_TEXTS} texts of {MAX_TEXT_CHARS} characters",
        lambda: [clf.classify(t) for t in batch],
    )
    print("3. rejection-log review")
    for chars in (MAX_LOG_TEXT // 2, MAX_LOG_TEXT):
        log = log_of(chars)
        default_matcher(eng.dataset)._fuzzy_memo.clear()
        timed(
            f"{len(log.records)} applications, {chars:,} characters of feedback",
            lambda log=log: review_log(log, prof, eng),
        )
    print("4. CV skill matcher")
    matcher._fuzzy_memo.clear()
    timed(f"{CV_TEXT_MAX:,} characters of CV text", lambda: matcher.match(words(CV_TEXT_MAX, 7)))


if __name__ == "__main__":
    main()
