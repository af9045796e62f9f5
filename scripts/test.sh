#!/usr/bin/env bash
# Runs the whole test suite from a plain clone: installs what the tests need, checks formatting,
# builds warnings-as-errors, runs every test project, and closes with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

if ! command -v etcd >/dev/null 2>&1; then
  echo "installing etcd-server (the etcd storage tests start a real etcd)"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq etcd-server) >/dev/null || {
    echo "could not install etcd-server; etcd tests will fail" >&2; }
fi

set -e
dotnet restore Karmada.slnx --verbosity quiet
dotnet format Karmada.slnx --no-restore --verify-no-changes
dotnet build Karmada.slnx -c Release --no-restore --verbosity quiet -nologo
set +e

log=$(mktemp)
# Unit and in-process tests first (projects in parallel), then the end-to-end tests on their own: they start real
# processes and kubectl, and the machine has two cores.
rc=0
dotnet test Karmada.slnx -c Release --no-build --nologo --filter "FullyQualifiedName!~Karmada.E2E.Tests" 2>&1 | tee "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || rc=1
dotnet test tests/Karmada.E2E.Tests/Karmada.E2E.Tests.csproj -c Release --no-build --nologo 2>&1 | tee -a "$log"
[ "${PIPESTATUS[0]}" -eq 0 ] || rc=1

passed=0; failed=0
while read -r f p; do
  failed=$((failed + f)); passed=$((passed + p))
done < <(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+' "$log" | sed -E 's/Failed: +([0-9]+), Passed: +([0-9]+)/\1 \2/')
rm -f "$log"
echo "$passed passed, $failed failed"
if [ "$rc" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
