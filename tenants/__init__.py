"""Everything that exists once per school: the School tenant, how a request
finds its school, what a school owns, and the school's public site and admin."""
