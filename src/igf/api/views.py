"""The API's human documentation: a server-rendered page built from the OpenAPI document."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from igf.api.api import api


def operations(schema: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for route, methods in schema.get("paths", {}).items():
        for method, operation in methods.items():
            rows.append(
                {
                    "method": method.upper(),
                    "path": route,
                    "summary": operation.get("summary", ""),
                    "description": operation.get("description", ""),
                    "parameters": [
                        {
                            "name": p["name"],
                            "where": p["in"],
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
