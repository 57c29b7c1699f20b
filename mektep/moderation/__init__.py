"""The district-wide stop-word list that flags visitors' posts for moderation (P3–P6)."""
