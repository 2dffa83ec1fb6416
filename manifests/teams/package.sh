#!/usr/bin/env bash
# Builds the Teams app package to sideload: ./manifests/teams/package.sh <MicrosoftAppId> [out.zip]
set -euo pipefail
app_id="${1:?usage: package.sh <MicrosoftAppId> [out.zip]}"
[[ "$app_id" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]] || { echo "MicrosoftAppId must be a GUID, got '$app_id'" >&2; exit 2; }
here="$(cd "$(dirname "$0")" && pwd)"
out="$(realpath -m "${2:-salescoachbot-teams.zip}")"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
sed "s/\${{MICROSOFT_APP_ID}}/$app_id/g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"
rm -f "$out"
(cd "$work" && python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED); [z.write(f) for f in ("manifest.json", "color.png", "outline.png")]' "$out")
echo "Wrote $out: upload it in Teams under Apps > Manage your apps > Upload an app."
