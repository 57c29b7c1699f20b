"""A school's look within the district's rules: the accent colours allowed
(`colours`), the district's default colour and its lock (`models`), and the
choice of a colour on a form (`forms`), shared by the school admin's branding
page and the district console's."""
