"""The rules of drafting in the open, one module per topic: documents and versions, comment
periods and comments, moderation, dispositions, translations, questionnaires, compilations.

Every function that writes takes the acting user as `by`, runs in a transaction and leaves
one entry in the activity log. Refusals are `ConsultationError`s (an `igf.core.errors.Refused`)
with a translated message. `from igf.consultations import services; services.post_comment(...)`
reaches every one of them.
"""

from igf.consultations.services.comments import (
    flag_comment,
    open_comment_period,
    passage_start,
    post_comment,
)
from igf.consultations.services.common import (
    DEFAULT_PERIOD,
    MAX_FILE_BYTES,
    MAX_TEXT,
    ConsultationError,
    VersionConflictError,
)
from igf.consultations.services.compilations import (
    compilation_to_document,
    delete_point,
    publish_compilation,
    save_compilation,
    save_point,
)
from igf.consultations.services.dispositions import publish_dispositions, record_disposition
from igf.consultations.services.documents import (
    correct_matching,
    create_document,
    publish_version,
    save_version_text,
    start_new_version,
)
from igf.consultations.services.erasure import scrub_person
from igf.consultations.services.moderation import moderate_comment
from igf.consultations.services.questionnaires import (
    create_questionnaire,
    invite,
    parse_questions,
    publish_questionnaire,
    submit_contribution,
    update_questionnaire,
)
from igf.consultations.services.translations import create_translation, save_translation

__all__ = [
    "DEFAULT_PERIOD",
    "MAX_FILE_BYTES",
    "MAX_TEXT",
    "ConsultationError",
    "VersionConflictError",
    "compilation_to_document",
    "correct_matching",
    "create_document",
    "create_questionnaire",
    "create_translation",
    "delete_point",
    "flag_comment",
    "invite",
    "moderate_comment",
    "open_comment_period",
    "parse_questions",
    "passage_start",
    "post_comment",
    "publish_compilation",
    "publish_dispositions",
    "publish_questionnaire",
    "publish_version",
    "record_disposition",
    "save_compilation",
    "save_point",
    "save_translation",
    "save_version_text",
    "scrub_person",
    "start_new_version",
    "submit_contribution",
    "update_questionnaire",
]
