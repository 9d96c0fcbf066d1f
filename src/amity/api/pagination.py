"""The API's pagination: `?limit=` and `?offset=` as DRF reads them, bounded and checked."""

import re

from django.utils.translation import gettext as _
from rest_framework import pagination
from rest_framework.exceptions import ValidationError

WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")
#: beyond any table's size: an offset past the rows gives an empty page
MAX_OFFSET = 10**15


class LimitOffsetPagination(pagination.LimitOffsetPagination):
    """A limit above `max_limit` gives `max_limit` rows; a limit or offset that is no whole
    number (or a limit below 1, an offset beyond MAX_OFFSET) is a 400, not silently the
    default."""

    max_limit = 1000

    def get_limit(self, request):
        raw = request.query_params.get(self.limit_query_param, "")
        if raw == "":
            return self.default_limit
        if re.fullmatch(r"[0-9]+", raw) and len(raw) > 18:  # huge: as many as a page may hold
            return self.max_limit
        return min(self._whole_number(self.limit_query_param, raw, 1, None), self.max_limit)

    def get_offset(self, request):
        raw = request.query_params.get(self.offset_query_param, "")
        if raw == "":
            return 0
        return self._whole_number(self.offset_query_param, raw, 0, MAX_OFFSET)

    @staticmethod
    def _whole_number(name, raw, minimum, maximum) -> int:
        value = int(raw) if WHOLE_NUMBER.fullmatch(raw) else None
        if value is None or value < minimum or (maximum is not None and value > maximum):
            if maximum is None:
                message = _("Enter a whole number of at least %(minimum)s.")
            else:
                message = _("Enter a whole number from %(minimum)s to %(maximum)s.")
            raise ValidationError({name: [message % {"minimum": minimum, "maximum": maximum}]})
        return value

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        bounds = {
            self.limit_query_param: {"minimum": 1, "maximum": self.max_limit},
            self.offset_query_param: {"minimum": 0, "maximum": MAX_OFFSET},
        }
        for parameter in parameters:
            parameter["schema"].update(bounds.get(parameter["name"], {}))
        return parameters
