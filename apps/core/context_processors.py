from .gemeente import huidige_gemeente
from .permissions import rol_van


def portaal(request):
    return {"gemeente": huidige_gemeente(), "portaal_rol": rol_van(getattr(request, "user", None))}
