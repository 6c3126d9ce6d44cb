"""Patterns across the log: recurring categories and skills, role families, the funnel,
change over time and channels; each a plain sentence with the applications behind it."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz

from careerpivot.model import SOC_MAJOR_GROUPS
from careerpivot.rejections.analysis import RecordAnalysis
from careerpivot.rejections.categories import CATEGORY_PHRASES, GENERIC, SUBSTANTIVE, Category
from careerpivot.rejections.records import STAGES, ApplicationRecord, Stage

PatternKind = Literal["category", "skill", "family", "funnel", "trend", "channel", "no_feedback"]

MIN_COUNT = 2  # a pattern needs at least this many applications behind it
FAMILY_SHARE = 0.6  # share of rejections in one role family that counts as concentration
FUNNEL_SHARE = 0.4
MIN_FOR_TREND = 6
TREND_GAP = 0.25  # difference in the share reaching interview between halves
CHANNEL_GAP = 0.34
TITLE_CLUSTER_SCORE = 85.0
INTERVIEWED = STAGES.index("interviewed")

_SENIORITY = re.compile(
    r"\b(senior|sr|junior|jr|lead|principal|associate|graduate|entry|level|trainee|"
    r"i|ii|iii|iv|head|of|the)\b"
)
_CHANNEL_PHRASES = {
    "posting": "job postings",
    "referral": "referrals",
    "recruiter": "recruiters",
    "other": "other channels",
}
_STOP_SENTENCES: dict[Stage, str] = {
    "applied": "stopped at the application, before any screen: the CV and application "
    "are the first place to look",
    "screened": "stopped after the first screen: how the CV and the screening call present "
    "you is the place to look",
    "interviewed": "stopped after an interview: interview preparation is the place to look",
    "final_round": "stopped at the final round: you are close, and the margin is often "
    "competition, timing or fit",
    "offer": "ended at the offer stage",
}


@dataclass(frozen=True)
class Pattern:
    """A recurring pattern in plain words, with the ids of the applications behind it."""

    kind: PatternKind
    key: str  # category id, descriptor id, family name, stage, "rising:<category>", channel
    sentence: str
    evidence: tuple[str, ...]


def find_patterns(
    analyses: Sequence[RecordAnalysis], *, min_count: int = MIN_COUNT
) -> list[Pattern]:
    """Every pattern found, most actionable first (categories, skills, family, funnel, ...)."""
    return [
        *category_patterns(analyses, min_count),
        *skill_patterns(analyses, min_count),
        *family_patterns(analyses, min_count),
        *funnel_patterns(analyses, min_count),
        *trend_patterns(analyses, min_count),
        *channel_patterns(analyses, min_count),
        *no_feedback_patterns(analyses, min_count),
    ]


# ----- feedback -------------------------------------------------------------------------------
def category_patterns(
    analyses: Sequence[RecordAnalysis], min_count: int = MIN_COUNT
) -> list[Pattern]:
    """Substantive categories that recur across rejections, most frequent first.

    A rejection counts toward every category in its ``counts_toward`` (feedback naming
    a skill is a skill gap too), the same counting the actions use.
    """
    rejected = [a for a in analyses if a.classification is not None]
    by_cat: dict[Category, list[RecordAnalysis]] = defaultdict(list)
    for a in rejected:
        for cat in a.counts_toward:
            by_cat[cat].append(a)
    out = []
    for cat in sorted(by_cat, key=lambda c: (-len(by_cat[c]), SUBSTANTIVE.index(c))):
        items = by_cat[cat]
        if len(items) < min_count:
            continue
        phrase = CATEGORY_PHRASES[cat]
        out.append(
            Pattern(
                "category",
                cat,
                f"{phrase[0].upper()}{phrase[1:]} came up in {len(items)} of {len(rejected)} "
                f"rejections: {_labels(a.record for a in items)}.",
                _ids(items),
            )
        )
    return out


def skill_patterns(analyses: Sequence[RecordAnalysis], min_count: int = MIN_COUNT) -> list[Pattern]:
    """Skills and tools named in several rejections' feedback, most named first."""
    named: dict[str, list[RecordAnalysis]] = defaultdict(list)
    names: dict[str, str] = {}
    for a in analyses:
        for s in a.skills:
            named[s.id].append(a)
            names[s.id] = s.name
    rejected = sum(1 for a in analyses if a.classification is not None)
    out = []
    for did in sorted(named, key=lambda d: (-len(named[d]), names[d])):
        items = named[did]
        if len(items) >= min_count:
            out.append(
                Pattern(
                    "skill",
                    did,
                    f"{names[did]} was named in {len(items)} of {rejected} rejections: "
                    f"{_labels(a.record for a in items)}.",
                    _ids(items),
                )
            )
    return out


def no_feedback_patterns(
    analyses: Sequence[RecordAnalysis], min_count: int = MIN_COUNT
) -> list[Pattern]:
    """Rejections that said nothing usable, when they are at least half of them."""
    rejected = [a for a in analyses if a.classification is not None]
    empty = [a for a in rejected if a.category == GENERIC]
    if len(empty) < min_count or len(empty) < 0.5 * len(rejected):
        return []
    return [
        Pattern(
            "no_feedback",
            GENERIC,
            f"{len(empty)} of {len(rejected)} rejections came with no usable feedback "
            "(or none at all): ask for specifics with the follow-up note.",
            _ids(empty),
        )
    ]


# ----- role families --------------------------------------------------------------------------
def role_families(records: Sequence[ApplicationRecord]) -> dict[str, str]:
    """Record id -> role family: the SOC major group of its occupation code, else a
    cluster of similar titles (``"Data Analyst-type roles"``) when no code is given.

    >>> from careerpivot.rejections.records import validate_record
    >>> recs = [validate_record({"id": f"a{i}", "role_title": t, "organisation": "X",
    ...     "date": "2024-01-01", "channel": "posting", "stage_reached": "applied",
    ...     "outcome": "rejected", "occupation_code": c})
    ...     for i, (t, c) in enumerate([("BI Analyst", "15-2051.01"),
    ...         ("Senior Data Analyst", None), ("Data Analyst", None)])]
    >>> sorted(role_families(recs).items())  # doctest: +NORMALIZE_WHITESPACE
    [('a0', 'Computer and Mathematical'), ('a1', 'Data Analyst-type roles'),
     ('a2', 'Data Analyst-type roles')]
    """
    out: dict[str, str] = {}
    clusters: list[tuple[str, list[ApplicationRecord]]] = []  # (normalised key, members)
    for r in records:
        if r.occupation_code:
            out[r.id] = SOC_MAJOR_GROUPS.get(r.occupation_code[:2], "Other")
            continue
        key = _normalise_title(r.role_title)
        for ckey, members in clusters:
            if fuzz.token_set_ratio(key, ckey) >= TITLE_CLUSTER_SCORE:
                members.append(r)
                break
        else:
            clusters.append((key, [r]))
    for _, members in clusters:
        titles = Counter(_strip_seniority(m.role_title) for m in members)
        name = max(titles, key=lambda t: (titles[t], -len(t)))
        for m in members:
            out[m.id] = f"{name}-type roles"
    return out


def family_concentration(
    analyses: Sequence[RecordAnalysis], share: float = FAMILY_SHARE, min_count: int = 3
) -> tuple[str, list[RecordAnalysis]] | None:
    """The role family holding at least ``share`` of the rejections (and ``min_count``)."""
    families = role_families([a.record for a in analyses])
    rejected = [a for a in analyses if a.classification is not None]
    counts = Counter(families[a.record.id] for a in rejected)
    if not counts:
        return None
    family, n = counts.most_common(1)[0]
    if n < min_count or n < share * len(rejected):
        return None
    return family, [a for a in rejected if families[a.record.id] == family]


def family_patterns(
    analyses: Sequence[RecordAnalysis], min_count: int = MIN_COUNT
) -> list[Pattern]:
    """Rejections concentrated in one role family, compared with applications elsewhere."""
    found = family_concentration(analyses, min_count=max(3, min_count))
    if found is None:
        return []
    family, items = found
    rejected = sum(1 for a in analyses if a.classification is not None)
    families = role_families([a.record for a in analyses])
    closed = [a.record for a in analyses if a.record.outcome != "pending"]
    inside = [r for r in closed if families[r.id] == family]
    outside = [r for r in closed if families[r.id] != family]
    sentence = f"{len(items)} of {rejected} rejections were for {family} roles"
    if outside:
        sentence += (
            f"; elsewhere {_reached(outside)} of {len(outside)} applications reached an "
            f"interview, against {_reached(inside)} of {len(inside)} in this family"
        )
    return [Pattern("family", family, f"{sentence}.", _ids(items))]


# ----- the funnel, time and channels ----------------------------------------------------------
def funnel_counts(records: Sequence[ApplicationRecord]) -> dict[Stage, int]:
    """How many applications reached each stage (cumulative, for a funnel chart).

    >>> from careerpivot.rejections.records import validate_record
    >>> recs = [validate_record({"id": f"a{i}", "role_title": "Analyst", "organisation": "X",
    ...     "date": "2024-01-01", "channel": "posting", "stage_reached": s,
    ...     "outcome": "rejected"}) for i, s in enumerate(["applied", "interviewed"])]
    >>> funnel_counts(recs)
    {'applied': 2, 'screened': 1, 'interviewed': 1, 'final_round': 0, 'offer': 0}
    """
    return {s: sum(1 for r in records if r.stage_index >= i) for i, s in enumerate(STAGES)}


def funnel_patterns(
    analyses: Sequence[RecordAnalysis], min_count: int = MIN_COUNT
) -> list[Pattern]:
    """The stage where most closed, unsuccessful applications stopped."""
    closed = [
        a.record for a in analyses if a.record.outcome in ("rejected", "ghosted", "withdrawn")
    ]
    if len(closed) < max(3, min_count):
        return []
    stops = Counter(r.stage_reached for r in closed)
    stage, n = max(stops.items(), key=lambda kv: (kv[1], -STAGES.index(kv[0])))
    if n < min_count or n < FUNNEL_SHARE * len(closed):
        return []
    members = [r for r in closed if r.stage_reached == stage]
    return [
        Pattern(
            "funnel",
            stage,
            f"{n} of {len(closed)} unsuccessful applications {_STOP_SENTENCES[stage]}.",
            tuple(r.id for r in members),
        )
    ]


def trend_patterns(analyses: Sequence[RecordAnalysis], min_count: int = MIN_COUNT) -> list[Pattern]:
    """Change between the earlier and the later half of the applications (by date)."""
    closed = sorted(
        (a for a in analyses if a.record.outcome != "pending"), key=lambda a: a.record.date
    )
    if len(closed) < MIN_FOR_TREND:
        return []
    half = len(closed) // 2
    early, late = closed[:half], closed[half:]
    since = late[0].record.date.isoformat()
    out = []
    a, b = _reached(x.record for x in early), _reached(x.record for x in late)
    ra, rb = a / len(early), b / len(late)
    if abs(rb - ra) >= TREND_GAP and abs(b - a) >= min_count:
        better = rb > ra
        members = [x for x in late if (x.record.stage_index >= INTERVIEWED) == better]
        out.append(
            Pattern(
                "trend",
                "further" if better else "less_far",
                f"Recent applications get {'further' if better else 'less far'}: {b} of the "
                f"{len(late)} since {since} reached an interview, against {a} of the "
                f"{len(early)} before.",
                _ids(members),
            )
        )
    rej_early = [x for x in early if x.classification is not None]
    rej_late = [x for x in late if x.classification is not None]
    for cat in SUBSTANTIVE:
        e = [x for x in rej_early if cat in x.counts_toward]
        lt = [x for x in rej_late if cat in x.counts_toward]
        if abs(len(lt) - len(e)) < min_count:
            continue
        rising = len(lt) > len(e)
        phrase = CATEGORY_PHRASES[cat]
        out.append(
            Pattern(
                "trend",
                f"{'rising' if rising else 'fading'}:{cat}",
                f"Feedback about {phrase} is {'rising' if rising else 'fading'}: "
                f"{len(lt)} of the {len(rej_late)} rejections since {since}, against "
                f"{len(e)} of the {len(rej_early)} before.",
                _ids(lt if rising else e),
            )
        )
    return out


def channel_patterns(
    analyses: Sequence[RecordAnalysis], min_count: int = MIN_COUNT
) -> list[Pattern]:
    """A channel (referral, posting, recruiter) that gets clearly further than another."""
    by_channel: dict[str, list[ApplicationRecord]] = defaultdict(list)
    for a in analyses:
        if a.record.outcome != "pending":
            by_channel[a.record.channel].append(a.record)
    usable = {c: rs for c, rs in by_channel.items() if len(rs) >= min_count}
    if len(usable) < 2:
        return []
    rate = {c: _reached(rs) / len(rs) for c, rs in usable.items()}
    best = max(rate, key=lambda c: (rate[c], len(usable[c])))
    worst = min(rate, key=lambda c: (rate[c], -len(usable[c])))
    if rate[best] - rate[worst] < CHANNEL_GAP:
        return []
    return [
        Pattern(
            "channel",
            best,
            f"Applications through {_CHANNEL_PHRASES[best]} get further: "
            f"{_reached(usable[best])} of {len(usable[best])} reached an interview, against "
            f"{_reached(usable[worst])} of {len(usable[worst])} through "
            f"{_CHANNEL_PHRASES[worst]}.",
            tuple(r.id for r in usable[best]),
        )
    ]


# ----- helpers --------------------------------------------------------------------------------
def _reached(records: Iterable[ApplicationRecord]) -> int:
    return sum(1 for r in records if r.stage_index >= INTERVIEWED)


def _ids(items: Sequence[RecordAnalysis]) -> tuple[str, ...]:
    return tuple(a.record.id for a in items)


def _labels(records: Iterable[ApplicationRecord], limit: int = 4) -> str:
    recs = list(records)
    names = [f"{r.role_title} at {r.organisation}" for r in recs[:limit]]
    more = len(recs) - limit
    return ", ".join(names) + (f" and {more} more" if more > 0 else "")


def _strip_seniority(title: str) -> str:
    words = [w for w in title.split() if not _SENIORITY.fullmatch(w.lower())]
    return " ".join(words) or title


def _normalise_title(title: str) -> str:
    text = re.sub(r"[^a-z0-9 ]+", " ", title.lower())
    return " ".join(_SENIORITY.sub(" ", text).split())
