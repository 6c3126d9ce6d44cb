"""The browser tests' fixtures (a running app, headless Chromium), for every e2e module."""

from tests.e2e.test_browser import app_url, browser

__all__ = ["app_url", "browser"]
