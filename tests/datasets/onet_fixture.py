"""A tiny O*NET text release written by the tests: the official layout, three occupations."""

from __future__ import annotations

from pathlib import Path

OCC = ["15-1252.00", "15-1254.00", "11-1011.00"]

RATING_HEADER = (
    "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tN\tStandard Error\t"
    "Lower CI Bound\tUpper CI Bound\tRecommend Suppress\tNot Relevant\tDate\tDomain Source"
)


def _rating(
    code: str,
    element: str,
    name: str,
    scale: str,
    value: float,
    suppress: str = "N",
    nr: str = "n/a",
) -> str:
    return f"{code}\t{element}\t{name}\t{scale}\t{value:.2f}\t8\t0.1\tn/a\tn/a\t{suppress}\t{nr}\t08/2023\tAnalyst"


def files() -> dict[str, str]:
    """File name -> content of a valid mini release (the first two roles are rated)."""
    skills = [RATING_HEADER]
    knowledge = [RATING_HEADER]
    for code, prog, read in (("15-1252.00", 5.5, 4.0), ("15-1254.00", 4.6, 3.8)):
        skills += [
            _rating(code, "2.A.1.a", "Reading Comprehension", "IM", 3.9),
            _rating(code, "2.A.1.a", "Reading Comprehension", "LV", read),
            _rating(code, "2.B.3.e", "Programming", "IM", 4.5),
            _rating(code, "2.B.3.e", "Programming", "LV", prog),
        ]
        knowledge += [
            _rating(code, "2.C.3.a", "Computers and Electronics", "IM", 4.6),
            _rating(code, "2.C.3.a", "Computers and Electronics", "LV", 5.1, nr="N"),
        ]
    knowledge.append(_rating("15-1252.00", "2.C.5.a", "Medicine and Dentistry", "IM", 1.2))
    knowledge.append(
        _rating("15-1252.00", "2.C.5.a", "Medicine and Dentistry", "LV", 0.4, suppress="Y")
    )
    knowledge.append(_rating("15-1254.00", "2.C.5.a", "Medicine and Dentistry", "IM", 1.1))
    knowledge.append(_rating("15-1254.00", "2.C.5.a", "Medicine and Dentistry", "LV", 0.2, nr="Y"))
    riasec = [
        ("1.B.1.a", "Realistic"),
        ("1.B.1.b", "Investigative"),
        ("1.B.1.c", "Artistic"),
        ("1.B.1.d", "Social"),
        ("1.B.1.e", "Enterprising"),
        ("1.B.1.f", "Conventional"),
    ]
    values = [
        ("1.B.2.a", "Achievement"),
        ("1.B.2.b", "Working Conditions"),
        ("1.B.2.c", "Recognition"),
        ("1.B.2.d", "Relationships"),
        ("1.B.2.e", "Support"),
        ("1.B.2.f", "Independence"),
    ]
    interests = [
        "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tData Value\tDate\tDomain Source"
    ]
    work_values = list(interests)
    for code in OCC[:2]:
        interests += [
            f"{code}\t{e}\t{n}\tOI\t{v:.2f}\t11/2023\tMachine Learning"
            for (e, n), v in zip(riasec, [2, 6.5, 3, 2, 3, 4.5], strict=True)
        ]
        interests.append(
            f"{code}\t1.B.3.a\tFirst Interest High-Point\tIH\t2.00\t11/2023\tMachine Learning"
        )
        work_values += [
            f"{code}\t{e}\t{n}\tEX\t{v:.2f}\t06/2008\tAnalyst"
            for (e, n), v in zip(values, [6, 5, 4, 3, 4, 6], strict=True)
        ]
    model = ["Element ID\tElement Name\tDescription"] + [
        f"{e}\t{n}\t{n} description"
        for e, n in [
            ("2.A.1", "Content"),
            ("2.A.1.a", "Reading Comprehension"),
            ("2.B.3", "Technical Skills"),
            ("2.B.3.e", "Programming"),
            ("2.C.3", "Engineering and Technology"),
            ("2.C.3.a", "Computers and Electronics"),
            ("2.C.5", "Health Services"),
            ("2.C.5.a", "Medicine and Dentistry"),
            ("1.B.3.a", "First Interest High-Point"),
            *riasec,
            *values,
        ]
    ]
    return {
        "Read Me.txt": "O*NET 99.1 Database\nTest Release\n",
        "Occupation Data.txt": "O*NET-SOC Code\tTitle\tDescription\n"
        "15-1252.00\tSoftware Developers\tWrite software.\n"
        "15-1254.00\tWeb Developers\tBuild websites.\n"
        "11-1011.00\tChief Executives\tRun organisations.\n",
        "Skills.txt": "\n".join(skills) + "\n",
        "Knowledge.txt": "\n".join(knowledge) + "\n",
        "Interests.txt": "\n".join(interests) + "\n",
        "Work Values.txt": "\n".join(work_values) + "\n",
        "Job Zones.txt": "O*NET-SOC Code\tJob Zone\tDate\tDomain Source\n15-1252.00\t4\t08/2023\tAnalyst\n15-1254.00\t3\t08/2023\tAnalyst\n",
        "Technology Skills.txt": "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n"
        "15-1252.00\tPython\t43232405\tObject or component oriented development software\tY\tY\n"
        "15-1254.00\tPython\t43232405\tObject or component oriented development software\tY\tN\n"
        "15-1254.00\tReact\t43232405\tObject or component oriented development software\tN\tN\n"
        "11-1011.00\tMicrosoft Excel\t43232110\tSpreadsheet software\tN\tN\n",
        "Alternate Titles.txt": "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n"
        "15-1252.00\tSoftware Engineer\tn/a\t08\n15-1254.00\tFront End Developer\tn/a\t08\n",
        "Task Statements.txt": "O*NET-SOC Code\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source\n"
        "15-1252.00\t1\tDesign and write software programs.\tCore\t20\t08/2023\tIncumbent\n"
        "15-1254.00\t2\tDesign and build websites.\tCore\t20\t08/2023\tIncumbent\n",
        "Tasks to DWAs.txt": "O*NET-SOC Code\tTask ID\tDWA ID\tDate\tDomain Source\n"
        "15-1252.00\t1\t4.A.3.b.1.I01.D01\t03/2014\tAnalyst\n15-1254.00\t2\t4.A.3.b.1.I01.D01\t03/2014\tAnalyst\n",
        "DWA Reference.txt": "Element ID\tIWA ID\tDWA ID\tDWA Title\n4.A.3.b.1\t4.A.3.b.1.I01\t4.A.3.b.1.I01.D01\tWrite computer programs.\n",
        "IWA Reference.txt": "Element ID\tIWA ID\tIWA Title\n4.A.3.b.1\t4.A.3.b.1.I01\tProgram computer systems.\n",
        "Education, Training, and Experience.txt": "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tCategory\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\tRecommend Suppress\tDate\tDomain Source\n"
        "15-1252.00\t2.D.1\tRequired Level of Education\tRL\t6\t80.00\t10\t1\tn/a\tn/a\tN\t08/2023\tIncumbent\n"
        "15-1252.00\t2.D.1\tRequired Level of Education\tRL\t3\t20.00\t10\t1\tn/a\tn/a\tN\t08/2023\tIncumbent\n",
        "Education, Training, and Experience Categories.txt": "Element ID\tElement Name\tScale ID\tCategory\tCategory Description\n"
        "2.D.1\tRequired Level of Education\tRL\t3\tPost-Secondary Certificate\n2.D.1\tRequired Level of Education\tRL\t6\tBachelor's Degree\n",
        "Related Occupations.txt": "O*NET-SOC Code\tRelated O*NET-SOC Code\tRelatedness Tier\tIndex\n"
        "15-1252.00\t15-1254.00\tPrimary-Short\t1\n15-1254.00\t15-1252.00\tPrimary-Short\t1\n",
        "Content Model Reference.txt": "\n".join(model) + "\n",
        "Scales Reference.txt": "Scale ID\tScale Name\tMinimum\tMaximum\nIM\tImportance\t1\t5\nLV\tLevel\t0\t7\nOI\tOccupational Interests\t1\t7\nEX\tExtent\t1\t7\nIH\tOccupational Interest High-Point\t0\t6\n",
    }


def write_release(
    root: Path, changes: dict[str, str] | None = None, drop: tuple[str, ...] = ()
) -> Path:
    """Write the mini release to ``root`` with some files replaced or left out."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in {**files(), **(changes or {})}.items():
        if name not in drop:
            (root / name).write_text(text, encoding="utf-8")
    return root


# ----- the 30.3 / 31.x layout ---------------------------------------------------------------
# Written from the O*NET 30.3 data dictionary (onetcenter.org/dictionary/30.3/text/...) and
# the public readers cited in docs/onet-layouts.md: same three occupations and ratings as
# above, in the new file names and headers. No Work Values.txt (retired in 30.3); job zones
# run 2-5 with 2 meaning "1-2"; DWA ids in the new content-model form.
NEW_DWA = "4.A.3.b.1.a.1"
NEW_IWA = "4.A.3.b.1.a"


def files_30() -> dict[str, str]:
    """File name -> content of a valid mini release in the O*NET 30.3 / 31.x layout."""
    old = files()
    skills = old["Skills.txt"].splitlines()
    essential = [skills[0]] + [ln for ln in skills[1:] if "\t2.A." in ln]
    transferable = [skills[0]] + [ln for ln in skills[1:] if "\t2.B." in ln]
    interest_rows = old["Interests.txt"].splitlines()[1:]
    # 30.3 keeps the high points under 1.B.1.g-i (scale IH, 0 none, 1 R ... 6 C)
    interest_rows = [ln.replace("1.B.3.a", "1.B.1.g") for ln in interest_rows]
    model = [
        ln
        for ln in old["Content Model Reference.txt"].splitlines()
        if "\t" in ln and not ln.startswith(("1.B.2", "1.B.3"))
    ]
    model += [
        "1.B.1.g\tFirst Interest High-Point\tFirst high point",
        "1.B.3\tSpecific Interest Areas\tForty-one areas",
        "1.B.3.a\tMechanics/Electronics\tWorking with machines",
        f"{NEW_IWA}\tProgram computer systems.\tIWA",
        f"{NEW_DWA}\tWrite computer programs.\tDWA",
    ]
    return {
        "Read Me.txt": "O*NET 99.3 Database\nTest Release in the 30.3 layout\n",
        "Occupation Data.txt": old["Occupation Data.txt"],
        "Essential Skills.txt": "\n".join(essential) + "\n",
        "Transferable Skills.txt": "\n".join(transferable) + "\n",
        "Knowledge.txt": old["Knowledge.txt"],
        "Career Interest Types.txt": "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\t"
        "Data Value\tDate\tDomain Source\n" + "\n".join(interest_rows) + "\n",
        "Specific Interest Areas.txt": "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\t"
        "Data Value\tDate\tDomain Source\n"
        "15-1252.00\t1.B.3.a\tMechanics/Electronics\tOI\t2.50\t05/2026\tAI/Expert\n"
        "15-1252.00\t1.B.3.a\tMechanics/Electronics\tDS\t0.00\t05/2026\tAI/Expert\n",
        "Job Zones.txt": "O*NET-SOC Code\tJob Zone\tDate\tDomain Source\n"
        "15-1252.00\t4\t08/2023\tAnalyst\n15-1254.00\t3\t08/2023\tAnalyst\n"
        "11-1011.00\t2\t05/2026\tAnalyst\n",
        "Job Zone Reference.txt": "Job Zone\tName\tExperience\tEducation\tJob Training\t"
        "Examples\tSVP Range\n"
        "2\tJob Zone 1-2: Very Little to Some Preparation Needed\tSome\tHigh school\tWeeks\t"
        "Helpers\t(Below 6.0)\n"
        "3\tJob Zone Three: Medium Preparation Needed\tPrevious\tVocational\tYears\tClerks\t"
        "(6.0 to < 7.0)\n"
        "4\tJob Zone Four: Considerable Preparation Needed\tConsiderable\tBachelor's\tYears\t"
        "Developers\t(7.0 to < 8.0)\n"
        "5\tJob Zone Five: Extensive Preparation Needed\tExtensive\tGraduate\tYears\tLawyers\t"
        "(8.0 and above)\n",
        "Software Skills.txt": "O*NET-SOC Code\tWorkplace Example\tElement ID\tElement Name\t"
        "Hot Technology\tIn Demand\n"
        "15-1252.00\tPython\t2.E.7.a\tObject or component oriented development software\tY\tY\n"
        "15-1254.00\tPython\t2.E.7.a\tObject or component oriented development software\tY\tN\n"
        "15-1254.00\tReact\t2.E.7.a\tObject or component oriented development software\tN\tN\n"
        "11-1011.00\tMicrosoft Excel\t2.E.6.c\tSpreadsheet software\tN\tN\n",
        "Job Titles.txt": "O*NET-SOC Code\tJob Title\tShort Title\tSource(s)\n"
        "15-1252.00\tSoftware Engineer\tn/a\t08\n15-1254.00\tFront End Developer\tn/a\t08\n",
        "Task Statements.txt": old["Task Statements.txt"],
        "Tasks to DWAs.txt": "O*NET-SOC Code\tTask ID\tDWA Element ID\tDate\tDomain Source\n"
        f"15-1252.00\t1\t{NEW_DWA}\t03/2014\tAnalyst\n15-1254.00\t2\t{NEW_DWA}\t03/2014\tAnalyst\n",
        "GWAs to IWAs to DWAs.txt": "GWA Element ID\tIWA Element ID\tDWA Element ID\t"
        f"DWA Element Name\n4.A.3.b.1\t{NEW_IWA}\t{NEW_DWA}\tWrite computer programs.\n",
        "GWAs to IWAs.txt": "GWA Element ID\tIWA Element ID\tIWA Element Name\n"
        f"4.A.3.b.1\t{NEW_IWA}\tProgram computer systems.\n",
        "Education.txt": old["Education, Training, and Experience.txt"],
        "Education Categories.txt": old["Education, Training, and Experience Categories.txt"],
        "Training and Experience.txt": "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\t"
        "Category\tData Value\tN\tStandard Error\tLower CI Bound\tUpper CI Bound\t"
        "Recommend Suppress\tDate\tDomain Source\n"
        "15-1252.00\t3.A.1\tRelated Work Experience\tRW\t6\t40.00\t10\t1\tn/a\tn/a\tN\t"
        "08/2023\tIncumbent\n",
        "Related Occupations.txt": old["Related Occupations.txt"],
        "Content Model Reference.txt": "\n".join(model) + "\n",
        "Scales Reference.txt": old["Scales Reference.txt"].replace("EX\tExtent\t1\t7\n", "")
        + "DS\tSummary Display Rank\t0\t41\n",
    }


def write_release_30(
    root: Path, changes: dict[str, str] | None = None, drop: tuple[str, ...] = ()
) -> Path:
    """Write the mini release in the 30.3 layout to ``root``, some files replaced or left out."""
    root.mkdir(parents=True, exist_ok=True)
    for name, text in {**files_30(), **(changes or {})}.items():
        if name not in drop:
            (root / name).write_text(text, encoding="utf-8")
    return root
