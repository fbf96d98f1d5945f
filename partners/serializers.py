"""How an organisation's history reads in the JSON API (``OrganisationPage.api_fields``)."""


def represent_partnership(row, field):
    """One edition an organisation partnered: the edition, its role and its tier."""
    return {
        "edition": field.nested(row.page),
        "role": row.role,
        "role_display": str(row.get_role_display()),
        "tier": row.tier,
        "tier_display": str(row.get_tier_display()) if row.tier else "",
    }
