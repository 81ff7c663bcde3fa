"""The one way a view declares who may use it, the object it works on, and a second factor.

```python
@require_POST
@permission_required("meetings.change_meeting", Load(queries.get_meeting, "pk"))
def cancel_meeting(request: HttpRequest, meeting: Meeting) -> HttpResponse: ...
```
The decorator loads the object once from the address (through the app's `queries`, which
raise Http404 for what does not exist or is hidden), checks the django-rules permission on it
and passes it to the view in place of the address's keywords it was found by. Visitors who are
not signed in are sent to sign in; signed-in people without the permission get 403. Default
deny: a view without this decorator must be public on purpose.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from igf.core.accounts import Account

View = TypeVar("View", bound=Callable[..., HttpResponse])


@dataclass(frozen=True)
class Load:
    """How a view finds its object: `fn(*[the address's keywords named in `by`])`.

    With `viewer=True` the function is also given `viewer=request.user`, for queries that
    hide what the viewer may not see.
    """

    fn: Callable[..., Any]
    by: tuple[str, ...]
    viewer: bool = False

    def __init__(self, fn: Callable[..., Any], *by: str, viewer: bool = False) -> None:
        object.__setattr__(self, "fn", fn)
        object.__setattr__(self, "by", by or ("pk",))
        object.__setattr__(self, "viewer", viewer)

    def __call__(self, request: HttpRequest, kwargs: dict[str, Any]) -> tuple[Any, dict[str, Any]]:
        """The object, and the keywords left for the view."""
        args = [kwargs[name] for name in self.by]
        rest = {name: value for name, value in kwargs.items() if name not in self.by}
        if self.viewer:
            return self.fn(*args, viewer=request.user), rest
        return self.fn(*args), rest


def permission_required(
    perm: str | None,
    load: Load | None = None,
    *,
    second_factor: bool = False,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Refuse the view unless the user has `perm` (on the object `load` finds, if any).

    `perm=None` declares a public view that still loads its object once. `second_factor`
    declares that staff must have a second factor to use it (`second_factor_required`).
    """

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            target = None
            if load is not None:
                target, kwargs = load(request, kwargs)
            if perm is not None and not request.user.has_perm(perm, target):
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path())
                raise PermissionDenied
            if load is not None:
                return view(request, target, *args, **kwargs)
            return view(request, *args, **kwargs)

        return second_factor_required(wrapped) if second_factor else wrapped

    return decorator


def user_needs_second_factor(user: Account) -> bool:
    """Staff, the secretariat and moderators read personal data: they need a second factor."""
    from allauth.mfa.models import Authenticator  # noqa: PLC0415 - app registry must be ready

    from igf.core.rules import is_secretariat  # noqa: PLC0415

    if not getattr(user, "is_authenticated", False):
        return False
    moderator = user.groups.filter(  # type: ignore[attr-defined]
        name__in=[settings.IGF_MODERATORS_GROUP, settings.IGF_CONDUCT_OFFICERS_GROUP]
    ).exists()
    if not (getattr(user, "is_staff", False) or is_secretariat(user) or moderator):
        return False
    return not Authenticator.objects.filter(user=user).exists()


def second_factor_required(view: View) -> View:
    """Declare that staff, the secretariat and moderators need a second factor for this view.

    For views that show personal data or moderate (ASVS 6.3.2); the admin site declares it
    for all its views (`igf.core.admin_site`). Such a person without one is sent to set it up.
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if user_needs_second_factor(request.user):
            messages.warning(
                request,
                _("Staff accounts need a second factor. Set up an authenticator app to continue."),
            )
            return HttpResponseRedirect(reverse("mfa_activate_totp"))
        return view(request, *args, **kwargs)

    wrapped.second_factor_required = True  # type: ignore[attr-defined]
    return wrapped  # type: ignore[return-value]


def requires_second_factor(view: Callable[..., Any]) -> bool:
    """Whether a view (as the URL resolver finds it) declares the second factor."""
    return bool(getattr(view, "second_factor_required", False))
