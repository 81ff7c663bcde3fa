from django.conf import settings
from django.urls import path, register_converter

from igf.consultations.feeds import PeriodCommentsFeed
from igf.consultations.views import (
    comments,
    dispositions,
    documents,
    editing,
    moderation,
    questionnaires,
    translations,
)

app_name = "consultations"


class LanguageConverter:
    """Language codes in addresses of translations: only the platform's six."""

    regex = "|".join(code for code, _name in settings.LANGUAGES)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(LanguageConverter, "consultations_language")
_VERSION = "d/<str:slug>/v<int:number>/"
_TRANSLATION = _VERSION + "<consultations_language:language>/"

urlpatterns = [
    path("", documents.index, name="index"),
    path("new/", documents.document_create, name="document_create"),
    path("moderation/", moderation.queue, name="moderation"),
    path("comments/<int:pk>/", comments.comment_detail, name="comment"),
    path("comments/<int:pk>/reply/", comments.reply, name="reply"),
    path("comments/<int:pk>/flag/", comments.flag, name="flag"),
    path("comments/<int:pk>/file/", comments.comment_file, name="comment_file"),
    path("moderation/<int:pk>/", moderation.moderate, name="moderate"),
    path("comments/<int:pk>/disposition/", dispositions.disposition_edit, name="disposition"),
    path("periods/<int:pk>/", dispositions.period_detail, name="period"),
    path(
        "periods/<int:pk>/resolution.<str:fmt>",
        dispositions.resolution_export,
        name="resolution_export",
    ),
    path("periods/<int:pk>/statistics/", dispositions.statistics_view, name="statistics"),
    path("periods/<int:pk>/feed/", PeriodCommentsFeed(), name="feed"),
    path("periods/<int:pk>/dispositions/", dispositions.worklist, name="dispositions"),
    path(
        "periods/<int:pk>/dispositions/publish/",
        dispositions.dispositions_publish,
        name="dispositions_publish",
    ),
    path("d/<str:slug>/", documents.document_detail, name="document"),
    path("d/<str:slug>/versions/new/", documents.version_create, name="version_create"),
    path(_VERSION, documents.version_detail, name="version"),
    path(_VERSION + "comments/", documents.version_comments, name="version_comments"),
    path(_VERSION + "comment/", comments.comment_document, name="comment_document"),
    path(_VERSION + "p/<str:key>/", comments.paragraph_detail, name="paragraph"),
    path(_VERSION + "diff/", documents.diff, name="diff"),
    path(_VERSION + "export.<str:fmt>", documents.export, name="export"),
    path(_VERSION + "edit/", editing.version_edit, name="version_edit"),
    path(_VERSION + "matching/", editing.matching, name="matching"),
    path(_VERSION + "publish/", editing.version_publish, name="version_publish"),
    path(_VERSION + "periods/new/", editing.period_create, name="period_create"),
    path(
        _VERSION + "translations/new/",
        translations.translation_create,
        name="translation_create",
    ),
    path(_TRANSLATION, translations.translation_detail, name="translation"),
    path(_TRANSLATION + "edit/", translations.translation_edit, name="translation_edit"),
    path(
        _TRANSLATION + "export.<str:fmt>",
        translations.translation_export,
        name="translation_export",
    ),
    path("q/new/", questionnaires.questionnaire_create, name="questionnaire_create"),
    path("q/<str:slug>/", questionnaires.questionnaire_detail, name="questionnaire"),
    path("q/<str:slug>/edit/", questionnaires.questionnaire_edit, name="questionnaire_edit"),
    path("q/<str:slug>/invite/", questionnaires.questionnaire_invite, name="questionnaire_invite"),
    path(
        "q/<str:slug>/publish/", questionnaires.questionnaire_publish, name="questionnaire_publish"
    ),
    path("q/<str:slug>/contribute/", questionnaires.contribute, name="contribute"),
    path("q/<str:slug>/contributions/", questionnaires.contributions, name="contributions"),
    path("q/<str:slug>/compilation/", questionnaires.compilation, name="compilation"),
    path(
        "q/<str:slug>/compilation/edit/", questionnaires.compilation_edit, name="compilation_edit"
    ),
    path("q/<str:slug>/compilation/points/<int:pk>/", questionnaires.point_edit, name="point_edit"),
    path(
        "q/<str:slug>/compilation/publish/",
        questionnaires.compilation_publish,
        name="compilation_publish",
    ),
    path(
        "q/<str:slug>/compilation/document/",
        questionnaires.compilation_document,
        name="compilation_document",
    ),
]
