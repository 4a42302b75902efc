from django.core.paginator import Paginator
from django.shortcuts import render

from .selectors import besluiten_lijst


def lijst(request):
    pagina = Paginator(besluiten_lijst(user=request.user), 25).get_page(request.GET.get("page"))
    return render(request, "besluiten/lijst.html", {"page_obj": pagina})
