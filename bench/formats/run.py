"""Cost of one formatted date, time or percentage: igf.core.formats (CLDR through Babel) side by
side with Django's locale formats, which it replaced. A schedule page formats a few hundred.

    PYTHONPATH=src DJANGO_SETTINGS_MODULE=igf.settings .venv/bin/python -m bench.formats.run
"""

from __future__ import annotations

import datetime as dt
import platform
import timeit
from collections.abc import Callable

import babel
import django


def main() -> None:
    django.setup()
    from django.utils import formats as django_formats  # noqa: PLC0415 - after setup
    from django.utils import translation  # noqa: PLC0415

    from igf.core import formats  # noqa: PLC0415

    moment = dt.datetime(2027, 1, 12, 13, 0, tzinfo=dt.UTC)
    cases: list[tuple[str, Callable[[], object]]] = [
        ("igf time_of_day", lambda: formats.time_of_day(moment)),
        ("django time 'H:i'", lambda: django_formats.time_format(moment, "H:i")),
        ("igf datetime_sentence", lambda: formats.datetime_sentence(moment)),
        ("django DATETIME_FORMAT", lambda: django_formats.date_format(moment, "DATETIME_FORMAT")),
        ("igf percent", lambda: formats.percent(2 / 7)),
        ("django number_format", lambda: django_formats.number_format(28.57, decimal_pos=0)),
    ]
    print(
        f"Python {platform.python_version()}, Django {django.get_version()}, "
        f"Babel {babel.__version__}, {platform.machine()}"
    )
    number = 5000
    for language in ("ar", "fr", "zh-hans"):
        with translation.override(language):
            for name, call in cases:
                best = min(timeit.repeat(call, number=number, repeat=3)) / number
                print(f"{language:8} {name:24} {best * 1e6:7.1f} µs")


if __name__ == "__main__":
    main()
