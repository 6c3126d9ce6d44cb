"""The follow-up note asking for specific feedback after a rejection."""

from __future__ import annotations

from careerpivot.rejections.records import STAGES, ApplicationRecord


def follow_up_message(record: ApplicationRecord, *, name: str = "", contact: str = "") -> str:
    """A short, polite note asking for specific feedback, with questions fitted to the stage.

    >>> from careerpivot.rejections.records import validate_record
    >>> r = validate_record({"id": "a1", "role_title": "Data Analyst", "organisation": "Acme",
    ...     "date": "2024-03-01", "channel": "posting", "stage_reached": "interviewed",
    ...     "outcome": "rejected"})
    >>> print(follow_up_message(r, name="Sam").splitlines()[0])
    Subject: Thank you - Data Analyst application
    """
    questions = [
        "Which skills or experience made the difference compared with the person you chose?",
    ]
    if record.stage_index >= STAGES.index("interviewed"):
        questions.append(
            "How did my interview answers come across, and what would you have wanted to hear "
            "more about?"
        )
    else:
        questions.append("Was there anything in my CV or application that held it back?")
    questions.append("Is there one thing you would advise me to work on first?")
    body = "\n".join(f"- {q}" for q in questions)
    return (
        f"Subject: Thank you - {record.role_title} application\n"
        f"\n"
        f"Dear {contact or 'hiring team'},\n"
        f"\n"
        f"Thank you for letting me know about the {record.role_title} role at "
        f"{record.organisation}, and for the time you gave my application.\n"
        f"\n"
        f"I am working to improve, and I would be grateful for any specific feedback you can "
        f"share, even two or three lines:\n"
        f"{body}\n"
        f"\n"
        f"I would also welcome being considered for future roles that fit my background.\n"
        f"\n"
        f"Thank you again,\n"
        f"{name or '[your name]'}\n"
    )
