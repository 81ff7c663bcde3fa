"""What every permission matrix shares: a row (an address and what each role gets there), the
usual expectations, and the one check of a response against them.

An expectation is a status code, or LOGIN: a redirect to the sign-in page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.http import HttpResponse

LOGIN = "login"
World = TypeVar("World")
Expected = dict[str, int | str]


@dataclass(frozen=True)
class Row(Generic[World]):
    name: str
    url: Callable[[World], str]
    expected: Expected
    method: str = "get"
    # What to send: a dict, or a function of the test's world giving one.
    data: Any = None

    def payload(self, world: World) -> dict[str, Any]:
        data = self.data(world) if callable(self.data) else self.data
        return dict(data or {})


class Roles:
    """The roles of one matrix, and the usual expectations over them."""

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names

    def everyone(self, status: int) -> Expected:
        return dict.fromkeys(self.names, status)

    def signed_in(self, status: int, **exceptions: int) -> Expected:
        return {**self.everyone(status), "anonymous": LOGIN, **exceptions}

    def only(
        self,
        *allowed: str,
        status: int = 200,
        refused: int = 403,
        anonymous: int | str = LOGIN,
        admin: bool = True,
    ) -> Expected:
        """`allowed` get `status` (and the administrator, unless `admin` is false); other
        signed-in roles `refused`; visitors `anonymous`."""
        result: Expected = {role: status if role in allowed else refused for role in self.names}
        if admin and "admin" in result:
            result["admin"] = status
        result["anonymous"] = anonymous
        return result


def check(response: HttpResponse, expected: int | str, row: str, role: str) -> None:
    if expected == LOGIN:
        assert response.status_code == 302, (row, role, response.status_code)
        assert "/login/" in response["Location"], (row, role)
    else:
        assert response.status_code == expected, (row, role, response.status_code)
