"""The read-only JSON API of the archive, by resource: ``router`` mounts it at /api/v2/."""
