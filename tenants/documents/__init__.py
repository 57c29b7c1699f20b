"""A school's documents: uploaded files with titles in ky and ru, kinds, and thumbnails."""
