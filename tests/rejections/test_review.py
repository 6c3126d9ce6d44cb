from careerpivot.profile import Profile, profile_from_role
from careerpivot.rejections import RejectionLog, format_review, review_log
from tests.rejections.conftest import make_record


def test_review_of_five_rejections_end_to_end(engine, classifier):
    # SQL is their only tool of the SQL family (one tool per family: a known SQL Server
    # or Snowflake would stand for it).
    seeded = (
        profile_from_role(engine.dataset, "15-2051.01")
        .with_ratings({"tech:sql": 1.5})
        .without_ratings(["tech:microsoft-sql-server", "tech:snowflake"])
    )
    profile = Profile.model_validate({**seeded.model_dump(), "current_role": None})
    log = RejectionLog(
        records=(
            make_record(
                "a1",
                stage_reached="screened",
                date="2025-01-14",
                feedback="The hiring manager felt your SQL wasn't strong enough.",
            ),
            make_record("a2", date="2025-02-03"),
            make_record(
                "a3",
                stage_reached="interviewed",
                date="2025-02-21",
                feedback="We need someone who can write complex SQL and build Tableau dashboards.",
            ),
            make_record(
                "a4",
                stage_reached="final_round",
                date="2025-03-10",
                feedback="We went with a candidate who had more hands-on SQL experience.",
            ),
            make_record(
                "a5",
                stage_reached="interviewed",
                date="2025-03-28",
                feedback="Your interview answers were hard to follow and lacked examples.",
            ),
        )
    )
    review = review_log(log, profile, engine, classifier=classifier, name="Sam")
    assert [a.category for a in review.analyses] == [
        "skill_gap", "generic", "skill_gap", "competition_timing", "interview",
    ]  # fmt: skip
    kinds = {(p.kind, p.key) for p in review.patterns}
    assert {
        ("skill", "tech:sql"),
        ("category", "skill_gap"),
        ("family", "Computer and Mathematical"),
    } <= kinds
    assert review.plan.learning is not None and review.plan.learning.steps[0].id == "tech:sql"
    assert [t.key for t in review.redirect.triggers] == ["tech:sql", "Computer and Mathematical"]
    assert review.redirect.roles
    text = format_review(review)
    for heading in ("APPLICATIONS", "PATTERNS", "ACTIONS", "REDIRECT", "FOLLOW-UP NOTE"):
        assert heading in text
    assert "SQL was named in 3 of 5 rejections" in text
