from apps.core.query import ZichtbaarheidQuerySet


class MemoQuerySet(ZichtbaarheidQuerySet):
    def openbaar(self):
        return self.filter(status="definitief", vertrouwelijkheid="openbaar")

    def voor_raadsleden(self):
        return self.filter(status="definitief")
