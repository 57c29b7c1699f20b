"""The declaration of the mandated section /sveden/: every subsection, in order,
with the fields and records that serve each item of the regulation (I1–I19).

The itemprop names follow regulation/requirements.md (its copy in
docs/regulation/, read by tests/test_regulation_names.py); where a member's name
differs from its itemprop, and names the regulation's table has none for
(`dateEnd`, `numberAll`, `publications`, `grant`, ...), see docs/api.md.
"""

from mektep.schema.sections_organization import COMMON, EDU_STANDARDS, EDUCATION, STRUCT
from mektep.schema.sections_resources import (
    BUDGET,
    CATERING,
    DOCUMENT,
    EMPLOYEES,
    GRANTS,
    INTER,
    MANAGERS,
    OBJECTS,
    PAID_EDU,
    VACANT,
)

SECTIONS = [
    COMMON,
    STRUCT,
    DOCUMENT,
    EDUCATION,
    EDU_STANDARDS,
    MANAGERS,
    EMPLOYEES,
    OBJECTS,
    VACANT,
    BUDGET,
    CATERING,
    GRANTS,
    PAID_EDU,
    INTER,
]
