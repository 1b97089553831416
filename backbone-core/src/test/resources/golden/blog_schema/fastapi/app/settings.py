"""Settings of BlogBackend, read from the environment and from .env."""

from functools import cache

from pydantic_settings import BaseSettings, SettingsConfigDict

from app.database import DEFAULT_DATABASE_URL


class Settings(BaseSettings):
    """Every setting has a default, so the app starts without a .env file."""

    model_config = SettingsConfigDict(
        env_file=".env", env_ignore_empty=True, extra="ignore"
    )

    DATABASE_URL: str = DEFAULT_DATABASE_URL
    DEFAULT_PAGE_SIZE: int = 50
    MAX_PAGE_SIZE: int = 500
    CORS_ORIGINS: list[str] = []


@cache
def get_settings() -> Settings:
    """The settings, read once."""
    return Settings()
