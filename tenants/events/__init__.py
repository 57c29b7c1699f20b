"""A school's events calendar: times in the district's time zone, stored in UTC."""
