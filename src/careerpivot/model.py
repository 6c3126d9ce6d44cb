"""The data model: occupations, descriptors and the requirements that join them.

Descriptor ids are O*NET content-model element ids (``2.A.1.a`` Reading
Comprehension, ``2.C.3.a`` Computers and Electronics) so the same engine runs on
the starter data set and on a full O*NET import. Technology skills use
``tech:<slug of the tool name>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from careerpivot.errors import UnknownDescriptorError, UnknownRoleError

DescriptorKind = Literal["skill", "knowledge", "technology"]
DESCRIPTOR_KINDS: tuple[DescriptorKind, ...] = ("skill", "knowledge", "technology")

#: RIASEC interest types in O*NET order, with their content-model ids (scale OI, 1-7).
RIASEC: tuple[str, ...] = ("R", "I", "A", "S", "E", "C")
RIASEC_NAMES: dict[str, str] = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
RIASEC_IDS: dict[str, str] = dict(zip(RIASEC, [f"1.B.1.{c}" for c in "abcdef"], strict=True))

#: O*NET work values (scale EX, 1-7), in O*NET order.
WORK_VALUES: tuple[str, ...] = (
    "achievement",
    "working_conditions",
    "recognition",
    "relationships",
    "support",
    "independence",
)
WORK_VALUE_NAMES: dict[str, str] = {
    "achievement": "Achievement",
    "working_conditions": "Working Conditions",
    "recognition": "Recognition",
    "relationships": "Relationships",
    "support": "Support",
    "independence": "Independence",
}
WORK_VALUE_IDS: dict[str, str] = dict(
    zip(WORK_VALUES, [f"1.B.2.{c}" for c in "abcdef"], strict=True)
)

IMPORTANCE_RANGE = (1.0, 5.0)  # O*NET scale IM
LEVEL_RANGE = (0.0, 7.0)  # O*NET scale LV
PROFILE_RANGE = (1.0, 7.0)  # O*NET scales OI (interests) and EX (work values)
JOB_ZONES = (1, 2, 3, 4, 5)
#: ``Dataset.extras`` key of facts about the source release: its file layout, what it
#: does not publish (``not_published``) and job-zone labels (``{"2": "1–2"}`` where
#: O*NET 30.3 and later merged zones 1 and 2).
RELEASE_INFO = "release"

SOC_MAJOR_GROUPS: dict[str, str] = {
    "11": "Management",
    "13": "Business and Financial Operations",
    "15": "Computer and Mathematical",
    "17": "Architecture and Engineering",
    "19": "Life, Physical, and Social Science",
    "21": "Community and Social Service",
    "23": "Legal",
    "25": "Educational Instruction and Library",
    "27": "Arts, Design, Entertainment, Sports, and Media",
    "29": "Healthcare Practitioners and Technical",
    "31": "Healthcare Support",
    "33": "Protective Service",
    "35": "Food Preparation and Serving Related",
    "37": "Building and Grounds Cleaning and Maintenance",
    "39": "Personal Care and Service",
    "41": "Sales and Related",
    "43": "Office and Administrative Support",
    "45": "Farming, Fishing, and Forestry",
    "47": "Construction and Extraction",
    "49": "Installation, Maintenance, and Repair",
    "51": "Production",
    "53": "Transportation and Material Moving",
}

ONET_SOC_PATTERN = re.compile(r"^\d{2}-\d{4}\.\d{2}$")


def slugify(name: str) -> str:
    """Lower-case ASCII slug used in technology ids (``Microsoft Excel`` -> ``microsoft-excel``).

    >>> slugify("C++ / C#")
    'c-plus-plus-c-sharp'
    """
    text = name.lower().replace("c++", "c plus plus").replace("c#", "c sharp")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def technology_id(name: str) -> str:
    """The descriptor id of a named tool: ``tech:`` plus its slug."""
    return f"tech:{slugify(name)}"


def soc_code(onet_code: str) -> str:
    """The 7-character SOC detailed code of an O*NET-SOC code (``15-1252.00`` -> ``15-1252``)."""
    return onet_code.split(".", 1)[0]


@dataclass(frozen=True, slots=True)
class Descriptor:
    """A skill, knowledge area or technology (tool) that occupations require."""

    id: str
    name: str
    kind: DescriptorKind
    category: str = ""
    description: str = ""
    difficulty: float = 1.0  # multiplier on learning hours; 1.0 = typical
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Occupation:
    """An occupation (role) with the facts a person weighs when considering it."""

    code: str
    title: str
    description: str = ""
    job_zone: int | None = None
    median_wage: float | None = None  # USD per year
    employment: float | None = None  # number of jobs
    outlook_pct: float | None = None  # projected employment change over ten years, %
    annual_openings: float | None = None  # average openings per year
    education: str = ""  # typical entry education
    interests: tuple[float, ...] | None = None  # RIASEC, OI scale 1-7
    work_values: tuple[float, ...] | None = None  # six work values, EX scale 1-7
    alternate_titles: tuple[str, ...] = ()
    unscored_reason: str = ""  # why a role cannot be scored (no ratings), empty if it can
    #: What of this role is estimated rather than published ("skills", "knowledge",
    #: "job zone", "interests", "tools"); empty for a role with survey ratings.
    estimated: tuple[str, ...] = ()
    #: The rated roles the estimate leans on most: (code, title, share of the weight).
    estimated_from: tuple[tuple[str, str, float], ...] = ()
    estimate_note: str = ""  # one line saying the ratings are estimates and from what

    @property
    def is_estimated(self) -> bool:
        """True when this role's skill and knowledge ratings are estimates."""
        return bool(self.estimated)

    @property
    def major_group(self) -> str:
        """SOC major group name (the role family used for filters)."""
        return SOC_MAJOR_GROUPS.get(self.code[:2], "Other")

    @property
    def holland_code(self) -> str:
        """Three-letter Holland code from the interest profile, '' if none."""
        if self.interests is None:
            return ""
        order = sorted(range(6), key=lambda i: (-self.interests[i], i))  # type: ignore[index]
        return "".join(RIASEC[i] for i in order[:3])


@dataclass(frozen=True, slots=True)
class Requirement:
    """How much an occupation needs a descriptor: importance (1-5) and level (0-7)."""

    occupation: str
    descriptor: str
    importance: float
    level: float


@dataclass(frozen=True)
class Provenance:
    """Where a data set came from and under which licence; shown wherever its data is."""

    source: str
    version: str
    licence: str
    created: str = ""
    notes: str = ""
    attribution: str = ""
    estimates: bool = False  # True when ratings are the team's estimates, not survey data
    files: Mapping[str, str] = field(default_factory=dict)  # file name -> sha256

    def to_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return {
            "source": self.source,
            "version": self.version,
            "licence": self.licence,
            "created": self.created,
            "notes": self.notes,
            "attribution": self.attribution,
            "estimates": self.estimates,
            "files": dict(self.files),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Provenance:
        """Inverse of :meth:`to_dict`."""
        return cls(
            source=str(data["source"]),
            version=str(data["version"]),
            licence=str(data["licence"]),
            created=str(data.get("created", "")),
            notes=str(data.get("notes", "")),
            attribution=str(data.get("attribution", "")),
            estimates=bool(data.get("estimates", False)),
            files=dict(data.get("files", {})),
        )


FloatArray = npt.NDArray[np.float64]

#: Decimals a stored rating is shown and compared with: saved data sets keep ratings as
#: float32, which reads back as 5.46999979019165 for O*NET's 5.47; six decimals give the
#: published value back and stay well inside float32's precision for the 0-7 scales.
RATING_DECIMALS = 6


def as_saved(values: npt.ArrayLike) -> FloatArray:
    """Ratings read from a data set's float32 store as the decimals they were saved from
    (5.47, not 5.46999979019165): what a page or an answer shows and compares."""
    out: FloatArray = np.asarray(values, dtype=np.float64).round(RATING_DECIMALS)
    return out


#: float64 or float32 arrays (the scorer keeps float32 copies for speed).
AnyFloatArray = npt.NDArray[np.floating[Any]]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, eq=False)
class Dataset:
    """Occupations, descriptors and requirements, with dense matrices for scoring.

    Requirements are stored column-wise (parallel arrays) so an O*NET-size data set
    (about 100,000 requirements) loads fast; :meth:`requirements_of` gives objects.
    Extra material an importer provides (task statements, work activities,
    related occupations) lives in ``extras`` keyed by occupation code.
    """

    name: str
    provenance: Provenance
    descriptors: tuple[Descriptor, ...]
    occupations: tuple[Occupation, ...]
    req_occupation: IntArray  # index into occupations
    req_descriptor: IntArray  # index into descriptors
    req_importance: FloatArray
    req_level: FloatArray
    extras: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    # ----- lookups -------------------------------------------------------------------------
    @cached_property
    def occupation_index(self) -> dict[str, int]:
        """Occupation code -> row index."""
        return {o.code: i for i, o in enumerate(self.occupations)}

    @cached_property
    def descriptor_index(self) -> dict[str, int]:
        """Descriptor id -> column index."""
        return {d.id: i for i, d in enumerate(self.descriptors)}

    def job_zone_label(self, zone: int | None) -> str:
        """A job zone as written for people: ``"1–2"`` where the release merged zones 1 and 2."""
        if zone is None:
            return "?"
        labels = self.extras.get(RELEASE_INFO, {}).get("job_zone_labels", {})
        return str(labels.get(str(zone), zone))

    @property
    def lowest_job_zone(self) -> int:
        """1, or 2 where zones 1 and 2 are one zone coded 2 (a person at zone 1 stands there)."""
        labels = self.extras.get(RELEASE_INFO, {}).get("job_zone_labels", {})
        return 2 if "2" in labels else 1

    def publishes(self, what: str) -> bool:
        """False for data the source release does not publish at all (``"work_values"``)."""
        return what not in self.extras.get(RELEASE_INFO, {}).get("not_published", ())

    def occupation(self, code: str) -> Occupation:
        """The occupation with this code; raises :class:`UnknownRoleError`."""
        try:
            return self.occupations[self.occupation_index[code]]
        except KeyError:
            raise UnknownRoleError(
                code, "Use `careerpivot roles search TITLE` to find a role's code."
            ) from None

    def descriptor(self, descriptor_id: str) -> Descriptor:
        """The descriptor with this id; raises :class:`UnknownDescriptorError`."""
        try:
            return self.descriptors[self.descriptor_index[descriptor_id]]
        except KeyError:
            raise UnknownDescriptorError(
                descriptor_id, f"Data set {self.name!r} has no such skill, knowledge or tool."
            ) from None

    def descriptors_of_kind(self, *kinds: DescriptorKind) -> list[Descriptor]:
        """Descriptors of the given kinds, in data-set order."""
        return [d for d in self.descriptors if d.kind in kinds]

    def requirements_of(self, code: str) -> list[Requirement]:
        """All requirements of one occupation, as objects."""
        row = self.occupation_index.get(code)
        if row is None:
            self.occupation(code)  # raises UnknownRoleError
            raise AssertionError("unreachable")  # pragma: no cover
        sel = self.requirement_rows(row)
        return [
            Requirement(
                code,
                self.descriptors[self.req_descriptor[i]].id,
                importance,
                level,
            )
            for i, importance, level in zip(
                sel.tolist(),
                as_saved(self.req_importance[sel]).tolist(),
                as_saved(self.req_level[sel]).tolist(),
                strict=True,
            )
        ]

    def requirement_rows(self, row: int) -> IntArray:
        """Positions in the ``req_*`` arrays of occupation row ``row``'s requirements, in
        file order (looked up in a grouping made once, not by scanning every requirement:
        seeding a profile from a role is part of every role-based API question)."""
        order, bounds = self._requirements_by_occupation
        out: IntArray = order[bounds[row] : bounds[row + 1]]
        return out

    @cached_property
    def _requirements_by_occupation(self) -> tuple[IntArray, IntArray]:
        order = np.argsort(self.req_occupation, kind="stable")
        bounds = np.searchsorted(self.req_occupation[order], np.arange(len(self.occupations) + 1))
        return order, bounds

    # ----- matrices ------------------------------------------------------------------------
    @cached_property
    def importance_matrix(self) -> FloatArray:
        """Occupations x descriptors importance (0 where not required)."""
        m = np.zeros((len(self.occupations), len(self.descriptors)))
        m[self.req_occupation, self.req_descriptor] = self.req_importance
        m.setflags(write=False)
        return m

    @cached_property
    def level_matrix(self) -> FloatArray:
        """Occupations x descriptors level (0 where not required)."""
        m = np.zeros((len(self.occupations), len(self.descriptors)))
        m[self.req_occupation, self.req_descriptor] = self.req_level
        m.setflags(write=False)
        return m

    def matrix_columns(
        self,
        values: Literal["importance", "level"],
        cols: npt.ArrayLike,
        rows: npt.ArrayLike | None = None,
    ) -> FloatArray:
        """``importance_matrix[:, cols]`` (or the level one; ``[rows]`` of it if given), the
        same array, built from the requirements when the full matrix is not already there:
        an import reads the 68 rated columns of a 2,700-column matrix (21 MB) and should not
        build it for that. ``cols`` and ``rows`` are distinct indices."""
        cols = np.asarray(cols, dtype=np.int64)
        full = vars(self).get(f"{values}_matrix")
        if full is not None:
            out: FloatArray = np.asarray(full)[:, cols]
            return out if rows is None else out[np.asarray(rows, dtype=np.int64)]
        at_col = np.full(len(self.descriptors), -1, dtype=np.int64)
        at_col[cols] = np.arange(len(cols))
        at_row = np.arange(len(self.occupations))
        if rows is not None:
            rows = np.asarray(rows, dtype=np.int64)
            at_row = np.full(len(self.occupations), -1, dtype=np.int64)
            at_row[rows] = np.arange(len(rows))
        j, i = at_col[self.req_descriptor], at_row[self.req_occupation]
        keep = (j >= 0) & (i >= 0)  # requirement order kept: a repeated pair ends as in full
        # laid out as numpy lays out ``full[:, cols]`` (column-major) and ``full[:, cols][rows]``
        # (row-major): sums and products downstream follow the layout
        shape = (len(self.occupations) if rows is None else len(rows), len(cols))
        out = np.zeros(shape, order="F" if rows is None else "C")
        source = self.req_importance if values == "importance" else self.req_level
        out[i[keep], j[keep]] = source[keep]
        return out

    def listed(self, cols: npt.ArrayLike) -> npt.NDArray[np.bool_]:
        """``importance_matrix[:, cols] > 0`` (which roles list each of these descriptors),
        without the float matrix: 2.7 MB instead of 21 MB for O*NET's tools."""
        cols = np.asarray(cols, dtype=np.int64)
        full = vars(self).get("importance_matrix")
        if full is not None:
            return np.asarray(np.asarray(full)[:, cols] > 0)
        at_col = np.full(len(self.descriptors), -1, dtype=np.int64)
        at_col[cols] = np.arange(len(cols))
        j = at_col[self.req_descriptor]
        keep = j >= 0
        out = np.zeros((len(self.occupations), len(cols)), dtype=bool, order="F")
        out[self.req_occupation[keep], j[keep]] = self.req_importance[keep] > 0  # last one wins
        return out

    @cached_property
    def scorable(self) -> npt.NDArray[np.bool_]:
        """True for occupations that carry skill or knowledge ratings."""
        rated = np.zeros(len(self.occupations), dtype=bool)
        kinds = np.array([d.kind != "technology" for d in self.descriptors])
        rated[self.req_occupation[kinds[self.req_descriptor]]] = True
        return rated

    @cached_property
    def estimated(self) -> npt.NDArray[np.bool_]:
        """True for occupations whose ratings are estimated (see careerpivot.estimation)."""
        out = np.array([o.is_estimated for o in self.occupations], dtype=bool)
        out.setflags(write=False)
        return out

    @cached_property
    def interest_matrix(self) -> FloatArray:
        """Occupations x 6 RIASEC scores (NaN where unknown)."""
        return _profile_matrix([o.interests for o in self.occupations])

    @cached_property
    def values_matrix(self) -> FloatArray:
        """Occupations x 6 work-value scores (NaN where unknown)."""
        return _profile_matrix([o.work_values for o in self.occupations])

    def column(self, attribute: str) -> FloatArray:
        """One numeric occupation attribute as an array, NaN where missing."""
        return np.array(
            [
                np.nan if getattr(o, attribute) is None else float(getattr(o, attribute))
                for o in self.occupations
            ]
        )

    def __len__(self) -> int:
        return len(self.occupations)

    def __repr__(self) -> str:
        return (
            f"Dataset({self.name!r}, {len(self.occupations)} occupations, "
            f"{len(self.descriptors)} descriptors, {len(self.req_level)} requirements)"
        )


def _profile_matrix(rows: Iterable[tuple[float, ...] | None]) -> FloatArray:
    out = np.array([r if r is not None else (np.nan,) * 6 for r in rows], dtype=float)
    out = out.reshape(-1, 6)
    out.setflags(write=False)
    return out


def _distinct_names(descs: tuple[Descriptor, ...]) -> tuple[Descriptor, ...]:
    """Suffix the kind to names used by more than one kind ("Mathematics" skill and knowledge)."""
    kinds_by_name: dict[str, set[str]] = {}
    for d in descs:
        kinds_by_name.setdefault(d.name, set()).add(d.kind)
    return tuple(
        replace(d, name=f"{d.name} ({d.kind})") if len(kinds_by_name[d.name]) > 1 else d
        for d in descs
    )


def build_dataset(
    name: str,
    provenance: Provenance,
    descriptors: Iterable[Descriptor],
    occupations: Iterable[Occupation],
    requirements: Iterable[Requirement],
    extras: Mapping[str, Mapping[str, Any]] | None = None,
) -> Dataset:
    """Assemble a :class:`Dataset`, checking that every requirement names known ids."""
    descs = _distinct_names(tuple(descriptors))
    occs = tuple(occupations)
    d_index = {d.id: i for i, d in enumerate(descs)}
    o_index = {o.code: i for i, o in enumerate(occs)}
    if len(d_index) != len(descs):
        raise ValueError("duplicate descriptor ids")
    if len(o_index) != len(occs):
        raise ValueError("duplicate occupation codes")
    oi: list[int] = []
    di: list[int] = []
    imp: list[float] = []
    lev: list[float] = []
    for r in requirements:
        if r.occupation not in o_index:
            raise UnknownRoleError(r.occupation)
        if r.descriptor not in d_index:
            raise UnknownDescriptorError(r.descriptor)
        oi.append(o_index[r.occupation])
        di.append(d_index[r.descriptor])
        imp.append(r.importance)
        lev.append(r.level)
    return Dataset(
        name=name,
        provenance=provenance,
        descriptors=descs,
        occupations=occs,
        req_occupation=np.asarray(oi, dtype=np.int64),
        req_descriptor=np.asarray(di, dtype=np.int64),
        req_importance=np.asarray(imp, dtype=float),
        req_level=np.asarray(lev, dtype=float),
        extras=extras or {},
    )
