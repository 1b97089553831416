"""Request and response models (Pydantic v2), one module per table."""
