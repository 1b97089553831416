"""The HTTP API of BlogBackend: one router per table."""
