"""The platform's addresses and /hello/, a view that does nothing (see `hello_settings`)."""

from django.http import HttpRequest, HttpResponse
from django.urls import URLPattern, URLResolver, path

from igf.urls import urlpatterns as site


def hello(request: HttpRequest) -> HttpResponse:
    return HttpResponse("Hello, world", content_type="text/plain; charset=utf-8")


urlpatterns: list[URLPattern | URLResolver] = [path("hello/", hello), *site]  # type: ignore[list-item]
