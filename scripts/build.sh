#!/usr/bin/env bash
# Builds the SayWho engine as WebAssembly and assembles the extension.
#
#   extension/engine/saywho.wasm   the engine (-trimpath, -s -w)
#   extension/engine/wasm_exec.js  Go's loader, copied from this toolchain
#   dist/unpacked/                 the extension, ready for "Load unpacked"
#   dist/saywho-chrome.zip, dist/saywho-firefox.zip
#
# Generated files are never committed; this script makes them from source.
set -euo pipefail
cd "$(dirname "$0")/.."

goroot="$(go env GOROOT)"
version="$(git describe --always --dirty 2>/dev/null || echo dev)"

GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w -X main.version=${version}" \
  -o extension/engine/saywho.wasm ./wasm
cp "${goroot}/lib/wasm/wasm_exec.js" extension/engine/wasm_exec.js

raw=$(wc -c < extension/engine/saywho.wasm)
gz=$(gzip -9 -c extension/engine/saywho.wasm | wc -c)
awk -v r="$raw" -v g="$gz" 'BEGIN { printf "saywho.wasm: %d bytes (%.2f MiB), %d bytes gzip (%.2f MiB)\n", r, r/1048576, g, g/1048576 }'

if [[ "${1:-}" == "--wasm-only" ]]; then exit 0; fi

rm -rf dist/unpacked
mkdir -p dist/unpacked
cp manifest.json dist/unpacked/
[[ -d _locales ]] && cp -r _locales dist/unpacked/
cp -r extension dist/unpacked/
go run ./scripts/pack -src dist/unpacked -out dist
echo "unpacked extension: dist/unpacked"
