from dataclasses import replace

import pytest

from careerpivot.errors import DataValidationError
from careerpivot.search import (
    SearchTables,
    TitleIndex,
    load_search_tables,
    one_line,
    search_dir,
    sound_alikes,
)
from careerpivot.titlewords import singular, title_tokens
from careerpivot.typed_query import Employer


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


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("ex-teacher", "25-2021.00"),  # was Etchers on O*NET: "exteacher" read as a typo
        ("former registered nurse", "29-1141.00"),
        ("retired police officer", "33-3051.00"),
        ("I was an electrician for 10 years", "47-2111.00"),
        ("worked as a cashier", "41-2011.00"),
        ("part-time cashier", "41-2011.00"),
        ("freelance graphic designer", "27-1024.00"),
        ("head of marketing", "11-2021.00"),
        ("assistant to the CEO", "43-6011.00"),
    ],
)
def test_words_around_a_title_do_not_change_the_role(index, query, code):
    res = index.find(query)
    assert res[0].code == code, [m.code for m in res][:3]
    if code != "25-2021.00":  # "teacher" is a family of jobs: the person chooses
        assert res.best is not None and res.best.code == code


def _two_roles(starter, small_alt, big_alt, small_jobs=1_000.0, big_jobs=900_000.0):
    """Starter set where two roles carry the given alternate titles, one employing more."""
    occs = list(starter.occupations)
    small, big = occs[0], occs[1]
    changed = {
        small.code: replace(small, alternate_titles=small_alt, employment=small_jobs),
        big.code: replace(big, alternate_titles=big_alt, employment=big_jobs),
    }
    ds = replace(starter, occupations=tuple(changed.get(o.code, o) for o in occs))
    return ds, small.code, big.code


def test_a_title_holding_every_typed_word_beats_a_shorter_reading(starter):
    # "lead widget fixer" is one role's title: it wins over "widget fixer" of a role
    # employing ten times more, though "lead" often says only how the job was held
    ds, small, _ = _two_roles(
        starter, ("Lead Widget Fixer",), ("Widget Fixer",), 50_000.0, 500_000.0
    )
    res = TitleIndex(ds, SearchTables()).find("lead widget fixer")
    assert res[0].code == small
    assert TitleIndex(ds, SearchTables()).find("lead widget fixers")[0].code == small


def test_an_employer_named_settles_near_equal_roles_by_the_work_it_hires_for(starter):
    ds, small, big = _two_roles(starter, ("Widget Fixer",), ("Widget Fixer",), 100_000.0, 300_000.0)
    plain = TitleIndex(ds, SearchTables()).find("widget fixer at Acme")
    assert plain[0].code == big  # no employer known: employment decides
    tables = SearchTables(employers=(Employer("acme", (small,)),))
    for query in ("widget fixer at Acme", "Acme widget fixer"):
        res = TitleIndex(ds, tables).find(query)
        assert res[0].code == small, query


def test_an_employer_named_like_a_role_is_read_as_a_title_word(starter):
    occs = list(starter.occupations)
    acme = replace(occs[0], title="Acme Operators", alternate_titles=())
    ds = replace(starter, occupations=(acme, *occs[1:]))
    tables = SearchTables(employers=(Employer("acme", ("99",)),))
    assert TitleIndex(ds, tables).find("acme operator")[0].code == acme.code


def test_an_abbreviation_naming_several_roles_asks_whichever_employs_more(starter):
    ds, small, big = _two_roles(starter, (), ())
    tables = SearchTables(lay_titles=(("WF", (small, big)), ("widget fixer", (small, big))))
    res = TitleIndex(ds, tables).find("WF")
    assert res.ambiguous and res.best is None
    assert {small, big} <= {m.code for m in res.choices}
    # a longer lay name naming both is settled by employment, as before
    long = TitleIndex(ds, tables).find("widget fixer")
    assert not long.ambiguous and long.best is not None and long.best.code == big


def test_employer_table_is_read_and_validated(tmp_path):
    tables = load_search_tables()
    assert any(e.name == "starbucks" for e in tables.employers)
    for name in ("lay_titles.csv", "title_words.csv"):
        (tmp_path / name).write_text((search_dir() / name).read_text())
    (tmp_path / "employers.csv").write_text("name,sectors,note\nacme,35-x,bad\n")
    with pytest.raises(DataValidationError, match=r"employers\.csv"):
        load_search_tables(tmp_path)


def test_a_match_found_only_by_dropping_typed_words_is_a_guess(starter):
    # "stay at home mom" read as "stay" found O*NET's "Stay Cutter" and pre-selected it
    ds, small, _ = _two_roles(starter, ("Widget Cutter",), ())
    res = TitleIndex(ds, SearchTables()).find("widget at qqqq xxxx")
    assert res[0].code == small  # offered, as the words before "at" name it
    assert res.ambiguous and res.best is None


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("fotographer", "27-4021.00"),  # ph typed as f
        ("kashier", "41-2011.00"),  # c typed as k
        ("farmacist", "29-1051.00"),
        ("karpenter", "47-2031.00"),
        ("shef", "35-1011.00"),  # ch typed as sh
    ],
)
def test_a_typo_in_the_first_sound_still_finds_the_role(index, query, code):
    res = index.find(query, limit=3)
    assert res[0].code == code
    assert not res.loose  # a respelt first sound is a sure typo, not a did-you-mean


def test_sound_alikes_only_respell_the_start():
    assert sound_alikes("fotographer") == ["photographer"]
    assert sound_alikes("teacher") == []  # no other spelling of a first "t" is listed
    assert "psychologist" in sound_alikes("sychologist")


def test_a_kind_of_workplace_after_at_settles_near_equal_roles_and_keeps_its_words(starter):
    ds, small, big = _two_roles(starter, ("Widget Fixer",), ("Widget Fixer",), 100_000.0, 300_000.0)
    tables = SearchTables(workplaces=(Employer("widget mill", (small,)),))
    res = TitleIndex(ds, tables).find("widget fixer at a widget mill")
    assert res[0].code == small
    # before the title it is a title word, not a workplace: employment decides as before
    assert TitleIndex(ds, tables).find("widget mill widget fixer")[0].code == big


def test_workplace_table_is_read_and_validated(tmp_path):
    tables = load_search_tables()
    assert any(w.name == "nursing home" for w in tables.workplaces)
    for name in ("lay_titles.csv", "title_words.csv", "employers.csv"):
        (tmp_path / name).write_text((search_dir() / name).read_text())
    (tmp_path / "workplaces.csv").write_text("name,sectors,note\nmill,5x,bad\n")
    with pytest.raises(DataValidationError, match=r"workplaces\.csv"):
        load_search_tables(tmp_path)
