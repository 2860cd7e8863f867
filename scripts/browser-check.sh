#!/usr/bin/env bash
# Starts the packaged app on the default run (H2, demo data) on 127.0.0.1 and looks at Tasklist in headless
# Chromium as an agent and a manager (scripts/browser-check.js). Needs target/careloop-*.jar (mvn -B verify builds it).
# Then the webapps in Chinese for an English browser (scripts/browser-check-locales.js). Screenshots: target/browser/.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi
if ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  # the Chinese webapps render in tofu boxes without a CJK font
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
fi
jar=$(ls target/careloop-*.jar | grep -v original | head -1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
work=$(mktemp -d)
(cd "$work" && exec java -jar "$OLDPWD/$jar" --server.port="$port" --server.address=127.0.0.1 > app.log 2>&1) &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
# ready = start-up work (users, demo data) done, port open, job executor running (config/StartupTasks)
for i in $(seq 1 300); do
  curl -sf "$base/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 $app 2>/dev/null || { cat "$work/app.log"; exit 1; }
  sleep 1
done
curl -sf "$base/actuator/health/readiness" >/dev/null || { tail -50 "$work/app.log"; exit 1; }
grep -q "Demo data loaded" "$work/app.log" || { tail -50 "$work/app.log"; exit 1; }
customer=$(curl -sf -u manager1:manager1 -H 'Content-Type: application/json' \
  -d '{"externalId":"BROWSER-HTML-1","name":"<a href=\"https://evil.example/x\">点此领奖</a> [点我](https://evil.example)","tier":"STANDARD","phone":"13800138000"}' \
  "$base/api/customers" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
# NEW_PURCHASE: a phone scenario (bpmn/surveyChannel.dmn texts USAGE customers with a mobile first: no call task yet)
number=$(curl -sf -u manager1:manager1 -H 'Content-Type: application/json' -d "{\"customerId\":$customer,\"scenario\":\"NEW_PURCHASE\"}" \
  "$base/api/follow-ups" | python3 -c 'import json,sys; print(json.load(sys.stdin)["number"])')
node scripts/browser-check.js "$base" "$number" target/browser || { tail -80 "$work/app.log"; exit 1; }
node scripts/browser-check-locales.js "$base" target/browser || { tail -80 "$work/app.log"; exit 1; }
