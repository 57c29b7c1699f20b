"""The requests of the walk, made from the app's url_map: for every rule and every
method it accepts, one request with values that reach its view, then hostile
variants: hostile values for each converter of its path, hostile `page`, `lang`,
`q` and unknown or clashing query arguments, and for unsafe methods hostile
values in every field of its form (read from the rule's own page when it has
one). Nothing here names a route: a rule added later is walked the same way."""

import re
from dataclasses import dataclass, field
from urllib.parse import quote

from werkzeug.routing import AnyConverter, IntegerConverter, PathConverter

BIG = "9" * 30  # far beyond 64 bits
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
SCHOOL_BLUEPRINTS = frozenset({"admin", "public", "api"})
APEX_BLUEPRINTS = frozenset({"district", "home", "open_data"})
# A rule's arguments in its pattern: <name>, <int:name>, <any(a, b):name>.
ARGUMENT = re.compile(r"<(?:[a-z]+(?:\([^)]*\))?:)?(\w+)>")
FIELD = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"')
# Forms of POST-only rules live on other pages: these names cover most forms.
GENERIC_FIELDS = ("title_ky", "title_ru", "body_ky", "body", "email", "password", "slug", "role")

PATH_VALUES = {
    "int": (BIG, str(2**31), "0"),
    "any": ("x", "%00"),
    "text": ("%00", "x" * 3000, "..%2F..%2F%3Cscript%3E", "%D1%88%D0%BA%20%27"),
}
QUERIES = (
    f"page={BIG}",
    "page=-1&lang=xx",
    "q=" + quote("'\"<>%_\\ " + "я" * 300) + "&lang=ru",
    "q=a%00b",
    "_method=POST&_external=1&_anchor=x&_scheme=javascript&next=//evil.example&lang=" + "ky" * 200,
)
FORM_VALUES = (
    "a\x00b",
    BIG,
    "ж" * 3000,
    "<script>alert(1)</script>' OR 1=1 -- 2026-13-45T25:61",
)
# Rules whose path takes values show one item; `page`, `q` and `lang` matter most
# to the others (lists, search): those get every query variant, items a few.
ITEM_QUERIES = 2


@dataclass
class Call:
    rule: object
    method: str
    host: str  # "school" or "apex"
    path: str
    form: dict | None = None
    hostile: str = ""  # what is hostile in it; "" for the call that reaches the view
    fields: tuple = field(default=())


def blueprint(rule):
    return rule.endpoint.rpartition(".")[0]


def hosts(rule):
    """The hosts a rule answers on: a school's, the apex, or both."""
    if blueprint(rule) in SCHOOL_BLUEPRINTS:
        return ("school",)
    if blueprint(rule) in APEX_BLUEPRINTS:
        return ("apex",)
    return ("school", "apex")


def methods(rule):
    return sorted(rule.methods - {"HEAD", "OPTIONS"})


def kind_of(converter):
    if isinstance(converter, IntegerConverter):
        return "int"
    if isinstance(converter, AnyConverter):
        return "any"
    return "text"


def default_value(converter):
    if isinstance(converter, IntegerConverter):
        return 1
    if isinstance(converter, AnyConverter):
        return sorted(converter.items)[0]
    return "x"


def path_of(rule, values):
    """The rule's path with `values` (already URL-quoted strings) in place."""
    return ARGUMENT.sub(lambda match: values[match.group(1)], rule.rule)


def quoted(rule, values):
    safe = {
        name: quote(str(values[name]), safe="/" if isinstance(conv, PathConverter) else "")
        for name, conv in rule._converters.items()
    }
    return path_of(rule, safe)


def form_fields(html):
    names = [name for name in FIELD.findall(html or "") if name != "csrf_token"]
    return tuple(dict.fromkeys(names)) or GENERIC_FIELDS


def valid_call(rule, method, host, values):
    path = quoted(rule, values)
    return Call(rule, method, host, path, {} if method in UNSAFE else None)


def hostile_calls(rule, method, host, values, fields):
    """Every hostile variant of a rule's request (the path values stay valid
    except the one that is hostile)."""
    valid_path = quoted(rule, values)
    form = {} if method in UNSAFE else None
    calls = []
    plain = {name: quote(str(value), safe="/") for name, value in values.items()}
    for name, converter in rule._converters.items():
        for value in PATH_VALUES[kind_of(converter)]:
            path = path_of(rule, plain | {name: value})
            calls.append(Call(rule, method, host, path, form, f"{name}={value[:20]}"))
    clashes = "&".join(f"{name}=abc" for name in rule._converters)
    queries = QUERIES if not rule._converters else sample(QUERIES, ITEM_QUERIES, len(rule.rule))
    for query in queries:
        query = f"{query}&{clashes}" if clashes and query.startswith("_method") else query
        calls.append(Call(rule, method, host, f"{valid_path}?{query}", form, query[:40]))
    if method in UNSAFE:
        for value in FORM_VALUES:
            filled = dict.fromkeys(fields, value)
            calls.append(Call(rule, method, host, valid_path, filled, f"form={value[:20]!r}"))
    return calls


def sample(calls, count, offset):
    """`count` of `calls`, spread by `offset` so that roles and rules take turns."""
    if len(calls) <= count:
        return calls
    step = max(1, len(calls) // count)
    return [calls[(offset + index * step) % len(calls)] for index in range(count)]
