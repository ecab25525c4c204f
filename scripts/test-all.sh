#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what it needs, then runs every test that can run
# on a machine without Docker, and ends with one summary line over all runners.
#
#   npm run test:all            (or: bash scripts/test-all.sh)
#
# Steps: Debian packages (only those missing) → npm ci → typecheck → lint → unit tests → build →
# plugin validation → integration tests (real Prometheus, packaged backend under grafana-sim,
# recorded Loki answers) → browser tests (Debian chromium). Every step runs even if an earlier one
# failed (so one run shows every problem); the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RESULTS="$ROOT/test-summary"  # not under test-results/: Playwright empties that folder when it starts
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
export CI="${CI:-true}" TZ=UTC

start_all=$(date +%s)
failed_steps=()
step() { # step NAME COMMAND...
  local name=$1; shift
  local t0; t0=$(date +%s)
  echo; echo "=== $name: $*"
  if "$@"; then echo "=== $name: ok ($(( $(date +%s) - t0 )) s)"
  else echo "=== $name: FAILED ($(( $(date +%s) - t0 )) s)"; failed_steps+=("$name"); fi
}

# ---- Debian packages: Prometheus (integration fixture), Chromium (browser tests), and the Go
# toolchain that ../shared/tools/grafana-sim builds itself with. apt runs only if one is missing.
APT_PKGS="prometheus chromium golang-go golang-github-hashicorp-go-plugin-dev golang-google-grpc-dev golang-google-protobuf-dev golang-github-golang-protobuf-1-5-dev protoc-gen-go protoc-gen-go-grpc protobuf-compiler openssl binutils"
install_debian() {
  local missing=""
  for p in $APT_PKGS; do
    [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null | cut -c1-2)" = "ii" ] || missing="$missing $p"
  done
  [ -z "$missing" ] && { echo "Debian packages present"; return 0; }
  echo "installing Debian packages:$missing"
  local SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $APT_PKGS >/dev/null
}
step debian install_debian
# The prometheus package starts a system service; the tests start their own on free ports.
systemctl stop prometheus 2>/dev/null || service prometheus stop 2>/dev/null || true

# ---- npm: a clean install from the lockfile (fresh clones), skipped when node_modules matches it.
npm_install() {
  if [ node_modules/.package-lock.json -nt package-lock.json ] && [ node_modules/.package-lock.json -nt package.json ]; then
    echo "node_modules is up to date with package-lock.json"
  else
    npm ci --no-audit --no-fund
  fi
}
step npm-install npm_install

jest_json() { # jest_json NAME ARGS... : run jest, keep its JSON result for the summary
  local name=$1; shift
  npx jest "$@" --json --outputFile="$RESULTS/$name.json"
}

step typecheck npm run -s typecheck
step lint npm run -s lint
step unit jest_json unit --maxWorkers 2
step build npm run -s build
step validate-plugin npm run -s validate:plugin
step integration jest_json integration -c jest.integration.config.js --runInBand
step browser env PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/browser.json" npx playwright test -c playwright.config.ts --reporter=list,json

# ---- one summary over all runners
node - "$RESULTS" <<'JS'
const fs = require('fs'), path = require('path');
const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  let r; try { r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch { continue; }
  if ('numPassedTests' in r) { // jest
    passed += r.numPassedTests; failed += r.numFailedTests + (r.numRuntimeErrorTestSuites || 0); skipped += r.numPendingTests + (r.numTodoTests || 0);
    console.log(`${f.replace('.json', '')}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped (${r.numTotalTestSuites} files)`);
  } else if (r.stats) { // playwright
    const s = r.stats; passed += s.expected; failed += s.unexpected + (s.flaky || 0); skipped += s.skipped;
    console.log(`${f.replace('.json', '')}: ${s.expected} passed, ${s.unexpected} failed, ${s.skipped} skipped`);
  }
}
fs.writeFileSync(path.join(dir, 'totals.txt'), `${passed} ${failed} ${skipped}\n`);
JS
read -r passed failed skipped < "$RESULTS/totals.txt" || { passed=0; failed=0; skipped=0; }
echo
echo "test-all took $(( $(date +%s) - start_all )) s; steps failed: ${failed_steps[*]:-none}"
if [ ${#failed_steps[@]} -gt 0 ] && [ "$failed" = 0 ]; then failed=${#failed_steps[@]}; fi
echo "total: $passed passed, $failed failed, $skipped skipped"
[ ${#failed_steps[@]} -eq 0 ]
