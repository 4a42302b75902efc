"""Feed plumbing: Atom with plain-text summaries."""

from django.utils.feedgenerator import Atom1Feed

from .tekst import zonder_stuurtekens


class TekstAtom1Feed(Atom1Feed):
    """Atom whose <summary> is type="text": what a clerk typed (markup included) reaches feed readers as text,
    never as HTML. Control characters, which XML 1.0 forbids, are dropped instead of failing the whole feed."""

    def add_item_elements(self, handler, item):
        beschrijving = item.get("description")
        super().add_item_elements(handler, {**item, "description": None})
        if beschrijving is not None:
            handler.addQuickElement("summary", zonder_stuurtekens(beschrijving), {"type": "text"})

    def add_item(self, title, link, description, **kwargs):
        return super().add_item(zonder_stuurtekens(title), link, description, **kwargs)
