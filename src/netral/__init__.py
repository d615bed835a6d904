"""Netral: supervising the political neutrality of Indonesia's civil servants, village heads, TNI and Polri."""

__version__ = "0.1.0"
