"""The country reference data against the official lists, as of the dates the data file cites.

No database and no Django settings: igf.core.countries is pure Python. The figures below are the
ones in the "SOURCES" header of src/igf/core/data/countries.csv; when a list changes, update the
file, then the figure and its date here.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from babel import Locale

from igf.core.countries import (
    DATA_FILE,
    ISO_NAMED,
    LANGUAGES,
    CountryDataError,
    CountryRecord,
    RegionGroupCode,
    StatusCode,
    countries_by_iso2,
    country_name,
    get_country,
    load_countries,
    normalize_language,
    parse_countries,
    statistical_region_group,
)

COUNTRIES = load_countries()
MEMBERS = [c for c in COUNTRIES if c.status is StatusCode.MEMBER]
OBSERVERS = [c for c in COUNTRIES if c.status is StatusCode.OBSERVER]
TERRITORIES = [c for c in COUNTRIES if c.status is StatusCode.TERRITORY]


def codes(records: list[CountryRecord]) -> set[str]:
    return {r.iso2 for r in records}


# --- Membership -----------------------------------------------------------------------------


def test_membership_counts() -> None:
    # 193 UN Member States, unchanged since 2011-07-14 (South Sudan); as of 2026-11-25.
    assert len(MEMBERS) == 193
    # 2 non-member observer States (Holy See, State of Palestine), as of 2026-11-25.
    assert codes(OBSERVERS) == {"VA", "PS"}
    # 54 further ISO 3166-1 entries + Kosovo (XK).
    assert len(TERRITORIES) == 55
    assert len(COUNTRIES) == 250


def test_a_few_named_members_and_territories() -> None:
    assert {"SS", "CH", "KP", "TV", "US", "CN", "FR", "MK", "SZ"} <= codes(MEMBERS)
    assert {"HK", "MO", "TW", "PR", "GL", "XK", "CK", "NU", "EH"} <= codes(TERRITORIES)
    assert get_country("TW").name_en == "Taiwan, Province of China"


# --- Classification counts against the official lists ----------------------------------------


def test_least_developed_countries() -> None:
    ldc = [c for c in COUNTRIES if c.ldc]
    # UN DESA/CDP list of LDCs: 44 as of 2024-12-13 (after Sao Tome and Principe's graduation).
    assert len(ldc) == 44
    assert all(c.is_member for c in ldc)
    # 32 in Africa, 8 in Asia, 1 in the Caribbean, 3 in the Pacific (same list and date).
    by_group = Counter(c.un_region_group for c in ldc)
    assert by_group[RegionGroupCode.AFRICAN] == 32
    assert by_group[RegionGroupCode.LATIN_AMERICAN_CARIBBEAN] == 1  # Haiti
    assert by_group[RegionGroupCode.ASIA_PACIFIC] == 11  # 8 in Asia + Kiribati, Solomons, Tuvalu
    # Graduated before 2024-12-13: Botswana, Cabo Verde, Maldives, Samoa, Equatorial Guinea,
    # Vanuatu, Bhutan, Sao Tome and Principe.
    assert not codes(ldc) & {"BW", "CV", "MV", "WS", "GQ", "VU", "BT", "ST"}
    # Scheduled for 2026-11-24 but not confirmed; kept as LDCs (see the data file's note [3]).
    assert {"BD", "LA", "NP"} <= codes(ldc)


def test_landlocked_developing_countries() -> None:
    lldc = [c for c in COUNTRIES if c.lldc]
    # UN-OHRLLS list of LLDCs: 32 as of 2025-08-08 (LLDC3, Awaza).
    assert len(lldc) == 32
    assert all(c.is_member for c in lldc)
    # 16 in Africa, 2 in Latin America (Bolivia, Paraguay); same list and date.
    by_group = Counter(c.un_region_group for c in lldc)
    assert by_group[RegionGroupCode.AFRICAN] == 16
    assert by_group[RegionGroupCode.LATIN_AMERICAN_CARIBBEAN] == 2


def test_small_island_developing_states() -> None:
    sids = [c for c in COUNTRIES if c.sids]
    # UN-OHRLLS list of SIDS as of 2024-05-27: 37 UN Member States ...
    assert len([c for c in sids if c.is_member]) == 37
    # ... + Cook Islands and Niue (39 "States") + 18 associate members of regional commissions.
    assert len(sids) == 57
    assert {"CK", "NU"} <= codes(sids)
    assert "BH" not in codes(sids)  # Bahrain left the OHRLLS list after 2021


def test_economies_in_transition_and_developed() -> None:
    eit = [c for c in COUNTRIES if c.eit]
    # WESP 2025 (2025-01-09), country classification: 17 economies in transition.
    assert len(eit) == 17
    assert all(c.is_member for c in eit)
    # 5 in South-Eastern Europe, 12 in the CIS and Georgia (same source).
    assert codes(eit) >= {"AL", "BA", "ME", "MK", "RS", "GE", "RU", "UA"}
    # WESP 2025: 36 developed economies, plus Andorra, Liechtenstein, Monaco and San Marino,
    # which WESP does not classify (see the data file's choices).
    developed = [c for c in MEMBERS if c.developed]
    assert len(developed) == 36 + 4
    assert {"AD", "LI", "MC", "SM"} <= codes(developed)
    # The remaining Member States are developing economies: 193 - 40 - 17 = 136.
    assert len([c for c in MEMBERS if c.developing]) == 136


def test_regional_groups() -> None:
    members_by_group = Counter(c.un_region_group for c in MEMBERS)
    # UN DGACM "Regional groups of Member States" (composition as of 2024-08-26):
    assert members_by_group[RegionGroupCode.AFRICAN] == 54
    assert members_by_group[RegionGroupCode.ASIA_PACIFIC] == 54  # 55 listed, Turkiye in WEOG
    assert members_by_group[RegionGroupCode.EASTERN_EUROPEAN] == 23
    assert members_by_group[RegionGroupCode.LATIN_AMERICAN_CARIBBEAN] == 33
    assert members_by_group[RegionGroupCode.WEOG] == 29  # 28 members + the United States
    # Every Member State is in exactly one group.
    assert None not in members_by_group
    assert sum(members_by_group.values()) == 193


def test_regional_group_choices() -> None:
    assert get_country("KI").un_region_group is RegionGroupCode.ASIA_PACIFIC
    assert get_country("TR").un_region_group is RegionGroupCode.WEOG
    assert get_country("US").un_region_group is RegionGroupCode.WEOG
    assert get_country("IL").un_region_group is RegionGroupCode.WEOG
    assert get_country("PS").un_region_group is RegionGroupCode.ASIA_PACIFIC
    assert get_country("VA").un_region_group is None
    assert all(c.un_region_group is None for c in TERRITORIES)


# --- Internal consistency ----------------------------------------------------------------------


def test_codes_are_unique_and_well_formed() -> None:
    for field, pattern in (("iso2", r"[A-Z]{2}"), ("iso3", r"[A-Z]{3}"), ("m49", r"\d{3}")):
        values = [getattr(c, field) for c in COUNTRIES if getattr(c, field)]
        assert len(values) == len(set(values)), field
        assert all(re.fullmatch(pattern, v) for v in values), field
    assert [c.iso2 for c in COUNTRIES] == sorted(c.iso2 for c in COUNTRIES)
    # M49 has an entry for everything but Taiwan (counted within China) and Kosovo.
    assert {c.iso2 for c in COUNTRIES if not c.m49} == {"TW", "XK"}


def test_classes_are_consistent() -> None:
    for c in COUNTRIES:
        assert not (c.developing and c.eit), c.iso2  # WESP's classes are exclusive
        if c.ldc:
            assert c.developing, c.iso2
        if c.lldc:
            assert c.developing or c.eit, c.iso2
        if c.status is StatusCode.TERRITORY:
            assert not c.ldc, c.iso2
            assert not c.lldc, c.iso2
            assert not c.eit, c.iso2
            if c.region_group_via:
                assert get_country(c.region_group_via).is_member, c.iso2
        else:
            assert c.region_group_via == "", c.iso2


def test_statistical_region_group() -> None:
    assert statistical_region_group("FR") is RegionGroupCode.WEOG
    assert statistical_region_group("HK") is RegionGroupCode.ASIA_PACIFIC
    assert statistical_region_group("PR") is RegionGroupCode.WEOG
    assert statistical_region_group("GL") is RegionGroupCode.WEOG
    assert statistical_region_group("AW") is RegionGroupCode.WEOG
    assert statistical_region_group("XK") is RegionGroupCode.EASTERN_EUROPEAN
    assert statistical_region_group("VA") is None
    assert statistical_region_group("AQ") is None


def test_iso_codes_and_m49_match_pycountry() -> None:
    pycountry = pytest.importorskip("pycountry")
    iso = {c.alpha_2: c for c in pycountry.countries}
    # Every ISO 3166-1 entry is in the file; the only extra row is Kosovo.
    assert set(countries_by_iso2()) - set(iso) == {"XK"}
    assert set(iso) <= set(countries_by_iso2())
    for record in COUNTRIES:
        if record.iso2 == "XK":
            continue
        entry = iso[record.iso2]
        assert record.iso3 == entry.alpha_3, record.iso2
        assert record.name_en == entry.name, record.iso2
        # M49 equals the ISO 3166-1 numeric code wherever both exist.
        if record.m49:
            assert record.m49 == entry.numeric, record.iso2


# --- Loader ------------------------------------------------------------------------------------


def test_loader_is_cached_and_read_only() -> None:
    assert load_countries() is load_countries()
    assert countries_by_iso2()["EG"] is get_country("eg")
    with pytest.raises(TypeError):
        countries_by_iso2()["ZZ"] = get_country("EG")  # type: ignore[index]
    with pytest.raises(KeyError):
        get_country("ZZ")


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        ("FR,FRA,250,France,member,weog,,0,0,0,0,2", "developing must be 0 or 1"),
        ("FR,FRA,250,France,state,weog,,0,0,0,0,0", "'state' is not a valid StatusCode"),
        ("FR,FRA,250,France,member,europe,,0,0,0,0,0", "'europe' is not a valid RegionGroupCode"),
        ("FR,FRA,250,France,member,weog,,0,0,0,0", "11 fields, expected 12"),
    ],
)
def test_malformed_rows_are_rejected(tmp_path: Path, bad_row: str, message: str) -> None:
    lines = DATA_FILE.read_text(encoding="utf-8").splitlines()
    header = next(line for line in lines if not line.startswith("#"))
    path = tmp_path / "countries.csv"
    path.write_text(f"# comment\n{header}\n{bad_row}\n", encoding="utf-8")
    with pytest.raises(CountryDataError, match=re.escape(message)):
        parse_countries(path)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("ar", "ar"),
        ("en", "en"),
        ("es", "es"),
        ("fr", "fr"),
        ("ru", "ru"),
        ("zh-hans", "zh_Hans"),
        ("zh_Hans", "zh_Hans"),
        ("ZH-HANS", "zh_Hans"),
        ("zh", "zh_Hans"),
        ("en-us", "en"),
        ("fr_CA", "fr"),
        ("de", "en"),
        ("", "en"),
    ],
)
def test_normalize_language(given: str, expected: str) -> None:
    assert normalize_language(given) == expected


# --- Names -------------------------------------------------------------------------------------


def test_every_name_is_in_all_six_languages() -> None:
    for language in LANGUAGES:
        cldr = Locale.parse(language).territories
        for record in COUNTRIES:
            name = country_name(record.iso2, language)
            assert name.strip(), (record.iso2, language)
            if record.iso2 not in ISO_NAMED:
                # From the CLDR catalogue of that very language, not a fallback.
                assert cldr.get(record.iso2) == name, (record.iso2, language)


@pytest.mark.parametrize(
    ("iso2", "language", "expected"),
    [
        ("EG", "ar", "مصر"),
        ("CN", "zh-hans", "中国"),
        ("RU", "ru", "Россия"),
        ("FR", "fr", "France"),
        ("ES", "es", "España"),
        ("GB", "en", "United Kingdom"),
        ("CI", "fr", "C\u00f4te d\u2019Ivoire"),
        ("HK", "en", "Hong Kong SAR China"),
        ("XK", "ru", "Косово"),
        ("DE", "de", "Germany"),  # not one of the six: English
    ],
)
def test_cldr_names(iso2: str, language: str, expected: str) -> None:
    assert country_name(iso2, language) == expected


@pytest.mark.parametrize(
    ("iso2", "language", "expected"),
    [
        ("TW", "en", "Taiwan, Province of China"),
        ("TW", "zh-hans", "中国台湾省"),
        ("TW", "fr", "Taïwan, province de Chine"),
        ("PS", "ar", "دولة فلسطين"),
        ("PS", "en", "Palestine, State of"),
        ("VA", "es", "Santa Sede (Ciudad Estado del Vaticano)"),
    ],
)
def test_iso_named_rows_use_the_un_designation(iso2: str, language: str, expected: str) -> None:
    pytest.importorskip("pycountry")
    assert country_name(iso2, language) == expected
