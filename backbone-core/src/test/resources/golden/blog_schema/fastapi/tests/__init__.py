"""Tests of the generated API (pytest with FastAPI's TestClient)."""
