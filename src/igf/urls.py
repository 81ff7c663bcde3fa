"""The platform's addresses. Every public object has a stable address without a language prefix:
a link works for everyone, and the page speaks the reader's language."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from igf.api.api import api
from igf.people.views import switch_language

urlpatterns = [
    path("", include("igf.core.urls")),
    path("", include("igf.people.urls")),
    path("bodies/", include("igf.bodies.urls")),
    path("meetings/", include("igf.meetings.urls")),
    path("programme/", include("igf.programme.urls")),
    path("programme/", include("igf.schedule.urls")),
    path("programme/", include("igf.outcomes.urls")),
    path("consultations/", include("igf.consultations.urls")),
    path("opinions/", include("igf.opinions.urls")),
    path("translations/", include("igf.translations.urls")),
    path("conduct/", include("igf.conduct.urls")),
    path("funding/", include("igf.funding.urls")),
    path("accounts/", include("allauth.urls")),
    # Django's language switcher, which also remembers a signed-in person's choice for e-mails.
    path("i18n/setlang/", switch_language, name="set_language"),
    # The API's bare root leads people to its documentation.
    path("api/v1/", RedirectView.as_view(pattern_name="api:docs"), name="api_root"),
    path("api/v1/", api.urls),
    path("api/", include("igf.api.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "igf.core.errors.bad_request"
handler403 = "igf.core.errors.permission_denied"
handler404 = "igf.core.errors.page_not_found"
handler500 = "igf.core.errors.server_error"
