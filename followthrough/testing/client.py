"""A test client that sends forms as the service renders them (ADR 0014)."""

from django.test import Client

from followthrough.core import once


class FormClient(Client):
    """Each POST carries a new submission key, as a form freshly rendered by the service does, unless the test gives
    its own key (to send the same form twice) or sends something other than form fields."""

    def post(self, path, data=None, *args, **kwargs):
        if data is None:
            data = {}
        if isinstance(data, dict) and once.FIELD not in data:
            data = {**data, once.FIELD: once.new_key()}
        return super().post(path, data, *args, **kwargs)
