"""Data files shipped with facilitator (phone page, support resources, sounds)."""
