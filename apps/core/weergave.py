"""Cheaper reads for templates, with Django's own results (issue 14: template work repeated per row).

`keuze_weergave` replaces `Model._get_FIELD_display` on the portal's abstract bases: Django rebuilds
`dict(make_hashable(field.flatchoices))` on every `get_<veld>_display()` call (40-80 µs, once per row and column
of every list); this builds it once per field. The choices of a field do not change while a process runs.
"""

from django.utils.encoding import force_str
from django.utils.hashable import make_hashable


def keuze_weergave(self, field):
    """`get_<veld>_display()`: the label of the stored value, or the value itself when it is not a choice."""
    value = getattr(self, field.attname)
    labels = field.__dict__.get("_portaal_labels")
    if labels is None:
        labels = field._portaal_labels = dict(make_hashable(field.flatchoices))
    try:
        label = labels.get(value, value)
    except TypeError:  # an unhashable value (a list in a JSONField with choices): Django's own way
        label = labels.get(make_hashable(value), value)
    return force_str(label, strings_only=True)
