from django.views.generic import TemplateView

from apps.core.permissions import GriffieVereistMixin


class DashboardView(GriffieVereistMixin, TemplateView):
    template_name = "griffie/dashboard.html"
