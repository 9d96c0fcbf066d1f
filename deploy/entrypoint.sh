#!/bin/sh
# The container's entry: a fresh directory for gunicorn's workers to add up their Prometheus
# metrics (the figures of a previous run of the container must not count), then the command.
set -eu
if [ -n "${PROMETHEUS_MULTIPROC_DIR:-}" ]; then
    rm -rf "$PROMETHEUS_MULTIPROC_DIR"
    mkdir -p "$PROMETHEUS_MULTIPROC_DIR"
fi
exec "$@"
