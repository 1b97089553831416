"""The HTTP API of EcommerceBackend: one router per table."""
