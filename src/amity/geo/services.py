from .models import Province


def current_province_for(province: Province) -> Province:
    """Return the province that ``province`` is today: its successor if it merged, else itself."""
    if province.is_current:
        return province
    if province.successor is None:
        raise ValueError(f"former province {province.code} has no successor")
    return province.successor
