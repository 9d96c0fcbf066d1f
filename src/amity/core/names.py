"""People's names as Viet Nam writes them: the family name first ("Trần Thu Hà"), in Vietnamese
and in English alike, where Django's `get_full_name` puts the given name first ("Thu Hà Trần")."""


def family_name_first(given_name: str, family_name: str) -> str:
    """The full name, family name first, without the spaces a missing part would leave."""
    return " ".join(part for part in (family_name.strip(), given_name.strip()) if part)
