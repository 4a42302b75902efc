from apps.core.query import ZichtbaarheidQuerySet


class BesluitQuerySet(ZichtbaarheidQuerySet):
    def gepubliceerd(self):
        return self.filter(status="gepubliceerd")

    def openbaar(self):
        """Published and public. A version superseded by a rectificatie stays public (its own address shows it
        with a notice); the lists and the search leave superseded versions out themselves."""
        return self.filter(status="gepubliceerd", vertrouwelijkheid="openbaar")

    def voor_raadsleden(self):
        return self.gepubliceerd()
