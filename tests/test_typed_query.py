"""Reading what people type around a job title (careerpivot.typed_query)."""

import pytest

from careerpivot.typed_query import Employer, read_query

EMPLOYERS = (
    Employer("starbucks", ("35",)),
    Employer("amazon", ("53-7",)),
    Employer("bank of america", ("43-3071",)),
    Employer("chick fil a", ("35",)),
)


@pytest.mark.parametrize(
    ("typed", "core"),
    [
        ("ex-teacher", "teacher"),  # was read as "exteacher", a typo of "etcher"
        ("Ex teacher", "teacher"),
        ("former police officer", "police officer"),
        ("retired nurse", "nurse"),
        ("I was a cashier", "cashier"),
        ("I'm currently a waitress", "waitress"),
        ("i used to be a bank teller", "bank teller"),
        ("worked as a forklift driver", "forklift driver"),
        ("my last job was warehouse operative", "warehouse operative"),
        ("job title: accounts assistant", "accounts assistant"),
        ("carer for 5 years", "carer"),
        ("electrician, 10 years", "electrician"),
        ("I was previously an ex-cop", "cop"),
        ("was a cook", "cook"),
    ],
)
def test_sentence_openings_endings_and_former_are_removed(typed, core):
    assert read_query(typed).core == core


@pytest.mark.parametrize(
    "typed",
    [
        "title examiner",
        "job coach",
        "Cooks, Restaurant",
        "x-ray technician",
        "ux/ui designer",
        "immigration officer",  # not "im" + "migration officer"
        "improv actor",
        "AM radio host",
    ],
)
def test_a_plain_title_is_searched_as_typed(typed):
    # "title" and "job" open sentences only with a colon or "my ... is"; commas stay
    q = read_query(typed)
    assert q.core == typed and q.sectors == ()


@pytest.mark.parametrize(
    ("typed", "form"),
    [
        ("part-time cashier", "cashier"),
        ("part time cashier", "cashier"),
        ("self-employed electrician", "electrician"),
        ("freelance graphic designer", "graphic designer"),
        ("lead carpenter", "carpenter"),
        ("apprentice plumber", "plumber"),
        ("night shift security guard", "security guard"),
        ("IT guy", "it"),
        ("head of marketing", "marketing manager"),
        ("director of nursing", "nursing manager"),
        ("assistant to the CEO", "executive assistant"),
        ("receptionist at a GP surgery", "receptionist"),
    ],
)
def test_other_readings_drop_how_the_job_was_held(typed, form):
    q = read_query(typed)
    assert form in q.forms
    assert q.core != form  # the words as typed are still tried first


@pytest.mark.parametrize(
    ("typed", "core", "sectors"),
    [
        ("shift supervisor at Starbucks", "shift supervisor", ("35",)),
        ("Starbucks barista", "barista", ("35",)),
        ("Amazon warehouse worker", "warehouse worker", ("53-7",)),
        ("Bank of America teller", "teller", ("43-3071",)),
        ("teller for Bank of America", "teller", ("43-3071",)),
        ("Chick-fil-A team member", "team member", ("35",)),
    ],
)
def test_an_employer_named_is_taken_out_and_says_the_kind_of_work(typed, core, sectors):
    q = read_query(typed, EMPLOYERS)
    assert (q.core, q.sectors) == (core, sectors)


def test_an_employer_alone_is_still_searched():
    q = read_query("Starbucks", EMPLOYERS)
    assert q.core == "Starbucks" and q.sectors == ()


def test_unknown_words_after_at_are_kept_in_the_core():
    q = read_query("sergeant at arms", EMPLOYERS)
    assert q.core == "sergeant at arms" and "sergeant" in q.forms


@pytest.mark.parametrize(
    ("typed", "core"),
    [
        ("3rd grade teacher", "elementary school teacher"),
        ("8th Grade Science Teacher", "middle school Science Teacher"),
        ("grade 11 English teacher", "secondary school English teacher"),
        ("eighth-grade teacher", "middle school teacher"),
        ("Teacher - 1st grade", "Teacher - elementary school"),
        ("grade 13 teacher", "grade 13 teacher"),  # no such school grade: left as typed
    ],
)
def test_a_school_grade_is_read_as_the_school_level_titles_name(typed, core):
    assert read_query(typed).core == core


@pytest.mark.parametrize(
    ("typed", "form"),
    [
        ("Head of Marketing", "marketing manager"),  # capitals as people type them
        ("Director of Nursing", "nursing manager"),
        ("VP, Finance", "finance manager"),  # vice presidents need no "of"
        ("SVP Marketing", "marketing manager"),
        ("Assistant to the CEO", "executive assistant"),
        ("Receptionist at a GP surgery", "receptionist"),
    ],
)
def test_readings_do_not_depend_on_capitals(typed, form):
    assert form in read_query(typed).forms


def test_a_bare_vp_is_not_read_as_a_manager_of_nothing():
    assert read_query("VP").forms == ()
    assert read_query("vp of").forms == ()


WORKPLACES = (Employer("nursing home", ("31-1131", "35-2012")), Employer("post office", ("43-5",)))


def test_a_kind_of_workplace_after_at_says_the_work_but_stays_in_the_title():
    q = read_query("cook at a nursing home", EMPLOYERS, WORKPLACES)
    assert q.core == "cook at a nursing home" and q.sectors == ("31-1131", "35-2012")
    assert "cook" in q.forms
    # named before the title it is part of the title ("post office clerk"): no sectors
    q = read_query("post office clerk", EMPLOYERS, WORKPLACES)
    assert q.core == "post office clerk" and q.sectors == ()
    # more than the workplace after "at" is no workplace
    assert read_query("cook at a nursing home kitchen", EMPLOYERS, WORKPLACES).sectors == ()
