"""Shapes of Buku KIA input and output (no saving here)."""
