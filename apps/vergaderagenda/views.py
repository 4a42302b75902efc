from django.core.paginator import Paginator
from django.shortcuts import render

from .selectors import vergaderingen_lijst


def kalender(request):
    pagina = Paginator(vergaderingen_lijst(user=request.user), 50).get_page(request.GET.get("page"))
    return render(request, "vergaderagenda/kalender.html", {"page_obj": pagina})
