"""The application's services: what the CLI and the GUI do, over the store, forms and scoring.

No Qt here: the GUI calls these functions (on its database worker) exactly as the CLI does, so
every workflow can be driven and tested headless. Each function takes a SQLAlchemy session from
``workspace.session()`` (writes) or ``workspace.read_session()`` (reads) and an ``actor`` for the
audit trail.

- :mod:`.assessments`: start an assessment on a frozen form, answers, comments, evidence, and
  :func:`snapshot` (answers, completeness, scores with reasons) of one assessment;
- :mod:`.signoff`: section ratings, status, sign-off with its blockers, locking, new versions;
- :mod:`.risks`: the DPIA risk register and the action plan;
- :mod:`.reviews` and :mod:`.review_plan`: the guided review and its next steps;
- :mod:`.summary`: the vendor table's cached figures;
- :mod:`.library`: the process-wide form library.
"""
