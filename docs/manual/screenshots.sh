#!/usr/bin/env bash
# Refreshes the manual's pictures from the browser tests' screenshots, so the manual shows the forms as they are.
#   ./mvnw test -Dtest.db=postgres      (or ./mvnw test -Dbrowser: the browser tests write target/screenshots/)
#   docs/manual/screenshots.sh [folder of screenshots, default target/screenshots]
# Copies every picture the manual uses (docs/manual/images/) from target/screenshots/; a picture that no test
# wrote any more is reported, and ManualTest fails on a picture that no browser test names.
set -euo pipefail
shots="$(cd "${1:-$(dirname "$0")/../../target/screenshots}" && pwd)"
cd "$(dirname "$0")"
missing=0
# the pictures the chapters show
for name in $(grep -oh 'images/[^)]*\.png' ./*.md | sort -u | sed 's|images/||'); do
  image="images/$name"
  if [ -f "$shots/$name" ]; then
    cp "$shots/$name" "$image"
  else
    echo "not written by the last browser run: $name" >&2
    missing=1
  fi
done
exit "$missing"
