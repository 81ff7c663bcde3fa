"""Reads of the consultations app, filtered by what the viewer may see.

Hidden comments and comments awaiting moderation reach no page, feed or export through
these functions, except the moderation pages (and the author, who sees their own comment
waiting). Lists are fetched in a constant number of queries whatever their length.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from igf.bodies.models import Body
from igf.conduct.queries import hidden_ids
from igf.consultations import blocks as blockmod
from igf.consultations.enums import (
    CommentStatus,
    DispositionOutcome,
    QuestionnaireStatus,
    VersionStatus,
)
from igf.consultations.models import (
    Answer,
    Comment,
    CommentPeriod,
    Compilation,
    CompilationPoint,
    Contribution,
    Document,
    Flag,
    ModerationDecision,
    Paragraph,
    Questionnaire,
    QuestionnaireSection,
    TranslatedParagraph,
    Translation,
    Version,
)
from igf.consultations.rules import edited_body_ids, is_editor, is_moderator
from igf.core.enums import StakeholderGroup
from igf.core.rules import is_secretariat, reads_personal_data
from igf.people.models import Person, User, Viewer


def _person_id(user: Viewer) -> int | None:
    if not getattr(user, "is_authenticated", False):
        return None
    person = getattr(user, "person", None)
    return person.pk if person is not None else None


# --- Documents ------------------------------------------------------------------------------------


def _published_versions() -> QuerySet[Version]:
    return Version.objects.filter(document=OuterRef("pk"), status=VersionStatus.PUBLISHED)


def documents_visible_to(user: Viewer) -> QuerySet[Document]:
    """Documents with a published version; editors also see their bodies' drafts."""
    now = timezone.now()
    documents = Document.objects.select_related("body").annotate(
        has_published_version=Exists(_published_versions()),
        latest_number=Subquery(_published_versions().order_by("-number").values("number")[:1]),
        open_until=Subquery(
            CommentPeriod.objects.filter(
                version__document=OuterRef("pk"), opens__lte=now, closes__gt=now
            )
            .order_by("closes")
            .values("closes")[:1]
        ),
    )
    if is_secretariat(user):
        return documents
    return documents.filter(
        Q(has_published_version=True) | Q(body_id__in=list(edited_body_ids(user)))
    )


def get_document(slug: str, *, viewer: Viewer) -> Document:
    """The document at `slug`, if the viewer may see it (else 404)."""
    try:
        return documents_visible_to(viewer).get(slug=slug)
    except Document.DoesNotExist as error:
        raise Http404 from error


def versions_visible_to(user: Viewer, document: Document) -> list[Version]:
    versions = document.versions.order_by("number")
    if not is_editor(user, document):
        versions = versions.filter(status=VersionStatus.PUBLISHED)
    return list(versions)


def get_version(document: Document, number: int | None = None, *, viewer: Viewer) -> Version:
    """A version the viewer may read; without a number, the latest published one (editors
    of a document not yet published get its draft)."""
    versions = versions_visible_to(viewer, document)
    if number is None:
        published = [v for v in versions if v.status == VersionStatus.PUBLISHED]
        chosen = published[-1] if published else (versions[-1] if versions else None)
    else:
        chosen = next((v for v in versions if v.number == number), None)
    if chosen is None:
        raise Http404
    chosen.document = document
    return chosen


def get_version_at(slug: str, number: int, *, viewer: Viewer) -> Version:
    """Version `number` of the document at `slug`, with its document (404 if either is hidden)."""
    return get_version(get_document(slug, viewer=viewer), number, viewer=viewer)


def paragraphs_of(version: Version) -> list[Paragraph]:
    paragraphs = list(version.paragraphs.order_by("position"))
    for paragraph in paragraphs:
        paragraph.version = version
    return paragraphs


def get_paragraph(version: Version, key: str) -> Paragraph:
    paragraph = version.paragraphs.filter(key=key).first()
    if paragraph is None:
        raise Http404
    paragraph.version = version
    return paragraph


def neighbours(paragraph: Paragraph) -> tuple[Paragraph | None, Paragraph | None]:
    """The paragraphs just before and after this one in its version (None at either end)."""
    version = paragraph.version
    around = {
        p.position: p
        for p in version.paragraphs.filter(
            position__in=[paragraph.position - 1, paragraph.position + 1]
        )
    }
    for neighbour in around.values():
        neighbour.version = version
    return around.get(paragraph.position - 1), around.get(paragraph.position + 1)


def same_paragraph_elsewhere(paragraph: Paragraph) -> list[Paragraph]:
    """This paragraph (same identity) in the document's other published versions."""
    return list(
        Paragraph.objects.filter(
            version__document_id=paragraph.version.document_id,
            version__status=VersionStatus.PUBLISHED,
            key=paragraph.key,
        )
        .exclude(pk=paragraph.pk)
        .select_related("version__document")
        .order_by("version__number")
    )


def periods_of(version: Version) -> list[CommentPeriod]:
    periods = list(version.periods.order_by("opens"))
    for period in periods:
        period.version = version
    return periods


def current_period(periods: list[CommentPeriod]) -> CommentPeriod | None:
    """The period open now, else the next one to open, else the last one that closed."""
    now = timezone.now()
    for period in periods:
        if period.is_open(now):
            return period
    upcoming = [p for p in periods if p.opens > now]
    if upcoming:
        return upcoming[0]
    return periods[-1] if periods else None


def find_current_period(slug: str, number: int, *, viewer: Viewer) -> CommentPeriod | None:
    """The current period (`current_period`) of version `number` of the document at `slug`,
    with its version and document; None if it never had one (404 if the version is hidden)."""
    return current_period(periods_of(get_version_at(slug, number, viewer=viewer)))


def open_documents(user: Viewer) -> list[Document]:
    """Documents open for comment now, closing soonest first (home page, index)."""
    return list(
        documents_visible_to(user).filter(Q(open_until__isnull=False)).order_by("open_until", "pk")
    )


def bodies_for_editor(user: User) -> models.QuerySet[Body]:
    """Bodies whose documents `user` may start: those that may publish for comment."""
    bodies = Body.objects.filter(type__may_publish_for_comment=True).select_related("type")
    if is_secretariat(user):
        return bodies
    return bodies.filter(pk__in=edited_body_ids(user))


def previous_published(version: Version) -> Version | None:
    return (
        Version.objects.filter(
            document_id=version.document_id,
            number__lt=version.number,
            status=VersionStatus.PUBLISHED,
        )
        .order_by("-number")
        .first()
    )


# --- Comments -------------------------------------------------------------------------------------


def _comment_queryset() -> QuerySet[Comment]:
    return Comment.objects.select_related(
        "author",
        "on_behalf_of",
        "country",
        "paragraph",
        "disposition",
        "disposition__addressed_in__version",
    )


def comments_visible_to(user: Viewer) -> QuerySet[Comment]:
    """Published comments, and the viewer's own comments awaiting moderation."""
    person_id = _person_id(user)
    visible = Q(status=CommentStatus.PUBLISHED)
    if person_id is not None:
        visible |= Q(status=CommentStatus.PENDING, author_id=person_id)
    return _comment_queryset().filter(visible).exclude(pk__in=hidden_ids(Comment))


def public_comments() -> QuerySet[Comment]:
    """What feeds, exports, statistics and the API may show: published comments only."""
    published = _comment_queryset().filter(status=CommentStatus.PUBLISHED)
    return published.exclude(pk__in=hidden_ids(Comment))  # hidden under the code of conduct


def get_comment(pk: int, *, viewer: Viewer) -> Comment:
    """A comment the viewer may see (moderators see every comment)."""
    comments = _comment_queryset() if is_moderator(viewer) else comments_visible_to(viewer)
    comment = comments.select_related("period__version__document").filter(pk=pk).first()
    if comment is None:
        raise Http404
    return comment


def get_published_comment(pk: int, *, viewer: Viewer) -> Comment:
    """A published comment (one that can be replied to); 404 for any other."""
    comment = get_comment(pk, viewer=viewer)
    if not comment.is_published:
        raise Http404
    return comment


def get_comment_to_moderate(pk: int) -> Comment:
    """Any comment, whatever its status, for the moderators' pages (which check who asks)."""
    comment = _comment_queryset().select_related("period__version__document").filter(pk=pk).first()
    if comment is None:
        raise Http404
    return comment


# New accounts' comments wait for a moderator until one of them has been published.
NEW_ACCOUNT_AGE = timedelta(days=30)


def needs_moderation(person: Person, *, now: datetime | None = None) -> bool:
    """Whether a new comment by `person` waits for a moderator (first comments of new accounts)."""
    user = person.user
    if is_secretariat(user) or is_moderator(user):
        return False
    moment = now or timezone.now()
    if user.date_joined > moment - NEW_ACCOUNT_AGE:
        return not Comment.objects.filter(author=person, status=CommentStatus.PUBLISHED).exists()
    return False


@dataclass
class Thread:
    comment: Comment
    replies: list[Comment] = field(default_factory=list)


@dataclass
class CommentedParagraph:
    paragraph: Paragraph | None
    threads: list[Thread] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(1 + len(t.replies) for t in self.threads)


def threads(comments: list[Comment]) -> dict[int | None, list[Thread]]:
    """Top-level comments with their replies, grouped by paragraph id (None: whole document)."""
    by_id = {c.pk: Thread(c) for c in comments if c.parent_id is None}
    grouped: dict[int | None, list[Thread]] = defaultdict(list)
    for comment in comments:
        if comment.parent_id is None:
            grouped[comment.paragraph_id].append(by_id[comment.pk])
        elif comment.parent_id in by_id:
            by_id[comment.parent_id].replies.append(comment)
    return grouped


def version_comments(
    user: Viewer, version: Version, paragraph_ids: list[int] | None = None, *, whole: bool = True
) -> list[Comment]:
    """The comments the viewer may see on a version (on some paragraphs only, if given, and
    on the whole document if `whole`), with their bylines."""
    comments_qs = comments_visible_to(user).filter(period__version=version)
    if paragraph_ids is not None:
        where = Q(paragraph_id__in=paragraph_ids)
        if whole:
            where |= Q(paragraph__isnull=True)
        comments_qs = comments_qs.filter(where)
    comments = list(comments_qs.order_by("created", "pk"))
    attribute(comments, user)
    return comments


def comment_counts(user: Viewer, version: Version) -> dict[int | None, int]:
    """How many comments the viewer can see per paragraph id (None: the whole document)."""
    rows = (
        comments_visible_to(user)
        .filter(period__version=version)
        .values("paragraph_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return {row["paragraph_id"]: row["n"] for row in rows}


@dataclass(frozen=True)
class CommentedPage:
    """One page of the commented view: paragraphs `first` to `last` (positions in the list)."""

    number: int
    first: int
    last: int


def commented_pages(counts: list[int], per_page: int) -> list[CommentedPage]:
    """Cut the paragraphs into pages of about `per_page` comments, never splitting one.

    `counts` is the number of comments on each paragraph, in reading order. A paragraph
    with more comments than `per_page` gets a page to itself.
    """
    pages: list[CommentedPage] = []
    start, running = 0, 0
    for index, count in enumerate(counts):
        if running and running + count > per_page:
            pages.append(CommentedPage(len(pages) + 1, start, index - 1))
            start, running = index, 0
        running += count
    if counts:
        pages.append(CommentedPage(len(pages) + 1, start, len(counts) - 1))
    return pages


def commented_view(user: Viewer, version: Version) -> list[CommentedParagraph]:
    """Every paragraph of a version with its comment threads: three queries in all."""
    grouped = threads(version_comments(user, version))
    return [
        CommentedParagraph(paragraph, grouped.get(paragraph.pk, []))
        for paragraph in paragraphs_of(version)
    ]


def attribute(comments: list[Comment], user: Viewer) -> None:
    """Give each comment the byline this viewer may see (`byline`, `byline_details`).

    Anonymous comments name nobody, except to the secretariat and to their author.
    """
    secretariat = bool(reads_personal_data(user))
    person_id = _person_id(user)
    # Translated once per list, not once per comment (5,000-comment exports stay fast).
    anonymous = _("Anonymous to the public, known to the secretariat")
    groups = {value: str(label) for value, label in StakeholderGroup.choices}
    countries: dict[str, str] = {}
    for comment in comments:
        mine = person_id is not None and comment.author_id == person_id
        comment.is_mine = mine  # type: ignore[attr-defined]
        if comment.anonymous and not (secretariat or mine):
            comment.byline = anonymous  # type: ignore[attr-defined]
            comment.byline_details = []  # type: ignore[attr-defined]
            continue
        details = []
        if comment.on_behalf_of_id is not None and comment.on_behalf_of is not None:
            details.append(
                _("on behalf of %(organisation)s") % {"organisation": comment.on_behalf_of.name}
            )
        if comment.stakeholder_group:
            details.append(groups.get(comment.stakeholder_group, comment.stakeholder_group))
        if comment.country_id is not None and comment.country is not None:
            if comment.country_id not in countries:
                countries[comment.country_id] = comment.country.name
            details.append(countries[comment.country_id])
        name = comment.author.public_name
        if comment.anonymous:
            name = _("%(name)s (anonymous to the public)") % {"name": name}
        comment.byline = name  # type: ignore[attr-defined]
        comment.byline_details = details  # type: ignore[attr-defined]


# --- Periods, dispositions, resolution table ------------------------------------------------------


def get_period(pk: int, *, viewer: Viewer) -> CommentPeriod:
    period = CommentPeriod.objects.select_related("version__document__body").filter(pk=pk).first()
    if period is None:
        raise Http404
    document = period.version.document
    if period.version.status != VersionStatus.PUBLISHED and not is_editor(viewer, document):
        raise Http404
    return period


@dataclass(frozen=True)
class ResolutionFilters:
    paragraph: int | None = None
    stakeholder_group: str = ""
    outcome: str = ""


def resolution_queryset(
    user: Viewer, period: CommentPeriod, filters: ResolutionFilters | None = None
) -> QuerySet[Comment]:
    """The rows of the comment-resolution table: published top-level comments, filtered.

    `outcome="none"` lists comments without a disposition the viewer can see.
    """
    filters = filters or ResolutionFilters()
    editor = bool(is_editor(user, period.version.document))
    comments = public_comments().filter(period=period, parent__isnull=True)
    if filters.paragraph is not None:
        comments = comments.filter(paragraph__number=filters.paragraph)
    if filters.stakeholder_group:
        comments = comments.filter(stakeholder_group=filters.stakeholder_group)
    shown = Q(disposition__isnull=False) if editor else Q(disposition__published_at__isnull=False)
    if filters.outcome == "none":
        comments = comments.exclude(shown)
    elif filters.outcome in DispositionOutcome.values:
        comments = comments.filter(shown, disposition__outcome=filters.outcome)
    return comments.order_by("paragraph__position", "created", "pk")


def with_dispositions(user: Viewer, period: CommentPeriod, rows: list[Comment]) -> list[Comment]:
    """Give each row the disposition this viewer may see (`shown_disposition`) and a byline.

    Drafted dispositions are shown only to the document's editors; the public sees a
    disposition once it is published.
    """
    editor = bool(is_editor(user, period.version.document))
    for row in rows:
        disposition = getattr(row, "disposition", None)
        visible = disposition is not None and (editor or disposition.published_at is not None)
        row.shown_disposition = disposition if visible else None  # type: ignore[attr-defined]
    attribute(rows, user)
    return rows


def resolution_rows(
    user: Viewer, period: CommentPeriod, filters: ResolutionFilters | None = None
) -> list[Comment]:
    """The whole comment-resolution table (for downloads and the editors' worklist)."""
    return with_dispositions(user, period, list(resolution_queryset(user, period, filters)))


def disposition_progress(period: CommentPeriod) -> dict[str, int]:
    """How many of the period's comments have a disposition, and how many are published."""
    comments = Comment.objects.filter(
        period=period, parent__isnull=True, status=CommentStatus.PUBLISHED
    )
    return comments.aggregate(
        total=Count("pk"),
        disposed=Count("pk", filter=Q(disposition__isnull=False)),
        published=Count("pk", filter=Q(disposition__published_at__isnull=False)),
        pending=Count("pk", filter=Q(status=CommentStatus.PENDING)),
    )


def comments_without_disposition(version: Version) -> models.QuerySet[Comment]:
    """Published comments on earlier versions of the document that still need a disposition."""
    return Comment.objects.filter(
        period__version__document_id=version.document_id,
        period__version__number__lt=version.number,
        parent__isnull=True,
        status=CommentStatus.PUBLISHED,
        disposition__isnull=True,
    )


def comments_awaiting_moderation(version: Version) -> models.QuerySet[Comment]:
    return Comment.objects.filter(
        period__version__document_id=version.document_id,
        period__version__number__lt=version.number,
        status=CommentStatus.PENDING,
    )


def later_paragraphs(version: Version) -> list[Paragraph]:
    """Paragraphs of later versions of the document, where a comment can be addressed."""
    return list(
        Paragraph.objects.filter(
            version__document_id=version.document_id, version__number__gt=version.number
        )
        .select_related("version")
        .order_by("version__number", "position")
    )


# --- Moderation -----------------------------------------------------------------------------------


def recent_moderation_decisions(limit: int) -> list[ModerationDecision]:
    """The moderation log's latest entries, newest first."""
    return list(
        ModerationDecision.objects.select_related("comment__author", "decided_by__person").order_by(
            "-decided_at", "-pk"
        )[:limit]
    )


# What the queue can show: comments awaiting moderation, or flagged for one reason.
QUEUE_PENDING = "pending"


def moderation_queue(*, document: Document | None = None, reason: str = "") -> QuerySet[Comment]:
    """Comments awaiting moderation and published comments with open flags, oldest first;
    of one document, and only those awaiting moderation (`reason` "pending") or flagged for
    one reason (a FlagReason), when asked. Each comment carries its `open_flags`."""
    open_flags = Flag.objects.filter(resolved_at__isnull=True).select_related("flagged_by")
    if reason == QUEUE_PENDING:
        waiting = Q(status=CommentStatus.PENDING)
    else:
        flagged = Flag.objects.filter(comment=OuterRef("pk"), resolved_at__isnull=True)
        if reason:
            flagged = flagged.filter(reason=reason)
        waiting = Q(status=CommentStatus.PUBLISHED) & Q(Exists(flagged))
        if not reason:
            waiting |= Q(status=CommentStatus.PENDING)
    queue = Comment.objects.filter(waiting)
    if document is not None:
        queue = queue.filter(period__version__document=document)
    return (
        queue.select_related(
            "author", "on_behalf_of", "country", "paragraph", "period__version__document"
        )
        .prefetch_related(Prefetch("flags", queryset=open_flags, to_attr="open_flags"))
        .order_by("created", "pk")
    )


def documents_in_moderation() -> QuerySet[Document]:
    """The documents that have comments in the moderation queue (the queue's filter)."""
    return Document.objects.filter(
        pk__in=moderation_queue().values("period__version__document")
    ).order_by("title")


# --- Translations ---------------------------------------------------------------------------------


def translations_of(version: Version) -> list[Translation]:
    return list(version.translations.order_by("language"))


def get_translation(version: Version, language: str) -> Translation:
    translation_row = version.translations.filter(language=language).first()
    if translation_row is None:
        raise Http404
    translation_row.version = version
    return translation_row


def get_translation_at(slug: str, number: int, language: str, *, viewer: Viewer) -> Translation:
    """The `language` version of version `number` of the document at `slug`, with its version
    and document (404 if any of them is missing or hidden)."""
    return get_translation(get_version_at(slug, number, viewer=viewer), language)


def translated_paragraphs(translation_row: Translation) -> dict[int, str]:
    return dict(
        TranslatedParagraph.objects.filter(translation=translation_row).values_list(
            "paragraph_id", "text"
        )
    )


# --- Statistics -----------------------------------------------------------------------------------


def period_comments_for_statistics(period: CommentPeriod) -> list[Comment]:
    return list(
        Comment.objects.filter(period=period, status=CommentStatus.PUBLISHED).select_related(
            "author", "country", "paragraph"
        )
    )


def most_commented(comments: list[Comment], limit: int = 10) -> list[tuple[Paragraph, int]]:
    counts = Counter(c.paragraph_id for c in comments if c.paragraph_id is not None)
    paragraphs = {c.paragraph_id: c.paragraph for c in comments if c.paragraph is not None}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], paragraphs[item[0]].position))
    return [(paragraphs[pk], n) for pk, n in ranked[:limit]]


# --- Questionnaires -------------------------------------------------------------------------------


def questionnaires_visible_to(user: Viewer) -> QuerySet[Questionnaire]:
    questionnaires = Questionnaire.objects.select_related("body").annotate(
        contribution_count=Count("contributions")
    )
    if is_secretariat(user):
        return questionnaires
    return questionnaires.filter(
        Q(status=QuestionnaireStatus.PUBLISHED) | Q(body_id__in=list(edited_body_ids(user)))
    )


def get_questionnaire(slug: str, *, viewer: Viewer) -> Questionnaire:
    """The questionnaire at `slug`, if the viewer may see it (else 404)."""
    try:
        return questionnaires_visible_to(viewer).get(slug=slug)
    except Questionnaire.DoesNotExist as error:
        raise Http404 from error


def questions_outline(questionnaire: Questionnaire) -> str:
    """The outline text `parse_questions` reads, for editing."""
    parts = []
    for section in questionnaire.sections.prefetch_related("questions"):
        if section.title:
            parts.append(f"## {section.title}")
        parts.extend(question.text for question in section.questions.all())
    return blockmod.join_blocks(parts)


def sections_with_questions(questionnaire: Questionnaire) -> list[QuestionnaireSection]:
    return list(questionnaire.sections.prefetch_related("questions").order_by("position"))


def contributions_visible_to(user: Viewer, questionnaire: Questionnaire) -> QuerySet[Contribution]:
    """Editors see every contribution; after the deadline everyone sees those not marked
    confidential; contributors always see their own."""
    contributions = (
        questionnaire.contributions.select_related("contributor", "on_behalf_of")
        .prefetch_related("answers")
        .order_by("number")
    )
    if is_editor(user, questionnaire):
        return contributions
    visible = Q(pk__in=[])
    if (
        questionnaire.has_closed(timezone.now())
        and questionnaire.status == QuestionnaireStatus.PUBLISHED
    ):
        visible = Q(confidential=False)
    person_id = _person_id(user)
    if person_id is not None:
        visible |= Q(contributor_id=person_id)
    return contributions.filter(visible)


def find_own_contribution(
    user: Viewer, questionnaire: Questionnaire, organisation_id: int | None
) -> Contribution | None:
    person_id = _person_id(user)
    if person_id is None:
        return None
    return (
        questionnaire.contributions.filter(
            contributor_id=person_id, on_behalf_of_id=organisation_id
        )
        .prefetch_related("answers")
        .first()
    )


def find_compilation(questionnaire: Questionnaire) -> Compilation | None:
    """The questionnaire's compilation, draft or published, if one was started."""
    compilation = Compilation.objects.filter(questionnaire=questionnaire).first()
    if compilation is not None:
        compilation.questionnaire = questionnaire
    return compilation


def get_compilation(questionnaire: Questionnaire, *, viewer: Viewer) -> Compilation:
    """The questionnaire's compilation: published, or a draft its editors may see (else 404)."""
    compilation = find_compilation(questionnaire)
    if compilation is None or not (compilation.is_published or is_editor(viewer, questionnaire)):
        raise Http404
    return compilation


def get_point(compilation: Compilation, pk: int) -> CompilationPoint:
    """A point of this compilation, with its citations (404 for any other)."""
    point = compilation.points.filter(pk=pk).prefetch_related("contributions").first()
    if point is None:
        raise Http404
    return point


def uncited(questionnaire: Questionnaire) -> dict[int, list[Answer]]:
    """Per section id, the answers of contributions not yet cited by a point of that section."""
    cited = defaultdict(set)
    compilation = Compilation.objects.filter(questionnaire=questionnaire).first()
    if compilation is not None:
        through = compilation.points.model.contributions.through
        for section_id, contribution_id in through.objects.filter(
            compilationpoint__compilation=compilation
        ).values_list("compilationpoint__section_id", "contribution_id"):
            cited[section_id].add(contribution_id)
    result: dict[int, list[Answer]] = defaultdict(list)
    answers = (
        Answer.objects.filter(contribution__questionnaire=questionnaire)
        .select_related("contribution__contributor", "contribution__on_behalf_of", "question")
        .order_by("question__section__position", "contribution__number", "question__position")
    )
    for answer in answers:
        section_id = answer.question.section_id
        if answer.contribution_id not in cited[section_id]:
            result[section_id].append(answer)
    return result
