"""The demo forum: `manage.py seed_demo` calls `seed(context)` in every app that has a
`demo` module, lowest app first, so later apps can use what earlier ones created."""

from __future__ import annotations

from dataclasses import dataclass, field

from igf.core.models import ForumText
from igf.core.queries import current_forum

SEED = 2026


@dataclass(frozen=True)
class DemoContext:
    seed: int = SEED
    # What an app could not seed, and why (shared data missing...): `seed_demo` prints it
    # instead of leaving a silent gap in the demo.
    skipped: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class DemoAccount:
    email: str
    password: str
    role: str


# The demo forum's name and tagline in the six languages (content, not interface strings).
FORUM_TEXTS = {
    "en": ("Demo Internet Governance Forum", "Shaping the Internet we want, together"),
    "fr": ("Forum de démonstration sur la gouvernance de l’Internet", "Construire ensemble l’Internet que nous voulons"),
    "es": ("Foro de demostración para la Gobernanza de Internet", "Construir juntos la Internet que queremos"),
    "ru": ("Демонстрационный форум по управлению интернетом", "Вместе создаём интернет, который нам нужен"),
    "zh-hans": ("互联网治理论坛演示站", "共同塑造我们想要的互联网"),
    "ar": ("منتدى حوكمة الإنترنت التجريبي", "معًا نصوغ الإنترنت الذي نريده"),
}  # fmt: skip


def seed(context: DemoContext) -> list[DemoAccount]:
    forum = current_forum()
    for language, (name, tagline) in FORUM_TEXTS.items():
        ForumText.objects.get_or_create(
            forum=forum, language=language, defaults={"name": name, "tagline": tagline}
        )
    return []
