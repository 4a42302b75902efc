from django import forms
from django.contrib.auth.forms import AuthenticationForm


class InlogForm(AuthenticationForm):
    """The login form with Dutch labels (the accessible names the browser tests use)."""

    username = forms.CharField(
        label="Gebruikersnaam", max_length=150, widget=forms.TextInput(attrs={"autocomplete": "username"})
    )
    password = forms.CharField(
        label="Wachtwoord", strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    error_messages = {
        "invalid_login": "Deze combinatie van gebruikersnaam en wachtwoord is onbekend. Let op hoofdletters.",
        "inactive": "Dit account is niet actief.",
    }
