"""Reading a description of work ("I paint houses", "welding") as the titles naming it."""

from careerpivot.activity import Readings, activity_readings, doer_nouns, trade_doers

WORDS = {
    "painter",
    "house",
    "welder",
    "pipe",
    "repairer",
    "mechanic",
    "bike",
    "inspector",
    "cutter",
    "cook",
    "caregiver",
    "nurse",
    "nursing",
    "accountant",
    "carpenter",
    "joiner",
    "mason",
    "driver",
    "operator",
}
known = WORDS.__contains__


def test_doer_nouns_by_word_formation_and_only_known_words():
    assert doer_nouns("paint", known) == ["painter"]
    assert doer_nouns("inspect", known) == ["inspector"]
    assert doer_nouns("cut", known) == ["cutter"]  # doubled consonant
    assert doer_nouns("drive", known) == ["driver", "operator"]  # e-final, and the table
    assert doer_nouns("cook", known) == ["cook"]  # the verb names the doer
    assert doer_nouns("sing", known) == []  # no title word: no reading


def test_everyday_verbs_that_name_no_doer_go_through_the_table():
    assert doer_nouns("fix", known) == ["repairer", "mechanic"]


def test_trade_nouns_name_their_doer():
    assert trade_doers("welding", known) == ["welder"]
    assert trade_doers("nursing", known) == ["nurse"]
    assert trade_doers("accounting", known) == ["accountant"]
    assert trade_doers("carpentry", known) == ["carpenter"]
    assert trade_doers("joinery", known) == ["joiner"]
    assert trade_doers("masonry", known) == ["mason"]
    assert trade_doers("ring", known) == []  # too short to be a trade's noun


def test_sentence_reads_object_and_place_with_the_doer():
    r = activity_readings("I repair bikes", known)
    assert r.whole[:2] == ("bikes repairer", "bikes mechanic")
    assert "repairer" in r.partial and "bikes" in r.partial  # parts: words only
    r = activity_readings("I look after kids at a daycare", known)
    assert "daycare caregiver" in r.whole and "kids caregiver" in r.whole
    assert activity_readings("I also paint houses", known).whole == ("houses painter",)


def test_titles_and_unknown_verbs_give_no_reading():
    assert activity_readings("registered nurse", known) == Readings()
    assert activity_readings("I sing", known) == Readings()
    assert activity_readings("", known) == Readings()
    assert activity_readings("IT support", known) == Readings()  # "it" is no "I"
