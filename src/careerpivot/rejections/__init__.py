"""The rejection log: records, feedback classification, patterns, actions and redirect.

Core code only (no Streamlit, no database); the app and the store build on it.

>>> from careerpivot.rejections import CATEGORIES
>>> CATEGORIES[-1]
'generic'
"""

from careerpivot.rejections.actions import Action, ActionPlan, choose_target, plan_actions
from careerpivot.rejections.analysis import RecordAnalysis, analyse_log, analyse_records
from careerpivot.rejections.categories import (
    CATEGORIES,
    CATEGORY_NAMES,
    GENERIC,
    SUBSTANTIVE,
    Category,
)
from careerpivot.rejections.classify import (
    Classification,
    Contribution,
    FeedbackClassifier,
    default_classifier,
    train_default,
)
from careerpivot.rejections.corpus import FeedbackExample, load_corpus, load_holdout
from careerpivot.rejections.extract import SkillMatcher, SkillMention
from careerpivot.rejections.followup import follow_up_message
from careerpivot.rejections.log_io import (
    format_log_csv,
    format_log_json,
    import_log,
    parse_log_csv,
    parse_log_json,
    read_log,
    records_from_payloads,
    write_log,
)
from careerpivot.rejections.patterns import Pattern, find_patterns, funnel_counts, role_families
from careerpivot.rejections.practice import StarPrompt, project_ideas, star_prompts
from careerpivot.rejections.records import (
    CHANNELS,
    OUTCOMES,
    STAGES,
    ApplicationRecord,
    RecordValidationError,
    RejectionLog,
    validate_record,
)
from careerpivot.rejections.redirect import (
    Redirect,
    RedirectRole,
    RedirectTrigger,
    suggest_redirect,
)
from careerpivot.rejections.review import Review, default_matcher, review_log
from careerpivot.rejections.summary import format_review

__all__ = [
    "CATEGORIES",
    "CATEGORY_NAMES",
    "CHANNELS",
    "GENERIC",
    "OUTCOMES",
    "STAGES",
    "SUBSTANTIVE",
    "Action",
    "ActionPlan",
    "ApplicationRecord",
    "Category",
    "Classification",
    "Contribution",
    "FeedbackClassifier",
    "FeedbackExample",
    "Pattern",
    "RecordAnalysis",
    "RecordValidationError",
    "Redirect",
    "RedirectRole",
    "RedirectTrigger",
    "RejectionLog",
    "Review",
    "SkillMatcher",
    "SkillMention",
    "StarPrompt",
    "analyse_log",
    "analyse_records",
    "choose_target",
    "default_classifier",
    "default_matcher",
    "find_patterns",
    "follow_up_message",
    "format_log_csv",
    "format_log_json",
    "format_review",
    "funnel_counts",
    "import_log",
    "load_corpus",
    "load_holdout",
    "parse_log_csv",
    "parse_log_json",
    "plan_actions",
    "project_ideas",
    "read_log",
    "records_from_payloads",
    "review_log",
    "role_families",
    "star_prompts",
    "suggest_redirect",
    "train_default",
    "validate_record",
    "write_log",
]
