"""Countries and territories: the reference data in ``data/countries.csv`` and their names.

Pure Python on purpose: no Django import, no settings, no database. The Django side (models,
forms, the API) builds on it; user-facing labels for the codes below are added there with
gettext. The data file's header says where every classification comes from and as of when.

Names are never typed by hand. They come from the CLDR through Babel, in the six official UN
languages, with three exceptions where the CLDR short name is not the one the UN uses for that
State or area (``ISO_NAMED``): the Holy See and the State of Palestine, the two observer States,
and Taiwan, which the UN and ISO 3166 call "Taiwan, Province of China". For those the ISO 3166
name is used, translated by the iso-codes catalogues that pycountry ships; without pycountry the
CLDR name is the fallback.
"""

from __future__ import annotations

import csv
import functools
import gettext
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType

from babel import Locale

__all__ = [
    "DATA_FILE",
    "ISO_NAMED",
    "LANGUAGES",
    "CountryDataError",
    "CountryRecord",
    "RegionGroupCode",
    "StatusCode",
    "countries_by_iso2",
    "country_name",
    "get_country",
    "load_countries",
    "normalize_language",
    "parse_countries",
    "statistical_region_group",
]

DATA_FILE = Path(__file__).resolve().parent / "data" / "countries.csv"

#: The six official UN languages, as Babel locale identifiers.
LANGUAGES: tuple[str, ...] = ("ar", "en", "es", "fr", "ru", "zh_Hans")
FALLBACK_LANGUAGE = "en"

#: Codes whose displayed name is the ISO 3166 one (see the module docstring).
ISO_NAMED: frozenset[str] = frozenset({"PS", "TW", "VA"})

# Babel locale -> iso-codes catalogue language (pycountry's locales directory).
_ISO_CODES_LANGUAGE = {"ar": "ar", "es": "es", "fr": "fr", "ru": "ru", "zh_Hans": "zh_CN"}

_FLAGS = ("ldc", "lldc", "sids", "eit", "developing")
_COLUMNS = (
    "iso2",
    "iso3",
    "m49",
    "name_en",
    "status",
    "un_region_group",
    "region_group_via",
    *_FLAGS,
)


class StatusCode(StrEnum):
    """A row's standing at the United Nations."""

    MEMBER = "member"
    OBSERVER = "observer"
    TERRITORY = "territory"


class RegionGroupCode(StrEnum):
    """The five UN regional groups (codes only; labels are the Django side's)."""

    AFRICAN = "african"
    ASIA_PACIFIC = "asia_pacific"
    EASTERN_EUROPEAN = "eastern_european"
    LATIN_AMERICAN_CARIBBEAN = "latin_american_caribbean"
    WEOG = "weog"


@dataclass(frozen=True, slots=True)
class CountryRecord:
    """One country or area, as in one row of the data file."""

    iso2: str
    iso3: str
    m49: str  # three digits, or "" where M49 has no entry (TW, XK)
    name_en: str  # ISO 3166 English short name; for display use country_name()
    status: StatusCode
    un_region_group: RegionGroupCode | None
    region_group_via: str  # territories: ISO2 of the Member State whose group statistics use
    ldc: bool
    lldc: bool
    sids: bool
    eit: bool
    developing: bool

    @property
    def is_member(self) -> bool:
        return self.status is StatusCode.MEMBER

    @property
    def developed(self) -> bool:
        """Neither developing nor an economy in transition (the WESP's third class).

        Meaningful for Member States; for territories it follows the data file's regional
        convention, and Kosovo, which no UN list classifies, is neither flag.
        """
        return not (self.developing or self.eit)


class CountryDataError(ValueError):
    """The data file does not have the expected shape."""


def _data_lines(path: Path) -> Iterator[tuple[int, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip() and not line.startswith("#"):
                yield number, line


def _flag(value: str, column: str, line: int) -> bool:
    if value not in {"0", "1"}:
        raise CountryDataError(f"line {line}: {column} must be 0 or 1, not {value!r}")
    return value == "1"


def parse_countries(path: Path) -> tuple[CountryRecord, ...]:
    """Read a file in the format of ``data/countries.csv``; raise CountryDataError if malformed."""
    numbered = list(_data_lines(path))
    reader = csv.reader(line for _, line in numbered)
    header = next(reader, None)
    if header is None or tuple(header[: len(_COLUMNS)]) != _COLUMNS:
        raise CountryDataError(f"{path}: header must start with {','.join(_COLUMNS)}")
    records: list[CountryRecord] = []
    for (line, _), row in zip(numbered[1:], reader, strict=True):
        if len(row) != len(header):
            raise CountryDataError(f"line {line}: {len(row)} fields, expected {len(header)}")
        values = dict(zip(header, row, strict=True))
        try:
            status = StatusCode(values["status"])
            group = values["un_region_group"]
            region_group = RegionGroupCode(group) if group else None
        except ValueError as error:
            raise CountryDataError(f"line {line}: {error}") from error
        records.append(
            CountryRecord(
                iso2=values["iso2"],
                iso3=values["iso3"],
                m49=values["m49"],
                name_en=values["name_en"],
                status=status,
                un_region_group=region_group,
                region_group_via=values["region_group_via"],
                ldc=_flag(values["ldc"], "ldc", line),
                lldc=_flag(values["lldc"], "lldc", line),
                sids=_flag(values["sids"], "sids", line),
                eit=_flag(values["eit"], "eit", line),
                developing=_flag(values["developing"], "developing", line),
            )
        )
    return tuple(records)


@functools.cache
def load_countries() -> tuple[CountryRecord, ...]:
    """Every row of the data file, in file order (by ISO 3166 alpha-2 code). Read once."""
    return parse_countries(DATA_FILE)


@functools.cache
def countries_by_iso2() -> Mapping[str, CountryRecord]:
    """Read-only mapping from upper-case alpha-2 code to record."""
    return MappingProxyType({record.iso2: record for record in load_countries()})


def get_country(iso2: str) -> CountryRecord:
    """The record for an alpha-2 code (any case). Raises KeyError for an unknown code."""
    return countries_by_iso2()[iso2.strip().upper()]


def statistical_region_group(iso2: str) -> RegionGroupCode | None:
    """The regional group used when counting people from this place.

    A row's own group, or for a territory the group of the Member State named in
    ``region_group_via``; None where there is neither (the Holy See, uninhabited areas).
    """
    record = get_country(iso2)
    if record.un_region_group is not None or not record.region_group_via:
        return record.un_region_group
    return get_country(record.region_group_via).un_region_group


def normalize_language(language: str) -> str:
    """Map a Django or BCP 47 language code to one of LANGUAGES, or to English.

    'zh-hans', 'zh_Hans', 'zh-cn' and 'zh' give 'zh_Hans'; 'fr-ca' gives 'fr'; any language
    outside the six gives 'en'.
    """
    parts = language.replace("_", "-").strip().lower().split("-")
    base = parts[0]
    if base == "zh":
        # Only Simplified Chinese is served; Traditional-script requests get it too.
        return "zh_Hans"
    return base if base in LANGUAGES else FALLBACK_LANGUAGE


@functools.cache
def _cldr_territories(language: str) -> Mapping[str, str]:
    return MappingProxyType(dict(Locale.parse(language).territories))


@functools.cache
def _iso_codes_catalogue(language: str) -> gettext.NullTranslations | None:
    try:
        import pycountry  # noqa: PLC0415 - optional: only the three ISO-named rows need it
    except ImportError:
        return None
    if language == FALLBACK_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(
        "iso3166-1",
        pycountry.LOCALES_DIR,
        languages=[_ISO_CODES_LANGUAGE[language]],
        fallback=True,
    )


def country_name(iso2: str, language: str) -> str:
    """The short name of a country or area in one of the six UN languages.

    ``language`` may be a Django code ('ar', 'zh-hans') or a Babel one ('zh_Hans'). Unknown
    languages, and names missing from a catalogue, fall back to English. Raises KeyError for an
    unknown code.
    """
    record = get_country(iso2)
    lang = normalize_language(language)
    if record.iso2 in ISO_NAMED:
        catalogue = _iso_codes_catalogue(lang)
        if catalogue is not None:
            return catalogue.gettext(record.name_en)
    name = _cldr_territories(lang).get(record.iso2)
    if name:
        return name
    return _cldr_territories(FALLBACK_LANGUAGE).get(record.iso2) or record.name_en
