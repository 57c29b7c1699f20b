"""Visitors' questions and feedback, their moderation, and the school's answers (A3, G6)."""
