# free-port.sh: sourced by the test scripts that start servers on loopback.
#
# free_port FROM TO: the first TCP port in FROM..TO that no socket on this
# machine uses, listening or not.  An outgoing connection's local port
# blocks a server's bind as well ("Address already in use"), so a port that
# merely nobody listens on is not enough; the ranges the scripts use lie
# below 32768, out of Linux's range of ephemeral ports (32768..60999).
free_port() {
  local p
  for ((p = $1; p <= $2; p++)); do
    if command -v ss >/dev/null 2>&1 && [[ -n $(ss -Htan "( sport = :$p )" 2>/dev/null) ]]; then
      continue
    fi
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  echo "free_port: no free port in $1..$2" >&2
  return 1
}
