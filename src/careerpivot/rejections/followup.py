"""The follow-up note after an application, fitted to how it ended.

Three templates: rejected with feedback (thank them for it, ask for one level more
detail), rejected without feedback (ask for specifics), and no reply (check the
application's status politely; never "thank you for letting me know").
"""

from __future__ import annotations

from typing import Literal

from careerpivot.rejections.records import STAGES, ApplicationRecord

FollowUpKind = Literal["feedback", "no_feedback", "no_reply"]

FOLLOW_UP_KINDS: dict[FollowUpKind, str] = {
    "feedback": "rejected with feedback",
    "no_feedback": "rejected without feedback",
    "no_reply": "no reply",
}


def follow_up_kind(record: ApplicationRecord) -> FollowUpKind:
    """Which template fits a record: no reply (ghosted), or rejected with or without feedback.

    >>> from careerpivot.rejections.records import validate_record
    >>> base = {"id": "a1", "role_title": "Analyst", "organisation": "Acme",
    ...     "date": "2024-03-01", "channel": "posting", "stage_reached": "applied"}
    >>> follow_up_kind(validate_record({**base, "outcome": "ghosted"}))
    'no_reply'
    >>> follow_up_kind(validate_record({**base, "outcome": "rejected", "feedback": "More SQL"}))
    'feedback'
    """
    if record.outcome == "ghosted":
        return "no_reply"
    return "feedback" if record.feedback.strip() else "no_feedback"


def follow_up_message(record: ApplicationRecord, *, name: str = "", contact: str = "") -> str:
    """A short, polite note fitted to the outcome, with questions fitted to the stage.

    >>> from careerpivot.rejections.records import validate_record
    >>> r = validate_record({"id": "a1", "role_title": "Data Analyst", "organisation": "Acme",
    ...     "date": "2024-03-01", "channel": "posting", "stage_reached": "interviewed",
    ...     "outcome": "rejected"})
    >>> print(follow_up_message(r, name="Sam").splitlines()[0])
    Subject: Thank you - Data Analyst application
    """
    kind = follow_up_kind(record)
    sign = f"{name or '[your name]'}\n"
    greeting = f"Dear {contact or 'hiring team'},\n\n"
    if kind == "no_reply":
        return (
            f"Subject: Following up - {record.role_title} application\n\n"
            f"{greeting}"
            f"I applied for the {record.role_title} role at {record.organisation} on "
            f"{record.date:%d %B %Y} and have not heard back yet. Could you tell me whether "
            f"the role is still open and where my application stands?\n\n"
            f"If you have decided not to go further with it, a line on what would have made "
            f"my application stronger would help me a great deal.\n\n"
            f"I remain interested in the role and in future openings that fit my "
            f"background.\n\n"
            f"Kind regards,\n{sign}"
        )
    questions = _questions(record, kind)
    body = "\n".join(f"- {q}" for q in questions)
    if kind == "feedback":
        opening = (
            f"Thank you for letting me know about the {record.role_title} role at "
            f"{record.organisation}, and for taking the time to tell me why. Your feedback "
            f"is useful, and I am acting on it.\n\n"
            f"If you can spare two or three more lines, it would help me act on it well:\n"
        )
    else:
        opening = (
            f"Thank you for letting me know about the {record.role_title} role at "
            f"{record.organisation}, and for the time you gave my application.\n\n"
            f"I am working to improve, and I would be grateful for any specific feedback you "
            f"can share, even two or three lines:\n"
        )
    return (
        f"Subject: Thank you - {record.role_title} application\n\n"
        f"{greeting}"
        f"{opening}"
        f"{body}\n\n"
        f"I would also welcome being considered for future roles that fit my background.\n\n"
        f"Thank you again,\n{sign}"
    )


def _questions(record: ApplicationRecord, kind: FollowUpKind) -> list[str]:
    interviewed = record.stage_index >= STAGES.index("interviewed")
    if kind == "feedback":
        return [
            "What would the level you were looking for have looked like in practice (an "
            "example of work or experience that would have met it)?",
            "Is there one thing you would advise me to work on first?",
        ]
    questions = [
        "Which skills or experience made the difference compared with the person you chose?",
    ]
    if interviewed:
        questions.append(
            "How did my interview answers come across, and what would you have wanted to hear "
            "more about?"
        )
    else:
        questions.append("Was there anything in my CV or application that held it back?")
    questions.append("Is there one thing you would advise me to work on first?")
    return questions
