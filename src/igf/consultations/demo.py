"""Demo consultations: a Best Practice Forum's draft output that went through one comment
period (about 150 comments, every one answered) and is open again in its second version
(comments partly answered, some awaiting moderation, one hidden); and the 2011 questionnaire
of the Working Group on Improvements to the IGF with 40 contributions and the chair's
compilation, which is also a draft document.

The texts are public IGF documents (consultations/data/): the Working Group's draft report
and the chair's compilation of contributions. Called by `manage.py seed_demo` after the
bodies demo; keyed on the document's and questionnaire's titles, so a second run changes
nothing. No e-mail is sent while seeding.
"""

from __future__ import annotations

import random
import re
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from igf.bodies.models import Body, Membership
from igf.consultations import services
from igf.consultations.blocks import plain_text
from igf.consultations.enums import CommentStatus, DocumentKind
from igf.consultations.models import (
    Comment,
    CommentPeriod,
    Contribution,
    Document,
    Paragraph,
    Questionnaire,
    TranslatedParagraph,
    Version,
)
from igf.consultations.rules import MODERATORS_GROUP
from igf.core.demo import DemoAccount, DemoContext
from igf.people.models import Person, User
from igf.translations import seeding as translations_demo

DATA = Path(__file__).resolve().parent / "data"
DOCUMENT_TITLE = "Draft output: improving the Internet Governance Forum"
QUESTIONNAIRE_TITLE = "Questionnaire on improvements to the Internet Governance Forum"
FIRST_COMMENTS = 150
SECOND_COMMENTS = 26
CONTRIBUTIONS = 40

TOPICS = (
    "The text should say who is responsible for this and by when.",
    "Please add an explicit reference to youth participation and the youth IGF initiatives.",
    "Gender balance deserves a sentence of its own here, with a measurable target.",
    "Remote hubs in developing countries need stable funding, not only volunteers.",
    "The six UN languages should be mentioned: interpretation and translated documents matter.",
    "This overlaps with the paragraph on the preparatory process; consider merging them.",
    "We support this paragraph as drafted.",
    "Accessibility for persons with disabilities is missing: captions, sign language, readable documents.",
    "National and regional IGF initiatives should be consulted before this is decided.",
    "The wording is too vague to be useful to governments that want to act on it.",
    "Small and medium-sized enterprises are rarely heard; name them among the stakeholders.",
    "Please keep the multistakeholder model explicit: all groups on an equal footing.",
    "The private sector could fund this through a transparent, pooled mechanism.",
    "Could the secretariat publish figures on participation by region each year?",
    "This recommendation should be tested in one annual meeting before it is generalised.",
    "Parliamentarians should be listed among the actors the IGF reaches out to.",
    "Newcomers need a mentoring programme; capacity building alone is not enough.",
    "The messages must be short enough for ministers to read and concrete enough to use.",
)
PASSAGE_TEMPLATES = (
    "We suggest replacing “{passage}” with wording that names who acts and by when.",
    "“{passage}” should refer to the outputs of the national and regional initiatives.",
    "Strong support for “{passage}”; please keep it in the final text.",
    "“{passage}” is unclear to readers outside the forum; please explain or give an example.",
)
WHOLE_DOCUMENT = (
    "The draft should be translated into the six UN languages before the next comment period.",
    "Overall a balanced draft. Its recommendations would gain from a short summary at the top.",
    "The draft says little about financing; without it many recommendations cannot be carried out.",
    "Please number the recommendations separately from the paragraphs, so they can be cited.",
    "The report should state how the comments received were taken into account.",
    "We attach our organisation's position in a separate note and support the draft's direction.",
    "The text is long; a two-page version for decision makers would help outreach.",
    "The draft should recall the Tunis Agenda mandate less and propose more concrete steps.",
)
REPLIES = (
    "Agreed, and the same applies to the paragraph on outreach.",
    "I disagree: the current wording leaves room for national circumstances.",
    "Our experience with remote hubs in West Africa supports this point.",
    "A target would help, but it should be a floor, not a quota.",
    "Could you suggest concrete wording?",
    "+1, this came up in our national IGF as well.",
)
REASONS = {
    "accepted": (
        "Accepted; the paragraph now says so explicitly.",
        "Accepted and reflected in the new version.",
        "Accepted, with the wording proposed.",
    ),
    "partly_accepted": (
        "Partly accepted: the point is reflected, without the proposed target.",
        "Partly accepted; the example is added, the rest is covered elsewhere in the text.",
    ),
    "not_accepted": (
        "Not accepted: the Working Group kept the broader wording to leave room for national circumstances.",
        "Not accepted; this is outside what the Working Group could agree by consensus.",
    ),
    "out_of_scope": (
        "Out of scope of this report; passed on to the MAG.",
        "Out of scope; the secretariat will address it in its annual report.",
    ),
}
OUTCOME_WEIGHTS = (
    ("accepted", 40),
    ("partly_accepted", 25),
    ("not_accepted", 20),
    ("out_of_scope", 15),
)

# What the second version changes, as drafters do after a comment period.
SECOND_VERSION_EDITS = (
    (
        "The Working Group was composed ... (to be complemented)",
        "The Working Group was composed of representatives of 22 Member States and of the "
        "private sector, civil society, the technical and academic communities and "
        "intergovernmental organisations, each invited by the Chair.",
    ),
    (
        "It held ... consultations, meetings, etc. (to be complemented)",
        "It held two meetings in Geneva and Montreux, two open consultations and an online "
        "questionnaire, whose contributions the Chair compiled.",
    ),
    (
        " How to create messages? by MAG, secretariat, and/or WGs?",
        " The MAG, with the secretariat, would draft the messages and publish them for comment.",
    ),
    (
        "representatives of marginalized groups, development, small and medium sized companies, "
        "decision-makers, parliamentarians and youth.",
        "representatives of marginalized groups, development, small and medium sized companies, "
        "decision-makers, parliamentarians, youth and persons with disabilities.",
    ),
    (
        "The MAG should represent the whole internet community and its membership should be "
        "balanced as regards stakeholders, geographic and cultural diversity and gender.",
        "The MAG should represent the whole internet community. Its membership should be "
        "balanced as regards stakeholders, geographic and cultural diversity and gender.\n\n"
        "Its composition should be published each year, with figures by stakeholder group, "
        "region and gender.",
    ),
)

QUESTIONS = {
    "Format of the IGF meetings": (
        "How should the format of the annual meeting, its main sessions and its workshops evolve?",
        "Should the IGF hold other kinds of meetings between annual meetings?",
    ),
    "Shaping the outcome of IGF meetings": (
        "How could the outcomes of the IGF be made more visible and more useful?",
    ),
    "Working methods of the IGF, in particular improving the preparation process modalities": (
        "How should the preparatory process be improved?",
        "How should the Multistakeholder Advisory Group work and be composed?",
    ),
    "Financing the Forum (exploring further voluntary options for financing)": (
        "What voluntary options for financing the Forum should be explored?",
    ),
    "Functioning of the IGF secretariat": ("What does the secretariat need to function well?",),
    "Outreach to and cooperation with other organizations and fora dealing with IG issues": (
        "With which organisations and fora should the IGF cooperate, and how?",
    ),
}
INCLUSIVENESS = (
    "How can participation in the IGF be made more inclusive, in particular for developing "
    "countries?",
    "How should remote participation be improved?",
)
ATTRIBUTION = re.compile(
    r"^(?:(?:Several|Some|Other|Most|Many|A number of|Two|Three)\s+(?:contributors|contributions)"
    r"|(?:One|Another)\s+(?:contributor|contribution)|Contributors|Contributions|Others"
    r"|For (?:some|several|others|one) contributors?,?|It was (?:also )?(?:repeatedly )?"
    r"(?:suggested|stressed|underlined|pointed out|proposed))"
    r"(?:\s+(?:also|however|once again))?"
    r"(?:\s+(?:stressed|suggested|underlined|proposed|considered|expressed|highlighted|pointed to"
    r"|mentioned|recommended|addressed|believed|were|commented on))?"
    r"(?:\s+(?:that|,))?\s*",
    re.IGNORECASE,
)
FRENCH = {
    "## Background": "## Contexte",
    "The Working Group was composed": (
        "Le Groupe de travail était composé de représentants de 22 États Membres, du secteur "
        "privé, de la société civile, des communautés technique et universitaire et "
        "d’organisations intergouvernementales, tous invités par le Président."
    ),
    "It held two meetings": (
        "Il a tenu deux réunions, à Genève et à Montreux, deux consultations ouvertes et un "
        "questionnaire en ligne, dont le Président a compilé les contributions."
    ),
    "## Mandate and characteristics": (
        "## Mandat et caractéristiques du Forum sur la gouvernance de l’Internet selon "
        "l’Agenda de Tunis pour la société de l’information"
    ),
    "The Group also recalls and reaffirms TAIS § 73": (
        "Le Groupe rappelle et réaffirme également le § 73 de l’Agenda de Tunis, selon lequel "
        "le FGI sera, dans son travail et son fonctionnement, multilatéral, multipartite, "
        "démocratique et transparent."
    ),
}


def _bpf() -> Body | None:
    """The body the draft belongs to: a Best Practice Forum when the bodies demo made one."""
    return (
        Body.objects.filter(type__slug="bpf", type__may_publish_for_comment=True)
        .order_by("name")
        .first()
    )


def _lead(body: Body | None, fallback: User) -> User:
    if body is None:
        return fallback
    membership = (
        Membership.objects.current()
        .filter(body=body, role__in=body.type.lead_roles)
        .select_related("person__user")
        .order_by("pk")
        .first()
    )
    return membership.person.user if membership is not None else fallback


def _passage(rng: random.Random, paragraph: Paragraph) -> str:
    words = plain_text(paragraph.text).split()
    if len(words) < 12:
        return ""
    start = rng.randrange(0, len(words) - 8)
    return " ".join(words[start : start + rng.randint(4, 8)]).strip(',;:.()“”"')


def _comment_text(rng: random.Random, paragraph: Paragraph | None) -> tuple[str, str]:
    """(text, passage) of one demo comment."""
    if paragraph is None:
        return rng.choice(WHOLE_DOCUMENT), ""
    if rng.random() < 0.35:
        passage = _passage(rng, paragraph)
        if passage:
            return rng.choice(PASSAGE_TEMPLATES).format(passage=passage), passage
    return rng.choice(TOPICS), ""


def _post_comments(
    rng: random.Random, period: CommentPeriod, people: list[Person], count: int
) -> list[Comment]:
    """Comments in the period from demo people, as they would post them; published at once
    (the demo accounts are new, so they would otherwise all wait for a moderator)."""
    paragraphs = list(period.version.paragraphs.exclude(number=None).order_by("position"))
    # Some paragraphs draw much more attention than others, as in real consultations.
    weights = [rng.paretovariate(1.2) for _ in paragraphs]
    posted: list[Comment] = []
    for index in range(count):
        person = rng.choice(people)
        organisation = None
        if rng.random() < 0.2:
            affiliation = person.affiliations.select_related("organization").first()
            organisation = affiliation.organization if affiliation else None
        if posted and rng.random() < 0.1:
            parent = rng.choice([c for c in posted if c.parent_id is None])
            comment = services.post_comment(
                by=person.user, period=period, text=rng.choice(REPLIES), parent=parent,
                stakeholder_group=person.stakeholder_group, country=person.country,
            )  # fmt: skip
        else:
            paragraph = (
                None if index % 19 == 7 else rng.choices(paragraphs, weights=weights, k=1)[0]
            )
            text, passage = _comment_text(rng, paragraph)
            comment = services.post_comment(
                by=person.user,
                period=period,
                text=text,
                paragraph=paragraph,
                passage=passage,
                on_behalf_of=organisation,
                anonymous=organisation is None and rng.random() < 0.05,
                stakeholder_group=person.stakeholder_group,
                country=person.country,
            )
        if comment.status != CommentStatus.PUBLISHED:
            Comment.objects.filter(pk=comment.pk).update(status=CommentStatus.PUBLISHED)
            comment.status = CommentStatus.PUBLISHED
        posted.append(comment)
    span = (period.closes - period.opens) if period.closes < timezone.now() else (
        timezone.now() - period.opens
    )  # fmt: skip
    # In the order they were posted, so every reply comes after the comment it answers.
    moments = sorted(period.opens + span * rng.random() * 0.98 for _ in posted)
    for comment, moment in zip(posted, moments, strict=True):
        Comment.objects.filter(pk=comment.pk).update(created=moment)
        comment.created = moment
    return posted


def _dispose(
    rng: random.Random, by: User, comments: list[Comment], later: Version | None, share: float
) -> None:
    outcomes = [o for o, _w in OUTCOME_WEIGHTS]
    weights = [w for _o, w in OUTCOME_WEIGHTS]
    later_by_key = {p.key: p for p in later.paragraphs.all()} if later is not None else {}
    for comment in comments:
        if comment.parent_id is not None or rng.random() > share:
            continue
        comment.refresh_from_db()
        outcome = rng.choices(outcomes, weights=weights, k=1)[0]
        paragraph = comment.paragraph
        addressed = (
            later_by_key.get(paragraph.key)
            if paragraph is not None and outcome in ("accepted", "partly_accepted")
            else None
        )
        services.record_disposition(
            by=by,
            comment=comment,
            outcome=outcome,
            reason=rng.choice(REASONS[outcome]),
            addressed_in=addressed,
        )


def _second_text(first: str) -> str:
    text = first
    for old, new in SECOND_VERSION_EDITS:
        text = text.replace(old, new)
    # The drafters moved the paragraph on remote participation up, where it is first needed.
    blocks = text.split("\n\n")
    moved = next((b for b in blocks if b.startswith("Effective remote participation")), None)
    if moved is not None:
        blocks.remove(moved)
        target = next(
            i
            for i, b in enumerate(blocks)
            if b.startswith("The Working Group considered it important")
        )
        blocks.insert(target + 1, moved)
    return "\n\n".join(blocks)


def _draft_output(
    rng: random.Random, people: list[Person], editor: User, body: Body | None
) -> None:
    now = timezone.now()
    document = services.create_document(
        by=editor,
        title=DOCUMENT_TITLE,
        kind=DocumentKind.OUTPUT_REPORT,
        language="en",
        body=body,
        summary=(
            "The draft report on improvements to the Internet Governance Forum: outcomes as "
            "messages that map consensus and divergence, inclusiveness, the preparatory "
            "process and the MAG. Comment on any paragraph, on a passage of it, or on the "
            "whole text."
        ),
        text=(DATA / "bpf_draft.md").read_text(encoding="utf-8"),
    )
    first = services.publish_version(by=editor, version=document.versions.get(number=1))
    period = services.open_comment_period(
        by=editor, version=first, opens=now - timedelta(days=75), closes=now + timedelta(hours=1),
        instructions="Comment paragraph by paragraph. Every comment will get an answer.",
    )  # fmt: skip
    comments = _post_comments(rng, period, people, FIRST_COMMENTS)
    CommentPeriod.objects.filter(pk=period.pk).update(closes=now - timedelta(days=45))
    Version.objects.filter(pk=first.pk).update(published_at=now - timedelta(days=76))
    second = services.start_new_version(by=editor, document=document, text=_second_text(first.text))
    _dispose(rng, editor, comments, second, share=1.0)
    second = services.publish_version(
        by=editor,
        version=second,
        note=(
            "Every comment on version 1 is answered in the comment-resolution table. The "
            "composition of the Working Group and its meetings are now described; the MAG's "
            "composition is to be published each year; remote participation moved next to "
            "inclusiveness."
        ),
    )
    Version.objects.filter(pk=second.pk).update(published_at=now - timedelta(days=7))
    open_period = services.open_comment_period(
        by=editor, version=second, opens=now - timedelta(days=6), closes=now + timedelta(days=24)
    )
    later = _post_comments(rng, open_period, people, SECOND_COMMENTS)
    _dispose(rng, editor, later, None, share=0.4)
    _moderation(rng, open_period, people, editor)
    translation = services.create_translation(
        by=editor, version=second, language="fr", status="machine"
    )
    rows = list(translation.paragraphs.select_related("paragraph"))
    for row in rows:
        row.text = next(
            (fr for start, fr in FRENCH.items() if row.paragraph.text.startswith(start)), ""
        )
    TranslatedParagraph.objects.bulk_update(rows, ["text"])


def _moderation(
    rng: random.Random, period: CommentPeriod, people: list[Person], editor: User
) -> None:
    """A few comments waiting for a moderator, one hidden with its reason, one flagged."""
    moderator = User.objects.filter(email="moderator@example.org").first() or editor
    paragraphs = list(period.version.paragraphs.exclude(number=None).order_by("position"))
    waiting = []
    for text in (
        "First time commenting: the forum should meet in a different region every year.",
        "Visit our website for cheap conference tickets!!!",
        "The draft forgets the role of community networks in connecting rural areas.",
    ):
        person = rng.choice(people)
        waiting.append(
            services.post_comment(
                by=person.user, period=period, text=text, paragraph=rng.choice(paragraphs)
            )
        )
    Comment.objects.filter(pk__in=[c.pk for c in waiting]).update(status=CommentStatus.PENDING)
    spam = waiting[1]
    spam.status = CommentStatus.PENDING
    services.moderate_comment(
        by=moderator,
        comment=spam,
        action="hide",
        reason="Advertising, against section 3 of the Code of Conduct (no commercial promotion).",
    )
    published = list(
        Comment.objects.filter(period=period, status=CommentStatus.PUBLISHED, parent=None)
        .select_related("author__user")
        .order_by("pk")[:2]
    )
    if len(published) == 2:
        services.flag_comment(
            by=published[1].author.user,
            comment=published[0],
            reason="off_topic",
            note="This is about another paragraph.",
        )


def _supporters(
    rng: random.Random, text: str, contributions: list[Contribution]
) -> list[Contribution]:
    """How many contributions a compilation paragraph stands for, from its own wording."""
    opening = text[:60].lower()
    if opening.startswith(("one contribut", "another contribut")) or "one contributor" in opening:
        count = 1
    elif opening.startswith(("some", "other", "for some", "for others", "others")):
        count = rng.randint(2, 3)
    elif opening.startswith(("several", "a number of", "most", "many", "it was repeatedly")):
        count = rng.randint(4, 8)
    else:
        count = rng.randint(2, 5)
    return rng.sample(contributions, count)


def _questionnaire(rng: random.Random, people: list[Person], editor: User) -> None:
    now = timezone.now()
    sections = _compilation_source()
    outline = []
    for title, _paragraphs in sections:
        outline.append(f"## {title}")
        outline.extend(QUESTIONS.get(title, INCLUSIVENESS))
    body = (
        Body.objects.filter(type__slug__in=("working-group", "mag-working-group"))
        .order_by("name")
        .first()
    )
    questionnaire = services.create_questionnaire(
        by=editor,
        title=QUESTIONNAIRE_TITLE,
        body=body,
        deadline=now + timedelta(hours=1),
        questions="\n\n".join(outline),
        introduction=(
            "The Working Group on Improvements to the IGF invites members and participants to "
            "answer the questions below. Contributions are published after the deadline, "
            "unless marked confidential, and compiled by the Chair."
        ),
    )
    services.publish_questionnaire(by=editor, questionnaire=questionnaire)
    contributors = rng.sample(people, CONTRIBUTIONS)
    contributions: list[Contribution] = []
    first_question = {
        s.position: s.questions.order_by("position").first() for s in questionnaire.sections.all()
    }
    for index, person in enumerate(contributors):
        affiliation = person.affiliations.select_related("organization").first()
        organisation = affiliation.organization if affiliation and index % 5 == 0 else None
        contribution = services.submit_contribution(
            by=person.user,
            questionnaire=questionnaire,
            answers={first_question[1].pk: "See our answers below."} if first_question[1] else {},
            on_behalf_of=organisation,
            confidential=index % 10 == 9,
        )
        contributions.append(contribution)
    compilation_points: list[tuple[int, str, list[Contribution]]] = []
    answers: dict[tuple[int, int], list[str]] = {}
    for position, (_title, paragraphs) in enumerate(sections, start=1):
        for paragraph in paragraphs:
            supporters = _supporters(rng, paragraph, contributions)
            compilation_points.append((position, paragraph, supporters))
            core = ATTRIBUTION.sub("", paragraph, count=1)
            core = core[:1].upper() + core[1:]
            for contribution in supporters:
                answers.setdefault((contribution.pk, position), []).append(core)
    for contribution in contributions:
        person = contribution.contributor
        texts = {}
        for position in range(1, len(sections) + 1):
            question = first_question[position]
            parts = answers.get((contribution.pk, position))
            if question is not None and parts:
                texts[question.pk] = "\n\n".join(parts)
        if texts:
            services.submit_contribution(
                by=person.user,
                questionnaire=questionnaire,
                answers=texts,
                on_behalf_of=contribution.on_behalf_of,
                confidential=contribution.confidential,
            )
    Questionnaire.objects.filter(pk=questionnaire.pk).update(deadline=now - timedelta(days=20))
    Contribution.objects.filter(questionnaire=questionnaire).update(
        submitted=now - timedelta(days=25), updated=now - timedelta(days=22)
    )
    questionnaire.refresh_from_db()
    services.save_compilation(
        by=editor,
        questionnaire=questionnaire,
        introduction=(
            "This compilation by the Chair summarises the contributions received from members "
            "and invited participants of the Working Group. It is organised by the sections of "
            "the questionnaire; the notes name the contributions behind each point."
        ),
    )
    section_by_position = {s.position: s for s in questionnaire.sections.all()}
    for position, text, supporters in compilation_points:
        services.save_point(
            by=editor,
            questionnaire=questionnaire,
            section=section_by_position[position],
            text=text,
            contributions=supporters,
        )
    services.publish_compilation(by=editor, questionnaire=questionnaire)
    services.compilation_to_document(by=editor, questionnaire=questionnaire)


def _compilation_source() -> list[tuple[str, list[str]]]:
    sections: list[tuple[str, list[str]]] = []
    for raw in (DATA / "compilation_2011.md").read_text(encoding="utf-8").split("\n\n"):
        block = raw.strip()
        if block.startswith("## "):
            sections.append((block[3:], []))
        elif block and sections:
            sections[-1][1].append(block)
    return sections


def seed(context: DemoContext) -> list[DemoAccount]:
    """Seed the draft output open for comment and the questionnaire with its compilation."""
    rng = random.Random(context.seed + 70)
    people = list(
        Person.objects.filter(
            erased__isnull=True,
            user__is_active=True,
            user__email__regex=r"^person\d+@example\.org$",
        )
        .select_related("user", "country")
        .order_by("pk")
    )
    secretariat = (
        User.objects.filter(groups__name=settings.IGF_SECRETARIAT_GROUP).order_by("pk").first()
        or User.objects.filter(is_superuser=True).order_by("pk").first()
    )
    if len(people) < CONTRIBUTIONS or secretariat is None:
        return []
    # Mail goes nowhere while seeding: nobody was really told anything.
    with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
        with transaction.atomic():
            moderator = User.objects.filter(email="moderator@example.org").first()
            if moderator is not None:
                group, _created = Group.objects.get_or_create(name=MODERATORS_GROUP)
                moderator.groups.add(group)
            if not Document.objects.filter(title=DOCUMENT_TITLE).exists():
                body = _bpf()
                _draft_output(rng, people, _lead(body, secretariat), body)
        with transaction.atomic():
            if not Questionnaire.objects.filter(title=QUESTIONNAIRE_TITLE).exists():
                _questionnaire(rng, people, secretariat)
        translations_demo.apply("consultations")
    return []
