"""The Qt desktop client: windows and widgets only, over the ops.

Nothing here runs SQL or holds a business rule: screens call ops and queries
(``boxoffice.ops``) through ``common`` (the store worker runs them off the UI
thread; the op runner shows refusals by code and asks for overrides) and
redraw on the change-sets the bus adapter brings. ``shell`` is the
application, sign-in, the main window frame and its navigation; ``widgets``
holds reusable parts. PySide6 is imported only via ``boxoffice.ui.qt``.
"""
