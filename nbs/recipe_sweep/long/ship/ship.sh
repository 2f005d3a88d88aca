#!/bin/bash
# ship.sh RUN: ships the long run nbs/recipe_sweep/long/RUN if its final evaluation (metrics.json) is >= 90.0% without
# TTA: applies RUN/ship_if_90.patch (the notebook edits written for that run), fills its numbers from the run's metrics.json, copies the run's files beside the package and regenerates what reads
# them. Run from the repository root with the venv active, with nothing else running (it trains nothing, but the
# report and the tests are heavy). Steps that need a person stay listed at the end.
set -euo pipefail
D=nbs/recipe_sweep/long/${1:?which run: ship.sh RUN, e.g. e150_wide_kd3_d09}
[ -f $D/ship_if_90.patch ] || { echo "$D has no ship_if_90.patch"; exit 1; }
python - "$D" <<'PY'
import json, sys
m = json.load(open(f'{sys.argv[1]}/metrics.json'))
if m['accuracy'] < 0.9: sys.exit(f"not shipped: {m['accuracy']:.2%} without TTA")
PY
git apply --3way $D/ship_if_90.patch
python - "$D" <<'PY'
import json, re, sys, subprocess
from pathlib import Path
from datetime import date, datetime
m = json.load(open(f'{sys.argv[1]}/metrics.json'))
short = lambda c: ('AMX Xeon' if 'AMX' in c['precision'] else 'Xeon') if 'Xeon' in c['cpu'] else c['cpu'].replace('(R)', '')
parts = []
for c in m['calls']:
    what = f"{short(c)} ({c['precision']})"
    if parts and parts[-1][2] == what: parts[-1][1] = c['epochs'][1]
    else: parts.append([c['epochs'][0], c['epochs'][1], what])
d0, d1 = m['calls'][0]['date'][:10], m['date'][:10]
# train_seconds counts the epochs' wall time, so it includes the stops (SIGSTOP) for tests that pauses.txt records
# as 'YYYY-MM-DDTHH:MM:SSZ-HH:MM:SSZ ... stopped': the tables give the training alone
stops = [(datetime.fromisoformat(f'{d}T{b}'), datetime.fromisoformat(f'{d}T{e}')) for d, b, e in
         re.findall(r'^(\d{4}-\d\d-\d\d)T(\d\d:\d\d:\d\d)Z-(\d\d:\d\d:\d\d)Z .*stopped', Path(f'{sys.argv[1]}/pauses.txt').read_text(), re.M)]
paused = sum((e - b).total_seconds() for b, e in stops)
assert all(e > b for b, e in stops), stops
train_s = m['train_seconds'] - paused
print(f"train_seconds {m['train_seconds']:,.0f} less {len(stops)} stops for tests ({paused:,.0f} s): {train_s:,.0f} s")
fill = {'@ACC@': f"{100*m['accuracy']:.2f}", '@TTA@': f"{100*m['accuracy_tta']:.2f}", '@TSEC@': f"{train_s:,.0f}",
        '@THOURS@': f"{train_s/3600:.1f}", '@DATES@': d0 if d0 == d1 else f"{d0} to {d1}",
        '@MACH@': ', '.join(f"epochs {a}-{b}: 2-core {w}" for a, b, w in parts), '@SHIPDATE@': date.today().isoformat()}
files = subprocess.run(['git', 'diff', '--name-only', 'HEAD'], capture_output=True, text=True).stdout.split()
for f in files:
    if Path(f).suffix not in ('.ipynb', '.md'): continue
    t = Path(f).read_text(); t2 = t
    for k, v in fill.items(): t2 = t2.replace(k, v)
    if t2 != t: Path(f).write_text(t2); print('filled', f)
print(fill)
PY
for f in model.pth model.json metrics.json history.csv; do cp $D/$f s9cifar/weights/$f; done
git rm -q --cached $D/ship_if_90.patch 2>/dev/null || true; rm -f $D/ship_if_90.patch
nbdev-export
export S9CIFAR_DATA=../shared/data/cifar10
s9cifar_report --model s9cifar/weights/model.pth --data $S9CIFAR_DATA --out nbs/figures   # relative --model: report.md names the repo's file, not this machine's path
python nbs/recipe_sweep/long/ship/ship_outputs.py "$D"   # the notebooks' stored outputs on the new weights, and the prose numbers they give
touch -d '1 minute ago' /tmp/ship_stamp
S9CIFAR_DEMO_SCREENSHOT=$PWD/nbs/figures/demo.png nbdev-test --n-workers 1 --file-re "09_"
[ nbs/figures/demo.png -nt /tmp/ship_stamp ] || { echo "no new demo screenshot: is chromium installed (apt-get install chromium)?"; exit 1; }
nbdev-test --n-workers 1 --file-re "06_"   # draws figures/time_to_accuracy.png with the run's history
bash tools/readme
nbdev-clean
git status --short
cat <<'TODO'
Left to do by a person:
- look at nbs/figures/time_to_accuracy.png, the report's figures and demo.png; read the filled prose (git diff)
- long/README.md: the run's heading "(in progress)" -> its result paragraph (saying that the tables' seconds are
  metrics.json's train_seconds less the stops for tests in pauses.txt, as printed above), its table filled to the end
- nbdev-test --n-workers 1 (all, S9CIFAR_DATA set); commit (git rm --cached the checkpoint; weights, metrics, history)
- a fresh clone: s9cifar_evaluate --data ../shared/data/cifar10, in bf16 and on AVX2 code paths; CI=true bash .ci/run
TODO
