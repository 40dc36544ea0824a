"""The desktop face of dpia_desk (PySide6). Only this package imports Qt.

Module map
----------
=============================  ===============================================================
``app``                        ``run_gui(args)``: QApplication, excepthook, translators, theme,
                               then :class:`~dpia_desk.ui.app.AppController` (opens the
                               workspace, shows the main window, locks and unlocks)
``workspace_flow``             ``WorkspaceOpener.open(path)``: first run, silent keychain
                               unlock, unlock dialog, one error dialog per store error
``context``                    ``WorkspaceContext``: the open workspace, the work runner, the
                               actor, ``read()``/``write(kind)`` sessions, ``changed``/``saved``
``workers``                    ``WorkRunner`` (one background thread) and
                               ``SynchronousWorkRunner`` (tests): the one way to run long work
``main_window``                the window: navigation bar, page stack, menus, status bar
``navigation``                 the side bar's list model and view
``pages/``                     one module per page; ``pages/__init__.py`` registers them
``dialogs/``                   first run, unlock, store errors, locked, vendor, AI system,
                               settings, about, recovery key panel, export done, import
                               report, vendor picker, restore, change key, erase
``models/``                    item models: ``vendor_table`` (lazy, SQL-sorted and -filtered),
                               ``rows`` (short read-only lists)
``delegates``                  ``BadgeDelegate`` and ``badge_colors`` (tier, verdict, grade...)
``store_queries``              small reads and audited writes the store does not offer yet
``export_actions``             File > Export / Import: ``ExportController``, ``add_export_menu``,
                               ``add_assessment_menu`` (the assessment window's Export menu)
``trust_actions``              backup, restore (``RestoreRequest`` to the app controller),
                               change key, integrity check, erasure: ``TrustController``
``progress``                   ``run_with_progress``: a runner job behind a QProgressDialog
``clipboard``                  ``copy_sensitive``: a secret leaves the clipboard after a delay
``crash``                      the excepthook, ``CrashDialog``, ``error_box``, ``report_error``
``theme``, ``icons``           light/dark themes (``resources/styles``), SVG line icons
                               (``resources/icons``) tinted to the theme
``i18n``, ``labels``           translators (and ``DPIA_DESK_PSEUDO_TR=1``); words for stored codes
``settings``                   per-user ``QSettings`` (keys listed in its docstring)
``lists``                      ``search_field`` and ``filter_as_you_type`` (a filter field that
                               queries once typing pauses), ``record_table``, ``table_or_message``
``passphrase_fields``          ``KeyModeChoice``: keychain or a passphrase typed twice
                               (``PassphraseFields``) for a new key (first run, change key),
                               ``keychain_problem``, ``MIN_PASSPHRASE``
``widgets``                    ``FieldError``, ``Banner``, ``FittedDialog``, ``make_primary``,
                               ``indented``, ``beside_symbol``, ``disposing`` (every dialog shown
                               with ``exec()`` goes through it)
=============================  ===============================================================

Threads: the UI thread uses short sessions (``context.read()``/``context.write(kind)``) for
queries of a few milliseconds and single changes; anything longer goes to
``context.runner.submit(fn, *args, on_result=..., on_error=...)`` where ``fn(work, *args)`` opens
its own session. Never keep ORM objects in widgets: copy plain values out of the session.
"""
