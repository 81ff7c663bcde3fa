"""Demo conversations: a real Pol.is conversation (vTaiwan on UberX, CC BY 4.0) and one on
an IGF theme with synthetic votes from the demo's people, so the stakeholder-group view
shows real structure. Keyed on the conversations' addresses: a second run changes nothing.
"""

from __future__ import annotations

import csv
import random
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from igf.core.demo import DemoAccount, DemoContext
from igf.core.enums import StakeholderGroup
from igf.opinions import mapping, polis, services
from igf.opinions.enums import (
    ConversationStatus,
    StatementOrigin,
    StatementPolicy,
    StatementStatus,
)
from igf.opinions.models import Conversation, Participant, Statement
from igf.people.models import Person, User

VTAIWAN_SLUG = "vtaiwan-uberx"
THEME_SLUG = "ai-and-data-governance"
POLIS_DIR = Path(settings.PROJECT_DIR).parent / "shared" / "data" / "polis" / "vtaiwan.uberx"
ATTRIBUTION = (
    "Data: vTaiwan's Pol.is conversation on UberX (pol.is/3phdex2kjf), 2015-2016. Data was "
    "gathered using the Polis software (compdemocracy.org/polis) and is sub-licensed under "
    "CC BY 4.0 with Attribution to The Computational Democracy Project."
)

# Three camps on AI and data governance: rights first (R), the state leads (S), markets and
# self-regulation (M). Each statement: the camps' stance (+ agree, - disagree, 0 split).
STATEMENTS: tuple[tuple[str, str], ...] = (
    ("Everyone affected by an AI system should be able to find out that it was used.", "+++"),
    ("Governments should publish a register of the AI systems they use in public services.", "++0"),
    ("High-risk AI systems should be licensed by a public authority before they are used.", "-+-"),
    ("Voluntary industry codes of conduct are enough to govern AI for now.", "--+"),
    ("Facial recognition in public spaces should be banned.", "+--"),
    ("Data collected by public services should stay in the country where it was collected.", "-+-"),
    ("Cross-border data flows are essential for small businesses in developing countries.", "0-+"),
    ("Open-source AI models should be exempt from most regulatory obligations.", "+-+"),
    ("Companies should pay for the data they use to train AI models.", "+0-"),
    ("An international body, like the IPCC, should assess the risks of AI.", "++-"),
    ("The IGF is the right place to discuss the global governance of AI.", "+++"),
    ("Civil society must have a seat when AI standards are written.", "+0+"),
    ("National security uses of AI should be outside any international agreement.", "-+0"),
    ("Algorithmic audits should be done by independent third parties.", "++-"),
    ("Self-assessment by developers is a sufficient check for most AI systems.", "--+"),
    ("People should have a right to a human decision in public administration.", "++0"),
    ("Regulating AI now will slow down innovation in the Global South.", "--+"),
    ("Capacity building on AI should be a priority of development aid.", "+++"),
    ("Large platforms should share data with researchers under strict safeguards.", "++-"),
    ("Encryption must never be weakened to scan content with AI.", "+-+"),
    ("Governments should be able to order the removal of AI-generated disinformation.", "-+-"),
    ("Labelling AI-generated content should be mandatory.", "++0"),
    ("Labelling AI-generated content is technically unworkable at scale.", "--+"),
    ("Data protection laws already cover most of the risks of AI.", "-0+"),
    ("Every country needs a dedicated AI regulator.", "-+-"),
    ("AI rules should be technology-neutral and based on outcomes.", "0-+"),
    ("Compute capacity should be treated as a public good.", "+0-"),
    ("Access to affordable connectivity matters more than AI rules for most people.", "+++"),
    ("Local languages must be supported before AI is used in public services.", "+++"),
    ("Workers should be consulted before AI is introduced at their workplace.", "+0-"),
    ("Liability for AI harms should fall on the deployer, not the developer.", "0-+"),
    ("Developers of foundation models should be liable for foreseeable misuse.", "++-"),
    ("Environmental costs of training AI models should be disclosed.", "++0"),
    ("Interoperable standards matter more than new laws.", "0-+"),
    ("Multistakeholder bodies move too slowly to govern AI.", "-+0"),
    ("The multistakeholder model is the best way to govern AI.", "+-+"),
    ("AI in elections needs specific rules before the next electoral cycle.", "++-"),
    ("Children's data should never be used to train commercial AI models.", "++0"),
    ("Predictive policing systems should not be used.", "+--"),
    ("Intellectual property law needs to change for AI-generated works.", "00+"),
    ("Sandboxes let regulators learn without blocking innovation.", "0++"),
    ("Public procurement should require open, auditable AI systems.", "++-"),
    ("Data trusts can give communities control over their data.", "+0-"),
    ("Sovereign AI infrastructure is a matter of national security.", "-+-"),
    ("AI safety research should be funded publicly and shared openly.", "++0"),
    ("Restrictions on exporting advanced chips harm developing countries.", "+-+"),
    ("Human rights impact assessments should be required for public sector AI.", "++-"),
    ("Companies know best how to make their AI systems safe.", "--+"),
    ("The private sector should fund digital skills programmes.", "0-+"),
    ("Indigenous data sovereignty must be respected in AI development.", "+0-"),
    ("Emergency powers should allow governments to suspend AI services.", "-+-"),
    ("Trustworthy AI requires diverse teams building it.", "+++"),
    ("Global AI governance should build on existing UN human rights instruments.", "++-"),
    ("Technical standards bodies should lead on AI safety benchmarks.", "0-+"),
    ("Small states cannot regulate AI alone and need regional approaches.", "+++"),
    ("Automated content moderation does more harm than good.", "+--"),
    ("Algorithms that rank news should be explainable to users.", "++0"),
    ("Data localisation requirements fragment the Internet.", "+-+"),
    ("AI could help close the gap in public services in rural areas.", "+++"),
    ("An international treaty on lethal autonomous weapons is urgent.", "++-"),
)
CAMPS = {
    StakeholderGroup.CIVIL_SOCIETY: (0.70, 0.15, 0.15),
    StakeholderGroup.TECHNICAL_COMMUNITY: (0.45, 0.10, 0.45),
    StakeholderGroup.GOVERNMENT: (0.10, 0.75, 0.15),
    StakeholderGroup.INTERGOVERNMENTAL: (0.25, 0.60, 0.15),
    StakeholderGroup.PRIVATE_SECTOR: (0.10, 0.10, 0.80),
}
PENDING = (
    "Regional IGFs should feed their AI discussions into the global IGF.",
    "Youth should be represented in every national AI strategy process.",
)


def _moderator() -> User | None:
    return User.objects.filter(email="moderator@example.org").first()


def _summary(directory: Path) -> dict[str, str]:
    path = directory / "summary.csv"
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8") as handle:
        return {row[0]: row[1] for row in csv.reader(handle) if len(row) >= 2}


def _vtaiwan(moderator: User | None, context: DemoContext, directory: Path = POLIS_DIR) -> None:
    if Conversation.objects.filter(slug=VTAIWAN_SLUG).exists():
        return
    missing = [name for name in ("comments.csv", "votes.csv") if not (directory / name).is_file()]
    if missing:
        names = " and ".join(missing)
        verb = "are" if len(missing) > 1 else "is"
        context.skipped.append(
            f"the imported Pol.is conversation (vTaiwan Uber), because {names} {verb} missing "
            f"from {directory}"
        )
        return
    summary = _summary(directory)
    data = polis.read_conversation(
        (directory / "comments.csv").read_text(encoding="utf-8"),
        votes=(directory / "votes.csv").read_text(encoding="utf-8"),
    )
    with transaction.atomic():
        conversation = services.create_conversation(
            by=moderator,
            title=summary.get("topic", "UberX — vTaiwan.tw"),
            description=summary.get("conversation-description", ""),
            language="zh-hans",
            statement_policy=StatementPolicy.BEFORE,
            moderators=[moderator.person] if moderator else [],
            attribution=ATTRIBUTION,
            slug=VTAIWAN_SLUG,
        )
        services.import_polis(by=moderator, conversation=conversation, data=data)
        times = [v.time for v in data.votes]
        Conversation.objects.filter(pk=conversation.pk).update(
            status=ConversationStatus.CLOSED, opened=min(times), closed=max(times)
        )
    mapping.recompute_map(conversation.pk)


def _theme(context: DemoContext, moderator: User | None) -> None:
    if Conversation.objects.filter(slug=THEME_SLUG).exists():
        return
    rng = random.Random(context.seed + 8)
    people = list(
        Person.objects.filter(user__email__startswith="person", erased__isnull=True)
        .exclude(stakeholder_group="")
        .order_by("pk")
    )
    demo_participant = Person.objects.filter(user__email="participant@example.org").first()
    with transaction.atomic():
        conversation = services.create_conversation(
            by=moderator,
            title="Artificial intelligence and data governance: where do we agree?",
            description=(
                "Main theme of the annual meeting. Vote on each statement: agree, disagree "
                "or pass. The map shows the groups of opinion that emerge and where "
                "stakeholder groups meet or part ways; its findings feed the theme's messages."
            ),
            moderators=[moderator.person] if moderator else [],
            slug=THEME_SLUG,
        )
        now = timezone.now()
        statements = Statement.objects.bulk_create(
            [
                Statement(
                    conversation=conversation,
                    number=n,
                    text=text,
                    origin=StatementOrigin.SEED,
                    status=StatementStatus.ACCEPTED,
                    created=now,
                )
                for n, (text, _stance) in enumerate(STATEMENTS)
            ]
        )
        participants = Participant.objects.bulk_create(
            [Participant(conversation=conversation, person=p, joined=now) for p in people]
        )
        votes: list[tuple[int, int, int, int, datetime, datetime]] = []
        for person, participant in zip(people, participants, strict=True):
            camp = rng.choices(range(3), weights=CAMPS[StakeholderGroup(person.stakeholder_group)])[
                0
            ]
            seen = rng.sample(range(len(STATEMENTS)), k=rng.randint(20, len(STATEMENTS)))
            for index in seen:
                stance = STATEMENTS[index][1][camp]
                roll = rng.random()
                if roll < 0.1:
                    value = 0
                elif stance == "0":
                    value = rng.choice((1, -1))
                else:
                    agrees = (stance == "+") == (roll < 0.85)
                    value = 1 if agrees else -1
                votes.append(
                    (conversation.pk, participant.pk, statements[index].pk, value, now, now)
                )
        if demo_participant is not None:
            # The demo participant has voted on half, to see both the map and the voting.
            participant = Participant.objects.create(
                conversation=conversation, person=demo_participant, joined=now
            )
            for index in range(0, len(STATEMENTS), 2):
                stance = STATEMENTS[index][1][0]
                value = {"+": 1, "-": -1, "0": 0}[stance]
                votes.append(
                    (conversation.pk, participant.pk, statements[index].pk, value, now, now)
                )
        services.insert_votes(votes)
        for offset, text in enumerate(PENDING):
            Statement.objects.create(
                conversation=conversation,
                number=len(STATEMENTS) + offset,
                text=text,
                author=participants[offset],
                origin=StatementOrigin.PARTICIPANT,
                status=StatementStatus.PENDING,
            )
        services.open_conversation(by=moderator, conversation=conversation)
    mapping.recompute_map(conversation.pk)


def seed(context: DemoContext) -> list[DemoAccount]:
    moderator = _moderator()
    _vtaiwan(moderator, context)
    _theme(context, moderator)
    return []
