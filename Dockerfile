# syntax=docker/dockerfile:1
# One image for the API (`punchcard serve`) and the worker (`punchcard worker`); compose.yaml
# runs both beside PostgreSQL. Build: docker build -t punchcard .
ARG PYTHON_VERSION=3.11

# --- build: the locked dependencies, then the project, into /app/.venv ----------------------
FROM python:${PYTHON_VERSION}-slim-bookworm AS build
# The same uv as `make install` (Makefile: UV_VERSION).
COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /usr/local/bin/uv
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv
WORKDIR /src
# Dependencies first: this layer is rebuilt only when the lock file changes.
COPY pyproject.toml uv.lock ./
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-install-project
COPY README.md LICENSE ./
COPY src ./src
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-editable

# --- runtime: the virtual environment and a user without privileges --------------------------
FROM python:${PYTHON_VERSION}-slim-bookworm
RUN groupadd --system --gid 10001 punchcard \
    && useradd --system --uid 10001 --gid punchcard --home-dir /app --no-create-home punchcard
COPY --from=build /app/.venv /app/.venv
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /app
USER 10001:10001
EXPOSE 8000 9100
# Alive: the process answers (readiness, with the database, is /readyz).
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"]
# The API; compose.yaml runs the worker from the same image (`punchcard worker`).
CMD ["punchcard", "serve", "--host", "0.0.0.0", "--port", "8000", "--workers", "2", "--no-worker"]
