"""The walk of every rule of the url_map with hostile values, as every role."""
