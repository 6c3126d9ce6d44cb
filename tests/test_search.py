from dataclasses import replace

import pytest

from careerpivot.search import SearchTables, TitleIndex, load_search_tables, one_line
from careerpivot.titlewords import singular, title_tokens


@pytest.fixture(scope="module")
def index(starter):
    return TitleIndex(starter)


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("software developer", "15-1252.00"),
        ("sofware develper", "15-1252.00"),
        ("data analyst", "15-2051.01"),
        ("registered nurse", "29-1141.00"),
        ("nurse", "29-1141.00"),  # the app's own example: not Farmworkers ... Nursery
        ("RN", "29-1141.00"),
        ("electrician", "47-2111.00"),
        ("electricians", "47-2111.00"),
        ("ux designer", "15-1255.00"),
        ("ux", "15-1255.00"),
        ("waitress", "35-3031.00"),
        ("developer software", "15-1252.00"),
        ("15-1254.00", "15-1254.00"),
    ],
)
def test_finds_roles_by_title_alternates_and_lay_names(index, query, code):
    assert index.find(query, limit=3)[0].code == code


def test_one_entry_per_role_and_best_first(index):
    hits = index.find("analyst", limit=10)
    assert len({h.code for h in hits}) == len(hits)
    assert len(hits) > 1


def test_nonsense_and_empty(index):
    assert len(index.find("")) == 0
    assert len(index.find("qqqqzzzz xxyy")) == 0
    assert index.find("   ").best is None


def test_close_matches_are_ambiguous_and_not_preselected(index):
    res = index.find("teacher")
    assert res.ambiguous and res.best is None
    codes = [c.code for c in res.choices]
    assert {"25-2021.00", "25-2031.00"} <= set(codes)
    assert all(c.description for c in res.choices)  # one line each, to choose by
    assert all("\n" not in c.description for c in res.choices)


def test_clear_match_is_not_ambiguous(index):
    res = index.find("registered nurse")
    assert not res.ambiguous and res.best is not None and res.best.code == "29-1141.00"
    assert res.best.exact


def test_more_common_occupation_wins_between_equal_titles(starter):
    # Two roles share the alternate title "Widget Fixer": the one with more jobs comes first,
    # whichever order the data set lists them in.
    occs = list(starter.occupations)
    a, b = occs[0], occs[1]
    for small, big in ((a, b), (b, a)):
        changed = {
            small.code: replace(small, alternate_titles=("Widget Fixer",), employment=1_000.0),
            big.code: replace(big, alternate_titles=("Widget Fixer",), employment=900_000.0),
        }
        ds = replace(starter, occupations=tuple(changed.get(o.code, o) for o in occs))
        res = TitleIndex(ds, SearchTables()).find("widget fixers")
        assert [m.code for m in res][:2] == [big.code, small.code]


def test_lay_table_rows_name_real_codes(starter):
    tables = load_search_tables()
    assert tables.lay_titles and tables.words
    missing = {c for _, codes in tables.lay_titles for c in codes} - set(starter.occupation_index)
    # the table serves O*NET too, so some codes are not in the starter set; most are
    assert len(missing) < len({c for _, codes in tables.lay_titles for c in codes}) / 2


def test_words_normalise_plurals_gender_and_order():
    assert singular("waitresses") == "waitress"
    assert title_tokens("Cooks, Restaurant") == ["cook", "restaurant"]
    assert sorted(title_tokens("restaurant cooks")) == sorted(title_tokens("Cooks, Restaurant"))
    assert title_tokens("policewoman", {"policeman": ("police", "officer")}) == [
        "police",
        "officer",
    ]


def test_one_line_description():
    assert one_line("Fix pipes. Read plans.") == "Fix pipes."
    long = "word " * 60
    assert len(one_line(long)) <= 140 and one_line(long).endswith("…")


def _with(starter, changes):
    """The starter set with some occupations replaced (code -> fields to change)."""
    occs = tuple(
        replace(o, **changes[o.code]) if o.code in changes else o for o in starter.occupations
    )
    return replace(starter, occupations=occs)


def test_own_title_beats_the_same_words_as_an_alternate_elsewhere(starter):
    # O*NET lists "Barmaid" under bartender helpers too; "bartender" is the Bartenders' own
    # title, so it is pre-selected even when the helpers have more jobs.
    a, b = starter.occupations[0], starter.occupations[1]
    ds = _with(
        starter,
        {
            a.code: {"title": "Widget Fixers", "employment": 100_000.0},
            b.code: {"alternate_titles": ("Widget Fixer",), "employment": 300_000.0},
        },
    )
    res = TitleIndex(ds, SearchTables()).find("widget fixer")
    assert res.best is not None and res.best.code == a.code
    assert [m.code for m in res][:2] == [a.code, b.code]


def test_catch_all_role_yields_to_a_named_one(starter):
    a, b = starter.occupations[0], starter.occupations[1]
    for code_all_other in (a.code, b.code):
        ds = _with(
            starter,
            {
                a.code: {"alternate_titles": ("Widget Fixer",), "employment": 50_000.0},
                b.code: {"alternate_titles": ("Widget Fixer",), "employment": 50_000.0},
            },
        )
        ds = _with(ds, {code_all_other: {"title": "Widget Workers, All Other"}})
        res = TitleIndex(ds, SearchTables()).find("widget fixer")
        assert res[0].code != code_all_other


def test_a_bls_total_shared_by_several_soc_codes_is_split_among_them():
    from careerpivot.model import Occupation
    from careerpivot.search import _own_employment

    def occ(code: str, emp: float) -> Occupation:
        return Occupation(code=code, title=code, description="", employment=emp)

    got = _own_employment(
        [
            occ("25-9042.00", 900.0),  # 25-9042/43/49 all carry the 25-9040 total
            occ("25-9043.00", 900.0),
            occ("25-9049.00", 900.0),
            occ("29-1141.00", 500.0),  # an O*NET specialty keeps its SOC code's figure
            occ("29-1141.01", 500.0),
            occ("11-1011.00", 0.0),
        ]
    )
    assert list(got) == [300.0, 300.0, 300.0, 500.0, 500.0, 0.0]


def test_clear_employment_lead_is_preselected_a_close_one_is_not(starter):
    a, b = starter.occupations[0], starter.occupations[1]
    for big, ambiguous in ((5_000_000.0, False), (120_000.0, True)):
        ds = _with(
            starter,
            {
                a.code: {"alternate_titles": ("Widget Fixer",), "employment": big},
                b.code: {"alternate_titles": ("Widget Fixer",), "employment": 100_000.0},
            },
        )
        res = TitleIndex(ds, SearchTables()).find("widget fixer")
        assert res[0].code == a.code
        assert res.ambiguous is ambiguous


def test_a_word_in_many_titles_names_a_family_and_is_never_preselected(starter):
    # "widgeteer" is in four roles' own titles; the one that also lists it as an alternate
    # title and has by far the most jobs still does not win outright: the person chooses.
    occs = starter.occupations[:5]
    kinds = ("Blue", "Green", "Red", "Gold")
    changes = {o.code: {"title": f"{w} Widgeteers"} for o, w in zip(occs, kinds, strict=False)}
    changes[occs[0].code] |= {"alternate_titles": ("Widgeteer",), "employment": 9_000_000.0}
    ds = _with(starter, changes)
    res = TitleIndex(ds, SearchTables()).find("widgeteer")
    assert res.ambiguous and res.best is None and len(res.choices) >= 4
    # a role whose own title is exactly the words typed is still pre-selected
    ds = _with(ds, {occs[4].code: {"title": "Widgeteers"}})
    res = TitleIndex(ds, SearchTables()).find("widgeteer")
    assert res.best is not None and res.best.code == occs[4].code


def test_every_lay_name_leads_to_its_role_where_the_data_set_has_it(starter):
    # a table row whose role is in the starter set must find that role first there
    index = TitleIndex(starter)
    rows = [
        (phrase, [c for c in codes if c in starter.occupation_index])
        for phrase, codes in load_search_tables().lay_titles
    ]
    rows = [(p, cs) for p, cs in rows if cs]
    assert len(rows) > 300
    wrong = [(p, index.find(p)[0].code) for p, cs in rows if index.find(p)[0].code not in cs]
    assert wrong == []


def test_lay_table_phrases_are_unique():
    phrases = [p.lower() for p, _ in load_search_tables().lay_titles]
    assert len(phrases) == len(set(phrases))


@pytest.mark.parametrize("query", ["barista", "barrista", "astronaut"])
def test_a_look_alike_is_no_close_match_and_never_preselected(index, query):
    # the starter set has no barista role: "barrister" (a lawyer) only looks alike
    res = index.find(query)
    assert res.loose and res.ambiguous and res.best is None
    assert res.choices  # still offered, as "did you mean"


@pytest.mark.parametrize(
    ("query", "code"), [("sofware develper", "15-1252.00"), ("electrican", "47-2111.00")]
)
def test_a_sure_typo_is_still_preselected(index, query, code):
    res = index.find(query)
    assert not res.loose and res.best is not None and res.best.code == code


def test_a_typed_word_found_is_not_loose(index):
    for query in ("nurse", "teacher", "analyst", "registred nurse"):
        assert not index.find(query).loose, query
