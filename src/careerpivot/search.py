"""Typo-tolerant role search over titles and alternate titles (rapidfuzz)."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from careerpivot.model import ONET_SOC_PATTERN, Dataset


@dataclass(frozen=True)
class TitleMatch:
    """A role found by title: which title matched and how well (0-100)."""

    code: str
    title: str
    matched: str
    score: float


class TitleIndex:
    """All titles and alternate titles of a data set, ready for fuzzy lookup.

    >>> from careerpivot.datasets.starter import load_starter
    >>> idx = TitleIndex(load_starter())
    >>> idx.search("sofware develper", limit=1)[0].code
    '15-1252.00'
    """

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._titles: list[str] = []
        self._codes: list[str] = []
        for o in dataset.occupations:
            for t in (o.title, *o.alternate_titles):
                self._titles.append(t)
                self._codes.append(o.code)
        self._processed = [utils.default_process(t) for t in self._titles]

    def search(self, query: str, limit: int = 10, min_score: float = 60.0) -> list[TitleMatch]:
        """Best roles for a typed title, one entry per role, best first."""
        q = query.strip()
        if not q:
            return []
        if ONET_SOC_PATTERN.match(q) and q in self.dataset.occupation_index:
            o = self.dataset.occupation(q)
            return [TitleMatch(o.code, o.title, o.code, 100.0)]
        pq = utils.default_process(q)
        hits = process.extract(
            pq,
            self._processed,
            scorer=_title_score,
            limit=max(limit * 8, 40),
            score_cutoff=min_score,
        )
        best: dict[str, TitleMatch] = {}
        for _, score, i in hits:
            code = self._codes[i]
            if code not in best or score > best[code].score:
                best[code] = TitleMatch(
                    code, self.dataset.occupation(code).title, self._titles[i], score
                )
        return sorted(best.values(), key=lambda m: (-m.score, m.title))[:limit]


def _title_score(query: str, choice: str, **kwargs: object) -> float:
    """Whole-title similarity, with partial matches discounted so 'nurse' prefers 'Nurse'."""
    whole = fuzz.ratio(query, choice)
    token = fuzz.token_sort_ratio(query, choice)
    # Partial matches only count when the query fits inside the title: otherwise a short
    # alternate title like "CO" would match any query containing those letters.
    partial = fuzz.partial_ratio(query, choice) * 0.9 if 4 <= len(query) <= len(choice) else 0.0
    return float(max(whole, token, partial))
