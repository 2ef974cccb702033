"""Checks on inputs and on produced files: nothing lost, and (for PDFs) print preflight."""
