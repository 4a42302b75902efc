"""{% paginanavigatie page_obj as nav %}: the page links of includes/pagination.html, computed in Python.

Works for Django's Paginator and apps.core.paginering.SleutelPaginator: `nav.nummers` are the page numbers to
link (1, the current page with two either side, the last page) with None for a gap; `nav.laatste` is the number
of pages, or None when only an estimate is known.
"""

from django import template

register = template.Library()


@register.simple_tag
def paginanavigatie(page_obj):
    paginator = page_obj.paginator
    telling = getattr(paginator, "telling", None)
    exact = telling().exact if telling else True
    nummers = [
        None if n == paginator.ELLIPSIS else n
        for n in paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    ]
    return {"nummers": nummers, "laatste": paginator.num_pages if exact else None}
