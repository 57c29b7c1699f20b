"""`/api/v1/info`: the published values of every section, in both languages (or
one, `?lang=`), keyed by the shared schema (section slug, then member name),
with each section's last update, review-by date and whether it is overdue."""

from flask import g, jsonify

from tenants.api.blueprint import bp, language_argument
from tenants.api.serialize import SchoolData


@bp.route("/info")
def info():
    response = jsonify(SchoolData([g.school], language_argument()).school_json(g.school))
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
