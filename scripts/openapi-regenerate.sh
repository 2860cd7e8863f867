#!/usr/bin/env bash
# Regenerates the checked-in API contract src/main/resources/openapi/careloop.yaml from the controllers: runs
# OpenApiContractTest in write mode (an application on the tests' PostgreSQL, GET /v3/api-docs.yaml), then shows the diff.
# Commit the file together with the controller change.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test -Dtest=OpenApiContractTest -Dopenapi.write=true -Dsurefire.failIfNoSpecifiedTests=false "$@"
git --no-pager diff --stat -- src/main/resources/openapi/careloop.yaml || true
