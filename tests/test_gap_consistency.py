"""Card, Compare, Plan, route and report agree: one gap model, rendered everywhere.

100 random (profile, target) pairs on the starter set and 100 on a mini O*NET import
that this test writes (more occupations and tools than ``onet_fixture``'s three, in
the official layout). For each pair every view must show the same missing set, in the
same order, with the same hours, and no requirement may be both a strength and a gap.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import numpy as np
import pytest

from careerpivot.datasets.importing import import_onet
from careerpivot.engine import Engine
from careerpivot.presentation import fit_explained, level_coverage
from careerpivot.profile import Profile, profile_from_role
from careerpivot.report import build_report
from careerpivot.report.build import pivot_line
from careerpivot.report.markdown import render_markdown
from careerpivot.routes import cost_path
from careerpivot.store.records import Client, ClientSnapshot, RoleMark
from careerpivot.ui import tables
from tests.datasets.onet_fixture import RATING_HEADER, write_release

PAIRS = 100
T = dt.datetime(2025, 3, 1, tzinfo=dt.UTC)


def random_profile(eng: Engine, rng: random.Random) -> Profile:
    """A role-seeded profile, a perturbed one, or a sparse hand-rated one."""
    ds = eng.dataset
    rated = [o.code for o, ok in zip(ds.occupations, ds.scorable, strict=True) if ok]
    kind = rng.randrange(3)
    if kind == 0:
        return profile_from_role(ds, rng.choice(rated))
    if kind == 1:
        base = profile_from_role(ds, rng.choice(rated))
        ratings = {
            d: float(np.clip(v + rng.gauss(0, 1.0), 0, 7))
            for d, v in base.ratings.items()
            if rng.random() > 0.2  # forget some, tools included
        }
        return base.model_copy(update={"ratings": ratings})
    descs = [d.id for d in ds.descriptors]
    chosen = rng.sample(descs, min(len(descs), rng.randint(3, 25)))
    role = rng.choice([None, rng.choice(rated)])
    return Profile(
        ratings={d: round(rng.uniform(0, 7), 1) for d in chosen},
        current_role=role,
    )


def random_target(eng: Engine, profile: Profile, rng: random.Random) -> str:
    ds = eng.dataset
    own = {profile.current_role, profile.seeded_from}
    rated = [o.code for o, ok in zip(ds.occupations, ds.scorable, strict=True) if ok]
    return rng.choice([c for c in rated if c not in own])


def assert_views_agree(eng: Engine, profile: Profile, target: str) -> None:
    """Every place a person sees this comparison shows the same gaps and hours."""
    ds = eng.dataset
    compare = eng.gap(profile, target)  # Compare page, `careerpivot gap`, JSON
    card = eng.explain(profile, target)  # Pivots card
    plan = eng.plan(profile, target)  # Plan page, `careerpivot route`
    assert card.gap is not None and plan.gap is not None
    missing = [r.id for r in compare.to_close]
    names = [r.name for r in compare.to_close]

    # same missing set, same order
    assert [r.id for r in card.gap.to_close] == missing
    assert [n.id for n in card.gaps] == missing[: len(card.gaps)]
    assert len(card.gaps) == min(len(missing), 5)
    assert [s.id for s in plan.steps] == missing
    frame = tables.gap_frame(compare, only_gaps=True)
    assert list(frame["Requirement"]) == names
    lines = tables.card_missing(card.gap)
    for line, name in zip(lines, names[:3], strict=False):
        assert line.startswith(f"{name}:")
    if not missing:
        assert not [ln for ln in lines if not ln.startswith("Tools to check")]
    # most urgent first, and the words follow the numbers
    prio = [r.priority for r in compare.to_close]
    assert prio == sorted(prio, reverse=True)
    order = {"high": 0, "medium": 1, "low": 2}
    words = [order[r.priority_words] for r in compare.to_close]
    assert words == sorted(words)

    # same totals
    assert card.gap.total_hours == pytest.approx(compare.total_hours)
    assert plan.total_hours == pytest.approx(compare.total_hours)
    assert card.gap.summary == compare.summary == plan.gap.summary
    known = np.array([d.id in profile.ratings for d in ds.descriptors])
    person = eng.scorer.person_vector(profile)
    [direct], _ = cost_path(ds, person, [target], known=known)
    assert direct.hours == pytest.approx(plan.total_hours)  # the direct route
    assert sorted(name for name, _, _ in direct.learn) == sorted(names)

    # never both a strength and a gap; tools never mentioned are neither
    assert not {r.id for r in compare.transfers} & set(missing)
    assert not {n.id for n in card.strengths} & {n.id for n in card.gaps}
    assert not {r.id for r in compare.tools_to_check} & set(missing)
    assert [n.id for n in card.strengths] == [r.id for r in compare.transfers][:5]

    # the report: pivot line, gap table, plan and its hours
    line = pivot_line(card)
    assert line.gaps == tuple(f"{r.name} (+{r.deficit:.1f})" for r in compare.to_close[:3])
    client = ClientSnapshot(
        client=Client(1, "Pat", T),
        profile=profile,
        roles=(RoleMark(1, 1, target, "shortlisted", "", T),),
    )
    report = build_report(eng, client, on=dt.date(2025, 3, 14), k=1, n_routes=1)
    assert report.target_code == target
    to_close = [g for g in report.gaps if g.status in ("gap", "small gap")]
    assert [g.name for g in to_close] == names[:12]
    assert report.gaps[: len(to_close)] == tuple(to_close)  # rows to close come first
    for g, r in zip(to_close, compare.to_close, strict=False):  # status, words and hours
        assert (g.status, g.priority_words, g.estimated) == (
            r.status,
            r.priority_words,
            r.estimated,
        )
        assert g.hours == pytest.approx(r.hours) and g.priority == pytest.approx(r.priority)
    checks = [g.name for g in report.gaps if g.status == "tool to check"]
    assert checks == [r.name for r in compare.tools_to_check][: len(checks)]
    assert report.gap_summary == compare.summary
    assert report.gaps_not_shown == max(len(names) - 12, 0)
    assert [s.name for s in report.plan] == names
    assert report.plan_hours == pytest.approx(plan.total_hours)
    markdown = render_markdown(report)
    assert compare.summary.replace(".", "\\.") in markdown or compare.summary in markdown
    for g in to_close[:3]:
        assert f"| {g.status} |" in markdown and f"{g.priority_words} (" in markdown

    # Fit beside "N of M met": both are counted from the same rows
    explained = fit_explained(card.score, card.gap)
    sk = [r for r in compare.requirements if r.kind != "technology"]
    if sk:
        met = sum(r.status == "transfers" for r in sk)
        assert f"{met} met in full" in explained
        assert f"Meets {met} of {len(sk)}" in compare.summary
        coverage = level_coverage(compare)
        assert coverage is not None and 0.0 <= coverage <= 1.0
        assert (coverage == pytest.approx(1.0)) == all(r.deficit == 0 for r in sk)


def run_pairs(eng: Engine, seed: int) -> int:
    rng = random.Random(seed)
    nonempty = 0
    for _ in range(PAIRS):
        profile = random_profile(eng, rng)
        target = random_target(eng, profile, rng)
        assert_views_agree(eng, profile, target)
        nonempty += bool(eng.gap(profile, target).to_close)
    return nonempty


def test_views_agree_on_the_starter_set(engine):
    nonempty = run_pairs(engine, seed=11)
    assert nonempty >= PAIRS // 2  # the pairs exercise real gaps, not only empty lists


# ----- a mini O*NET import ----------------------------------------------------------------
SKILLS = [
    ("2.A.1.a", "Reading Comprehension"),
    ("2.A.1.b", "Active Listening"),
    ("2.A.1.c", "Writing"),
    ("2.A.1.d", "Speaking"),
    ("2.A.1.e", "Mathematics"),
    ("2.A.2.a", "Critical Thinking"),
    ("2.B.1.a", "Social Perceptiveness"),
    ("2.B.2.i", "Complex Problem Solving"),
    ("2.B.3.e", "Programming"),
    ("2.B.5.d", "Management of Personnel Resources"),
]
KNOWLEDGE = [
    ("2.C.1.a", "Administration and Management"),
    ("2.C.1.b", "Clerical"),
    ("2.C.3.a", "Computers and Electronics"),
    ("2.C.4.a", "Mathematics"),
    ("2.C.5.a", "Medicine and Dentistry"),
    ("2.C.7.a", "English Language"),
]
PARENTS = [
    ("2.A.1", "Content"),
    ("2.A.2", "Process"),
    ("2.B.1", "Social Skills"),
    ("2.B.2", "Complex Problem Solving Skills"),
    ("2.B.3", "Technical Skills"),
    ("2.B.5", "Resource Management Skills"),
    ("2.C.1", "Business and Management"),
    ("2.C.3", "Engineering and Technology"),
    ("2.C.4", "Mathematics and Science"),
    ("2.C.5", "Health Services"),
    ("2.C.7", "Arts and Humanities"),
]
# Python and Java: one team family, so "covered by" arises in the random pairs.
TOOLS = ["Python", "Microsoft Excel", "SQL", "Git", "Tableau", "SAP", "Java", "AutoCAD"]
CODES = ["15-1252.00", "15-1254.00", "11-1011.00"] + [
    f"{g}-{1000 + i}.00" for i, g in enumerate(["13", "15", "17", "29", "43", "41", "11"] * 2)
]


def mini_release(root: Path, seed: int = 3) -> Path:
    """The fixture release widened to 17 occupations, 16 rated descriptors and 8 tools."""
    rng = random.Random(seed)
    skills, knowledge = [RATING_HEADER], [RATING_HEADER]
    tech = ["O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand"]
    occ = ["O*NET-SOC Code\tTitle\tDescription"]
    zones = ["O*NET-SOC Code\tJob Zone\tDate\tDomain Source"]
    for n, code in enumerate(CODES):
        occ.append(f"{code}\tRole {n}\tDoes the work of role {n}.")
        zones.append(f"{code}\t{rng.randint(2, 5)}\t08/2023\tAnalyst")
        if code == "11-1011.00":
            continue  # one unrated occupation, as in O*NET
        for lines, elements in ((skills, SKILLS), (knowledge, KNOWLEDGE)):
            for e, name in elements:
                imp = round(rng.uniform(1.0, 5.0), 2)
                level = round(min(7.0, max(0.0, imp * 1.2 + rng.gauss(0, 1))), 2)
                lines.append(
                    f"{code}\t{e}\t{name}\tIM\t{imp:.2f}\t8\t0.1\tn/a\tn/a\tN\tn/a\t08/2023\tAnalyst"
                )
                lines.append(
                    f"{code}\t{e}\t{name}\tLV\t{level:.2f}\t8\t0.1\tn/a\tn/a\tN\tn/a\t08/2023\tAnalyst"
                )
        for tool in rng.sample(TOOLS, rng.randint(2, 5)):
            hot, demand = rng.choice("YN"), rng.choice("YN")
            tech.append(f"{code}\t{tool}\t43232405\tSoftware\t{hot}\t{demand}")
    model = ["Element ID\tElement Name\tDescription"] + [
        f"{e}\t{n}\t{n} description" for e, n in [*PARENTS, *SKILLS, *KNOWLEDGE]
    ]
    model += [
        f"1.B.1.{c}\t{n}\t{n}"
        for c, n in zip(
            "abcdef",
            ["Realistic", "Investigative", "Artistic", "Social", "Enterprising", "Conventional"],
            strict=True,
        )
    ]
    model += [
        f"1.B.2.{c}\t{n}\t{n}"
        for c, n in zip(
            "abcdef",
            [
                "Achievement",
                "Working Conditions",
                "Recognition",
                "Relationships",
                "Support",
                "Independence",
            ],
            strict=True,
        )
    ]
    model.append("1.B.3.a\tFirst Interest High-Point\tFirst high point")
    changes = {
        "Occupation Data.txt": "\n".join(occ) + "\n",
        "Skills.txt": "\n".join(skills) + "\n",
        "Knowledge.txt": "\n".join(knowledge) + "\n",
        "Technology Skills.txt": "\n".join(tech) + "\n",
        "Job Zones.txt": "\n".join(zones) + "\n",
        "Content Model Reference.txt": "\n".join(model) + "\n",
    }
    return write_release(root, changes)


@pytest.fixture(scope="module")
def mini_onet(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    root = tmp_path_factory.mktemp("mini-onet")
    result = import_onet(mini_release(root / "db_99_1_text"), data_dir=root / "data")
    return Engine.load(result.dataset.name, root / "data")


def test_the_mini_import_is_what_the_test_means(mini_onet):
    ds = mini_onet.dataset
    assert ds.provenance.source.startswith("O*NET")
    # one role O*NET leaves unrated, whose ratings the import estimates
    assert int((ds.scorable & ~ds.estimated).sum()) == len(CODES) - 1
    assert int(ds.estimated.sum()) == 1 and ds.scorable.all()
    assert len(ds.descriptors_of_kind("technology")) >= 5


def test_views_agree_on_a_mini_onet_import(mini_onet):
    nonempty = run_pairs(mini_onet, seed=29)
    assert nonempty >= PAIRS // 2


def test_saved_ratings_read_as_published(mini_onet):
    """A saved data set keeps ratings as float32; the gap model, its JSON and a role's
    requirements give them back as the release's decimals (4.12, not 4.119999885559082)."""
    ds = mini_onet.dataset
    stored = np.asarray(ds.req_level)
    assert (stored != np.round(stored, 2)).any()  # the store's float32 noise is there
    rated = [o.code for o, est in zip(ds.occupations, ds.estimated, strict=True) if not est]
    source, code = rated[:2]
    for r in ds.requirements_of(code):
        assert r.level == round(r.level, 2) and r.importance == round(r.importance, 2)
    report = mini_onet.gap(mini_onet.profile_for(source), code)
    assert report.rows
    for row in report.rows:
        assert row.required == round(row.required, 2)
        assert row.importance == round(row.importance, 2)
