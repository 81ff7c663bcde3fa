"""Pages of the consultations app, one module per part of the work (see urls.py)."""
