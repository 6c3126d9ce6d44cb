"""Practice material drawn from a profile: STAR story prompts and project ideas."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from careerpivot.gaps import GapReport, GapRow
from careerpivot.model import Dataset, Descriptor
from careerpivot.profile import Profile
from careerpivot.rejections.wording import own_rating
from careerpivot.scoring import importance_weights

MIN_STRENGTH = 3.0  # a rating below this is not a strength to build a story on

_STAR_BY_CATEGORY: dict[str, str] = {
    "Social skills": "Tell me about a time you used {name} to bring people with different "
    "goals to an agreement.",
    "Basic skills": "Describe a time your {name} changed a decision someone made.",
    "Problem solving": "Tell me about the hardest problem you solved with {name}.",
    "Systems skills": "Tell me about a time your {name} showed how a process or system "
    "should change.",
    "Resource management": "Give an example of when your {name} saved time or money.",
    "Technical skills": "Walk me through a piece of work where {name} mattered.",
}
_STAR_TOOL = (
    "Tell me about a project where you used {name}: the question it answered and who "
    "used the result."
)
_STAR_KNOWLEDGE = "Describe a time you applied your knowledge of {name} to a real problem."
_STAR_DEFAULT = "Tell me about a time {name} made the difference in your work."
STAR_HINT = (
    "Situation (one sentence), Task (what was yours to do), Action (what you did, in the "
    "first person), Result (a number or a concrete change)."
)


@dataclass(frozen=True)
class StarPrompt:
    """An interview story to prepare, built on one of the person's strengths."""

    descriptor_id: str
    name: str
    level: float  # the person's rating, 0-7
    relevance: float  # importance weight in the target role, 0-1 (1 when no target)
    prompt: str
    hint: str = STAR_HINT


def strongest(
    dataset: Dataset, profile: Profile, target: str | None = None, *, k: int = 4
) -> list[tuple[Descriptor, float, float]]:
    """The person's strongest skills and tools as ``(descriptor, level, relevance)``.

    With a target role, a strength counts by ``level x importance weight`` there, so
    stories are about what the role values; without one, by level alone.
    """
    profile.check(dataset)
    weights = None
    if target is not None:
        row = dataset.occupation_index[dataset.occupation(target).code]
        weights = importance_weights(np.asarray(dataset.importance_matrix[row]))
    scored = []
    for did, level in profile.ratings.items():
        d = dataset.descriptor(did)
        if d.kind == "knowledge" or level < MIN_STRENGTH:
            continue
        rel = 1.0 if weights is None else float(weights[dataset.descriptor_index[did]])
        if rel <= 0:
            continue
        scored.append((d, float(level), rel))
    scored.sort(key=lambda t: (-t[1] * t[2], -t[1], t[0].name))
    return scored[:k]


def star_prompts(
    dataset: Dataset, profile: Profile, target: str | None = None, *, k: int = 4
) -> list[StarPrompt]:
    """STAR story prompts, one per strongest skill or tool (see :func:`strongest`).

    >>> from careerpivot.datasets.starter import load_starter
    >>> from careerpivot.profile import Profile
    >>> p = Profile(ratings={"2.B.1.c": 5.0, "tech:sql": 4.0, "2.A.1.a": 1.0})
    >>> [s.name for s in star_prompts(load_starter(), p)]
    ['Persuasion', 'SQL']
    """
    out = []
    for d, level, rel in strongest(dataset, profile, target, k=k):
        if d.kind == "technology":
            template = _STAR_TOOL
        elif d.kind == "knowledge":
            template = _STAR_KNOWLEDGE
        else:
            template = _STAR_BY_CATEGORY.get(d.category, _STAR_DEFAULT)
        out.append(StarPrompt(d.id, d.name, level, rel, template.format(name=d.name)))
    return out


def project_ideas(
    report: GapReport,
    *,
    k: int = 3,
    starting_out: bool = False,
    profile: Profile | None = None,
    dataset: Dataset | None = None,
) -> list[str]:
    """Concrete projects that build evidence for the target's biggest important gaps.

    Someone ``starting_out`` also gets internships; an experienced person gets ways to
    build the experience from where they are (a stretch project, contract work). Given
    the ``profile`` and ``dataset``, a level copied from the person's last role reads as
    that role's typical level, not as where the person is.
    """
    ideas = []
    for row in [r for r in report.gaps if r.importance >= 3.0][:k]:
        aim = f"(the role expects about {row.required:.1f}/7; {_where(row, profile, dataset)})"
        if row.kind == "technology":
            ideas.append(
                f"Build a small public project with {row.name} on an open data set and write "
                f"up what it shows {aim}."
            )
        elif row.kind == "knowledge":
            ideas.append(
                f"Take a short course in {row.name} and apply it in a case study you can "
                f"show {aim}."
            )
        else:
            ideas.append(
                f"Practise {row.name} in a volunteer role, a side project or a stretch task at "
                f"work, so you have a concrete example to point to {aim}."
            )
    if starting_out:
        ideas.append(
            f"Look for an internship, graduate scheme or volunteer role in "
            f"{report.target_title}: real work there counts as experience."
        )
    else:
        ideas.append(
            f"Take on a stretch project at your current job, or a short contract or freelance "
            f"piece, that is {report.target_title} work: it turns your experience into "
            "experience they recognise."
        )
    return ideas


def _where(row: GapRow, profile: Profile | None, dataset: Dataset | None) -> str:
    """Where the person stands on a gap row, in words that say whose level it is."""
    if profile is None or dataset is None or row.current == 0:
        return f"you are at {row.current:.1f}"
    if own_rating(profile, dataset, row.id) is not None:
        return f"you rate yourself {row.current:.1f}"
    return f"your last role's typical level is {row.current:.1f}; not rated yet: rate it"
