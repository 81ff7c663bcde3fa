"""The opinions app's open data: public conversations, their statements and their maps.

Mounted by igf.api at /api/v1/opinions/. Only what the public pages show: conversations
open to everyone, accepted statements (never who wrote them), and the map's summary with
its stability figure; categories of fewer than five people stay suppressed as on the page.
"""

from datetime import datetime
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from ninja.pagination import PageNumberPagination, paginate

from igf.opinions import queries
from igf.opinions.models import Conversation

PREFIX = "opinions"
router = Router(tags=["opinions"])
ANONYMOUS = AnonymousUser()

SUMMARIES: dict[tuple[str, str], Promise] = {
    ("GET", "/api/v1/opinions"): _("Public conversations, newest first, 50 per page."),
    ("GET", "/api/v1/opinions/{slug}"): _("One conversation and its accepted statements."),
    ("GET", "/api/v1/opinions/{slug}/results"): _(
        "A conversation's opinion map: groups, consensus, divisive statements, how stakeholder "
        "groups spread, and how stable the groups are."
    ),
}


class ConversationOut(Schema):
    slug: str
    title: str
    language: str
    status: str
    created: datetime
    participants: int
    statements: int
    url: str


class StatementOut(Schema):
    number: int
    text: str
    is_meta: bool


class ConversationDetailOut(ConversationOut):
    description: str
    statement_list: list[StatementOut]


class ResultsOut(Schema):
    computed: datetime | None
    participants: int
    grouped: int
    votes: int
    k: int
    stability: dict[str, Any] | None
    groups: list[dict[str, Any]]
    consensus: dict[str, list[dict[str, Any]]]
    divisive: list[dict[str, Any]]
    spread: dict[str, Any]


class ErrorOut(Schema):
    detail: str


def _public(slug: str) -> Conversation:
    """A conversation everyone may read (drafts and closed-circle ones are 404 here)."""
    try:
        return queries.conversation_list(ANONYMOUS).get(slug=slug)
    except Conversation.DoesNotExist as error:
        raise Http404 from error


def _conversation_out(conversation: Conversation) -> dict[str, Any]:
    return {
        "slug": conversation.slug,
        "title": conversation.title,
        "language": conversation.language,
        "status": conversation.status,
        "created": conversation.created,
        "participants": getattr(conversation, "n_participants", 0),
        "statements": getattr(conversation, "n_statements", 0),
        "url": conversation.get_absolute_url(),
    }


@router.get("", response=list[ConversationOut], summary="Public conversations")
@paginate(PageNumberPagination, page_size=50)
def list_conversations(request: HttpRequest) -> list[dict[str, Any]]:
    return [_conversation_out(c) for c in queries.conversation_list(ANONYMOUS)]


@router.get(
    "/{slug}",
    response={200: ConversationDetailOut, 404: ErrorOut},
    summary="One conversation",
)
def get_conversation(request: HttpRequest, slug: str) -> dict[str, Any]:
    conversation = _public(slug)
    statements = queries.shown_statements(conversation).order_by("number")
    return {
        **_conversation_out(conversation),
        "description": conversation.description,
        "statement_list": [
            {"number": s.number, "text": s.text, "is_meta": s.is_meta} for s in statements
        ],
    }


@router.get(
    "/{slug}/results",
    response={200: ResultsOut, 404: ErrorOut},
    summary="A conversation's opinion map",
)
def get_results(request: HttpRequest, slug: str) -> dict[str, Any]:
    conversation = _public(slug)
    stored = queries.map_of(conversation)
    summary: dict[str, Any] = stored.summary if stored is not None else {}
    numbers = dict(queries.shown_statements(conversation).values_list("pk", "number"))

    def numbered(item: dict[str, Any]) -> dict[str, Any] | None:
        number = numbers.get(int(item.get("statement", -1)))
        if number is None:  # moderated out since the map was computed
            return None
        return {**{k: v for k, v in item.items() if k != "statement"}, "statement": number}

    def shown(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [n for n in (numbered(i) for i in items) if n is not None]

    return {
        "computed": stored.computed if stored is not None else None,
        "participants": int(summary.get("n_participants", 0)),
        "grouped": int(summary.get("n_grouped", 0)),
        "votes": int(summary.get("n_votes", 0)),
        "k": int(summary.get("k", 0)),
        "stability": summary.get("stability"),
        "groups": [
            {"id": g["id"], "size": g["size"], "representative": shown(g["representative"])}
            for g in summary.get("groups", [])
        ],
        "consensus": {
            side: shown(summary.get("consensus", {}).get(side, []))
            for side in ("agree", "disagree")
        },
        "divisive": shown(summary.get("divisive", [])),
        "spread": summary.get("spread", {}),
    }
