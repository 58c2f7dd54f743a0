"""Mandates: what the Council creates, renews and lets lapse, with a calendar of expiries."""
