"""Imports every model module, so that the metadata (and Alembic) knows every table."""

from mektep.accounts.models import Membership, User  # noqa: F401
from mektep.audit import AuditEntry  # noqa: F401
from mektep.moderation.stopwords import StopWord  # noqa: F401
from tenants.content.models import SectionContent, StaffMember  # noqa: F401
from tenants.discussion.models import Answer, Post  # noqa: F401
from tenants.documents.models import Document, StoredFile  # noqa: F401
from tenants.events.models import Event  # noqa: F401
from tenants.models import Domain, School  # noqa: F401
from tenants.news.models import NewsPost  # noqa: F401
from tenants.pages.models import Page  # noqa: F401
from tenants.search import sources  # noqa: F401  (registers what search indexes)
from tenants.search.models import SearchEntry  # noqa: F401
from tenants.versioning import Revision  # noqa: F401
