"""The platform's addresses. Every public object has a stable address without a language prefix:
a link works for everyone, and the page speaks the reader's language."""

from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from igf.api.api import api

# The admin signs in through allauth, so staff go through the same lock-out and second factor.
admin.site.login = login_required(admin.site.login)  # type: ignore[method-assign]
admin.site.site_header = _("IGF Platform administration")
admin.site.site_title = _("IGF Platform administration")
admin.site.index_title = _("Administration")

urlpatterns = [
    path("", include("igf.core.urls")),
    path("", include("igf.people.urls")),
    path("bodies/", include("igf.bodies.urls")),
    path("meetings/", include("igf.meetings.urls")),
    path("programme/", include("igf.programme.urls")),
    path("consultations/", include("igf.consultations.urls")),
    path("opinions/", include("igf.opinions.urls")),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
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
