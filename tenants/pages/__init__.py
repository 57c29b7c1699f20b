"""Free pages: simple ky/ru pages an admin adds to the school's main menu
(the school's history, clubs, achievements of pupils and teachers)."""
