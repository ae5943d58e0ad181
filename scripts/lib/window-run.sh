# Sourced by scripts/startup-bench, scripts/idle-footprint, packaging/aot-window-classes-update and
# packaging/aot-training (its display, and the sound server named below): starts Parley's window (or another
# command) in a throwaway home, under a private Xvfb display, and waits for the start-up markers
# ParleyApp logs ("Window shown N ms after the JVM started", "Ready ... N ms after the JVM started").
#
# The launcher is scripts/parley (the dev build) or an app-image's bin/Parley (--image DIR).

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
now_ms() { date +%s%3N; }

# A display of our own, so runs do not share one with anything else; closed by window_run_cleanup.
xvfb_pid=""
window_display() {
  if ! command -v Xvfb >/dev/null; then
    echo "needs Xvfb (apt-get install xvfb libgtk-3-0)" >&2; exit 1
  fi
  local n
  for n in $(seq 90 130); do
    [[ -e "/tmp/.X11-unix/X$n" || -e "/tmp/.X$n-lock" ]] && continue
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
    xvfb_pid=$!
    for _ in $(seq 1 50); do [[ -e "/tmp/.X11-unix/X$n" ]] && break; sleep 0.1; done
    export DISPLAY=":$n"
    return 0
  done
  echo "no free X display between :90 and :130" >&2; exit 1
}

# A fresh home per run: the shipped config, the welcome already done, nothing from the real user.
fresh_home() {
  local home; home="$(mktemp -d)"
  mkdir -p "$home/.config/parley"
  cp "$root/config.yaml" "$home/.config/parley/config.yaml"
  touch "$home/.config/parley/welcome-done"
  # The user's audio set-up, so the window opens the microphone as on the user's own desktop: ALSA's
  # routing to the sound server (scripts/audio-null-sink writes it on a machine without a sound card).
  if [[ -f "$HOME/.asoundrc" ]]; then cp "$HOME/.asoundrc" "$home/.asoundrc"; fi
  echo "$home"
}

# A sound server found through the real home (no XDG_RUNTIME_DIR, as for root here) is named
# outright: the throwaway home would not find it.
if [[ -z "${PULSE_SERVER:-}" && -z "${XDG_RUNTIME_DIR:-}" ]] && command -v pactl >/dev/null; then
  server="$(pactl info 2>/dev/null | sed -n 's/^Server String: //p' || true)"
  if [[ -n "$server" ]]; then export PULSE_SERVER="$server"; fi # (an if: the callers run with set -e)
fi

# launch_parley HOME IMAGE ARGS...: starts Parley in the background; sets parley_pid, launched_ms.
launch_parley() {
  local home="$1" image="$2"; shift 2
  local launcher=("$root/scripts/parley")
  [[ -n "$image" ]] && launcher=("$image/bin/Parley")
  launched_ms=$(now_ms)
  env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    "${launcher[@]}" "$@" >"$home/stdout" 2>"$home/stderr" &
  parley_pid=$!
}

# wait_for HOME PATTERN SECONDS: prints the ms from launch to the first log line that contains PATTERN
# (alternatives separated by \|, as grep reads them), taken from the line's own time stamp; fails after
# SECONDS. While it waits it starts no process: the start it watches is CPU-bound on two cores, and the
# grep, date and sleep it used to run every 50 ms took a third of a core from it (~1 s of CPU in 3 s).
wait_for() {
  local log="$1/.local/share/parley/logs/parley.log" nap="$1/.wait-for-nap" line="" part alt found=""
  local -a alts
  mapfile -t alts <<<"${2//\\|/$'\n'}"
  local deadline=$(( $(now_ms) + $3 * 1000 )) log_fd="" nap_fd
  [[ -p "$nap" ]] || mkfifo "$nap"
  exec {nap_fd}<>"$nap" # nothing is ever written to it: a read on it is a 50 ms sleep
  while [[ -z "$found" ]] && (( ${EPOCHREALTIME//[.,]/} / 1000 < deadline )); do
    [[ -z "$log_fd" && -f "$log" ]] && exec {log_fd}<"$log"
    # Reads on from where the last look stopped; a line still being written is kept until it ends.
    while [[ -n "$log_fd" && -z "$found" ]]; do
      part=""
      if IFS= read -r part <&"$log_fd"; then line+="$part"; else line+="$part"; break; fi
      for alt in "${alts[@]}"; do [[ "$line" == *"$alt"* ]] && found="$line"; done
      line=""
    done
    [[ -n "$found" ]] && break
    kill -0 "$parley_pid" 2>/dev/null || break
    read -r -t 0.05 -u "$nap_fd" _ || true
  done
  exec {nap_fd}>&-
  [[ -n "$log_fd" ]] && exec {log_fd}<&-
  if [[ -n "$found" ]]; then echo $(( $(date -d "${found:0:23}" +%s%3N) - launched_ms )); return 0; fi
  if ! kill -0 "$parley_pid" 2>/dev/null; then
    echo "Parley exited before '$2'; stderr:" >&2; cat "$1/stderr" >&2; return 1
  fi
  echo "no '$2' within $3 s" >&2
  return 1
}

stop_parley() {
  [[ -n "${parley_pid:-}" ]] || return 0
  kill "$parley_pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$parley_pid" 2>/dev/null || break; sleep 0.05; done
  kill -9 "$parley_pid" 2>/dev/null || true
  wait "$parley_pid" 2>/dev/null || true
  parley_pid=""
}

window_run_cleanup() {
  stop_parley
  [[ -n "$xvfb_pid" ]] && kill "$xvfb_pid" 2>/dev/null || true
}

median() { sort -n | awk '{v[NR]=$1} END {if (NR==0) exit; print (NR%2 ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2))}'; }
