#!/usr/bin/env bash
# Restores a backup made by ops/backup.sh into an EMPTY database and an empty (or missing) import folder.
# docs/operations.md, "Backup and restore". Stop the application first; start it on the restored data afterwards.
#
#   ops/restore.sh <backup-folder>
#
# Target: PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE (the database must exist and be empty: createdb it,
# owned by the application's role) and BUREAU_IMPORT_DIRECTORY. Objects are restored owned by PGUSER.
set -euo pipefail

source="${1:?usage: ops/restore.sh <backup-folder>}"
: "${PGDATABASE:?set PGDATABASE (and PGHOST, PGPORT, PGUSER, PGPASSWORD) to the empty target database}"
: "${BUREAU_IMPORT_DIRECTORY:?set BUREAU_IMPORT_DIRECTORY to the empty target folder of uploaded import files}"

(cd "$source" && sha256sum --check --quiet SHA256SUMS)

tables=$(psql -X -At -v ON_ERROR_STOP=1 -c "select count(*) from pg_tables where schemaname = 'public'")
if [ "$tables" != "0" ]; then
  echo "database $PGDATABASE is not empty ($tables tables): restore into a new database" >&2
  exit 1
fi
if [ -d "$BUREAU_IMPORT_DIRECTORY" ] && [ -n "$(ls -A "$BUREAU_IMPORT_DIRECTORY")" ]; then
  echo "import folder $BUREAU_IMPORT_DIRECTORY is not empty: restore into a new folder" >&2
  exit 1
fi

pg_restore --exit-on-error --single-transaction --no-owner --no-privileges --dbname="$PGDATABASE" "$source/database.dump"
mkdir -p "$BUREAU_IMPORT_DIRECTORY"
tar -xzf "$source/imports.tar.gz" -C "$BUREAU_IMPORT_DIRECTORY"
psql -X -q -v ON_ERROR_STOP=1 -c "analyze"
echo "restored $source into database $PGDATABASE and $BUREAU_IMPORT_DIRECTORY"
