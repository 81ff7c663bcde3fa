"""The main navigation: each app adds its own entries (from AppConfig.ready), core shows them."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise

from igf.core.accounts import Account


@dataclass(frozen=True)
class NavItem:
    url_name: str
    label: Promise
    order: int = 100
    # A permission the viewer needs to see the entry (None: everyone).
    permission: str | None = None


NAV_ITEMS: dict[str, NavItem] = {}


def register_nav_item(item: NavItem) -> None:
    NAV_ITEMS[item.url_name] = item


def nav_items_for(user: Account | None) -> list[NavItem]:
    has_perm = getattr(user, "has_perm", None)
    return sorted(
        (
            item
            for item in NAV_ITEMS.values()
            if item.permission is None or (has_perm is not None and has_perm(item.permission))
        ),
        key=lambda item: (item.order, item.url_name),
    )
