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


def signed_in(user, **client_options):
    """A FormClient signed in as `user`, past the second factor if `user` needs one (ADR 0019)."""
    from .factories import confirmed_totp_device

    client = FormClient(**client_options)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    if user.requires_two_factor:
        device = confirmed_totp_device(user)
        session = client.session
        session["otp_device_id"] = device.persistent_id
        session.save()
    return client
