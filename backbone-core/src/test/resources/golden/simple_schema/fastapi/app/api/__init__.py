"""The HTTP API of SimpleBlog: one router per table."""
