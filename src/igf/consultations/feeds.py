"""An Atom feed of a comment period's published comments (hidden and waiting ones never)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from igf.consultations import queries
from igf.consultations.models import Comment, CommentPeriod
from igf.core.markdown import render_markdown

FEED_SIZE = 100


class PeriodCommentsFeed(Feed):  # type: ignore[type-arg]
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, pk: int) -> CommentPeriod:  # type: ignore[override]
        return queries.get_period(pk, viewer=request.user)

    def title(self, period: CommentPeriod) -> str:
        return _("Comments on %(document)s, version %(version)s") % {
            "document": period.version.document.title,
            "version": period.version.number,
        }

    def link(self, period: CommentPeriod) -> str:
        return period.get_absolute_url()

    def subtitle(self, period: CommentPeriod) -> str:
        return _("Published comments, newest first.")

    def items(self, period: CommentPeriod) -> list[Comment]:
        comments = list(
            queries.public_comments().filter(period=period).order_by("-created", "-pk")[:FEED_SIZE]
        )
        # The feed is public: bylines as a visitor sees them.
        queries.attribute(comments, AnonymousUser())
        return comments

    def item_title(self, item: Comment) -> str:
        where = item.paragraph.label if item.paragraph is not None else _("Whole document")
        return _("%(who)s on %(where)s") % {"who": getattr(item, "byline", ""), "where": where}

    def item_description(self, item: Comment) -> str:
        # Feed readers read the summary as HTML: only the sanitised rendering goes there.
        return str(render_markdown(item.text))

    def item_link(self, item: Comment) -> str:
        return item.get_absolute_url()

    def item_pubdate(self, item: Comment) -> datetime:
        return item.created

    def item_author_name(self, item: Comment) -> str:
        return str(getattr(item, "byline", ""))

    def item_extra_kwargs(self, item: Comment) -> dict[str, Any]:
        return {}
