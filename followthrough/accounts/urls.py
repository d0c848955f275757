from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("sign-in", views.sign_in, name="sign-in"),
    path("sign-out", views.sign_out, name="sign-out"),
    path("account", views.your_account, name="your-account"),
    path("account/two-factor/set-up", views.two_factor_set_up, name="two-factor-set-up"),
    path("account/two-factor/set-up/email", views.two_factor_set_up_email, name="two-factor-set-up-email"),
    path("account/two-factor/verify", views.two_factor_verify, name="two-factor-verify"),
    path("account/two-factor/backup-codes", views.backup_codes, name="backup-codes"),
]
