"""The Qt desktop client: windows and widgets only, over the core services.

Nothing here runs SQL or holds a business rule; store work goes through
``workers.StoreWorker`` (off the UI thread) calling Qt-free service and query
functions. PySide6 is imported only via ``boxoffice.ui.qt``.
"""
