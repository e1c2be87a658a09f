# tap.sh: the TAP helpers of the test scripts in test/scripts, sourced by
# each of them.  A script calls ok for every check and ends with finish,
# which prints the plan and the line "N passed, N failed" that
# scripts/test counts, and exits non-zero when a check failed.

PASSED=0
FAILED=0
N=0

# ok EXIT_STATUS DESCRIPTION [DIAGNOSTIC]: one check; on a failure the
# first 40 lines of the diagnostic are printed as TAP comments
ok() {
  N=$((N + 1))
  if [[ $1 == 0 ]]; then
    PASSED=$((PASSED + 1))
    echo "ok $N - $2"
  else
    FAILED=$((FAILED + 1))
    echo "not ok $N - $2"
    if [[ ${3:-} ]]; then
      sed 's/^/# /' <<<"$3" | head -40
    fi
  fi
}

finish() {
  echo "1..$N"
  echo "$PASSED passed, $FAILED failed"
  ((FAILED == 0))
  exit $?
}

# doc_block NAME: the fenced block after "<!-- test: NAME -->" in $DOC
doc_block() {
  awk -v name="$1" '
    $0 == "<!-- test: " name " -->" { want = 1; next }
    want == 1 && /^```/ { want = 2; next }
    want == 2 && /^```/ { exit }
    want == 2 { print }
  ' "$DOC"
}
