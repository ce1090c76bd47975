#!/usr/bin/env bash
# Makes the database of a release as the upgrade test needs it (docs/operations.md, "Upgrading"): builds the
# release's jar from its git tag, starts it on a new PostgreSQL database with the demo data (cases, payrolls, an
# import, processes waiting at every kind of step), stops it, and writes a compressed plain-SQL dump.
#
#   ops/release-database.sh v1.0.0 src/test/resources/upgrade/release-1.0.0.sql.gz
#
# Needs the tag (git fetch --tags), a JDK, and PostgreSQL reachable with the libpq variables (PGHOST, PGPORT,
# PGUSER, PGPASSWORD); a scratch database (RELEASE_DATABASE, default bureau_release_dump) is created and dropped.
set -euo pipefail

tag="${1:?usage: ops/release-database.sh <tag> <output.sql.gz>}"
output="$(realpath -m "${2:?usage: ops/release-database.sh <tag> <output.sql.gz>}")"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
database="${RELEASE_DATABASE:-bureau_release_dump}"
work="$(mktemp -d)"
trap 'kill "${app:-0}" 2>/dev/null || true; git worktree remove --force "$work/src" 2>/dev/null || true; rm -rf "$work"' EXIT

git worktree add --detach "$work/src" "$tag" >/dev/null
(cd "$work/src" && ./mvnw -B -ntp -q package -DskipTests -Dlint.skip)
jar=$(ls "$work"/src/target/civil-affairs-workflow-*.jar | grep -v plain | head -n 1)

dropdb --if-exists --force "$database"
createdb --encoding=UTF8 --template=template0 "$database"
BUREAU_ALLOW_DEMO_CREDENTIALS=true java -jar "$jar" --spring.profiles.active=postgres \
  --spring.datasource.url="jdbc:postgresql://$PGHOST:$PGPORT/$database" \
  --spring.datasource.username="$PGUSER" --spring.datasource.password="${PGPASSWORD:-}" \
  --bureau.demo-data.enabled=true --bureau.import.directory="$work/imports" --server.port=0 \
  > "$work/app.log" 2>&1 &
app=$!

# ready when the demo's roster upload is validated and no table changes for a few seconds
count() { psql -X -At -d "$database" -c "select string_agg(relname || '=' || n_live_tup, ',' order by relname) from pg_stat_user_tables" 2>/dev/null || true; }
last=""
for _ in $(seq 1 300); do
  sleep 5
  kill -0 "$app" 2>/dev/null || { tail -n 50 "$work/app.log"; echo "the release did not start" >&2; exit 1; }
  grep -q "demo data: a roster upload waiting" "$work/app.log" || continue
  [ "$(psql -X -At -d "$database" -c "select count(*) from import_batch where status = 'VALIDATING'")" = "0" ] || continue
  now="$(count)"
  [ "$now" = "$last" ] && break
  last="$now"
done
kill "$app"; wait "$app" || true

# the uploaded workbook's path as an installation of the release records it (not this machine's scratch folder)
psql -X -q -d "$database" -c "update import_batch set stored_file = '/var/lib/bureau/imports/' || regexp_replace(stored_file, '^.*/', '')"
mkdir -p "$(dirname "$output")"
pg_dump --format=plain --no-owner --no-privileges -d "$database" | gzip -9 > "$output"
dropdb "$database"
echo "$tag database written to $output ($(du -h "$output" | cut -f1))"
