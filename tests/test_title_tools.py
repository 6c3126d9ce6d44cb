"""Tool names in typed titles ("Epic analyst"): read out of the title, their users preferred."""

import pytest

from careerpivot.model import Descriptor, Occupation, Provenance, Requirement, build_dataset
from careerpivot.search import SearchTables, TitleIndex
from careerpivot.title_tools import ToolNames

CLINICAL, FINANCE, CLERK, EDITOR, FILM = (
    "15-1211.01",
    "13-2051.00",
    "43-9061.00",
    "27-3041.00",
    "27-4032.00",
)


def _tech(name: str, category: str) -> Descriptor:
    slug = name.lower().replace(" ", "-")
    return Descriptor(f"tech:{slug}", name, "technology", category=category)


@pytest.fixture(scope="module")
def dataset():
    """Seven roles; a medical records system (Chartwise) listed by the clinical role as hot
    and by three others, a video editor (Cinecut Studio) by the film editor as hot and by
    three others (not the text editor), a spreadsheet and a file store by all."""
    occs = [
        Occupation(
            CLINICAL,
            "Health Informatics Specialists",
            "Run clinical systems.",
            employment=50_000,
            alternate_titles=("Clinical Systems Analyst",),
        ),
        Occupation(
            FINANCE,
            "Financial and Investment Analysts",
            "Study investments.",
            employment=300_000,
            alternate_titles=("Analyst",),
        ),
        Occupation(
            CLERK,
            "Office Clerks, General",
            "File papers and drive the mail van.",
            employment=2_000_000,
        ),
        Occupation(EDITOR, "Editors", "Edit text for the final cut of a book.", employment=100_000),
        Occupation(FILM, "Film and Video Editors", "Edit film.", employment=40_000),
        Occupation("29-2072.00", "Medical Records Specialists", "Code charts.", employment=9_000),
        Occupation("27-4031.00", "Camera Operators", "Film scenes.", employment=9_000),
    ]
    tools = [
        _tech("Chartwise EHR", "Medical software"),
        _tech("Cinecut Studio", "Video creation and editing software"),
        _tech("Sheetmaster", "Spreadsheet software"),
        _tech("Google Drive", "Document management software"),
    ]
    reqs = [
        Requirement(CLINICAL, "tech:chartwise-ehr", 4.0, 0.0),
        Requirement(CLERK, "tech:chartwise-ehr", 2.0, 0.0),
        Requirement(FILM, "tech:cinecut-studio", 4.0, 0.0),
        Requirement(CLERK, "tech:cinecut-studio", 2.0, 0.0),
        # a tool too few roles list says too little: each here has four users
        Requirement("29-2072.00", "tech:chartwise-ehr", 3.0, 0.0),
        Requirement("27-4031.00", "tech:chartwise-ehr", 2.0, 0.0),
        Requirement("27-4031.00", "tech:cinecut-studio", 3.0, 0.0),
        Requirement("29-2072.00", "tech:cinecut-studio", 2.0, 0.0),
        *(Requirement(o.code, "tech:sheetmaster", 2.0, 0.0) for o in occs),
        *(Requirement(o.code, "tech:google-drive", 2.0, 0.0) for o in occs),
    ]
    prov = Provenance("test", "1", "CC0")
    extras = {"tasks": {FILM: ["Cut film.", "Drive to the set."], CLERK: ["Use a shared drive."]}}
    return build_dataset("tools-test", prov, tools, occs, reqs, extras)


@pytest.fixture(scope="module")
def names(dataset):
    return ToolNames(dataset, [o.title for o in dataset.occupations])


def test_brand_word_is_read_out_of_the_title(names, dataset):
    reading = names.read("Chartwise analyst")
    assert reading is not None
    assert reading.rest == ("analyst",)
    assert reading.tools == ("Chartwise EHR",)
    codes = [o.code for o in dataset.occupations]
    weight = dict(zip(codes, reading.weight, strict=True))
    assert weight[CLINICAL] > weight[CLERK] > 0  # hot and of the role's kind beats listed
    assert weight[FINANCE] == 0


def test_words_of_ordinary_text_or_titles_are_not_tools(names):
    # "drive" is in task statements; "editor"/"analyst" are title words; neither is a tool
    assert names.read("drive editor") is None
    assert names.read("film editor") is None


def test_a_run_of_ordinary_words_can_name_a_tool(names):
    reading = names.read("cinecut studio editor")
    assert reading is not None and reading.rest == ("editor",)


def test_a_tool_name_alone_is_left_to_the_title_search(names):
    assert names.read("Chartwise") is None


def test_search_prefers_the_tools_users_but_does_not_preselect_a_guess(dataset):
    index = TitleIndex(dataset, SearchTables())
    res = index.find("Chartwise analyst")
    assert res[0].code == CLINICAL
    # the clinical role's own title does not say "analyst": the person confirms
    assert res.ambiguous
    res = index.find("Cinecut editor")
    assert res[0].code == FILM


def test_search_without_a_tool_is_unchanged(dataset):
    index = TitleIndex(dataset, SearchTables())
    res = index.find("analyst")
    assert res[0].code == FINANCE
