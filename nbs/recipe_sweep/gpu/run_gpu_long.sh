#!/bin/bash
# The second lent-GPU call (README.md): the long recipe at batch 512 (lr 0.6), for as many epochs as the time left
# allows, sized from a 3-epoch probe of the same settings (run_gpu.sh sized from one epoch, which carries the start-up).
# Usage on the device machine, from the repository root: BUDGET=360 bash nbs/recipe_sweep/gpu/run_gpu_long.sh
set -u
T0=$(date +%s); BUDGET=${BUDGET:-360}; W=${W:-15}; OUT=${OUT:-/tmp/gpu_out}; mkdir -p "$OUT"
exec > >(tee -a "$OUT/log.txt") 2>&1
el() { echo $(( $(date +%s) - T0 )); }; say() { echo "[$(el)s] $*"; }; left() { echo $(( BUDGET - $(el) )); }
RUNS=/tmp/gpu_runs; mkdir -p $RUNS
pack() { (cd $RUNS && tar czf "$OUT/runs.tgz" --exclude=checkpoint.pth . 2>/dev/null); }
export PYTHONUNBUFFERED=1 S9CIFAR_CACHE=/tmp/s9cache
if [ -z "${NOWHL:-}" ] && [ -d .whl ]; then
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl || exit 1
  export PYTHONPATH=/tmp/site:$PWD
fi
if [ -f .gpudata/c10.tar.xz ]; then mkdir -p /tmp/data && tar xJf .gpudata/c10.tar.xz -C /tmp/data; D=/tmp/data/cifar10; else D=${D:?set D}; fi
python3 -m pip install -q --no-index --no-deps --no-build-isolation --target /tmp/s9pkg . >/dev/null 2>&1
if [ -x /tmp/s9pkg/bin/s9cifar_train ]; then TRAIN=(/tmp/s9pkg/bin/s9cifar_train); export PYTHONPATH=/tmp/s9pkg:${PYTHONPATH:-}
else TRAIN=(python3 -c 'import sys; from s9cifar.cli import s9cifar_train; sys.argv[0] = "s9cifar_train"; sys.exit(s9cifar_train())'); fi
say "setup done: ${TRAIN[*]}"
train() { # name, timeout, flags...
  local name=$1 t=$2; shift 2
  say "start $name (timeout ${t}s): s9cifar_train --data $D --out $RUNS/$name $*"
  local s=$(date +%s)
  timeout -s INT $t "${TRAIN[@]}" --data $D --out $RUNS/$name "$@" 2>&1 | tr '\r' '\n' | grep -vE "^\s*$|Epoch [0-9]+/[0-9]+ :|\[[0-9]+/[0-9]+ |█"
  local rc=${PIPESTATUS[0]}; say "end $name: rc $rc, $(( $(date +%s) - s )) s wall"; pack
}
epoch_s() { python3 -c "import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); s=[float(x['seconds']) for x in r[1:]] or [float(x['seconds']) for x in r]; print(round(sum(s)/len(s),2))" "$1" 2>/dev/null || echo 0; }
FLAGS=(--recipe long --bs 512 --lr 0.6 --workers $W)
if [ "${DRY:-0}" = 1 ]; then FLAGS+=(--n-train 2000); fi
train probe_bs512_e3 90 "${FLAGS[@]}" --epochs 3
E=$(epoch_s $RUNS/probe_bs512_e3/history.csv); L=$(( $(left) - 10 ))
N=$(python3 -c "import sys; e,l=float(sys.argv[1]),int(sys.argv[2]); print(max(2, min(${LONG_MAX:-200}, int((l-35)*0.92/e))) if e>0 else 40)" $E $L)
say "an epoch after the first took ${E}s; ${L}s left: $N epochs"
train long_bs512_e$N $L "${FLAGS[@]}" --epochs $N
say "done"; ls -la "$OUT"
