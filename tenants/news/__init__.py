"""News and announcements of a school: posts in ky and ru, scheduled
publishing, pinning, and the "important" banner shown on every public page."""
