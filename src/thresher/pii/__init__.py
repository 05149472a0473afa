"""Personal data redaction: e-mail addresses, phone numbers, IPv4 and IPv6 addresses."""

from thresher.pii.patterns import PiiKind, find_pii
from thresher.pii.step import RedactPii

__all__ = ["PiiKind", "RedactPii", "find_pii"]
