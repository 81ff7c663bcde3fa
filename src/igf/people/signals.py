"""Signals the people app sends, for apps higher up to react to (documented in docs/)."""

from django.dispatch import Signal

# Sent inside the erasure transaction with `person`: scrub anything personal you hold.
person_erased = Signal()
