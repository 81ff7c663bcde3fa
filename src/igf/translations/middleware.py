"""The language a reader asked for in the address, and reading the original."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from igf.translations.reading import reading_original


class ContentLanguageMiddleware:
    """`?lang=ar` chooses the language of a page, feed or export (over the cookie and
    Accept-Language, which LocaleMiddleware above has read); `?original=1` shows the forum's
    texts as written. Feeds and calendar apps cannot send a cookie, hence the parameter."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        asked = request.GET.get("lang", "")
        if asked:
            try:
                language = translation.get_supported_language_variant(asked.lower())
            except LookupError:
                language = ""
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        with reading_original(request.GET.get("original") == "1"):
            return self.get_response(request)
