"""The API's human documentation: a server-rendered page built from the OpenAPI document."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from igf.api.api import api, app_api_modules

# The docs page speaks the reader's language; the OpenAPI document itself stays in English.
SUMMARIES: dict[tuple[str, str], Promise] = {
    ("GET", "/api/v1/countries"): _(
        "Every country and territory with its ISO and M49 codes, UN regional group and "
        "classifications (least developed, landlocked developing, small island developing, "
        "economy in transition, developing)."
    ),
    ("GET", "/api/v1/countries/{iso2}"): _("One country, by its two-letter ISO code."),
    ("GET", "/api/v1/organizations"): _(
        "The organisation directory, 50 per page; filter by name, stakeholder group and country."
    ),
    ("GET", "/api/v1/organizations/{slug}"): _(
        "One organisation and the people who chose to be listed with it."
    ),
    ("GET", "/api/v1/people/{public_id}"): _(
        "A participant's public profile: only the details they show to everyone."
    ),
}
WHERE = {"path": _("in the address"), "query": _("query parameter")}


def all_summaries() -> dict[tuple[str, str], Promise]:
    summaries = dict(SUMMARIES)
    for module in app_api_modules():
        summaries.update(getattr(module, "SUMMARIES", {}))
    return summaries


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for route, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            rows.append(
                {
                    "method": method.upper(),
                    "path": route,
                    "summary": all_summaries().get(
                        (method.upper(), route), operation.get("summary", "")
                    ),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": WHERE.get(p["in"], p["in"]),
                            "required": p.get("required", False),
                        }
                        for p in operation.get("parameters", [])
                    ],
                }
            )
    return rows


@require_safe
def docs(request: HttpRequest) -> HttpResponse:
    schema = api.get_openapi_schema(path_prefix="/api/v1")
    return render(
        request,
        "api/docs.html",
        {"operations": operations(schema), "openapi_url": "/api/v1/openapi.json"},
    )
