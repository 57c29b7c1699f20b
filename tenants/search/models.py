"""The search index: one row per searchable item and language."""

from mektep.extensions import db
from tenants.scoping import TenantOwned


class SearchEntry(TenantOwned, db.Model):
    __tablename__ = "search_entry"
    __table_args__ = (db.Index("ix_search_entry_item", "school_id", "kind", "item_id"),)

    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(40), nullable=False)
    item_id = db.Column(db.Integer, nullable=False)
    lang = db.Column(db.String(2), nullable=False)
    # What the result links to, for the source to build the URL (an id, a slug...).
    ref = db.Column(db.String(200), nullable=False)
    title = db.Column(db.String(500), nullable=False)
    body = db.Column(db.Text, nullable=False, default="")
    # Case-folded title and body: what the full-text index matches against.
    terms = db.Column(db.Text, nullable=False, default="")
