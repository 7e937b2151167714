"""``ltmt serve``: a multi-user translation server (FastAPI + uvicorn) over the public API.

:mod:`~ltmt.server.app` builds the application; :mod:`~ltmt.server.service` holds the model,
store and keys; :mod:`~ltmt.server.batching` decodes concurrent requests together;
:mod:`~ltmt.server.routes` is the ``/v1`` API, :mod:`~ltmt.server.admin` its admin part and
:mod:`~ltmt.server.libre` the LibreTranslate-compatible endpoints, whose translated files wait
for their download in :mod:`~ltmt.server.downloads`.
"""
