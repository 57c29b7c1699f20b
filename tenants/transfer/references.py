"""Ids that the database does not know are ids, and how an import renumbers
them: a version (`revision`) names its item by kind and id, and keeps the
item's versioned fields in its data, foreign keys among them (a news post's
cover); a translation mark (`stale_translation`) names its item the same way.
Every other id is a foreign key, renumbered by its key alone."""

from tenants.versioning import versioned_models

# (table, column) of each integer id without a foreign key, and what remaps it.
UNKEYED_IDS = {
    ("revision", "item_id"): "remap_revision: the item of its kind",
    ("stale_translation", "item_id"): "remap_item: the item of its kind",
}


def _item_model_and_id(row, ids):
    """The versioned model of `row`'s kind and the new id of its item, or
    (model, None) when the item does not travel."""
    model = versioned_models().get(row["kind"])
    if model is None:
        return None, None
    return model, ids.get(model.__table__.name, row["item_id"])


def remap_item(row, ids):
    """`row` with its item (by kind and id) renumbered, or None when the item
    does not travel."""
    _model, item_id = _item_model_and_id(row, ids)
    return None if item_id is None else {**row, "item_id": item_id}


def remap_revision(row, ids):
    """`row` (a version's values) with its item and the ids in its data
    renumbered by `ids` (an IdMap), or None when its item does not travel: a
    version of an item deleted for good, which nothing can show again."""
    model, item_id = _item_model_and_id(row, ids)
    if item_id is None:
        return None
    data = dict(row["data"] or {})
    for name in model.versioned_fields:
        column = model.__table__.columns.get(name)
        target = (
            next((fk.column.table.name for fk in column.foreign_keys), None)
            if column is not None
            else None
        )
        if target is not None and data.get(name) is not None:
            data[name] = ids.get(target, data[name])
    return {**row, "item_id": item_id, "data": data}


# Tables whose rows need more than their foreign keys renumbered; they are
# imported after every other table, so that whatever they name has its new id.
ROW_REMAPPERS = {"revision": remap_revision, "stale_translation": remap_item}
