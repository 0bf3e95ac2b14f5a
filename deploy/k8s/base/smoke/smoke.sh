#!/usr/bin/env bash
# The post-deploy smoke test: provided separately (the project's smoke.sh replaces this placeholder).
