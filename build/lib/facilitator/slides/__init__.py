"""Session files shipped with facilitator."""
