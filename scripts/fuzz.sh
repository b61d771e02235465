#!/usr/bin/env bash
# Runs every Go fuzz target in the repository (every `func FuzzXxx` in a
# _test.go file under internal/ and wasm/) for DURATION each, one after the
# other, and prints how many inputs each one tried.
#
#   scripts/fuzz.sh [DURATION]      DURATION as for go test -fuzztime: 30s, 10m (default 30s)
#
#   FUZZ_PARALLEL=n   fuzzing workers per target (default 1: the machines are shared)
#   FUZZ_MINIMIZE=d   time spent shrinking each new input (default 0: shrinking
#                     a 3 KB page byte by byte costs more than the fuzzing itself;
#                     a failing input is written out whole either way)
#   FUZZ_FRESH=1      start each target from its committed seeds only, with a
#                     fuzz cache of its own that is thrown away afterwards
#                     (make test-fuzz). Go first re-runs every input it has
#                     cached for a target (the "baseline coverage"); after a
#                     few long runs that takes FuzzProcess more than 30 s, and
#                     a short run would then try no new input at all.
#
# A run that tried no new input fails: it tested nothing but the cache.
#
# A failing input is written by go test to the package's
# testdata/fuzz/FuzzXxx/ directory; commit it (renamed after what it pins)
# and it runs as a regression test with every `go test`. The script exits
# non-zero if any target failed, after running them all.
set -euo pipefail
cd "$(dirname "$0")/.."

duration="${1:-30s}"
parallel="${FUZZ_PARALLEL:-1}"
minimize="${FUZZ_MINIMIZE:-0}"
fresh="${FUZZ_FRESH:-0}"
scratch="$(mktemp -d)"
trap 'rm -rf "${scratch}"' EXIT

mapfile -t targets < <(grep -rHo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]*' internal wasm 2>/dev/null |
  sed 's/:func / /' | sort)
if [[ ${#targets[@]} -eq 0 ]]; then
  echo "fuzz.sh: no fuzz targets found" >&2
  exit 1
fi

# fuzz_target NAME PKG runs one target. With FUZZ_FRESH it builds the test
# binary and runs it from the package's directory (where go test runs it, so
# a failing input lands in testdata/fuzz/NAME) with a cache directory of its
# own; go test has no flag for that directory.
fuzz_target() {
  local name="$1" pkg="$2"
  if [[ "${fresh}" != 1 ]]; then
    go test -run '^$' -fuzz "^${name}\$" -fuzztime "${duration}" -fuzzminimizetime "${minimize}" \
      -parallel "${parallel}" "${pkg}"
    return
  fi
  local bin="${scratch}/${name}.test"
  go test -c -o "${bin}" "${pkg}" || return
  (cd "${pkg}" && "${bin}" -test.run='^$' -test.fuzz="^${name}\$" -test.fuzztime="${duration}" \
    -test.fuzzminimizetime="${minimize}" -test.parallel="${parallel}" \
    -test.fuzzcachedir="${scratch}/cache-${name}")
}

status=0
results=()
for t in "${targets[@]}"; do
  file="${t% *}"
  name="${t#* }"
  pkg="./$(dirname "$file")"
  log="$(mktemp)"
  echo "== ${name} (${pkg}) for ${duration}"
  start=$(date +%s)
  corpus="$(dirname "$file")/testdata/fuzz/${name}"
  before="$(ls "${corpus}" 2>/dev/null | sort || true)"
  if fuzz_target "${name}" "${pkg}" >"${log}" 2>&1; then
    result=ok
  elif [[ "$(ls "${corpus}" 2>/dev/null | sort || true)" == "${before}" ]] &&
    grep -q '^    context deadline exceeded$' "${log}" && ! grep -q 'Failing input written' "${log}"; then
    # Go 1.26's fuzz coordinator can report its own -fuzztime deadline as a
    # failure when a worker is mid-input (go.dev/issue/75804, fixed in Go
    # 1.27): no input failed and none was written, so it is not one.
    result="ok (deadline race, no failing input)"
  else
    result=FAIL
    status=1
    grep -v '^fuzz: elapsed' "${log}" | tail -40
  fi
  execs="$(grep -o 'execs: [0-9]*' "${log}" | tail -1 | awk '{print $2}' || true)"
  if [[ "${result}" != FAIL && "${execs:-0}" == 0 ]]; then
    result="FAIL (no new input tried: the run ended while re-running the cached inputs)"
    status=1
    grep -v '^fuzz: elapsed' "${log}" | tail -5
  fi
  results+=("$(printf '%-20s %-28s %8ss %12s %s' "${name}" "${pkg}" "$(($(date +%s) - start))" "${execs:-0}" "${result}")")
  rm -f "${log}"
done

echo
printf '%-20s %-28s %9s %12s %s\n' target package time execs result
printf '%s\n' "${results[@]}"
exit "${status}"
