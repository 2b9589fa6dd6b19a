"""The client's shell: the application and its start-up, the sign-in screen, the
main window frame with its menus (navigation to every screen) and status bar."""
