"""The shipped assessment data: complete keys, full coverage, provenance, and clear load errors."""

import json
import shutil
from collections import Counter

import pytest

from careerpivot.assessment import (
    assessment_dir,
    load_interest_instrument,
    load_lexicon,
    load_matching_phrases,
    load_skill_questions,
    load_values_instrument,
)
from careerpivot.errors import DataValidationError
from careerpivot.model import RIASEC, WORK_VALUES


def test_interest_key_covers_every_item_exactly_once(interest_bank):
    keyed = Counter(k.item_id for k in interest_bank.key)
    assert set(keyed) == {i.id for i in interest_bank.items}
    assert set(keyed.values()) == {1}
    assert len(interest_bank.items) == 60


def test_interest_bank_has_ten_items_per_type_and_five_on_the_short_form(interest_bank):
    per_type = Counter(k.scale for k in interest_bank.key)
    short = {i.id for i in interest_bank.items_on("short")}
    per_type_short = Counter(k.scale for k in interest_bank.key if k.item_id in short)
    assert per_type == dict.fromkeys(RIASEC, 10)
    assert per_type_short == dict.fromkeys(RIASEC, 5)


def test_short_form_comes_first_so_a_half_done_long_form_is_a_whole_short_form(interest_bank):
    assert [i.id for i in interest_bank.items[:30]] == [
        i.id for i in interest_bank.items_on("short")
    ]


def test_items_rotate_through_the_types(interest_bank):
    scale = {k.item_id: k.scale for k in interest_bank.key}
    assert [scale[i.id] for i in interest_bank.items[:12]] == list(RIASEC) * 2


def test_no_duplicate_item_texts(interest_bank, values_bank):
    for bank in (interest_bank, values_bank):
        texts = [i.text.lower() for i in bank.items]
        assert len(set(texts)) == len(texts)


def test_values_key_covers_every_statement_exactly_once_four_per_value(values_bank):
    keyed = Counter(k.item_id for k in values_bank.key)
    assert set(keyed) == {i.id for i in values_bank.items} and set(keyed.values()) == {1}
    assert Counter(k.scale for k in values_bank.key) == dict.fromkeys(WORK_VALUES, 4)
    assert values_bank.forms == ("long",)


def test_a_question_with_rising_anchors_for_every_starter_skill_and_knowledge_area(starter):
    questions = load_skill_questions()
    ids = {d.id for d in starter.descriptors_of_kind("skill", "knowledge")}
    assert set(questions) == ids and len(ids) == 68
    for q in questions.values():
        levels = [a.level for a in q.anchors]
        assert len(levels) == 3 and levels == sorted(levels) and levels[0] >= 0 and levels[-1] <= 7
        assert q.question.endswith("?") and all(a.text for a in q.anchors)


def test_every_cue_names_a_starter_descriptor(starter, lexicon):
    ids = {i for _, cue_ids in lexicon.cues for i in cue_ids}
    assert ids <= set(starter.descriptor_index)
    assert len(lexicon.cues) >= 100


def test_provenance_records_every_file_with_source_and_licence():
    root = assessment_dir()
    record = json.loads((root / "provenance.json").read_text())
    files = {p.name for p in root.iterdir() if p.is_file()}
    assert set(record["file_records"]) == files
    for name, entry in record["file_records"].items():
        assert entry["what"] and entry["source"] and entry["licence"], name
        assert "CareerPivot team" in entry["source"] and "CC BY 4.0" in entry["licence"]


# ----- load errors name file, line and column -----------------------------------------------
@pytest.fixture
def data_copy(tmp_path):
    shutil.copytree(assessment_dir(), tmp_path / "a")
    return tmp_path / "a"


def _edit(path, old, new):
    text = path.read_text()
    assert old in text
    path.write_text(text.replace(old, new, 1))


def test_an_item_keyed_twice_is_refused_with_its_line(data_copy):
    with (data_copy / "interest_key.csv").open("a") as fh:
        fh.write("ip01,I,+1\n")
    with pytest.raises(
        DataValidationError, match=r"interest_key.csv, line 62.*'ip01' is keyed twice"
    ):
        load_interest_instrument(data_copy)


def test_an_item_missing_from_the_key_is_refused(data_copy):
    _edit(data_copy / "interest_key.csv", "ip07,R,+1\n", "")
    with pytest.raises(DataValidationError, match="'ip07' is keyed 0 times"):
        load_interest_instrument(data_copy)


def test_a_key_row_for_an_unknown_item_is_refused(data_copy):
    _edit(data_copy / "values_key.csv", "wv01,", "wv99,")
    with pytest.raises(DataValidationError, match=r"line 2, column 'item_id'.*'wv99' is not in"):
        load_values_instrument(data_copy)


@pytest.mark.parametrize(
    ("old", "new", "column"), [(",+1\n", ",+2\n", "direction"), ("ip01,R,", "ip01,Q,", "scale")]
)
def test_bad_key_cells_name_the_column(data_copy, old, new, column):
    _edit(data_copy / "interest_key.csv", old, new)
    with pytest.raises(DataValidationError, match=f"line 2, column '{column}'"):
        load_interest_instrument(data_copy)


def test_anchor_levels_must_rise(data_copy):
    _edit(
        data_copy / "skill_questions.csv",
        "2.A.1.a,How well do you understand what you read for work?,2,",
        "2.A.1.a,How well do you understand what you read for work?,5,",
    )
    with pytest.raises(DataValidationError, match=r"skill_questions\.csv, line 2.*must rise"):
        load_skill_questions(data_copy)


def test_anchor_level_off_the_scale(data_copy):
    _edit(data_copy / "skill_questions.csv", ",6,Work through", ",8,Work through")
    with pytest.raises(DataValidationError, match="column 'high_level': 8 is above the maximum 7"):
        load_skill_questions(data_copy)


def test_an_ambiguous_term_must_be_one_word(data_copy):
    with (data_copy / "ambiguous_terms.csv").open("a") as fh:
        fh.write("two words,because\n")
    with pytest.raises(DataValidationError, match="column 'term'"):
        load_lexicon(data_copy)


def test_a_title_phrase_expects_one_code(data_copy):
    with (data_copy / "matching_phrases.csv").open("a") as fh:
        fh.write("z1,title,nurse,29-1141.00;29-1171.00,,dev,\n")
    with pytest.raises(DataValidationError, match="column 'expected'"):
        load_matching_phrases(data_copy)


def test_a_missing_file_is_named(data_copy):
    (data_copy / "values_items.csv").unlink()
    with pytest.raises(DataValidationError, match=r"values_items\.csv: file is missing"):
        load_values_instrument(data_copy)


def test_assessment_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("CAREERPIVOT_ASSESSMENT_DIR", str(tmp_path))
    assert assessment_dir() == tmp_path
