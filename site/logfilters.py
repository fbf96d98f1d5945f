"""Logging filters, named by the settings' LOGGING."""

import logging
import math
import time


class OncePerInterval(logging.Filter):
    """Let one record of a kind through per interval, on one line without its traceback.

    While Redis is down every cache call fails and is ignored (a miss): logging each with its
    traceback buried the log in hundreds of identical entries a second. One line a minute per
    kind of error says the same thing."""

    def __init__(self, seconds=60):
        super().__init__()
        self.seconds = seconds
        self.last_seen = {}

    def filter(self, record):
        error = record.exc_info[1] if record.exc_info else None
        kind = (record.name, record.msg, type(error))
        now = time.monotonic()
        if now - self.last_seen.get(kind, -math.inf) < self.seconds:
            return False
        self.last_seen[kind] = now
        if error is not None:
            # django_redis wraps the driver's error: the cause says what happened.
            cause = error.__cause__ or error
            reason = f"{type(cause).__name__}: {cause}"
            record.msg = f"{record.msg}: {reason} (repeats are not logged for {self.seconds} s)"
            record.exc_info = record.exc_text = None
        return True
