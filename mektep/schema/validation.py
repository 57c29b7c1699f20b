"""Turning what an admin typed into a stored value, per field kind, with a
localized message for anything that cannot be stored.

`clean_value(field, raw)` returns the value to store (None when empty) or raises
`InvalidValue`. Phones are stored as +996…, e-mails in lower case, rich text
sanitized with the section's allow-list (`mektep.richtext`).
"""

import re
from datetime import date
from urllib.parse import urlsplit

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from flask_babel import gettext as _

from mektep.richtext import sanitize_section_html

_DATE_FORMATS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"),
    re.compile(r"^(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>\d{4})$"),
)


class InvalidValue(ValueError):
    """What was typed cannot be stored; the message says why, in the page's language."""


def clean_value(field, raw):
    if raw is None:
        return None
    raw = raw.strip() if isinstance(raw, str) else raw
    if raw == "":
        return None
    if field.max_length and isinstance(raw, str) and len(raw) > field.max_length:
        raise InvalidValue(
            _("At most %(n)s characters; this is %(m)s.", n=field.max_length, m=len(raw))
        )
    return _CLEANERS[field.kind](field, raw)


def _text(field, raw):
    return re.sub(r"\s+", " ", raw)


def _richtext(field, raw):
    return sanitize_section_html(raw) or None


def _date(field, raw):
    for pattern in _DATE_FORMATS:
        match = pattern.match(raw)
        if match:
            try:
                value = date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                break
            if value.year < 1800:
                raise InvalidValue(_("Enter a year after 1800."))
            if field.past_only and value > date.today():
                raise InvalidValue(_("This date cannot be in the future."))
            return value.isoformat()
    raise InvalidValue(_("Enter a real date, such as 01.09.1965."))


def normalize_phone(raw):
    """A Kyrgyz number in any usual writing, as +996XXXXXXXXX."""
    try:
        number = phonenumbers.parse(raw, "KG")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or number.country_code != 996 or not phonenumbers.is_valid_number(number):
        raise InvalidValue(
            _("Enter a Kyrgyz phone number, such as 0312 54 12 34 or +996 555 12 34 56.")
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(value):
    number = phonenumbers.parse(value, "KG")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _phone(field, raw):
    return normalize_phone(raw)


def _email(field, raw):
    try:
        return validate_email(raw, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        raise InvalidValue(_("Enter a valid e-mail address, such as name@example.kg.")) from None


def _url(field, raw):
    try:
        parts = urlsplit(raw)
        host = parts.hostname or ""
    except ValueError:
        parts, host = None, ""
    if parts is None or parts.scheme not in ("http", "https") or "." not in host or " " in raw:
        raise InvalidValue(_("Enter a full web address starting with https://."))
    return raw


def _number(field, raw):
    text = str(raw).replace(" ", "").replace("\u00a0", "")
    if not re.fullmatch(r"-?\d+", text):
        raise InvalidValue(_("Enter a whole number, such as 25."))
    value = int(text)
    if field.min_value is not None and value < field.min_value:
        raise InvalidValue(_("Enter a number not below %(n)s.", n=field.min_value))
    if field.max_value is not None and value > field.max_value:
        raise InvalidValue(_("Enter a number not above %(n)s.", n=field.max_value))
    return value


def _choice(field, raw):
    if raw not in dict(field.choices):
        raise InvalidValue(_("Choose one of the listed values."))
    return raw


def _document(field, raw):
    return None


_CLEANERS = {
    "text": _text,
    "richtext": _richtext,
    "date": _date,
    "phone": _phone,
    "email": _email,
    "url": _url,
    "number": _number,
    "choice": _choice,
    "document": _document,
}
