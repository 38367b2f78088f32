#!/usr/bin/env bash
# Re-vendor pdf.js (the PDF viewer of the chat page) and axe-core (the accessibility check of the browser test)
# from npm, pinned: `bash web/vendor/revendor.sh [PDFJS_VERSION] [AXE_VERSION]`. Needs npm once, here; the page
# and `make run` never do (the files are committed, so the page works with no network).
set -euo pipefail
cd "$(dirname "$0")/../.."
pdfjs_version="${1:-6.5.438}"
axe_version="${2:-4.14.1}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "pdfjs-dist@${pdfjs_version}" "axe-core@${axe_version}" >/dev/null)
mkdir -p "$work/pdfjs" "$work/axe"
tar xzf "$work/pdfjs-dist-${pdfjs_version}.tgz" -C "$work/pdfjs"
tar xzf "$work/axe-core-${axe_version}.tgz" -C "$work/axe"
rm -rf web/vendor/pdfjs tests/vendor/axe-core
mkdir -p web/vendor/pdfjs tests/vendor/axe-core
cp "$work/pdfjs/package/build/pdf.min.mjs" "$work/pdfjs/package/build/pdf.worker.min.mjs" \
   "$work/pdfjs/package/LICENSE" web/vendor/pdfjs/
cp -r "$work/pdfjs/package/standard_fonts" web/vendor/pdfjs/
cp "$work/axe/package/axe.min.js" "$work/axe/package/LICENSE" "$work/axe/package/LICENSE-3RD-PARTY.txt" \
   tests/vendor/axe-core/
printf 'pdfjs-dist %s (Apache-2.0), from npm\n' "$pdfjs_version" > web/vendor/pdfjs/VERSION
printf 'axe-core %s (MPL-2.0), from npm\n' "$axe_version" > tests/vendor/axe-core/VERSION
echo "pdf.js ${pdfjs_version} og axe-core ${axe_version} er lagt i web/vendor/pdfjs og tests/vendor/axe-core."
