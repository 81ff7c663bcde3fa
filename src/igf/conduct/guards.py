"""The one check every contribution view applies: the person has accepted the current code of
conduct and is not suspended.

```python
@require_POST
@permission_required("opinions.take_part", CONVERSATION)
@contribution
def vote(request, conversation): ...
```
A person who has not accepted the current version is sent to accept it and brought back to
the page they were on; a suspended person is refused with the date their suspension ends.
Visitors pass through (the permission before it sends them to sign in).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from igf.conduct.rules import must_accept
from igf.conduct.services import check_may_contribute
from igf.core.errors import same_site_referer
from igf.people.models import Person

View = TypeVar("View", bound=Callable[..., HttpResponse])

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def accept_url(next_url: str) -> str:
    return f"{reverse('conduct:accept')}?{urlencode({'next': next_url})}"


def _back(request: HttpRequest) -> str:
    """Where to return after accepting: this page, or for a form sent, the page it came from."""
    if request.method in SAFE_METHODS:
        return request.get_full_path()
    referer = same_site_referer(request)
    if referer:
        parts = urlsplit(referer)
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return request.path


def _guard(view: View, *, on_safe: bool) -> View:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if user.is_authenticated and (on_safe or request.method not in SAFE_METHODS):
            person = Person.objects.get_or_create(user=user)[0]
            check_may_contribute(person)
            if must_accept(person):
                if request.method not in SAFE_METHODS:
                    messages.warning(
                        request,
                        _(
                            "The code of conduct has changed. Accept it, then send again: "
                            "nothing was saved."
                        ),
                    )
                return HttpResponseRedirect(accept_url(_back(request)))
        return view(request, *args, **kwargs)

    wrapped.conduct_guarded = True  # type: ignore[attr-defined]
    return wrapped  # type: ignore[return-value]


def contribution(view: View) -> View:
    """Guard a view whose every use is a contribution (its form and its sending)."""
    return _guard(view, on_safe=True)


def contribution_on_post(view: View) -> View:
    """Guard only the sending of a view that anyone may read (a page with a comment form)."""
    return _guard(view, on_safe=False)
