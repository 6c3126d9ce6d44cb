import pytest

from careerpivot.search import TitleIndex


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
        ("electrician", "47-2111.00"),
        ("ux designer", "15-1255.00"),
        ("15-1254.00", "15-1254.00"),
    ],
)
def test_finds_roles_by_title_and_alternates(index, query, code):
    assert index.search(query, limit=3)[0].code == code


def test_one_entry_per_role_and_sorted(index):
    hits = index.search("analyst", limit=10)
    assert len({h.code for h in hits}) == len(hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_nonsense_and_empty(index):
    assert index.search("") == []
    assert index.search("qqqqzzzz xxyy") == []
