"""Django's `date` and `time` filters and `{% url %}` tag, remembered: a builtin of the template engine
(settings.TEMPLATES) that takes the place of Django's own of the same name, with the same output.

Issue 14 (template work repeated per row): Django formats every date anew (the format is parsed and each month
and day name translated through the active language: about 30 µs a date) and resolves every link through the URL
patterns (about 35 µs a link; a NoReverseMatch, which `{% url ... as x %}{% if x %}` relies on, costs more).
The same dates and links come back on every page (meeting dates, subjects, fracties, members, the menu), so the
results are kept in bounded caches:

- a date or time per (value, its tzinfo, format, language). The value arrives in local time already
  (`expects_localtime`), and its tzinfo is part of the key, so a datetime is never formatted for another zone;
- a link per (view name, arguments, current app, script prefix, URL configuration), only when every argument is
  a plain value (text, number, UUID, date): an object's text could change while its key stays the same. A name
  that does not resolve is kept as such.
"""

import datetime
import uuid
from functools import lru_cache

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.template import defaultfilters, defaulttags
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.html import conditional_escape
from django.utils.translation import get_language

register = template.Library()


# --- date and time -----------------------------------------------------------------------------------------


@lru_cache(maxsize=20000)
def _datum(value, arg, tz, taal):
    return defaultfilters.date(value, arg)


@lru_cache(maxsize=2000)
def _tijd(value, arg, tz, taal):
    return defaultfilters.time(value, arg)


def _onthouden(functie, origineel, value, arg):
    if value in (None, ""):
        return ""
    try:
        return functie(value, arg, getattr(value, "tzinfo", None), get_language())
    except TypeError:  # an unhashable value: Django's filter decides what it gives
        return origineel(value, arg)


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    return _onthouden(_datum, defaultfilters.date, value, arg)


@register.filter(expects_localtime=True, is_safe=False)
def time(value, arg=None):
    return _onthouden(_tijd, defaultfilters.time, value, arg)


# --- url ---------------------------------------------------------------------------------------------------

_GEEN = object()  # a view name with these arguments that does not resolve
_GEWONE_WAARDEN = (str, int, uuid.UUID, datetime.date)


@lru_cache(maxsize=50000)
def _link(view_name, args, kwargs, current_app, prefix, urlconf, root_urlconf):
    """reverse(); `prefix` and `root_urlconf` only key the cache (reverse reads them itself)."""
    try:
        return reverse(view_name, args=args, kwargs=dict(kwargs), current_app=current_app, urlconf=urlconf)
    except NoReverseMatch:
        return _GEEN


def _gewoon(waarde) -> bool:
    return type(waarde) in _GEWONE_WAARDEN or isinstance(waarde, _GEWONE_WAARDEN)


class OnthoudenURLNode(defaulttags.URLNode):
    def render(self, context):
        args = tuple(arg.resolve(context) for arg in self.args)
        kwargs = {k: v.resolve(context) for k, v in self.kwargs.items()}
        if not (all(_gewoon(a) for a in args) and all(_gewoon(v) for v in kwargs.values())):
            return super().render(context)
        view_name = self.view_name.resolve(context)
        try:
            current_app = context.request.current_app
        except AttributeError:
            try:
                current_app = context.request.resolver_match.namespace
            except AttributeError:
                current_app = None
        try:
            url = _link(
                view_name,
                args,
                tuple(sorted(kwargs.items())),
                current_app,
                get_script_prefix(),
                get_urlconf(),
                settings.ROOT_URLCONF,
            )
        except TypeError:  # an unhashable view name
            return super().render(context)
        if url is _GEEN:
            if self.asvar is None:
                return super().render(context)  # raises Django's own NoReverseMatch
            url = ""
        if self.asvar:
            context[self.asvar] = url
            return ""
        return conditional_escape(url) if context.autoescape else url


@register.tag
def url(parser, token):
    node = defaulttags.url(parser, token)
    return OnthoudenURLNode(node.view_name, node.args, node.kwargs, node.asvar)


def _vergeten(**kwargs):
    """A changed setting (tests) can change links and formats: start afresh."""
    _link.cache_clear()
    _datum.cache_clear()
    _tijd.cache_clear()


setting_changed.connect(_vergeten)
