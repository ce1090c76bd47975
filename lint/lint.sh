#!/bin/sh
# Lints every BPMN diagram in processes/ with bpmnlint (lint/.bpmnlintrc: the recommended rules
# plus Camunda 7.24 compatibility). Run by the Maven build in the test phase; a lint error fails
# the build. Skipped, with a notice, on a machine without Node.js/npm.
set -e
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "bpmnlint: node/npm not found, and CI=true lints every diagram" >&2
    exit 1
  fi
  echo "bpmnlint skipped: node/npm not found (install Node.js to lint the diagrams)"
  exit 0
fi
if [ ! -d node_modules/bpmnlint ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "bpmnlint: processes/*.bpmn"
node node_modules/bpmnlint/bin/bpmnlint.js ../processes/*.bpmn
echo "bpmnlint: no problems"
