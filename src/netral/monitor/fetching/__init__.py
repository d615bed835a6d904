"""The monitor's fetching layer: polite HTTP, robots.txt, main-text extraction, language, canonical URLs.

Pure Python, no Django: the monitor's services call it from tasks, and the CLI can use it without a database.
"""

from netral.monitor.fetching.errors import FetchError, FetchRefused
from netral.monitor.fetching.extract import Extracted, extract
from netral.monitor.fetching.http import DEFAULT_USER_AGENT, Fetched, Fetcher, bot_user_agent
from netral.monitor.fetching.language import Language, detect_language
from netral.monitor.fetching.urls import canonical_url

__all__ = [
    "DEFAULT_USER_AGENT",
    "Extracted",
    "FetchError",
    "FetchRefused",
    "Fetched",
    "Fetcher",
    "Language",
    "bot_user_agent",
    "canonical_url",
    "detect_language",
    "extract",
]
