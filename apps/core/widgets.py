"""Form widgets for pages under load."""

from django import forms
from django.forms.utils import flatatt
from django.utils.choices import normalize_choices
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe

# Per widget name: (the choices list, its options as (value, markup before " selected", markup after)). A filter
# form's long option lists are one list object per cache generation (see `vaste_keuzes`), so their markup is built
# once per generation and process; a new list object (another generation, a short list built per request) is
# rendered anew and replaces the entry, so this holds one list per name.
_opties: dict[str, tuple[object, list[tuple[str, str, str]]]] = {}


def vaste_keuzes(veld: forms.ChoiceField, naam: str, opties: list) -> None:
    """Give `veld` the options `opties` (a list kept per cache generation) after its empty label, normalised
    once per generation instead of on every request (the setter normalises them anew: a few ms for 300 options)."""
    from apps.paginacache.fragmenten import per_generatie

    keuzes = per_generatie(
        f"{naam}:genormaliseerd",
        lambda: normalize_choices([("", veld.empty_label), *opties]),  # type: ignore[attr-defined]
    )
    # the attributes behind the (normalising) choices setters of field and widget
    veld._choices = veld.widget._choices = keuzes  # type: ignore[attr-defined]


class SnelleSelect(forms.Select):
    """A <select> rendered in Python instead of one template per option: the same markup as Django's Select
    (without option groups), at a fraction of the cost for the hundreds of options of a filter form; the options'
    markup of a list kept per cache generation is built once."""

    def _opties(self, name) -> list[tuple[str, str, str]]:
        keuzes = self.choices
        bewaard = _opties.get(name)
        if bewaard is not None and bewaard[0] is keuzes:
            return bewaard[1]
        opties = []
        for waarde, label in keuzes:
            waarde = "" if waarde is None else str(waarde)
            opties.append((waarde, f'<option value="{escape(waarde)}"', f">{conditional_escape(label)}</option>"))
        _opties[name] = (keuzes, opties)
        return opties

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        gekozen = {str(v) for v in self.format_value(value)}
        delen = [f'<select name="{escape(name)}"{flatatt(attrs)}>']
        for waarde, voor, na in self._opties(name):
            delen.append(f"{voor} selected{na}" if waarde in gekozen else voor + na)
        delen.append("</select>")
        return mark_safe("\n".join(delen))
