# The portal's pages store nothing of their own; the page cache's generation lives in apps.paginacache.
