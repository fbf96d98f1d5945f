"""What a visitor or a robot may put in a query string: every public page answers it with a
normal page (or a 404), never a server error."""

HOSTILE_VALUES = [
    "abc",
    "-1",
    "1.5",
    "0x10",
    "99999999999999999999999999",
    "%00",
    "%F0%9F%92%A5",
    "%FF%FE",
    "<script>alert(1)</script>",
    "' OR 1=1 --",
    "9" * 5000,
]
