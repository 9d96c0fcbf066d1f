from django import forms

from amity.core.forms import style_widgets
from amity.inbox.models import NotificationPreference


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ("email", "language")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_widgets(self)  # Amity's Bootstrap widgets: a select as wide as its column
