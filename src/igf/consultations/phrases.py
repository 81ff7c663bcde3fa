"""Translated sentences of the consultations app used in more than one place."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Activity-log sentences (registered in igf.core.phrases.ACTIVITY from AppConfig.ready):
# with a named actor, and without one.
ACTIVITY: dict[str, tuple[Promise, Promise]] = {
    "consultations.document_created": (
        _("%(actor)s started the document %(object)s."),
        _("The document %(object)s was started."),
    ),
    "consultations.version_saved": (
        _("%(actor)s saved the draft %(object)s."),
        _("The draft %(object)s was saved."),
    ),
    "consultations.version_started": (
        _("%(actor)s started a new version: %(object)s."),
        _("A new version was started: %(object)s."),
    ),
    "consultations.matching_corrected": (
        _("%(actor)s corrected how the paragraphs of %(object)s match the previous version."),
        _("The paragraph matching of %(object)s was corrected."),
    ),
    "consultations.version_published": (
        _("%(actor)s published %(object)s."),
        _("%(object)s was published."),
    ),
    "consultations.period_opened": (
        _("%(actor)s opened %(object)s for public comment."),
        _("%(object)s was opened for public comment."),
    ),
    "consultations.comment_posted": (
        _("%(actor)s commented on %(object)s."),
        _("A comment was posted on %(object)s."),
    ),
    "consultations.comment_flagged": (
        _("%(actor)s flagged a comment to the moderators."),
        _("A comment was flagged to the moderators."),
    ),
    "consultations.comment_moderated": (
        _("%(actor)s moderated a comment on %(object)s."),
        _("A comment on %(object)s was moderated."),
    ),
    "consultations.disposition_recorded": (
        _("%(actor)s recorded how a comment on %(object)s was handled."),
        _("A disposition was recorded for a comment on %(object)s."),
    ),
    "consultations.dispositions_published": (
        _("%(actor)s published how the comments on %(object)s were handled."),
        _("The dispositions of the comments on %(object)s were published."),
    ),
    "consultations.translation_added": (
        _("%(actor)s added a translation of %(object)s."),
        _("A translation of %(object)s was added."),
    ),
    "consultations.translation_saved": (
        _("%(actor)s saved a translation of %(object)s."),
        _("A translation of %(object)s was saved."),
    ),
    "consultations.questionnaire_created": (
        _("%(actor)s drafted the questionnaire %(object)s."),
        _("The questionnaire %(object)s was drafted."),
    ),
    "consultations.questionnaire_updated": (
        _("%(actor)s changed the questionnaire %(object)s."),
        _("The questionnaire %(object)s was changed."),
    ),
    "consultations.questionnaire_published": (
        _("%(actor)s published the questionnaire %(object)s."),
        _("The questionnaire %(object)s was published."),
    ),
    "consultations.people_invited": (
        _("%(actor)s invited people to answer %(object)s."),
        _("People were invited to answer %(object)s."),
    ),
    "consultations.contribution_submitted": (
        _("%(actor)s contributed to %(object)s."),
        _("A contribution to %(object)s was submitted."),
    ),
    "consultations.compilation_saved": (
        _("%(actor)s worked on the compilation of %(object)s."),
        _("The compilation of %(object)s was changed."),
    ),
    "consultations.compilation_published": (
        _("%(actor)s published the compilation of %(object)s."),
        _("The compilation of %(object)s was published."),
    ),
}
