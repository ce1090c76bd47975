#!/usr/bin/env bash
# Backs up the platform: the PostgreSQL database (pg_dump, custom format) and the folder of uploaded import
# workbooks (bureau.import.directory), into one new folder. docs/operations.md, "Backup and restore".
#
#   ops/backup.sh <backup-folder>
#
# The database comes from the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass), PGDATABASE;
# the import folder from BUREAU_IMPORT_DIRECTORY (the application's setting). The database is dumped first: every
# file a batch in the dump names was uploaded before, so the files copied afterwards include it.
set -euo pipefail

target="${1:?usage: ops/backup.sh <backup-folder>}"
: "${PGDATABASE:?set PGDATABASE (and PGHOST, PGPORT, PGUSER, PGPASSWORD) to the application database}"
: "${BUREAU_IMPORT_DIRECTORY:?set BUREAU_IMPORT_DIRECTORY to the folder of uploaded import files}"

if [ -e "$target" ] && [ -n "$(ls -A "$target")" ]; then
  echo "backup folder $target is not empty" >&2
  exit 1
fi
mkdir -p "$target"

pg_dump --format=custom --no-owner --no-privileges --file="$target/database.dump"
if [ -d "$BUREAU_IMPORT_DIRECTORY" ]; then
  tar -czf "$target/imports.tar.gz" -C "$BUREAU_IMPORT_DIRECTORY" .
else
  tar -czf "$target/imports.tar.gz" --files-from=/dev/null
fi
(cd "$target" && sha256sum database.dump imports.tar.gz > SHA256SUMS)
echo "backup of database $PGDATABASE and $BUREAU_IMPORT_DIRECTORY written to $target"
