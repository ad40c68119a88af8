"""The staff dashboard (``/dashboard``) and, beside it, the scanner (``/scan``): server-rendered
Jinja2 pages on the API's services, signed in with a password instead of an API key.

How an area adds pages (e.g. ``customers``), touching no shared file but two lines:
- ``dashboard/customers/http.py``: ``router = dashboard_router()`` (``routing``); each route
  takes ``view: StaffView`` (``access``: signed in, not a scanner; ``SignedInView`` for any
  login) and a ``Session``, calls the services with ``view.signed.actor`` (no SQL, no rule
  here: a refusal becomes an error page by itself), and answers ``view.render(template, TEXT,
  **context)``. A POST reads ``await posted_form(view)`` first (the CSRF check).
- ``dashboard/customers/text.py``: ``TEXT = Catalogue("customers", en={...}, de={...})``; in
  templates ``t("key", name=...)`` finds the area's words, then the layout's (``text.py``).
- ``dashboard/templates/customers/*.html`` extend ``layout.html`` (set ``title``, fill
  ``main``); a form carries ``{{ view.csrf_field(action) }}``; times show with
  ``view.local(moment)``, numbers with ``number(value)``.
- one line in ``routes.ROUTERS`` and one ``NavEntry`` in ``nav.NAV``.
Scripts and styles live in ``static/`` (served at ``/dashboard/static/``; the pages' CSP runs
no inline script or style and loads nothing from other sites).
"""
