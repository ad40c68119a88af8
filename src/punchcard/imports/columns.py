"""Which column of the file feeds which field: an explicit mapping where given, else the
header's name (exact field names first, then common synonyms such as "E-Mail" or "Mobile")."""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from punchcard.customers.matching import PLAIN_FIELDS
from punchcard.customers.schemas import IDENTITY
from punchcard.kit.errors import Unprocessable

METADATA = "metadata."
FIELDS = {
    "customers": (*PLAIN_FIELDS, "marketing_consent", "metadata"),
    "cards": ("program_id", "source_id", "email", "phone", "stamps"),
}
SYNONYMS = {
    "source_id": ("external_id", "crm_id", "customer_id", "client_id", "customer_number"),
    "email": ("e_mail", "email_address", "mail"),
    "phone": ("phone_number", "mobile", "mobile_phone", "telephone", "tel", "cell"),
    "name": ("full_name", "customer_name", "client_name"),
    "birthday": ("birth_date", "birthdate", "date_of_birth", "dob"),
    "language": ("lang", "locale"),
    "marketing_consent": ("consent", "opt_in", "optin", "newsletter", "accepts_marketing"),
    "program_id": ("program",),
    "stamps": ("stamp_balance", "balance", "stamp_count"),
}


def _normal(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", header.lower()).strip("_")


@dataclass(frozen=True)
class Columns:
    kind: str  # customers | cards
    by_index: dict[int, str]  # column index -> field
    ignored: list[str]  # headers that feed nothing

    def mapped(self, header: list[str]) -> dict[str, str]:
        return {header[i]: name for i, name in self.by_index.items()}


def _field_of(kind: str, header: str) -> str | None:
    if header.lower().startswith(METADATA) and kind == "customers":
        key = header[len(METADATA) :].strip()
        return METADATA + key if key else None
    normal = _normal(header)
    if normal in FIELDS[kind]:
        return normal
    return next((f for f in FIELDS[kind] if normal in SYNONYMS.get(f, ())), None)


def _check_field(kind: str, header: str, name: str) -> None:
    metadata_key = name.startswith(METADATA) and 0 < len(name) - len(METADATA) <= 40
    if name not in FIELDS[kind] and not (kind == "customers" and metadata_key):
        allowed = ", ".join(FIELDS[kind]) + (", metadata.<key>" if kind == "customers" else "")
        raise Unprocessable(
            "csv_mapping_invalid",
            f"Column '{header}' is mapped to '{name}', which is not one of: {allowed}.",
            field=f"mapping.{header}",
        )


def resolve(
    kind: str, header: list[str], mapping: Mapping[str, str | None], *, program_given: bool
) -> Columns:
    """The field of each column; 422 for a mapping naming no column, two columns feeding one
    field, or a required field no column feeds."""
    by_name = {name.lower(): i for i, name in enumerate(header)}
    if len(by_name) < len([name for name in header if name]):
        raise Unprocessable("csv_header_duplicate", "Two columns of the header have one name.")
    explicit: dict[int, str | None] = {}
    for name, target in mapping.items():
        index = by_name.get(name.strip().lower())
        if index is None:
            raise Unprocessable(
                "csv_mapping_unknown_column",
                f"The mapping names column '{name}', which the header does not have.",
                field=f"mapping.{name}",
            )
        if target:
            _check_field(kind, name, target)
        explicit[index] = target or None
    by_index: dict[int, str] = {}
    ignored: list[str] = []
    for index, name in enumerate(header):
        target = explicit[index] if index in explicit else (_field_of(kind, name) if name else None)
        if target is None:
            ignored.append(name)
        elif target in by_index.values():
            first = next(header[i] for i, f in by_index.items() if f == target)
            raise Unprocessable(
                "csv_column_ambiguous",
                f"Columns '{first}' and '{name}' both feed '{target}': map one of them to null.",
            )
        else:
            by_index[index] = target
    _require(kind, set(by_index.values()), program_given=program_given)
    return Columns(kind, by_index, ignored)


def _require(kind: str, fed: set[str], *, program_given: bool) -> None:
    missing = []
    if not fed & set(IDENTITY):
        missing.append("one of source_id, email or phone")
    if kind == "cards":
        if "stamps" not in fed:
            missing.append("stamps")
        if "program_id" not in fed and not program_given:
            missing.append("program_id (or the program_id option)")
    if missing:
        raise Unprocessable(
            "csv_column_missing",
            f"No column feeds {' and '.join(missing)}: name the header so, or map a column.",
            missing=missing,
        )
