"""The building blocks of the shared schema: typed fields, repeated-record groups
and sections (staff lists are in `staff`, with the staff fields they show).

A member's `key` ("common.regDate", "struct.filInfo.nameFil") is stable: stored
values, document attachments and the JSON API are keyed by it. Every part of a
declaration is given by keyword: `Field(name="regDate", kind="date", label=...)`.
"""

from dataclasses import dataclass, field
from functools import cached_property
from typing import ClassVar

TEXT_KINDS = frozenset({"text", "richtext"})
KINDS = frozenset(
    {"text", "richtext", "date", "phone", "email", "url", "number", "choice", "document"}
)
DEFAULT_MAX_LENGTH = {"text": 500, "richtext": 20000, "url": 500, "email": 254, "phone": 40}


@dataclass(kw_only=True)
class Member:
    """What every member of the schema shares: its name, label and help, the
    regulation's item it serves (I1–I19), whether it is required, its itemprop
    (its name unless given), and its stable `key`, bound once its place (the
    section's slug, the group's key) is known."""

    name: str
    label: object
    help: object
    item: str | None = None
    required: bool = False
    itemprop: str | None = None
    key: str = field(default="", init=False)

    def __post_init__(self):
        if self.itemprop is None:
            self.itemprop = self.name

    def bind(self, prefix):
        self.key = f"{prefix}.{self.name}"


@dataclass(kw_only=True)
class Field(Member):
    """One typed value. `name` is its itemprop unless `itemprop` says otherwise; an
    itemprop may list several names, the current one first and an older one after
    it ("eduLang languageEl"), so that checkers of either age find the value."""

    member_type: ClassVar[str] = "field"

    kind: str
    choices: tuple = ()
    max_length: int | None = None
    past_only: bool = False
    min_value: int | None = 0
    max_value: int | None = None
    source: str | None = None
    grouped: bool = True

    def __post_init__(self):
        super().__post_init__()
        if self.kind not in KINDS:
            raise ValueError(f"unknown field kind {self.kind}")
        if self.max_length is None:
            self.max_length = DEFAULT_MAX_LENGTH.get(self.kind)

    @property
    def translated(self):
        """Text that exists in ky and ru (A6); other kinds have one value."""
        return self.kind in TEXT_KINDS

    @property
    def is_document(self):
        return self.kind == "document"

    def choice_label(self, value):
        return dict(self.choices).get(value, value)


@dataclass(kw_only=True)
class Group(Member):
    """Repeated records (branches, programs, ...). Each record is an item with the
    group's `itemprop`; `list_itemprop`, when given, names the item that holds all
    the records (the table)."""

    member_type: ClassVar[str] = "group"
    kind: ClassVar[str] = "group"
    is_document: ClassVar[bool] = False
    translated: ClassVar[bool] = False
    choices: ClassVar[tuple] = ()

    fields: list
    list_itemprop: str | None = None

    def bind(self, prefix):
        super().bind(prefix)
        for member in self.fields:
            member.bind(self.key)


@dataclass(kw_only=True)
class Section:
    """A /sveden/ subsection: its slug, title, and members in page order.
    `also_shows` are keys of other sections' members that its page shows too
    (from their one record, P2), such as catering and health on the facilities."""

    slug: str
    title: object
    intro: object
    members: list
    optional: bool = False
    also_shows: tuple = ()

    def __post_init__(self):
        for member in self.members:
            member.bind(self.slug)

    # The schema is fixed at import; public pages ask for these on every request.
    @cached_property
    def fields(self):
        return [m for m in self.members if isinstance(m, Field)]

    @cached_property
    def groups(self):
        return [m for m in self.members if isinstance(m, Group)]

    @cached_property
    def staff_lists(self):
        return [m for m in self.members if m.member_type == "staff"]

    @property
    def editable(self):
        """Whether the section has values of its own (staff lists are edited apart)."""
        return bool(self.fields or self.groups)
