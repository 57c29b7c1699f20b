"""The admin toolkit: the pages and pieces every kind of school content shares,
so that each kind's admin is a declaration plus what is really its own.

- `kinds.KindAdmin`: a kind's list, new, edit, publish and move-to-trash pages
  (news, events, free pages, documents, staff), with a status badge per item
  and the drafts of a whole list read in one query.
- `saving`: saving an edit as a draft or a publication, refusing an editor the
  admin's buttons (`tenants.admin.access.admin_only`), the one confirm form's
  check, and the page that confirms an action that cannot be undone.
- `forms`: `KindForm` and `ContentForm` (a bilingual kind's form, built from its
  model), and `fields.DistrictDateTimeField` for times in the district's zone.
- `history` and `trash`: the history of every versioned kind and the trash of
  every trashable one, with nothing to add per kind.

Templates: `templates/admin/toolkit/`.
"""
