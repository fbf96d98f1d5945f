"""How a person's history reads in the JSON API (``SpeakerPage.api_fields``)."""


def represent_participation(row, field):
    """One edition a person took part in: the edition, their role, the position and the
    organisation they had then."""
    return {
        "edition": field.nested(row.page),
        "role": row.role,
        "role_display": str(row.get_role_display()),
        "position": row.position,
        "organisation": field.nested(row.organisation),
    }
